package org.spiqgan.quantum;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The multiplexed rotation and the adjoint sweeps of {@link RealRowKernels} with the Vector API: for each row pair
 * and each vector of lanes, one pass (in the adjoint the correlation and the two inverse rotations together, the four
 * rows loaded once), where the loops of {@link RealRowKernels} run over short rows (32 lanes in the stationary model),
 * each vectorized by the JIT with its own start-up and tail, three of them per row pair in the adjoint. The operations per lane are those of the loops, in the same order, with
 * multiplies and adds rounded separately (no fused multiply-add), so the results are the same bits
 * ({@code VectorRowKernelsTest}). Loaded only by {@link RealRowKernels.FusedRows#chosen}, by name, so that the jar
 * runs on a JVM without the module.
 */
final class VectorRowKernels implements RealRowKernels.FusedRows {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public void ryMultiplexed(double[][] psi, int qubits, int lanes, int target, double[] c, double[] s, double[] cosT,
            double[] sinT, double[][] scratch) {
        int dim = 1 << qubits, step = 1 << target;
        double[] co = scratch[0], so = scratch[1];
        for (int lo = 0; lo < step; lo++) {
            double[] rc = c, rs = s;
            if (cosT != null) {
                RealRowKernels.combine(c, s, cosT[lo], sinT[lo], co, so, lanes);
                rc = co;
                rs = so;
            }
            for (int hi = 0; hi < dim; hi += step << 1) {
                double[] p0 = psi[hi + lo], p1 = psi[hi + lo + step];
                for (int v = 0; v < lanes; v += L) {
                    DoubleVector x0 = DoubleVector.fromArray(S, p0, v), x1 = DoubleVector.fromArray(S, p1, v);
                    DoubleVector ck = DoubleVector.fromArray(S, rc, v), sk = DoubleVector.fromArray(S, rs, v);
                    // RealRowKernels.rotate
                    ck.mul(x0).sub(sk.mul(x1)).intoArray(p0, v);
                    sk.mul(x0).add(ck.mul(x1)).intoArray(p1, v);
                }
            }
        }
    }

    @Override
    public void ryMultiplexedAdjoint(double[][] psi, double[][] lam, int qubits, int lanes, int target, double[] c,
            double[] s, double[] cosT, double[] sinT, double[] grad, double[] tableGrad, double[][] scratch) {
        if (cosT == null) {
            ryAdjoint(psi, lam, qubits, lanes, target, c, s, grad, scratch);
            return;
        }
        int dim = 1 << qubits, step = 1 << target;
        double[] acc = scratch[0], co = scratch[1], so = scratch[2], neg = scratch[3];
        for (int lo = 0; lo < step; lo++) {
            RealRowKernels.combine(c, s, cosT[lo], sinT[lo], co, so, lanes);
            for (int k = 0; k < lanes; k++) neg[k] = -so[k];
            java.util.Arrays.fill(acc, 0, lanes, 0.0);
            for (int hi = 0; hi < dim; hi += step << 1) {
                double[] p0 = psi[hi + lo], p1 = psi[hi + lo + step], l0 = lam[hi + lo], l1 = lam[hi + lo + step];
                for (int v = 0; v < lanes; v += L) {
                    DoubleVector x0 = DoubleVector.fromArray(S, p0, v), x1 = DoubleVector.fromArray(S, p1, v);
                    DoubleVector y0 = DoubleVector.fromArray(S, l0, v), y1 = DoubleVector.fromArray(S, l1, v);
                    DoubleVector ck = DoubleVector.fromArray(S, co, v), sk = DoubleVector.fromArray(S, neg, v);
                    // acc += l1 p0 - l0 p1, then the rotation by (co, -so) of both pairs: RealRowKernels.rotate
                    DoubleVector.fromArray(S, acc, v).add(y1.mul(x0).sub(y0.mul(x1))).intoArray(acc, v);
                    ck.mul(x0).sub(sk.mul(x1)).intoArray(p0, v);
                    sk.mul(x0).add(ck.mul(x1)).intoArray(p1, v);
                    ck.mul(y0).sub(sk.mul(y1)).intoArray(l0, v);
                    sk.mul(y0).add(ck.mul(y1)).intoArray(l1, v);
                }
            }
            double g = 0;
            for (int k = 0; k < lanes; k++) {
                double v = acc[k];
                g += v;
                grad[k] += 0.5 * v;
            }
            tableGrad[lo] += 0.5 * g;
        }
    }

    @Override
    public void ryAdjoint(double[][] psi, double[][] lam, int qubits, int lanes, int q, double[] c, double[] s, double[] grad,
            double[][] scratch) {
        int dim = 1 << qubits, step = 1 << q;
        double[] neg = scratch[3];
        for (int k = 0; k < lanes; k++) neg[k] = -s[k];
        DoubleVector half = DoubleVector.broadcast(S, 0.5);
        for (int hi = 0; hi < dim; hi += step << 1) {
            for (int lo = 0; lo < step; lo++) {
                double[] p0 = psi[hi + lo], p1 = psi[hi + lo + step], l0 = lam[hi + lo], l1 = lam[hi + lo + step];
                for (int v = 0; v < lanes; v += L) {
                    DoubleVector x0 = DoubleVector.fromArray(S, p0, v), x1 = DoubleVector.fromArray(S, p1, v);
                    DoubleVector y0 = DoubleVector.fromArray(S, l0, v), y1 = DoubleVector.fromArray(S, l1, v);
                    DoubleVector ck = DoubleVector.fromArray(S, c, v), sk = DoubleVector.fromArray(S, neg, v);
                    // grad += 0.5 (l1 p0 - l0 p1), pair by pair as in RealRowKernels.ryAdjointLoops
                    DoubleVector.fromArray(S, grad, v).add(half.mul(y1.mul(x0).sub(y0.mul(x1)))).intoArray(grad, v);
                    ck.mul(x0).sub(sk.mul(x1)).intoArray(p0, v);
                    sk.mul(x0).add(ck.mul(x1)).intoArray(p1, v);
                    ck.mul(y0).sub(sk.mul(y1)).intoArray(l0, v);
                    sk.mul(y0).add(ck.mul(y1)).intoArray(l1, v);
                }
            }
        }
    }
}
