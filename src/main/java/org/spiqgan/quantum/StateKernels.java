package org.spiqgan.quantum;

/**
 * The single-qubit kernels of {@link Evaluator}'s hot loops (JFR: {@code reverse} and {@code apply} are 85% of a
 * training step of the patch model), behind one interface so that a runtime choice ({@link KernelChoice}) can
 * swap the scalar loops of {@link Kernels} for Vector API ones without the rest of the simulator knowing.
 * Arguments as in {@link Kernels}: split re/im arrays of 2^n doubles, matrices as 8 doubles row-major.
 */
interface StateKernels {
    /** Applies the 2x2 matrix m[o..o+8) to qubit q. */
    void apply(double[] re, double[] im, int dim, int q, double[] m, int o);

    /** Applies diag(m00, m11) of m[o..o+8) to qubit q. */
    void applyDiag(double[] re, double[] im, int dim, int q, double[] m, int o);

    /** {@link Kernels#reverse}: psi := F^dag psi, r = correlation of lambda and psi, lambda := F^dag lambda. */
    void reverse(double[] re, double[] im, double[] lre, double[] lim, int dim, int q, double[] m, int o, double[] r);

    /** {@link Kernels#reverseDiag}: as {@link #reverse} for a diagonal block. */
    void reverseDiag(double[] re, double[] im, double[] lre, double[] lim, int dim, int q, double[] m, int o,
            double[] r);

    /** {@link Kernels#gather}: dst[i] = src[from[i]] for re and im (a permutation pass, e.g. a CNOT ring). */
    void gather(double[] re, double[] im, double[] dre, double[] dim_, int[] from, int dim);

    /** A short description for version texts and benchmark logs. */
    String describe();

    /** cos[i] = cos x[i], sin[i] = sin x[i] for i below n (the input angles of a circuit run). */
    default void cosSin(double[] x, double[] cos, double[] sin, int n) {
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(x[i]);
            sin[i] = Math.sin(x[i]);
        }
    }

    /** {@link Kernels#appendQubit}: the product-state prefix's doubling step (the same bits in every implementation). */
    default void appendQubit(double[] re, double[] im, int len, double ar, double ai, double br, double bi) {
        Kernels.appendQubit(re, im, len, ar, ai, br, bi);
    }

    /** {@link Kernels#appendQubitChained}: a doubling step whose factor also reads bit k (len = 2^(k+1)). */
    default void appendQubitChained(double[] re, double[] im, int len, int k, double ar, double ai, double br,
            double bi) {
        Kernels.appendQubitChained(re, im, len, k, ar, ai, br, bi);
    }

    /** {@link Kernels#bondStep}: a qubit added to both branches of the two-branch blocks. */
    default void bondStep(double[] r0, double[] i0, double[] r1, double[] i1, int len, int split, double[] t) {
        Kernels.bondStep(r0, i0, r1, i1, len, split, t);
    }

    /** {@link Kernels#bondClose}: the last qubit, summing the branches into (r0, i0). */
    default void bondClose(double[] r0, double[] i0, double[] r1, double[] i1, int len, int split, double[] t) {
        Kernels.bondClose(r0, i0, r1, i1, len, split, t);
    }

    /** {@link Kernels#applyMasked}: a gate on a relabelled state ({@link SamplingPlan}). */
    default void applyMasked(double[] re, double[] im, int dim, MaskedGate g, double[] m, int o) {
        Kernels.applyMasked(re, im, dim, g, m, o);
    }

    /** The lane count whose tables {@link MaskedGate} needs for {@link #applyMasked} (1: none). */
    default int maskedLanes() {
        return 1;
    }

    /**
     * The length of the r array that reverse and reverseDiag need: their 8 results go to r[0 .. 8), and kernels may
     * use the rest as scratch (the vector kernels store their accumulators' lanes there to sum them in a fixed order).
     */
    default int correlationLength() {
        return 8;
    }

    /** The plain loops of {@link Kernels}: the reference arithmetic, and the only kernels on JDK 17 without the module. */
    StateKernels SCALAR = new StateKernels() {
        @Override
        public void apply(double[] re, double[] im, int dim, int q, double[] m, int o) {
            Kernels.apply(re, im, dim, q, m, o);
        }

        @Override
        public void applyDiag(double[] re, double[] im, int dim, int q, double[] m, int o) {
            Kernels.applyDiag(re, im, dim, q, m, o);
        }

        @Override
        public void reverse(double[] re, double[] im, double[] lre, double[] lim, int dim, int q, double[] m, int o,
                double[] r) {
            Kernels.reverse(re, im, lre, lim, dim, q, m, o, r);
        }

        @Override
        public void reverseDiag(double[] re, double[] im, double[] lre, double[] lim, int dim, int q, double[] m,
                int o, double[] r) {
            Kernels.reverseDiag(re, im, lre, lim, dim, q, m, o, r);
        }

        @Override
        public void gather(double[] re, double[] im, double[] dre, double[] dim_, int[] from, int dim) {
            Kernels.gather(re, im, dre, dim_, from, dim);
        }

        @Override
        public String describe() {
            return "scalar";
        }
    };
}
