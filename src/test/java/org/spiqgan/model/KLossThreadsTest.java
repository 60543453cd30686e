package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spiqgan.nn.BatchExecutor;

/** The K-loss's value and cotangent, computed in chunks of items, have the same bits on any number of threads. */
class KLossThreadsTest {
    @ParameterizedTest
    @ValueSource(strings = {"born", "bernoulli"})
    void sameBitsOnOneAndThreeThreads(String sampling) {
        // 5 neurons in groups of 2, 2 and 1: the cotangent convolves the other groups' distributions
        GeneratorConfig cfg = new GeneratorConfig(5, 3, 2, 2, 0, true, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RZ_RY_RZ, ReuploadingAnsatz.Entangler.CNOT,
                false, false, sampling.equals("born") ? GeneratorConfig.Sampling.BORN : GeneratorConfig.Sampling.BERNOULLI,
                Math.PI, false);
        PatchGenerator gen = new PatchGenerator(cfg);
        SplittableRandom rng = new SplittableRandom(11);
        double[] theta = gen.initialParams(rng);
        int batch = 29; // not a multiple of the chunk
        double[] z = gen.drawLatent(rng, batch);
        double[][] readout = gen.newReadoutArrays(batch);
        gen.readouts(theta, z, batch, readout, BatchExecutor.serial());
        double[] kData = {0.3, 0.3, 0.2, 0.1, 0.06, 0.04};
        KLoss loss = new KLoss(new PatchReadouts(gen), 0.7, kData);
        double[][] want = gen.newReadoutArrays(batch);
        double vWant = loss.valueAndCotangent(readout, batch, want, BatchExecutor.serial());
        try (BatchExecutor three = new BatchExecutor(3)) {
            double[][] got = gen.newReadoutArrays(batch);
            double vGot = loss.valueAndCotangent(readout, batch, got, three);
            assertEquals(Double.doubleToLongBits(vWant), Double.doubleToLongBits(vGot));
            for (int p = 0; p < got.length; p++) {
                for (int k = 0; k < got[p].length; k++) {
                    assertEquals(Double.doubleToLongBits(want[p][k]), Double.doubleToLongBits(got[p][k]), "patch " + p + " entry " + k);
                }
            }
        }
        assertEquals(true, vWant > 0);
    }
}
