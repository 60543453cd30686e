package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spiqgan.model.ReuploadingAnsatz;

/**
 * The batch-major path against the per-item one: the lane kernels do the per-item arithmetic in the same
 * order, so readouts, losses and gradients must be the same bits (tolerance 0), for every gate kind,
 * readout kind and lane occupancy; and against the independent reference simulator and central differences.
 */
class LaneEvaluatorTest {

    private static Readout[] readouts(Random rng, int n) {
        int[] some = RandomCircuits.qubitSubset(rng, n);
        return new Readout[] {Readout.probabilities(), Readout.probabilities(some), Readout.marginals(),
            Readout.marginals(some), Readout.hamming(some)};
    }

    /** Runs `count` items through both paths and asserts identical bits; items' inputs are `stride` apart. */
    private static void assertSameAsPerItem(Circuit c, int lanes, int count, Readout r, Random rng, String what) {
        int n = c.qubits(), np = c.paramCount(), ni = c.inputCount(), size = r.size(n), stride = ni + 2;
        double[] params = RandomCircuits.uniform(rng, np, -3, 3);
        int inOff = 3;
        double[] inputs = RandomCircuits.uniform(rng, inOff + count * stride, 0, Math.PI);
        int cotOff = 5;
        double[] cot = RandomCircuits.uniform(rng, cotOff + count * size, -1, 1);

        LaneEvaluator le = new LaneEvaluator(c, lanes);
        Evaluator e = c.newEvaluator();
        // forward readouts
        double[] outL = new double[1 + count * size];
        le.run(params, inputs, inOff, stride, count);
        le.read(r, outL, 1);
        for (int k = 0; k < count; k++) {
            e.run(params, inputs, inOff + k * stride);
            double[] o = e.read(r);
            for (int j = 0; j < size; j++) {
                assertEquals(Double.doubleToLongBits(o[j]), Double.doubleToLongBits(outL[1 + k * size + j]),
                        what + " readout item " + k + " entry " + j);
            }
        }
        // gradients (the lane call adds into nonzero arrays, as the per-item one does)
        double[] gpL = RandomCircuits.uniform(rng, 2 + count * np, -1, 1), giL = RandomCircuits.uniform(rng, inOff + count * stride, -1, 1);
        double[] gpE = gpL.clone(), giE = giL.clone();
        double[] lossL = new double[count], outG = new double[count * size];
        le.gradient(params, inputs, inOff, stride, count, r, cot, cotOff, gpL, 2, giL, inOff, outG, 0, lossL, 0);
        double[] gp = new double[np];
        for (int k = 0; k < count; k++) {
            System.arraycopy(gpE, 2 + k * np, gp, 0, np);
            double[] o = new double[size];
            double l = e.gradient(params, inputs, inOff + k * stride, r, cot, cotOff + k * size, gp, giE,
                    inOff + k * stride, o, 0);
            System.arraycopy(gp, 0, gpE, 2 + k * np, np);
            assertEquals(Double.doubleToLongBits(l), Double.doubleToLongBits(lossL[k]), what + " loss " + k);
            for (int j = 0; j < size; j++) {
                assertEquals(Double.doubleToLongBits(o[j]), Double.doubleToLongBits(outG[k * size + j]), what + " gradient readout");
            }
        }
        for (int j = 0; j < gpE.length; j++) {
            assertEquals(Double.doubleToLongBits(gpE[j]), Double.doubleToLongBits(gpL[j]), what + " param gradient " + j);
        }
        for (int j = 0; j < giE.length; j++) {
            assertEquals(Double.doubleToLongBits(giE[j]), Double.doubleToLongBits(giL[j]), what + " input gradient " + j);
        }
    }

    @Test
    void randomCircuitsGiveThePerItemBits() {
        Random rng = new Random(12);
        int cases = 0;
        for (int n = 1; n <= 7; n++) {
            for (int trial = 0; trial < 3; trial++) {
                int np = 3 + rng.nextInt(6), ni = 1 + rng.nextInt(3);
                Circuit c = RandomCircuits.random(rng, n, np, ni, 6 * n + 6);
                for (Readout r : readouts(rng, n)) {
                    int lanes = 1 + rng.nextInt(9);
                    int count = 1 + rng.nextInt(lanes);
                    assertSameAsPerItem(c, lanes, count, r, rng, "n=" + n + " " + r + " lanes " + lanes + " items " + count);
                    cases++;
                }
            }
        }
        assertTrue(cases >= 100);
    }

