package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
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
        double[] out = new double[L];
        for (int i = 0; i + L <= x.length; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            (log ? VectorMath.log(v) : VectorMath.exp(v)).intoArray(out, 0);
            for (int k = 0; k < L; k++) {
                double want = log ? Math.log(x[i + k]) : Math.exp(x[i + k]);
                double err = want == 0 ? Math.abs(out[k]) : Math.abs(out[k] - want) / Math.abs(want);
                worst = Math.max(worst, err);
            }
        }
        return worst;
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
        VectorMath.exp(DoubleVector.broadcast(S, 0.0)).intoArray(out, 0);
        assertEquals(1.0, out[0], 0.0, "exp(0) is exactly 1 (the softmax's largest term)");
        VectorMath.exp(DoubleVector.broadcast(S, -1000.0)).intoArray(out, 0);
        assertEquals(0.0, out[0], 0.0);
        VectorMath.log(DoubleVector.broadcast(S, 1.0)).intoArray(out, 0);
        assertEquals(0.0, out[0], 0.0, "log(1) is exactly 0");
    }

    /** The fixed order of VectorMath.sum: halves folded onto each other. */
    private static double folded(double[] x, int from, int len) {
        if (len == 1) return x[from];
        double[] y = new double[len / 2];
        for (int k = 0; k < len / 2; k++) y[k] = x[from + k] + x[from + k + len / 2];
        return folded(y, 0, len / 2);
    }

    @Test
    void sumsFoldHalvesInAFixedOrder() {
        double[] x = new double[L];
        for (int k = 0; k < L; k++) x[k] = Math.pow(10, 3 * (k % 5) - 6) * (k % 2 == 0 ? 1 : -1) + k * 1e-3;
        assertEquals(Double.doubleToLongBits(folded(x, 0, L)), Double.doubleToLongBits(VectorMath.sum(DoubleVector.fromArray(S, x, 0))));
        boolean[] set = new boolean[L];
        double[] masked = new double[L];
        for (int k = 0; k < L; k++) {
            set[k] = k % 3 != 1;
            masked[k] = set[k] ? x[k] : 0;
        }
        assertEquals(Double.doubleToLongBits(folded(masked, 0, L)),
                Double.doubleToLongBits(VectorMath.sum(DoubleVector.fromArray(S, x, 0), VectorMask.fromArray(S, set, 0))));
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
        for (int it = 0; it < 60_000; it++) {
            DoubleVector vx = DoubleVector.fromArray(S, x, 0), vy = DoubleVector.fromArray(S, y, 0);
            DoubleVector lg = VectorMath.log(vx), ex = VectorMath.exp(vy);
            long[] now = new long[2 * L + 1];
            for (int k = 0; k < L; k++) {
                now[k] = Double.doubleToLongBits(lg.lane(k));
                now[L + k] = Double.doubleToLongBits(ex.lane(k));
            }
            now[2 * L] = Double.doubleToLongBits(VectorMath.sum(ex.mul(vx)));
            if (first == null) first = now;
            else if (!java.util.Arrays.equals(first, now)) throw new AssertionError("call " + it + " gave other bits");
        }
    }
}
