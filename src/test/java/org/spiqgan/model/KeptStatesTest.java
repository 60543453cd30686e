package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.nn.BatchExecutor;

/**
 * The patch generator's gradient after readouts that kept the circuits' final states (the generator step of a
 * training step) is bit for bit the gradient that runs the circuits again, on one thread and on two; and states
 * kept for other parameters or latents are not used.
 */
class KeptStatesTest {
    @Test
    void gradientWithKeptStatesHasTheBitsOfTheFullOne() {
        GeneratorConfig cfg = new GeneratorConfig(4, 3, 2, 2, 0, true, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RZ_RY_RZ,
                ReuploadingAnsatz.Entangler.CNOT, false, false, GeneratorConfig.Sampling.BORN, Math.PI, false);
        SplittableRandom rng = new SplittableRandom(4);
        PatchGenerator fresh = new PatchGenerator(cfg), keeping = new PatchGenerator(cfg);
        double[] theta = fresh.initialParams(rng);
        int batch = 19;
        double[] z = fresh.drawLatent(rng, batch), other = fresh.drawLatent(rng, batch);
        double[][] cot = fresh.newReadoutArrays(batch), out = fresh.newReadoutArrays(batch);
        for (double[] c : cot) for (int k = 0; k < c.length; k++) c[k] = rng.nextGaussian();
        double[] want = new double[theta.length];
        double lWant = fresh.gradient(theta, z, batch, cot, want, BatchExecutor.serial());
        try (BatchExecutor two = new BatchExecutor(2)) {
            for (BatchExecutor ex : new BatchExecutor[] {BatchExecutor.serial(), two}) {
                keeping.readouts(theta, z, batch, out, ex, true);
                assertTrue(keeping.keptFor(theta, z, batch), "states kept");
                double[] got = new double[theta.length];
                double lGot = keeping.gradient(theta, z, batch, cot, got, ex);
                assertEquals(Double.doubleToLongBits(lWant), Double.doubleToLongBits(lGot));
                for (int k = 0; k < got.length; k++) assertEquals(Double.doubleToLongBits(want[k]), Double.doubleToLongBits(got[k]), "param " + k);
            }
            // states kept for other latents: the gradient runs the circuits (a wrong reuse would change the numbers)
            keeping.readouts(theta, other, batch, out, two, true);
            assertFalse(keeping.keptFor(theta, z, batch));
            double[] got = new double[theta.length];
            keeping.gradient(theta, z, batch, cot, got, two);
            for (int k = 0; k < got.length; k++) assertEquals(Double.doubleToLongBits(want[k]), Double.doubleToLongBits(got[k]), "param " + k);
        }
    }
}
