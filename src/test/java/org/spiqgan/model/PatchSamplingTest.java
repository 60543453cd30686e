package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spiqgan.nn.BatchExecutor;

/** Patterns drawn in the workers ({@link PatchGenerator#samplePatterns}) against readouts drawn afterwards. */
class PatchSamplingTest {
    private static PatchGenerator generator(String sampling) {
        // 3 neurons in groups of 2 and 1, one ancilla, 3 bins: two circuit sizes and a traced-out qubit
        return new PatchGenerator(new GeneratorConfig(3, 3, 2, 2, 1, true, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RZ_RY_RZ, ReuploadingAnsatz.Entangler.CNOT,
                false, false, sampling.equals("born") ? GeneratorConfig.Sampling.BORN : GeneratorConfig.Sampling.BERNOULLI,
                Math.PI, false));
    }

    private static double[] uniforms(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[count];
        for (int k = 0; k < u.length; k++) u[k] = r.nextDouble();
        return u;
    }

    @ParameterizedTest
    @ValueSource(strings = {"born", "bernoulli"})
    void samePatternsAsReadingOutFirstOnAnyThreadCount(String sampling) {
        PatchGenerator gen = generator(sampling);
        double[] theta = gen.initialParams(new SplittableRandom(3));
        int batch = 37, stride = gen.config().groupSize();
        double[] z = gen.drawLatent(new SplittableRandom(4), batch);
        double[] u = uniforms(batch * gen.patches() * stride, 5);
        double[][] out = gen.newReadoutArrays(batch);
        gen.readouts(theta, z, batch, out, BatchExecutor.serial());
        int[] expected = new int[gen.patches() * batch];
        for (int p = 0; p < gen.patches(); p++) {
            for (int b = 0; b < batch; b++) {
                expected[p * batch + b] = PatchGenerator.hardPattern(out[p], b * gen.readoutSize(p),
                        gen.config().groupNeurons(gen.groupOf(p)), sampling.equals("bernoulli"), u, (b * gen.patches() + p) * stride);
            }
        }
        for (int threads = 1; threads <= 3; threads++) {
            int[] codes = new int[expected.length];
            try (BatchExecutor ex = new BatchExecutor(threads)) {
                gen.samplePatterns(theta, z, u, stride, batch, codes, ex);
            }
            assertArrayEquals(expected, codes, threads + " threads");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"born", "bernoulli"})
    void patternFrequenciesFollowTheReadout(String sampling) {
        PatchGenerator gen = generator(sampling);
        double[] theta = gen.initialParams(new SplittableRandom(7));
        int batch = 40_000, stride = gen.config().groupSize(), lat = gen.latentSize();
        double[] one = gen.drawLatent(new SplittableRandom(8), 1);
        double[] z = new double[batch * lat];
        for (int b = 0; b < batch; b++) System.arraycopy(one, 0, z, b * lat, lat);
        double[] u = uniforms(batch * gen.patches() * stride, 9);
        int[] codes = new int[gen.patches() * batch];
        gen.samplePatterns(theta, z, u, stride, batch, codes, BatchExecutor.serial());
        double[][] out = gen.newReadoutArrays(1);
        gen.readouts(theta, one, 1, out, BatchExecutor.serial());
        int p = 0, m = gen.config().groupNeurons(0); // patch 0: the 2-neuron group at bin 0
        double[] freq = new double[1 << m];
        for (int b = 0; b < batch; b++) freq[codes[p * batch + b]] += 1.0 / batch;
        for (int code = 0; code < 1 << m; code++) {
            double want = 1;
            if (sampling.equals("born")) {
                want = out[p][code];
            } else {
                for (int i = 0; i < m; i++) want *= (code >> i & 1) == 1 ? out[p][i] : 1 - out[p][i];
            }
            double sigma = Math.sqrt(want * (1 - want) / batch) + 1e-12;
            assertTrue(Math.abs(freq[code] - want) < 5 * sigma, "code " + code + ": " + freq[code] + " drawn, " + want + " expected");
        }
    }
}
