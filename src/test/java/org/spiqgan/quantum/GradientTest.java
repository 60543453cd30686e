package org.spiqgan.quantum;

import org.spiqgan.model.ReuploadingAnsatz;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientTest {

    private static Readout[] readouts(Random rng, int n) {
        int[] some = RandomCircuits.qubitSubset(rng, n);
        return new Readout[] {Readout.probabilities(), Readout.probabilities(some), Readout.marginals(),
            Readout.marginals(some), Readout.hamming(), Readout.hamming(some)};
    }

    private static double loss(Circuit c, double[] p, double[] z, Readout r, double[] cot) {
        Evaluator e = c.run(p, z);
        double[] out = e.read(r);
        double l = 0;
        for (int k = 0; k < out.length; k++) l += cot[k] * out[k];
        return l;
    }

    @Test
    void adjointMatchesCentralDifferencesAndParameterShift() {
        Random rng = new Random(2026);
        int checked = 0;
        for (int n = 1; n <= 8; n++) {
            for (int trial = 0; trial < 3; trial++) {
                int np = 3 + rng.nextInt(6), ni = 1 + rng.nextInt(3);
                Circuit c = RandomCircuits.random(rng, n, np, ni, 6 * n + 6);
                double[] params = RandomCircuits.uniform(rng, np, -3, 3);
                double[] inputs = RandomCircuits.uniform(rng, ni, 0, Math.PI);
                for (Readout r : readouts(rng, n)) {
                    double[] cot = RandomCircuits.uniform(rng, r.size(n), -1, 1);
                    Evaluator e = c.newEvaluator();
                    double[] gp = new double[np], gi = new double[ni];
                    double l = e.gradient(params, inputs, r, cot, gp, gi);
                    assertEquals(loss(c, params, inputs, r, cot), l, 1e-13);

                    double[] sp = new double[np], si = new double[ni];
                    e.parameterShiftGradient(params, inputs, 0, r, cot, sp, si, 0);
                    for (int k = 0; k < np; k++) assertEquals(sp[k], gp[k], 1e-10, "shift param " + k + " " + r);
                    for (int k = 0; k < ni; k++) assertEquals(si[k], gi[k], 1e-10, "shift input " + k + " " + r);

                    checked += RandomCircuits.assertCentralDifferences((pp, zp) -> loss(c, pp, zp, r, cot), params, inputs, gp, gi,
                            "n=" + n + " " + r);
                }
            }
        }
        assertTrue(checked > 500);
    }

    @Test
    void adjointThroughGatherPassesOfTheSubGenerator() {
        for (ReuploadingAnsatz.Entangler ent : ReuploadingAnsatz.Entangler.values()) {
            ReuploadingAnsatz g = ReuploadingAnsatz.of(5, 3).ring(true).entangler(ent);
            Circuit c = g.build();
            double[] p = g.initialParams(new java.util.SplittableRandom(3)), z = {0.3, 2.5, 1.1, 0.7, 2.9};
            double[] cot = RandomCircuits.uniform(new Random(1), 32, -1, 1);
            Evaluator e = c.newEvaluator();
            double[] gp = new double[c.paramCount()], gi = new double[5], sp = new double[c.paramCount()], si = new double[5];
            e.gradient(p, z, Readout.probabilities(), cot, gp, gi);
            e.parameterShiftGradient(p, z, 0, Readout.probabilities(), cot, sp, si, 0);
            assertArrayEquals(sp, gp, 1e-10, ent.toString());
            assertArrayEquals(si, gi, 1e-10, ent.toString());
            assertArrayEquals(ReferenceSim.probabilities(c, p, z), c.probabilities(p, z), 1e-13);
        }
    }

    @Test
    void gradientAccumulatesAndCanSkipInputs() {
        Circuit c = Circuit.builder(2).ry(0, Angle.product(0, 0)).cnot(0, 1).rx(1, Angle.param(1)).build();
        Evaluator e = c.newEvaluator();
        double[] g1 = new double[2], g2 = {1, 1};
        e.gradient(new double[] {0.7, 0.2}, new double[] {1.3}, Readout.marginals(), new double[] {1, -1}, g1, null);
        e.gradient(new double[] {0.7, 0.2}, new double[] {1.3}, Readout.marginals(), new double[] {1, -1}, g2, null);
        assertArrayEquals(new double[] {g1[0] + 1, g1[1] + 1}, g2, 1e-15);
    }

    @Test
    void singleQubitAnalytic() {
        // P(1) after RY(w z) = sin^2(w z / 2); d/dw = z sin(w z)/2, d/dz = w sin(w z)/2.
        Circuit c = Circuit.builder(1).ry(0, Angle.product(0, 0)).build();
        double w = 0.8, z = 2.1;
        double[] gp = new double[1], gi = new double[1];
        c.newEvaluator().gradient(new double[] {w}, new double[] {z}, Readout.marginals(), new double[] {1}, gp, gi);
        assertEquals(z * Math.sin(w * z) / 2, gp[0], 1e-15);
        assertEquals(w * Math.sin(w * z) / 2, gi[0], 1e-15);
    }
}
