package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.model.ReuploadingAnsatz;

/**
 * An evaluator reuses the input-free angles of the previous item when the parameters are the same; the result
 * must be bit for bit what a fresh evaluator computes, also when the parameters change in place between items
 * and when a gradient or a parameter-shift sweep comes in between.
 */
class PrepareCacheTest {
    @Test
    void reusedAnglesGiveTheBitsOfAFreshEvaluator() {
        ReuploadingAnsatz a = ReuploadingAnsatz.of(4, 3);
        Circuit c = a.build();
        SplittableRandom r = new SplittableRandom(5);
        double[] p = a.initialParams(r);
        Evaluator cached = c.newEvaluator();
        Readout ro = Readout.probabilities();
        for (int item = 0; item < 40; item++) {
            if (item % 7 == 3) p[r.nextInt(p.length)] += 0.25; // an optimizer step, in place
            double[] z = new double[c.inputCount()];
            for (int k = 0; k < z.length; k++) z[k] = 3 * r.nextDouble();
            Evaluator fresh = c.newEvaluator();
            fresh.run(p, z);
            double[] want = fresh.read(ro), got;
            if (item % 5 == 4) {
                double[] cot = new double[want.length], gp = new double[p.length], gi = new double[z.length];
                java.util.Arrays.fill(cot, 0.5);
                cached.parameterShiftGradient(p, z, 0, ro, cot, gp, gi, 0);
            }
            if (item % 3 == 2) {
                double[] cot = new double[want.length], gp = new double[p.length], gf = new double[p.length];
                cot[item % cot.length] = 1;
                cached.gradient(p, z, ro, cot, gp, null);
                c.newEvaluator().gradient(p, z, ro, cot, gf, null);
                for (int k = 0; k < p.length; k++) assertEquals(Double.doubleToLongBits(gf[k]), Double.doubleToLongBits(gp[k]), "gradient " + k);
            }
            cached.run(p, z);
            got = cached.read(ro);
            for (int b = 0; b < want.length; b++) {
                assertEquals(Double.doubleToLongBits(want[b]), Double.doubleToLongBits(got[b]), "item " + item + ", state " + b);
            }
        }
    }

    /**
     * The sampling plan's prepare builds fewer input matrices and fuses the blocks its own way: a run after
     * sampleCode must still give the bits of a fresh evaluator, and sampleCode must draw the same code whatever ran
     * before it.
     */
    @Test
    void sampledCodesBetweenRunsLeaveTheRunsBits() {
        SplittableRandom r = new SplittableRandom(9);
        for (StateKernels k : new StateKernels[] {StateKernels.SCALAR, KernelChoice.vectorKernels()}) {
            Circuit c = SamplingPlanTest.layers(6, 5, SamplingPlanTest.Entangle.CHAIN, new java.util.Random(4));
            double[] p = SamplingPlanTest.random(new java.util.Random(6), c.paramCount(), Math.PI);
            Evaluator mixed = new Evaluator(c, k);
            Readout ro = Readout.probabilities();
            for (int item = 0; item < 30; item++) {
                double[] z = new double[c.inputCount()];
                for (int j = 0; j < z.length; j++) z[j] = 3 * r.nextDouble();
                double u = r.nextDouble();
                int code = mixed.sampleCode(p, z, 0, u);
                assertEquals(new Evaluator(c, k).sampleCode(p, z, 0, u), code, "item " + item);
                Evaluator fresh = new Evaluator(c, k);
                fresh.run(p, z);
                mixed.run(p, z);
                double[] want = fresh.read(ro), got = mixed.read(ro);
                for (int b = 0; b < want.length; b++) {
                    assertEquals(Double.doubleToLongBits(want[b]), Double.doubleToLongBits(got[b]), "item " + item + ", state " + b);
                }
            }
        }
    }

    @Test
    void mulRyIsMulByTheRyMatrixBitForBit() {
        SplittableRandom r = new SplittableRandom(2);
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[8];
            for (int j = 0; j < 8; j++) a[j] = 2 * r.nextDouble() - 1;
            double half = 4 * r.nextDouble(), c = Math.cos(half), s = Math.sin(half);
            double[] ry = new double[8], want = new double[8], got = new double[8];
            Gate.RY.matrix(new double[] {c}, new double[] {s}, 0, ry, 0);
            Kernels.mul(a, 0, ry, 0, want, 0);
            Kernels.mulRy(a, 0, c, s, got, 0);
            for (int j = 0; j < 8; j++) assertEquals(Double.doubleToLongBits(want[j]), Double.doubleToLongBits(got[j]), "entry " + j);
        }
    }
}
