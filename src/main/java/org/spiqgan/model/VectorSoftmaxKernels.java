package org.spiqgan.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
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
        for (int i = 0; i < m; i++) {
            DoubleVector acc = DoubleVector.zero(S);
            if (i < LOG_L) {
                VectorMask<Double> high = VectorMask.fromLong(S, VectorMath.highBits(i));
                for (int c = 0; c < dim; c += L) acc = acc.add(DoubleVector.fromArray(S, v, vo + c), high);
            } else {
                // codes with bit i set come in whole runs of 2^i >= L
                int w = 1 << i;
                for (int hi = w; hi < dim; hi += w << 1) {
                    for (int c = hi, e = hi + w; c < e; c += L) acc = acc.add(DoubleVector.fromArray(S, v, vo + c));
                }
            }
            if (!VectorMath.STORE_LANES) {
                out[i] = VectorMath.sum(acc);
                continue;
            }
            for (int q = LOG_L - 1; q >= 0; q--) acc = acc.add(acc.rearrange(VectorMath.swap(q))); // VectorMath's fold
            out[i] = acc.lane(0);
        }
    }

    @Override
    public String toString() {
        return "vector (" + L + " doubles)";
    }
}
