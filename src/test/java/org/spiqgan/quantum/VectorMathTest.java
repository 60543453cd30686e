package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * VectorMath: log and exp within 4e-16 relative of Math's, and the same bits in every execution mode: the kernels
 * run interpreted first and compiled later in one JVM, and a training run must not depend on when that happens.
 */
class VectorMathTest {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private static double maxRelativeError(double[] x, boolean log) {
        double worst = 0;
        double[] out = x.clone();
        int n = x.length / L * L;
        if (log) VectorMath.log(out, 0, n);
        else VectorMath.exp(x, 0, 0.0, out, 0, n);
        for (int i = 0; i < n; i++) {
            double want = log ? Math.log(x[i]) : Math.exp(x[i]);
            double err = want == 0 ? Math.abs(out[i]) : Math.abs(out[i] - want) / Math.abs(want);
            worst = Math.max(worst, err);
        }
        return worst;
    }

    private static double[] filled(double v) {
        double[] a = new double[L];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void logAndExpAreWithinAFewUlpOfMath() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 1 << 16;
        double[] wide = new double[n], unit = new double[n], nearOne = new double[n], args = new double[n], small = new double[n];
        for (int i = 0; i < n; i++) {
            wide[i] = Math.exp((r.nextDouble() - 0.5) * 1400);          // 1e-304 .. 1e304
            unit[i] = ((r.nextLong() >>> 11) + 0.5) * 0x1.0p-53;          // the relaxation's open uniforms
            nearOne[i] = 1 + (r.nextDouble() - 0.5) * 1e-3;
            args[i] = -708 + r.nextDouble() * (709 + 708);
            small[i] = (r.nextDouble() - 0.5) * 1e-6;
        }
        for (double[] x : new double[][] {wide, unit, nearOne}) {
            double e = maxRelativeError(x, true);
            assertTrue(e <= 4e-16, "log: relative error " + e);
        }
        for (double[] x : new double[][] {args, small}) {
            double e = maxRelativeError(x, false);
            assertTrue(e <= 4e-16, "exp: relative error " + e);
        }
        double[] out = new double[L];
        VectorMath.exp(filled(2.5), 0, 2.5, out, 0, L);
        assertEquals(1.0, out[0], 0.0, "exp(0) is exactly 1 (the softmax's largest term)");
        VectorMath.exp(filled(-1000.0), 0, 0.0, out, 0, L);
        assertEquals(0.0, out[0], 0.0);
        out = filled(1.0);
        VectorMath.log(out, 0, L);
        assertEquals(0.0, out[0], 0.0, "log(1) is exactly 0");
    }

