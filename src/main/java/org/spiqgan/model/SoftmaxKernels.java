package org.spiqgan.model;

import org.spiqgan.quantum.KernelChoice;

/**
 * The per-item loops of the Gumbel-softmax relaxation over the 2^m basis states of a patch (three logarithms
 * and an exponential per state): after the simulator's kernels were vectorized, these were a third of a
 * training step of the paper's model at N = 10. {@link #SCALAR} computes exactly what the relaxation always did
 * (the same bits); the Vector API implementation ({@code VectorSoftmaxKernels}) is used when the simulator
 * uses its vector kernels ({@link KernelChoice}), so one switch decides both, and it is loaded by name only then.
 */
interface SoftmaxKernels {
    /**
     * In: nz[no .. no + dim) holds uniforms u in (0, 1). Out: the scores s = (log max(P, floor) + g) / tau with the
     * Gumbel noise g = -log(-log u), written over the uniforms. Returns the largest score.
     */
    double scores(double[] p, int po, double[] nz, int no, int dim, double tau, double floor);

    /** The largest of s[so .. so + dim). */
    double max(double[] s, int so, int dim);

    /** y[0 .. dim) = softmax of s[so .. so + dim), whose largest entry is max. */
    void softmax(double[] s, int so, int dim, double max, double[] y);

    /** out[i] = the sum of v[vo + c] over the codes c < 2^m with bit i set, for i < m. */
    void marginals(double[] v, int vo, int m, double[] out);

    /** The kernels of this JVM: vector when the simulator's are. */
    static SoftmaxKernels chosen() {
        if (!KernelChoice.vectorInUse()) return SCALAR;
        try {
            return (SoftmaxKernels) Class.forName("org.spiqgan.model.VectorSoftmaxKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load the vector relaxation kernels: " + e, e);
        }
    }

    SoftmaxKernels SCALAR = new SoftmaxKernels() {
        @Override
        public double scores(double[] p, int po, double[] nz, int no, int dim, double tau, double floor) {
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < dim; b++) {
                double g = -Math.log(-Math.log(nz[no + b]));
                double s = (Math.log(Math.max(p[po + b], floor)) + g) / tau;
                nz[no + b] = s;
                if (s > max) max = s;
            }
            return max;
        }

        @Override
        public double max(double[] s, int so, int dim) {
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < dim; b++) max = Math.max(max, s[so + b]);
            return max;
        }

        @Override
        public void softmax(double[] s, int so, int dim, double max, double[] y) {
            double sum = 0;
            for (int b = 0; b < dim; b++) {
                y[b] = Math.exp(s[so + b] - max);
                sum += y[b];
            }
            for (int b = 0; b < dim; b++) y[b] /= sum;
        }

        @Override
        public void marginals(double[] v, int vo, int m, double[] out) {
            // one pass with a running sum per bit: each sum still adds its terms in increasing code order (the
            // bits of a loop per bit), but the m sums are independent chains instead of one long one
            java.util.Arrays.fill(out, 0, m, 0.0);
            for (int c = 1, dim = 1 << m; c < dim; c++) {
                double x = v[vo + c];
                for (int bits = c; bits != 0; bits &= bits - 1) out[Integer.numberOfTrailingZeros(bits)] += x;
            }
        }

        @Override
        public String toString() {
            return "scalar";
        }
    };
}
