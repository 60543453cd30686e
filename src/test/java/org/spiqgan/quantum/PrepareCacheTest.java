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
}
