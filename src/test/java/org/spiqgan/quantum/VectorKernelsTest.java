package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.model.ReuploadingAnsatz;

/**
 * The Vector API kernels against the scalar ones ({@link Kernels}), the independent reference simulator and
 * central differences. They reassociate the sums (fused multiply-adds, vector accumulators reduced at the end),
 * so they are compared with a tolerance: 1e-13 of the state's norm for amplitudes, 1e-13 of |lambda| |psi|
 * (the Cauchy-Schwarz bound of every correlation entry) for r. Surefire starts the JVM with the module, so
 * these run under {@code mvn verify} on JDK 17 as well.
 */
class VectorKernelsTest {
    private static final double TOL = 1e-13;
    private static final StateKernels V = KernelChoice.vectorKernels();
    private static final StateKernels S = StateKernels.SCALAR;

    private static double[] randomVector(Random rng, int dim) {
        double[] v = new double[dim];
        for (int i = 0; i < dim; i++) v[i] = rng.nextGaussian();
        return v;
    }

    private static double norm(double[] re, double[] im) {
        double s = 0;
        for (int i = 0; i < re.length; i++) s += re[i] * re[i] + im[i] * im[i];
        return Math.sqrt(s);
    }

    private static void assertClose(double[] want, double[] got, double tol, String what) {
        for (int i = 0; i < want.length; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= tol, what + " [" + i + "]: " + want[i] + " vs " + got[i]);
        }
    }

    /** A random 2x2 complex matrix (not unitary: the kernels do not assume it); zero off-diagonal when diag. */
    private static double[] randomMatrix(Random rng, boolean diag) {
        double[] m = new double[8];
        for (int k = 0; k < 8; k++) m[k] = rng.nextGaussian();
        if (diag) {
            m[2] = m[3] = m[4] = m[5] = 0;
        }
        return m;
    }

    @Test
    void theLaneCountIsAPowerOfTwoOfAtLeastTwo() {
        int l = VectorKernels.lanes();
        assertTrue(l >= 2 && Integer.bitCount(l) == 1, "lanes " + l);
    }

    @Test
    void applyMatchesTheScalarKernelOnEveryQubitBelowAndAboveTheLaneCount() {
        Random rng = new Random(12);
        for (int n = 1; n <= 12; n++) {
            int dim = 1 << n;
            for (int q = 0; q < n; q++) {
                for (boolean diag : new boolean[] {false, true}) {
                    // offset 8: the kernels read the matrix at an offset
                    double[] m = new double[16];
                    System.arraycopy(randomMatrix(rng, diag), 0, m, 8, 8);
                    double[] re = randomVector(rng, dim), im = randomVector(rng, dim);
                    double[] vre = re.clone(), vim = im.clone();
                    if (diag) {
                        S.applyDiag(re, im, dim, q, m, 8);
                        V.applyDiag(vre, vim, dim, q, m, 8);
                    } else {
                        S.apply(re, im, dim, q, m, 8);
                        V.apply(vre, vim, dim, q, m, 8);
                    }
                    double tol = TOL * norm(re, im);
                    String what = "n=" + n + " q=" + q + (diag ? " diag" : "");
                    assertClose(re, vre, tol, what + " re");
                    assertClose(im, vim, tol, what + " im");
                }
            }
        }
    }

    @Test
    void reverseMatchesTheScalarKernelOnEveryQubitBelowAndAboveTheLaneCount() {
        Random rng = new Random(21);
        for (int n = 1; n <= 12; n++) {
            int dim = 1 << n;
            for (int q = 0; q < n; q++) {
                for (boolean diag : new boolean[] {false, true}) {
                    double[] m = new double[16];
                    System.arraycopy(randomMatrix(rng, diag), 0, m, 8, 8);
                    double[] re = randomVector(rng, dim), im = randomVector(rng, dim);
                    double[] lre = randomVector(rng, dim), lim = randomVector(rng, dim);
                    double[] vre = re.clone(), vim = im.clone(), vlre = lre.clone(), vlim = lim.clone();
                    double[] r = new double[S.correlationLength()], vr = new double[V.correlationLength()];
                    if (diag) {
                        S.reverseDiag(re, im, lre, lim, dim, q, m, 8, r);
                        V.reverseDiag(vre, vim, vlre, vlim, dim, q, m, 8, vr);
                    } else {
                        S.reverse(re, im, lre, lim, dim, q, m, 8, r);
                        V.reverse(vre, vim, vlre, vlim, dim, q, m, 8, vr);
                    }
                    String what = "n=" + n + " q=" + q + (diag ? " diag" : "");
                    double ps = norm(re, im), ls = norm(lre, lim);
                    assertClose(re, vre, TOL * ps, what + " psi re");
                    assertClose(im, vim, TOL * ps, what + " psi im");
                    assertClose(lre, vlre, TOL * ls, what + " lambda re");
                    assertClose(lim, vlim, TOL * ls, what + " lambda im");
                    // r is formed from lambda before and psi after F^dag: bounded by their norms
                    assertClose(r, java.util.Arrays.copyOf(vr, 8), TOL * ps * ls * 4, what + " r");
                    if (diag) {
                        for (int k = 2; k < 6; k++) assertEquals(0.0, vr[k], what + " r off-diagonal");
                    }
                }
            }
        }
    }

    @Test
    void gatherIsTheScalarGatherBitForBit() {
        Random rng = new Random(5);
        for (int n = 1; n <= 12; n++) {
            int dim = 1 << n;
            int[] from = new int[dim];
            for (int i = 0; i < dim; i++) from[i] = i;
            for (int i = dim - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1), t = from[i];
                from[i] = from[j];
                from[j] = t;
            }
            double[] re = randomVector(rng, dim), im = randomVector(rng, dim);
            double[] a = new double[dim], b = new double[dim], c = new double[dim], d = new double[dim];
            S.gather(re, im, a, b, from, dim);
            V.gather(re, im, c, d, from, dim);
            assertTrue(java.util.Arrays.equals(a, c) && java.util.Arrays.equals(b, d), "n=" + n);
        }
    }

    /** Circuits of every gate kind, 1-12 qubits: the vector evaluator's readouts against ReferenceSim's. */
    @Test
    void appendQubitIsTheScalarLoopBitForBit() {
        Random rng = new Random(9);
        for (int len = 1; len <= 1024; len <<= 1) {
            double[] re = new double[2 * len], im = new double[2 * len];
            for (int j = 0; j < len; j++) {
                re[j] = rng.nextGaussian();
                im[j] = rng.nextGaussian();
            }
            double[] vre = re.clone(), vim = im.clone();
            double ar = rng.nextGaussian(), ai = rng.nextGaussian(), br = rng.nextGaussian(), bi = rng.nextGaussian();
            S.appendQubit(re, im, len, ar, ai, br, bi);
            V.appendQubit(vre, vim, len, ar, ai, br, bi);
            for (int j = 0; j < 2 * len; j++) {
                assertEquals(Double.doubleToLongBits(re[j]), Double.doubleToLongBits(vre[j]), "re " + j + ", len " + len);
                assertEquals(Double.doubleToLongBits(im[j]), Double.doubleToLongBits(vim[j]), "im " + j + ", len " + len);
            }
        }
    }

    @Test
    void randomCircuitsMatchTheReferenceSimulator() {
        Random rng = new Random(7);
        for (int n = 1; n <= 12; n++) {
            for (int trial = 0; trial < 2; trial++) {
                int np = 4, ni = 2;
                Circuit c = RandomCircuits.random(rng, n, np, ni, 5 * n + 6);
                double[] p = RandomCircuits.uniform(rng, np, -3, 3), z = RandomCircuits.uniform(rng, ni, 0, 3);
                Evaluator e = new Evaluator(c, V);
                e.run(p, z);
                double[][] ref = ReferenceSim.state(c, p, z);
                assertClose(ref[0], e.real(), TOL * 10, "n=" + n + " re");
                assertClose(ref[1], e.imag(), TOL * 10, "n=" + n + " im");
            }
        }
    }

    private static double loss(Circuit c, double[] p, double[] z, Readout r, double[] cot) {
        double[] prob = ReferenceSim.probabilities(c, p, z);
        double[] out = new double[r.size(c.qubits())];
        r.compute(prob, c.qubits(), out);
        double l = 0;
        for (int k = 0; k < out.length; k++) l += cot[k] * out[k];
        return l;
    }

    /**
     * Adjoint gradients with the vector kernels: against the scalar kernels' (1e-12 of the largest entry,
     * reassociation only) and central differences of the reference simulator's loss (relative 1e-6).
     */
    @Test
    void gradientsMatchTheScalarKernelsAndCentralDifferences() {
        Random rng = new Random(2027);
        for (int n = 1; n <= 10; n++) {
            int np = 5, ni = 2;
            Circuit c = RandomCircuits.random(rng, n, np, ni, 6 * n + 6);
            double[] p = RandomCircuits.uniform(rng, np, -3, 3), z = RandomCircuits.uniform(rng, ni, 0, 3);
            for (Readout r : new Readout[] {Readout.probabilities(), Readout.marginals(), Readout.hamming(),
                Readout.probabilities(RandomCircuits.qubitSubset(rng, n))}) {
                double[] cot = RandomCircuits.uniform(rng, r.size(n), -1, 1);
                double[] gp = new double[np], gi = new double[ni], sp = new double[np], si = new double[ni];
                double lv = new Evaluator(c, V).gradient(p, z, r, cot, gp, gi);
                double ls = new Evaluator(c, S).gradient(p, z, r, cot, sp, si);
                assertEquals(ls, lv, 1e-12);
                double scale = 1e-12 * Math.max(1, Math.max(maxAbs(sp), maxAbs(si)));
                assertClose(sp, gp, scale, "n=" + n + " " + r + " params");
                assertClose(si, gi, scale, "n=" + n + " " + r + " inputs");
                RandomCircuits.assertCentralDifferences((pp, zp) -> loss(c, pp, zp, r, cot), p, z, gp, gi, "n=" + n + " " + r);
            }
        }
    }

    /** The sub-generator circuit of the patch model (10 qubits, 5 layers), every entangler. */
    @Test
    void subGeneratorGradientsMatchTheScalarKernels() {
        for (ReuploadingAnsatz.Entangler ent : ReuploadingAnsatz.Entangler.values()) {
            ReuploadingAnsatz g = ReuploadingAnsatz.of(10, 5).ring(true).entangler(ent);
            Circuit c = g.build();
            double[] p = g.initialParams(new SplittableRandom(5));
            double[] z = RandomCircuits.uniform(new Random(3), c.inputCount(), 0, Math.PI);
            Readout r = Readout.probabilities(new int[] {0, 1, 2, 3, 4, 5});
            double[] cot = RandomCircuits.uniform(new Random(4), r.size(10), -1, 1);
            Evaluator ev = new Evaluator(c, V), es = new Evaluator(c, S);
            ev.run(p, z);
            es.run(p, z);
            assertClose(es.read(r), ev.read(r), 1e-14, ent + " readout");
            assertClose(ReferenceSim.probabilities(c, p, z), ev.read(Readout.probabilities()), 1e-13,
                    ent + " against the reference");
            double[] gp = new double[c.paramCount()], gi = new double[c.inputCount()];
            double[] sp = new double[c.paramCount()], si = new double[c.inputCount()];
            ev.gradient(p, z, r, cot, gp, gi);
            es.gradient(p, z, r, cot, sp, si);
            double scale = 1e-12 * Math.max(1, Math.max(maxAbs(sp), maxAbs(si)));
            assertClose(sp, gp, scale, ent + " params");
            assertClose(si, gi, scale, ent + " inputs");
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    @Test
    void theChoiceFollowsTheProperty() {
        assertTrue(KernelChoice.vectorModulePresent(), "surefire starts the JVM with the module");
        assertEquals("scalar", KernelChoice.resolve("scalar").describe());
        assertTrue(KernelChoice.resolve("vector").describe().startsWith("vector"));
        assertTrue(KernelChoice.resolve("auto").describe().startsWith("vector"));
        assertThrows(org.spiqgan.BadInputException.class, () -> KernelChoice.resolve("fast"));
        // surefire sets spiqgan.kernels=scalar, so the other tests' bitwise comparisons see the scalar kernels
        assertEquals("scalar", KernelChoice.kernels().describe());
    }
}
