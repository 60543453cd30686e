package org.spiqgan.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spiqgan.quantum.VectorMath;

/**
 * {@link SoftmaxKernels} with the Vector API: the logarithms and exponentials as array passes of {@link VectorMath}
 * (whose bits do not depend on whether the JIT has compiled them, and which never box a vector), the sums in vector
 * accumulators reduced at the end in lane order. The same quantities as {@link SoftmaxKernels#SCALAR}, computed
 * differently: the score takes log(P / E), E = -log u, where the scalar loop adds log P and -log E (two logarithms
 * instead of three), {@link VectorMath}'s logarithm and exponential are within a few units in the last place of
 * {@code Math.log} and {@code Math.exp}, and the sums are reassociated (tested in {@code SoftmaxKernelsTest}).
 * Patches of fewer basis states than one vector holds use the scalar loops. Loaded by name by
 * {@link SoftmaxKernels#chosen()} only.
 */
final class VectorSoftmaxKernels implements SoftmaxKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int LOG_L = Integer.numberOfTrailingZeros(L);
    private static final double[] HIGH = VectorMath.highLanes();

    /** Runs each kernel once, for the reason of {@code VectorKernels}' warm-up: the Vector API's classes initialized
     * before any kernel gets hot. Results are discarded. */
    VectorSoftmaxKernels() {
        int m = LOG_L + 2, dim = 1 << m;
        double[] p = new double[dim], nz = new double[dim], y = new double[dim], out = new double[m];
        java.util.Arrays.fill(p, 1.0 / dim);
        java.util.Arrays.fill(nz, 0.5);
        double max = scores(p, 0, nz, 0, dim, 0.5, 1e-30);
        softmax(nz, 0, dim, max, y);
        marginals(y, 0, m, out);
    }
    @Override
    public double scores(double[] p, int po, double[] nz, int no, int dim, double tau, double floor) {
        if (dim < L) return SCALAR.scores(p, po, nz, no, dim, tau, floor);
        // log P + g = log P - log E = log(P / E) with E = -log u: two logarithms per state instead of three
        VectorMath.log(nz, no, dim);
        for (int b = 0; b < dim; b += L) {
            DoubleVector.fromArray(S, p, po + b).max(floor).div(DoubleVector.fromArray(S, nz, no + b).neg())
                    .intoArray(nz, no + b);
        }
        VectorMath.log(nz, no, dim);
        DoubleVector max = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        for (int b = 0; b < dim; b += L) {
            DoubleVector sc = DoubleVector.fromArray(S, nz, no + b).div(tau);
            sc.intoArray(nz, no + b);
            max = max.max(sc);
        }
        return max.reduceLanes(VectorOperators.MAX);
    }

    @Override
    public double max(double[] s, int so, int dim) {
        if (dim < L) return SCALAR.max(s, so, dim);
        DoubleVector max = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        for (int b = 0; b < dim; b += L) max = max.max(DoubleVector.fromArray(S, s, so + b));
        return max.reduceLanes(VectorOperators.MAX);
    }

    @Override
    public void softmax(double[] s, int so, int dim, double max, double[] y) {
        if (dim < L) {
            SCALAR.softmax(s, so, dim, max, y);
            return;
        }
        double total = VectorMath.exp(s, so, max, y, 0, dim);
        for (int b = 0; b < dim; b += L) DoubleVector.fromArray(S, y, b).div(total).intoArray(y, b);
    }

    @Override
    public void marginals(double[] v, int vo, int m, double[] out) {
        int dim = 1 << m;
        if (dim < L) {
            SCALAR.marginals(v, vo, m, out);
            return;
        }
        // The sum for bit i adds the codes with bit i set in increasing order, as a pass per bit would, but the sums
        // run side by side as independent chains, seven bits and the running total per pass (a dependent chain of
        // additions per bit: JDK 25's training step 9% slower): vector k (codes k L .. k L + L) enters the sum for
        // bit i >= log2 L as fma(v, 1, acc) = acc + v when bit i - log2 L of k is set and fma(v, 0, acc) = acc + 0 =
        // acc when it is not, the additions of a pass per bit exactly. Bits below log2 L select lanes of the total.
        DoubleVector zero = DoubleVector.zero(S);
        for (int g = LOG_L; g < Math.max(m, LOG_L + 1); g += 7) {
            int b = g - LOG_L;
            // every pass keeps the total (unconditionally: JDK 17's C2 boxed a vector updated under a condition in
            // the loop, and fell back to the API's allocating Java code), the first one uses it
            DoubleVector total = zero, a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero, a6 = zero;
            for (int k = 0, c = 0; c < dim; k++, c += L) {
                DoubleVector x = DoubleVector.fromArray(S, v, vo + c);
                total = total.add(x);
                int bits = k >> b;
                a0 = x.fma(DoubleVector.broadcast(S, (double) (bits & 1)), a0);
                a1 = x.fma(DoubleVector.broadcast(S, (double) (bits >> 1 & 1)), a1);
                a2 = x.fma(DoubleVector.broadcast(S, (double) (bits >> 2 & 1)), a2);
                a3 = x.fma(DoubleVector.broadcast(S, (double) (bits >> 3 & 1)), a3);
                a4 = x.fma(DoubleVector.broadcast(S, (double) (bits >> 4 & 1)), a4);
                a5 = x.fma(DoubleVector.broadcast(S, (double) (bits >> 5 & 1)), a5);
                a6 = x.fma(DoubleVector.broadcast(S, (double) (bits >> 6 & 1)), a6);
            }
            for (int j = 0; j < 7 && g + j < m; j++) {
                DoubleVector acc = j == 0 ? a0 : j == 1 ? a1 : j == 2 ? a2 : j == 3 ? a3 : j == 4 ? a4 : j == 5 ? a5 : a6;
                // VectorMath.sum's order, written here: a vector passed to a method C2 does not inline is boxed
                for (int q = LOG_L - 1; q >= 0; q--) acc = acc.add(acc.rearrange(VectorMath.swap(q)));
                out[g + j] = acc.lane(0);
            }
            for (int i = 0; i < LOG_L && b == 0; i++) {
                DoubleVector acc = zero.blend(total, DoubleVector.fromArray(S, HIGH, i * L).compare(VectorOperators.NE, 0));
                for (int q = LOG_L - 1; q >= 0; q--) acc = acc.add(acc.rearrange(VectorMath.swap(q)));
                out[i] = acc.lane(0);
            }
        }
    }

    @Override
    public String toString() {
        return "vector (" + L + " doubles)";
    }
}