    @Test
    void subGeneratorCircuitsGiveThePerItemBits() {
        Random rng = new Random(5);
        for (ReuploadingAnsatz.Entangler ent : ReuploadingAnsatz.Entangler.values()) {
            for (int n : new int[] {2, 6, 10}) {
                Circuit c = ReuploadingAnsatz.of(n, 5).ring(ent == ReuploadingAnsatz.Entangler.CZ).entangler(ent).build();
                int lanes = LaneEvaluator.lanesFor(n);
                assertSameAsPerItem(c, lanes, lanes, Readout.probabilities(), rng, ent + " n=" + n);
                assertSameAsPerItem(c, lanes, lanes - 3, Readout.marginals(), rng, ent + " n=" + n + " partial");
            }
        }
    }

    @Test
    void agreesWithTheReferenceSimulatorAndCentralDifferences() {
        Random rng = new Random(77);
        Circuit c = RandomCircuits.random(rng, 4, 5, 2, 30);
        int count = 3, size = 16;
        double[] params = RandomCircuits.uniform(rng, 5, -3, 3), inputs = RandomCircuits.uniform(rng, count * 2, 0, 3);
        double[] cot = RandomCircuits.uniform(rng, count * size, -1, 1);
        LaneEvaluator le = new LaneEvaluator(c, 4);
        double[] out = new double[count * size];
        le.run(params, inputs, 0, 2, count);
        le.read(Readout.probabilities(), out, 0);
        for (int k = 0; k < count; k++) {
            double[] ref = ReferenceSim.probabilities(c, params, java.util.Arrays.copyOfRange(inputs, 2 * k, 2 * k + 2));
            assertArrayEquals(ref, java.util.Arrays.copyOfRange(out, k * size, (k + 1) * size), 1e-13);
        }
        double[] gp = new double[count * 5], gi = new double[count * 2], loss = new double[count];
        le.gradient(params, inputs, 0, 2, count, Readout.probabilities(), cot, 0, gp, 0, gi, 0, null, 0, loss, 0);
        double h = 1e-6;
        for (int k = 0; k < count; k++) {
            double[] z = java.util.Arrays.copyOfRange(inputs, 2 * k, 2 * k + 2);
            double[] ck = java.util.Arrays.copyOfRange(cot, k * size, (k + 1) * size);
            for (int j = 0; j < 7; j++) {
                double[] pp = params.clone(), pm = params.clone(), zp = z.clone(), zm = z.clone();
                if (j < 5) {
                    pp[j] += h;
                    pm[j] -= h;
                } else {
                    zp[j - 5] += h;
                    zm[j - 5] -= h;
                }
                double fd = (refLoss(c, pp, zp, ck) - refLoss(c, pm, zm, ck)) / (2 * h);
                double g = j < 5 ? gp[k * 5 + j] : gi[k * 2 + j - 5];
                assertTrue(Math.abs(fd - g) / Math.max(Math.abs(g), 1e-3) < 1e-6, "item " + k + " k " + j + " fd " + fd + " adj " + g);
            }
        }
    }

    private static double refLoss(Circuit c, double[] p, double[] z, double[] cot) {
        double[] pr = ReferenceSim.probabilities(c, p, z);
        double l = 0;
        for (int b = 0; b < pr.length; b++) l += cot[b] * pr[b];
        return l;
    }

    @Test
    void lowQubitSubsetReadoutIsTheGeneralSubsetSum() {
        Random rng = new Random(3);
        int n = 6;
        double[] p = RandomCircuits.uniform(rng, 1 << n, 0, 1);
        for (int k = 1; k <= n; k++) {
            int[] qs = new int[k];
            for (int q = 0; q < k; q++) qs[q] = q;
            Readout r = Readout.probabilities(qs);
            double[] expected = new double[1 << k], got = new double[1 << k];
            for (int b = 0; b < 1 << n; b++) expected[r.subsetCode(b)] += p[b];
            r.compute(p, n, got);
            assertArrayEquals(expected, got, 0.0, "k=" + k);
            double[] cot = RandomCircuits.uniform(rng, 1 << k, -1, 1), w = new double[1 << n];
            r.weights(cot, n, w);
            for (int b = 0; b < 1 << n; b++) assertEquals(cot[r.subsetCode(b)], w[b], 0.0);
        }
    }

    @Test
    void refusesTooManyItemsAndAStaleState() {
        Circuit c = ReuploadingAnsatz.of(3, 2).build();
        LaneEvaluator le = new LaneEvaluator(c, 4);
        double[] p = c.paramCount() > 0 ? new double[c.paramCount()] : null, z = new double[5 * 3];
        assertThrows(IllegalArgumentException.class, () -> le.run(p, z, 0, 3, 5));
        double[] cot = new double[4 * 8], out = new double[4 * 8];
        le.gradient(p, z, 0, 3, 4, Readout.probabilities(), cot, 0, null, 0, null, 0, null, 0, null, 0);
        assertThrows(IllegalStateException.class, () -> le.read(Readout.probabilities(), out, 0));
        assertTrue(LaneEvaluator.lanesFor(10) >= 8 && LaneEvaluator.lanesFor(4) <= 64);
    }
}
