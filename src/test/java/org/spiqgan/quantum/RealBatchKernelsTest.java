package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused real kernels against the unfused ones they replace: same states, gradients and table
 * gradients up to rounding (tolerance 1e-13 absolute on unit-norm states and O(1) gradients; the fused
 * kernels form cos and sin of a sum of angles from those of its parts, which changes the last bits).
 */
class RealBatchKernelsTest {
    static final double TOL = 1e-13;
    static final int LANES = 5;

    static double[] random(SplittableRandom r, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = r.nextDouble() * 2 - 1;
        return v;
    }

    /** cos/sin of half of random angles: {@code count} tables of 2^target entries, or per-lane rows. */
    static double[][] trig(SplittableRandom r, int size) {
        double[] c = new double[size], s = new double[size];
        for (int i = 0; i < size; i++) {
            double a = (r.nextDouble() * 2 - 1) * Math.PI;
            c[i] = Math.cos(a / 2);
            s[i] = Math.sin(a / 2);
        }
        return new double[][] {c, s};
    }

    static void assertClose(double[] want, double[] got, int size, String what) {
        for (int i = 0; i < size; i++) assertEquals(want[i], got[i], TOL, what + " at " + i);
    }

    @Test
    void ryThenBlockIsOneFusedPass() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 5;
        for (int target = 0; target < n; target++) {
            double[] psi = random(r, LANES << n);
            double[][] cs = trig(r, LANES);
            double[][] tab = target == 0 ? new double[][] {null, null} : trig(r, 1 << target);
            double[] want = psi.clone(), got = psi.clone();
            RealBatchKernels.ry(want, n, LANES, target, cs[0], cs[1], 0);
            if (tab[0] != null) RealBatchKernels.multiplexedRy(want, n, LANES, target, tab[0], tab[1]);
            RealBatchKernels.ryMultiplexed(got, n, LANES, target, cs[0], cs[1], 0, tab[0], tab[1], new double[2 * LANES]);
            assertClose(want, got, want.length, "target " + target);
        }
    }

    @Test
    void twoTargetsInOnePassEqualTheirSinglePasses() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 6;
        for (int q = 0; q + 1 < n; q++) {
            double[] psi = random(r, LANES << n);
            double[][] csA = trig(r, LANES), csB = trig(r, LANES);
            double[] c = new double[2 * LANES], s = new double[2 * LANES];
            System.arraycopy(csA[0], 0, c, 0, LANES);
            System.arraycopy(csA[1], 0, s, 0, LANES);
            System.arraycopy(csB[0], 0, c, LANES, LANES);
            System.arraycopy(csB[1], 0, s, LANES, LANES);
            double[][] ta = q == 0 ? new double[][] {null, null} : trig(r, 1 << q);
            double[][] tb = q == 2 ? new double[][] {null, null} : trig(r, 2 << q);
            double[] want = psi.clone(), got = psi.clone();
            RealBatchKernels.ryMultiplexed(want, n, LANES, q, c, s, 0, ta[0], ta[1], new double[2 * LANES]);
            RealBatchKernels.ryMultiplexed(want, n, LANES, q + 1, c, s, LANES, tb[0], tb[1], new double[2 * LANES]);
            RealBatchKernels.ryMultiplexedPair(got, n, LANES, q, c, s, 0, LANES, ta[0], ta[1], tb[0], tb[1], new double[6 * LANES]);
            assertClose(want, got, want.length, "targets " + q + ", " + (q + 1));
        }
    }

    @Test
    void productStateWithBlocksEqualsProductStateThenBlocks() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 6;
        double[][] cs = trig(r, n * LANES);
        double[][] cosT = new double[n][], sinT = new double[n][];
        for (int t = 1; t < n; t++) {
            if (t == 3) continue; // a target without a block
            double[][] tab = trig(r, 1 << t);
            cosT[t] = tab[0];
            sinT[t] = tab[1];
        }
        double[] want = new double[LANES << n], got = new double[LANES << n];
        RealBatchKernels.productState(want, n, LANES, cs[0], cs[1]);
        for (int t = 1; t < n; t++) if (cosT[t] != null) RealBatchKernels.multiplexedRy(want, n, LANES, t, cosT[t], sinT[t]);
        RealBatchKernels.productStateMultiplexed(got, n, LANES, cs[0], cs[1], cosT, sinT, 0);
        assertClose(want, got, want.length, "state");
    }

    @Test
    void fusedAdjointGivesBothGradientsAndUndoesTheGate() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 5;
        for (int target = 0; target < n; target++) {
            double[] psi = random(r, LANES << n), lam = random(r, LANES << n);
            double[][] cs = trig(r, LANES);
            double[][] tab = target == 0 ? new double[][] {null, null} : trig(r, 1 << target);
            int step = 1 << target;
            // unfused: the block's adjoint first (it came last), then the RY's
            double[] p1 = psi.clone(), l1 = lam.clone(), g1 = new double[LANES], t1 = new double[step];
            if (tab[0] != null) {
                RealBatchKernels.multiplexedRyAdjoint(p1, l1, n, LANES, target, tab[0], tab[1], t1, new double[step * LANES]);
            }
            RealBatchKernels.ryAdjoint(p1, l1, n, LANES, target, cs[0], cs[1], 0, g1, 0);
            double[] p2 = psi.clone(), l2 = lam.clone(), g2 = new double[LANES], t2 = new double[step];
            RealBatchKernels.ryMultiplexedAdjoint(p2, l2, n, LANES, target, cs[0], cs[1], 0, tab[0], tab[1], g2, 0, t2,
                    new double[3 * LANES]);
            assertClose(p1, p2, p1.length, "psi, target " + target);
            assertClose(l1, l2, l1.length, "lambda, target " + target);
            assertClose(g1, g2, LANES, "lane gradient, target " + target);
            if (tab[0] != null) assertClose(t1, t2, step, "table gradient, target " + target);
        }
    }
}
