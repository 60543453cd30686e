package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.model.ReuploadingAnsatz;

class LikelihoodPretrainerTest {

    /** Windows where neurons 0 and 1 fire together in 30% of bins and neuron 2 copies neuron 0's previous bin. */
    private static SampleSet correlated(int windows, int timesteps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SampleSet s = SampleSet.zeros(windows, 3, timesteps);
        for (int w = 0; w < windows; w++) {
            for (int t = 0; t < timesteps; t++) {
                int a = r.nextDouble() < 0.3 ? 1 : 0;
                s.set(w, 0, t, a);
                s.set(w, 1, t, a == 1 && r.nextDouble() < 0.9 ? 1 : 0);
                s.set(w, 2, t, t > 0 ? s.get(w, 0, t - 1) : 0);
            }
        }
        return s;
    }

    private static GeneratorConfig config(GeneratorConfig.Sampling sampling, boolean autoregressive, int timesteps) {
        return new GeneratorConfig(3, timesteps, 2, 3, 0, true, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RZ_RY_RZ,
                ReuploadingAnsatz.Entangler.CNOT, false, false, sampling, 1.0, autoregressive);
    }

    private static void checkGradient(GeneratorConfig cfg) {
        SampleSet data = correlated(40, cfg.timesteps(), 7);
        LikelihoodPretrainer pre = new LikelihoodPretrainer(cfg, data, 5, 9);
        PatchGenerator plain = new PatchGenerator(config(cfg.sampling(), false, cfg.timesteps()));
        double[] p = plain.initialParams(new SplittableRandom(3));
        assertEquals(p.length, pre.plainParameterCount());
        double[] grad = new double[p.length];
        try (BatchExecutor ex = new BatchExecutor(2)) {
            double loss = pre.lossAndGradient(p, 11, 4, grad, ex);
            assertTrue(Double.isFinite(loss) && loss > 0, "NLL " + loss);
            double h = 1e-5, worst = 0;
            double[] dummy = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                double keep = p[k];
                p[k] = keep + h;
                double up = pre.lossAndGradient(p, 11, 4, dummy, ex);
                p[k] = keep - h;
                double down = pre.lossAndGradient(p, 11, 4, dummy, ex);
                p[k] = keep;
                worst = Math.max(worst, Math.abs((up - down) / (2 * h) - grad[k]));
            }
            assertTrue(worst < 1e-6, "largest gradient error " + worst);
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesUnderBornSampling() {
        checkGradient(config(GeneratorConfig.Sampling.BORN, false, 2));
    }

    @Test
    void gradientMatchesFiniteDifferencesUnderBernoulliSampling() {
        checkGradient(config(GeneratorConfig.Sampling.BERNOULLI, false, 2));
    }

    @Test
    void pretrainingLowersTheLikelihoodLossAndKeepsFeedbackWeightsOfAutoregressiveGenerators() {
        GeneratorConfig cfg = config(GeneratorConfig.Sampling.BORN, true, 2);
        SampleSet data = correlated(400, 2, 1);
        PatchGenerator gen = new PatchGenerator(cfg);
        double[] theta = gen.initialParams(new SplittableRandom(5));
        double[] before = theta.clone();
        LikelihoodPretrainer pre = new LikelihoodPretrainer(cfg, data, 32, 64);
        try (BatchExecutor ex = new BatchExecutor(2)) {
            double[] plain = new double[pre.plainParameterCount()];
            double[] g = new double[plain.length];
            // The first step's loss at the initial parameters, for reference.
            int off = 0, poff = 0;
            for (int s = 0; s < cfg.parameterSets(); s++) {
                int len = new PatchGenerator(config(GeneratorConfig.Sampling.BORN, false, 2)).circuit(0).paramCount();
                System.arraycopy(theta, off, plain, poff, len);
                off += cfg.setParamCount(0);
                poff += len;
            }
            double initial = pre.lossAndGradient(plain, 9, 0, g, ex);
            double last = pre.run(theta, 300, 0.05, 9, ex, 0, null);
            // The data's entropy per window is about 2.3 nats; a random circuit sits near 3 ln 2 x 2 = 4.2.
            assertTrue(last < initial - 0.8, "NLL " + initial + " -> " + last);
        }
        int circuitParams = cfg.circuit(0).paramCount();
        for (int s = 0; s < cfg.parameterSets(); s++) {
            int base = s * cfg.setParamCount(0);
            for (int k = circuitParams; k < cfg.setParamCount(0); k++) {
                assertEquals(before[base + k], theta[base + k], "feedback weight u changed");
            }
        }
    }
}
