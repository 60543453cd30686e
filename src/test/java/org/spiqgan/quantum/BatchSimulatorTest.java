package org.spiqgan.quantum;

import org.spiqgan.model.ReuploadingAnsatz;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchSimulatorTest {

    @Test
    void batchMatchesSingleRunsAndIsIdenticalForOneAndTwoThreads() {
        ReuploadingAnsatz g = ReuploadingAnsatz.of(5, 3);
        Circuit c = g.build();
        double[] params = g.initialParams(new SplittableRandom(7));
        Random rng = new Random(3);
        int batch = 37;
        double[][] z = new double[batch][];
        double[][] cot = new double[batch][];
        for (int b = 0; b < batch; b++) {
            z[b] = RandomCircuits.uniform(rng, 5, 0, Math.PI);
            cot[b] = RandomCircuits.uniform(rng, 6, -1, 1);
        }
        Readout r = Readout.hamming();
        double[][] results = new double[2][];
        double[][][] inGrads = new double[2][][];
        long[][][] shots = new long[2][][];
        for (int threads = 1; threads <= 2; threads++) {
            try (BatchSimulator sim = new BatchSimulator(c, threads)) {
                double[] gp = new double[c.paramCount()];
                double[][] gi = new double[batch][5], out = new double[batch][6];
                double loss = sim.gradient(params, z, r, cot, out, gp, gi);
                double[][] read = sim.read(params, z, r);
                for (int b = 0; b < batch; b++) assertArrayEquals(read[b], out[b], 0);
                long[][] s = new long[batch][50];
                sim.sample(params, z, new int[] {0, 2}, 50, 99, s);
                results[threads - 1] = append(gp, loss);
                inGrads[threads - 1] = gi;
                shots[threads - 1] = s;
            }
        }
        assertArrayEquals(results[0], results[1], 0.0);
        for (int b = 0; b < batch; b++) {
            assertArrayEquals(inGrads[0][b], inGrads[1][b], 0.0);
            assertArrayEquals(shots[0][b], shots[1][b]);
        }
        // And the batch sum equals the sum of single-item gradients.
        double[] sum = new double[c.paramCount()];
        Evaluator e = c.newEvaluator();
        for (int b = 0; b < batch; b++) e.gradient(params, z[b], r, cot[b], sum, null);
        for (int k = 0; k < sum.length; k++) assertEquals(sum[k], results[0][k], 1e-12);
    }

    @Test
    void flatInputsGiveTheSameReadout() {
        ReuploadingAnsatz g = ReuploadingAnsatz.of(3, 2);
        Circuit c = g.build();
        double[] params = g.initialParams(new SplittableRandom(1));
        double[][] z = {{0.1, 0.2, 0.3}, {1.0, 2.0, 3.0}, {0.5, 0.5, 0.5}};
        double[] flat = {0.1, 0.2, 0.3, 1.0, 2.0, 3.0, 0.5, 0.5, 0.5};
        try (BatchSimulator sim = new BatchSimulator(c, 2)) {
            double[][] out = sim.read(params, z, Readout.marginals());
            double[] fout = new double[9];
            sim.read(params, flat, 3, Readout.marginals(), fout);
            for (int b = 0; b < 3; b++) {
                for (int k = 0; k < 3; k++) assertEquals(out[b][k], fout[3 * b + k], 0.0);
            }
            double[][] cot = {{1, 0, -1}, {0.5, 0.5, 0.5}, {-2, 1, 0}};
            double[] fcot = {1, 0, -1, 0.5, 0.5, 0.5, -2, 1, 0};
            double[] gp = new double[c.paramCount()], fgp = new double[c.paramCount()];
            double[][] gi = new double[3][3], o2 = new double[3][3];
            double[] fgi = new double[9], fo = new double[9];
            double l1 = sim.gradient(params, z, Readout.marginals(), cot, o2, gp, gi);
            double l2 = sim.gradient(params, flat, 3, Readout.marginals(), fcot, fo, fgp, fgi);
            assertEquals(l1, l2, 0.0);
            assertArrayEquals(gp, fgp, 0.0);
            for (int b = 0; b < 3; b++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(gi[b][k], fgi[3 * b + k], 0.0);
                    assertEquals(o2[b][k], fo[3 * b + k], 0.0);
                }
            }
        }
    }

    private static double[] append(double[] a, double x) {
        double[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = x;
        return r;
    }

    @Test
    void shotsFollowTheBornDistribution() {
        // A 3-qubit state with unequal probabilities; chi-square goodness of fit, seeded.
        Circuit c = Circuit.builder(3).ry(0, 1.1).ry(1, 2.3).cnot(0, 2).rx(2, 0.4).h(1).build();
        double[] p = c.probabilities(null, null);
        int shots = 200_000;
        long[] codes = new long[shots];
        Evaluator e = c.run(null, null);
        e.sample(null, shots, new SplittableRandom(12345), codes, 0);
        long[] counts = new long[8];
        for (long code : codes) counts[(int) code]++;
        double chi2 = 0;
        int df = -1;
        for (int b = 0; b < 8; b++) {
            if (p[b] < 1e-12) {
                assertEquals(0, counts[b], "impossible state sampled");
                continue;
            }
            double exp = p[b] * shots;
            chi2 += (counts[b] - exp) * (counts[b] - exp) / exp;
            df++;
        }
        // 99.9% quantile of chi-square with df <= 7 is below 24.4.
        assertTrue(chi2 < 24.4, "chi2=" + chi2 + " df=" + df);
        // Subset codes: qubits (2, 0) -> code bit0 = q2, bit1 = q0.
        long[] sub = new long[20000];
        e.sample(new int[] {2, 0}, sub.length, new SplittableRandom(1), sub, 0);
        double[] want = e.read(Readout.probabilities(2, 0));
        long[] cnt = new long[4];
        for (long s : sub) cnt[(int) s]++;
        for (int k = 0; k < 4; k++) assertEquals(want[k], cnt[k] / 20000.0, 0.02);
    }
}
