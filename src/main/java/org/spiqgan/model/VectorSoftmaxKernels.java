package org.spiqgan.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spiqgan.quantum.VectorMath;

/**
 * {@link SoftmaxKernels} with the Vector API: the logarithms and exponentials lane by lane ({@link VectorMath}, whose
 * bits do not depend on whether the JIT has compiled them), the sums in vector accumulators reduced at the end in lane
 * order. The same quantities as {@link SoftmaxKernels#SCALAR}, rounded differently: {@link VectorMath}'s logarithm and
 * exponential are within a few units in the last place of {@code Math.log} and {@code Math.exp}, and the sums are
 * reassociated (tested to 1e-13 relative in {@code SoftmaxKernelsTest}). Patches of fewer basis
 * states than one vector holds use the scalar loops. Loaded by name by {@link SoftmaxKernels#chosen()} only.
 */
final class VectorSoftmaxKernels implements SoftmaxKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int LOG_L = Integer.numberOfTrailingZeros(L);
    @Override
    public double scores(double[] p, int po, double[] nz, int no, int dim, double tau, double floor) {
        if (dim < L) return SCALAR.scores(p, po, nz, no, dim, tau, floor);
        DoubleVector max = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        for (int b = 0; b < dim; b += L) {
            DoubleVector g = VectorMath.log(VectorMath.log(DoubleVector.fromArray(S, nz, no + b)).neg()).neg();
            DoubleVector s = VectorMath.log(DoubleVector.fromArray(S, p, po + b).max(floor)).add(g).div(tau);
            s.intoArray(nz, no + b);
            max = max.max(s);
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
        DoubleVector sum = DoubleVector.zero(S);
        for (int b = 0; b < dim; b += L) {
            DoubleVector e = VectorMath.exp(DoubleVector.fromArray(S, s, so + b).sub(max));
            e.intoArray(y, b);
            sum = sum.add(e);
        }
        double total = VectorMath.sum(sum);
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
                VectorMask<Double> high = VectorMath.high(i);
                for (int c = 0; c < dim; c += L) acc = acc.add(DoubleVector.fromArray(S, v, vo + c), high);
            } else {
                // codes with bit i set come in whole runs of 2^i >= L
                int w = 1 << i;
                for (int hi = w; hi < dim; hi += w << 1) {
                    for (int c = hi, e = hi + w; c < e; c += L) acc = acc.add(DoubleVector.fromArray(S, v, vo + c));
                }
            }
            out[i] = VectorMath.sum(acc);
        }
    }

    @Override
    public String toString() {
        return "vector (" + L + " doubles)";
    }
}