    @Test
    void cosSinIsWithinAFewUlpOfMathInEveryQuadrant() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 1 << 15;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0: x[i] = (r.nextDouble() - 0.5) * 8; break;                          // the usual half-angles
                case 1: x[i] = (r.nextDouble() - 0.5) * 2e4; break;                        // large weights
                case 2: x[i] = Math.round(r.nextDouble() * 40 - 20) * Math.PI / 4 + (r.nextDouble() - 0.5) * 1e-9; break; // quadrant edges
                default: x[i] = (r.nextDouble() - 0.5) * 1e-8;                                // tiny
            }
        }
        x[0] = 0;
        x[4] = 3e6;              // beyond the reduction's range: Math
        x[5] = -1e300;
        x[6] = Double.NaN;
        double[] cos = new double[n], sin = new double[n];
        VectorMath.cosSin(x, cos, sin, n / L * L);
        for (int i = 0; i < n / L * L; i++) {
            if (Double.isNaN(x[i])) {
                assertTrue(Double.isNaN(cos[i]) && Double.isNaN(sin[i]));
                continue;
            }
            assertEquals(Math.cos(x[i]), cos[i], 4e-16, "cos " + x[i]);
            assertEquals(Math.sin(x[i]), sin[i], 4e-16, "sin " + x[i]);
        }
        assertEquals(1.0, cos[0], 0.0, "cos 0 is exactly 1");
        assertEquals(0.0, sin[0], 0.0, "sin 0 is exactly 0");
        for (int i = 3; i < 64; i += 4) assertEquals(Math.sin(x[i]), sin[i], 1e-30, "sin of a tiny angle is the angle");
    }

    /** The fixed order of VectorMath's lane sums, independently: halves folded onto each other, recursively. */
    private static double folded(double[] x, int from, int len) {
        if (len == 1) return x[from];
        double[] y = new double[len / 2];
        for (int k = 0; k < len / 2; k++) y[k] = x[from + k] + x[from + k + len / 2];
        return folded(y, 0, len / 2);
    }

    @Test
    void sumsFoldHalvesInAFixedOrder() {
        SplittableRandom r = new SplittableRandom(2);
        int values = 8;
        double[] x = new double[values * L];
        for (int i = 0; i < x.length; i++) x[i] = Math.pow(10, 3 * r.nextInt(5) - 6) * (r.nextBoolean() ? 1 : -1) + i * 1e-3;
        double[] lanes = x.clone();
        VectorMath.foldLanes(lanes, values);
        for (int j = 0; j < values; j++) {
            assertEquals(Double.doubleToLongBits(folded(x, j * L, L)), Double.doubleToLongBits(lanes[j]), "value " + j);
            assertEquals(Double.doubleToLongBits(folded(x, j * L, L)), Double.doubleToLongBits(VectorMath.fold(x, j * L)));
        }
        // the vector-argument sums (the kernels' other way, VectorMath.STORE_LANES) give the same bits
        for (int j = 0; j < values; j++) {
            jdk.incubator.vector.DoubleVector v = DoubleVector.fromArray(S, x, j * L);
            assertEquals(Double.doubleToLongBits(lanes[j]), Double.doubleToLongBits(VectorMath.sum(v)), "sum " + j);
            boolean[] set = new boolean[L];
            double[] masked = new double[L];
            for (int k = 0; k < L; k++) {
                set[k] = (k + j) % 3 != 1;
                masked[k] = set[k] ? x[j * L + k] : 0;
            }
            assertEquals(Double.doubleToLongBits(folded(masked, 0, L)), Double.doubleToLongBits(
                    VectorMath.sum(v, jdk.incubator.vector.VectorMask.fromArray(S, set, 0))), "masked sum " + j);
        }
        // exp's returned sum: lanewise accumulation over the vectors in order, then the fold
        double[] s = new double[4 * L], y = new double[4 * L];
        for (int i = 0; i < s.length; i++) s[i] = -10 * r.nextDouble();
        double total = VectorMath.exp(s, 0, -1.0, y, 0, s.length);
        double[] acc = new double[L];
        for (int i = 0; i < s.length; i++) acc[i % L] += y[i];
        assertEquals(Double.doubleToLongBits(folded(acc, 0, L)), Double.doubleToLongBits(total));
    }

    /** The first calls run interpreted, later ones compiled: every call must give the first call's bits. */
    @Test
    void theBitsDoNotDependOnTheJit() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[L], y = new double[L];
        for (int k = 0; k < L; k++) {
            x[k] = Math.exp(20 * (r.nextDouble() - 0.5));
            y[k] = -30 * r.nextDouble();
        }
        long[] first = null;
        double[] lg = new double[L], ex = new double[L], lanes = new double[L], cs = new double[L], sn = new double[L];
        for (int it = 0; it < 60_000; it++) {
            System.arraycopy(x, 0, lg, 0, L);
            VectorMath.log(lg, 0, L);
            double total = VectorMath.exp(y, 0, 0.0, ex, 0, L);
            VectorMath.cosSin(y, cs, sn, L);
            for (int k = 0; k < L; k++) lanes[k] = ex[k] * x[k];
            VectorMath.foldLanes(lanes, 1);
            long[] now = new long[4 * L + 2];
            for (int k = 0; k < L; k++) {
                now[k] = Double.doubleToLongBits(lg[k]);
                now[L + k] = Double.doubleToLongBits(ex[k]);
                now[2 * L + 2 + k] = Double.doubleToLongBits(cs[k]);
                now[3 * L + 2 + k] = Double.doubleToLongBits(sn[k]);
            }
            now[2 * L] = Double.doubleToLongBits(total);
            now[2 * L + 1] = Double.doubleToLongBits(lanes[0]);
            if (first == null) first = now;
            else if (!java.util.Arrays.equals(first, now)) throw new AssertionError("call " + it + " gave other bits");
        }
    }
}
