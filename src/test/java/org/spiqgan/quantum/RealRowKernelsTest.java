package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The row-layout kernels against the flat kernels they replace in the stationary generator: the same
 * arithmetic in the same order, so the same bits (tolerance 0: states, lane gradients, table gradients),
 * and the lane-parallel Born sampling against the lane-by-lane linear scan, pick for pick.
 */
class RealRowKernelsTest {
    static final int LANES = 7;

    static double[][] rows(double[] flat, int qubits) {
        double[][] r = RealRowKernels.state(qubits, LANES);
        for (int b = 0; b < r.length; b++) System.arraycopy(flat, b * LANES, r[b], 0, LANES);
        return r;
    }

    static double[] flat(double[][] rows) {
        double[] f = new double[rows.length * LANES];
        for (int b = 0; b < rows.length; b++) System.arraycopy(rows[b], 0, f, b * LANES, LANES);
        return f;
    }

    static double[] part(double[] v, int from) {
        return java.util.Arrays.copyOfRange(v, from, from + LANES);
    }

    @Test
    void productStateWithBlocksIsBitForBitTheFlatKernel() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 6;
        double[][] cs = RealBatchKernelsTest.trig(r, n * LANES);
        double[][] cosT = new double[n][], sinT = new double[n][];
        for (int t = 1; t < n; t++) {
            if (t == 3) continue; // a target without a block
            double[][] tab = RealBatchKernelsTest.trig(r, 1 << t);
            cosT[t] = tab[0];
            sinT[t] = tab[1];
        }
        double[] want = new double[LANES << n];
        RealBatchKernels.productStateMultiplexed(want, n, LANES, cs[0], cs[1], cosT, sinT, 0);
        double[][] c = new double[n][], s = new double[n][];
        for (int q = 0; q < n; q++) {
            c[q] = part(cs[0], q * LANES);
            s[q] = part(cs[1], q * LANES);
        }
        double[][] got = RealRowKernels.state(n, LANES);
        RealRowKernels.productStateMultiplexed(got, n, LANES, c, s, 0, cosT, sinT, 0);
        assertArrayEquals(want, flat(got));
    }

    @Test
    void rotationsAreBitForBitTheFlatKernelsIncludingTwoTargetPasses() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 6;
        for (int q = 0; q + 1 < n; q++) {
            double[] psi = RealBatchKernelsTest.random(r, LANES << n);
            double[][] csA = RealBatchKernelsTest.trig(r, LANES), csB = RealBatchKernelsTest.trig(r, LANES);
            double[] c = new double[2 * LANES], s = new double[2 * LANES];
            System.arraycopy(csA[0], 0, c, 0, LANES);
            System.arraycopy(csA[1], 0, s, 0, LANES);
            System.arraycopy(csB[0], 0, c, LANES, LANES);
            System.arraycopy(csB[1], 0, s, LANES, LANES);
            double[][] ta = q == 0 ? new double[][] {null, null} : RealBatchKernelsTest.trig(r, 1 << q);
            double[][] tb = q == 2 ? new double[][] {null, null} : RealBatchKernelsTest.trig(r, 2 << q);
            // the flat path ran targets q and q + 1 as one two-target pass: the same bits as two single passes
            double[] want = psi.clone();
            RealBatchKernels.ryMultiplexedPair(want, n, LANES, q, c, s, 0, LANES, ta[0], ta[1], tb[0], tb[1], new double[6 * LANES]);
            double[][] got = rows(psi, n), scratch = new double[3][LANES];
            RealRowKernels.ryMultiplexed(got, n, LANES, q, csA[0], csA[1], ta[0], ta[1], scratch);
            RealRowKernels.ryMultiplexed(got, n, LANES, q + 1, csB[0], csB[1], tb[0], tb[1], scratch);
            assertArrayEquals(want, flat(got), "targets " + q + ", " + (q + 1));
        }
    }

    @Test
    void adjointIsBitForBitTheFlatKernel() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 5;
        for (int target = 0; target < n; target++) {
            double[] psi = RealBatchKernelsTest.random(r, LANES << n), lam = RealBatchKernelsTest.random(r, LANES << n);
            double[][] cs = RealBatchKernelsTest.trig(r, LANES);
            double[][] tab = target == 0 || target == 3 ? new double[][] {null, null} : RealBatchKernelsTest.trig(r, 1 << target);
            int step = 1 << target;
            double[] p1 = psi.clone(), l1 = lam.clone(), g1 = RealBatchKernelsTest.random(r, LANES), t1 = new double[step];
            double[] g2 = g1.clone(), t2 = new double[step];
            RealBatchKernels.ryMultiplexedAdjoint(p1, l1, n, LANES, target, cs[0], cs[1], 0, tab[0], tab[1], g1, 0, t1,
                    new double[3 * LANES]);
            double[][] p2 = rows(psi, n), l2 = rows(lam, n);
            RealRowKernels.ryMultiplexedAdjoint(p2, l2, n, LANES, target, cs[0], cs[1], tab[0], tab[1], g2, t2, new double[4][LANES]);
            assertArrayEquals(p1, flat(p2), "psi, target " + target);
            assertArrayEquals(l1, flat(l2), "lambda, target " + target);
            assertArrayEquals(g1, g2, "lane gradient, target " + target);
            assertArrayEquals(t1, t2, "table gradient, target " + target);
        }
    }

    @Test
    void samplingByBisectionIsTheLinearScanPickForPick() {
        SplittableRandom r = new SplittableRandom(6);
        int n = 7, dim = 1 << n, used = LANES - 1;
        for (int trial = 0; trial < 50; trial++) {
            double[] psi = RealBatchKernelsTest.random(r, LANES << n);
            // sparse states too: runs of exact zeros give ties in the running sums
            if (trial % 2 == 1) for (int i = 0; i < psi.length; i++) if (r.nextDouble() < 0.9) psi[i] = 0;
            double[] u = new double[LANES];
            for (int k = 0; k < used; k++) u[k] = trial == 0 ? (k % 2 == 0 ? 0.0 : Math.nextDown(1.0)) : r.nextDouble();
            int[] pick = new int[LANES];
            double[] draws = u.clone();
            RealRowKernels.sample(rows(psi, n), n, used, draws, RealRowKernels.state(n, LANES), pick);
            for (int k = 0; k < used; k++) {
                // the scan it replaces (StationaryGenerator.sample before issue 12's second branch)
                double total = 0, acc = 0;
                for (int b = 0; b < dim; b++) total += psi[b * LANES + k] * psi[b * LANES + k];
                double target = u[k] * total;
                int expect = dim - 1;
                for (int b = 0; b < dim; b++) {
                    acc += psi[b * LANES + k] * psi[b * LANES + k];
                    if (target < acc) {
                        expect = b;
                        break;
                    }
                }
                assertEquals(expect, pick[k], "trial " + trial + ", lane " + k);
                assertEquals(target, draws[k], 0.0);
            }
        }
    }
}
