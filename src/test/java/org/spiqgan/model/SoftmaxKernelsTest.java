package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The relaxation's kernels: the scalar ones are the loops the relaxation always ran (the same bits), and the
 * Vector API ones give the same numbers to 1e-13 relative (they round the logarithm, the exponential and the
 * sums differently), for patches of 1 to 12 qubits, below and above one vector of basis states.
 */
class SoftmaxKernelsTest {
    private static final double TAU = 0.5, FLOOR = 1e-30, TOL = 1e-13;

    /** Born probabilities with some exact zeros (floored) and a wide range of sizes. */
    private static double[] probabilities(SplittableRandom r, int dim, int offset) {
        double[] p = new double[offset + dim];
        double sum = 0;
        for (int b = 0; b < dim; b++) {
            double v = r.nextInt(7) == 0 ? 0 : Math.exp(-20 * r.nextDouble());
            p[offset + b] = v;
            sum += v;
        }
        for (int b = 0; b < dim; b++) p[offset + b] /= sum;
        return p;
    }

    private static double[] uniforms(SplittableRandom r, int dim, int offset) {
        double[] u = new double[offset + dim];
        for (int b = 0; b < dim; b++) u[offset + b] = ((r.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        return u;
    }

    @Test
    void scalarKernelsAreTheRelaxationsOwnLoops() {
        SplittableRandom r = new SplittableRandom(1);
        for (int m = 1; m <= 10; m++) {
            int dim = 1 << m, off = 3;
            double[] p = probabilities(r, dim, off), nz = uniforms(r, dim, off), u = nz.clone();
            double max = SoftmaxKernels.SCALAR.scores(p, off, nz, off, dim, TAU, FLOOR);
            double want = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < dim; b++) {
                double g = -Math.log(-Math.log(u[off + b]));
                double s = (Math.log(Math.max(p[off + b], FLOOR)) + g) / TAU;
                assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(nz[off + b]));
                if (s > want) want = s;
            }
            assertEquals(want, max);
            double[] y = new double[dim], sums = new double[m];
            SoftmaxKernels.SCALAR.softmax(nz, off, dim, max, y);
            SoftmaxKernels.SCALAR.marginals(y, 0, m, sums);
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int c = 0; c < dim; c++) if ((c >> i & 1) != 0) s += y[c];
                assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(sums[i]), "bit " + i + " of " + m);
            }
        }
    }

    @Test
    void vectorKernelsAgreeWithTheScalarOnes() {
        SoftmaxKernels v = new VectorSoftmaxKernels(), s = SoftmaxKernels.SCALAR;
        SplittableRandom r = new SplittableRandom(2);
        for (int m = 1; m <= 12; m++) {
            for (int rep = 0; rep < 3; rep++) {
                int dim = 1 << m, off = 5 * rep;
                double[] p = probabilities(r, dim, off), u = uniforms(r, dim, off);
                double[] ns = u.clone(), nv = u.clone();
                double ms = s.scores(p, off, ns, off, dim, TAU, FLOOR), mv = v.scores(p, off, nv, off, dim, TAU, FLOOR);
                assertEquals(ms, mv, TOL * Math.abs(ms), "max score, m = " + m);
                for (int b = 0; b < dim; b++) assertEquals(ns[off + b], nv[off + b], TOL * Math.max(1, Math.abs(ns[off + b])), "score " + b);
                assertEquals(s.max(nv, off, dim), v.max(nv, off, dim), "the maximum is exact");
                double[] ys = new double[dim], yv = new double[dim];
                s.softmax(ns, off, dim, ms, ys);
                v.softmax(nv, off, dim, mv, yv);
                double total = 0;
                for (int b = 0; b < dim; b++) {
                    assertEquals(ys[b], yv[b], TOL * Math.max(ys[b], 1e-300) + 1e-300, "softmax " + b + ", m = " + m);
                    total += yv[b];
                }
                assertEquals(1, total, 1e-12);
                double[] gs = new double[m], gv = new double[m];
                s.marginals(ys, 0, m, gs);
                v.marginals(ys, 0, m, gv);
                for (int i = 0; i < m; i++) assertEquals(gs[i], gv[i], TOL * Math.max(1e-300, Math.abs(gs[i])), "marginal " + i);
                s.marginals(p, off, m, gs);
                v.marginals(p, off, m, gv);
                for (int i = 0; i < m; i++) {
                    assertEquals(gs[i], gv[i], TOL, "marginal of P, bit " + i);
                    assertTrue(gv[i] >= 0 && gv[i] <= 1 + 1e-12);
                }
            }
        }
    }

    /**
     * The vector marginals in one pass are bit for bit the pass per bit they replaced: each lane adds the codes with
     * the bit set in increasing order from 0, then the lanes are summed by halving (VectorMath's fixed order).
     */
    @Test
    void vectorMarginalsAddInThePassPerBitsOrder() {
        int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        SoftmaxKernels v = new VectorSoftmaxKernels();
        SplittableRandom r = new SplittableRandom(3);
        for (int m = Integer.numberOfTrailingZeros(lanes); m <= 13; m++) {
            int dim = 1 << m, off = 7;
            double[] p = probabilities(r, dim, off), got = new double[m];
            v.marginals(p, off, m, got);
            for (int i = 0; i < m; i++) {
                double[] acc = new double[lanes];
                for (int c = 0; c < dim; c += lanes) {
                    for (int k = 0; k < lanes; k++) if ((c + k >> i & 1) != 0) acc[k] += p[off + c + k];
                }
                for (int h = lanes >> 1; h > 0; h >>= 1) for (int k = 0; k < h; k++) acc[k] += acc[k + h];
                assertEquals(Double.doubleToLongBits(acc[0]), Double.doubleToLongBits(got[i]), "bit " + i + " of " + m);
            }
        }
    }
}
