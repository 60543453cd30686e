package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.nn.Critic;
import org.spiqgan.nn.Critics;
import org.spiqgan.model.ReuploadingAnsatz;

/**
 * The generator's gradient (critic path through the relaxation, K-loss, temporal loss, adjoint sweep)
 * against central finite differences of the same loss, for both sampling modes, the differentiable
 * critic inputs, several neuron groups and an ancilla.
 */
class GeneratorGradientTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("born", "gumbel", 0.0, 0.0, 0),
                Arguments.of("born", "gumbel", 3.0, 0.0, 0),
                Arguments.of("born", "gumbel", 3.0, 2.0, 1),
                Arguments.of("born", "marginals", 3.0, 2.0, 0),
                Arguments.of("bernoulli", "gumbel", 0.0, 0.0, 0),
                Arguments.of("bernoulli", "gumbel", 3.0, 2.0, 1),
                Arguments.of("bernoulli", "marginals", 3.0, 2.0, 0));
    }

    private static GeneratorConfig config(String sampling, int ancillas, boolean share) {
        return config(sampling, ancillas, share, false);
    }

    private static GeneratorConfig config(String sampling, int ancillas, boolean share, boolean autoregressive) {
        return new GeneratorConfig(3, 3, 2, 2, ancillas, true, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RZ_RY_RZ,
                ReuploadingAnsatz.Entangler.CNOT, false, share,
                sampling.equals("born") ? GeneratorConfig.Sampling.BORN : GeneratorConfig.Sampling.BERNOULLI, Math.PI,
                autoregressive);
    }

    static Stream<Arguments> autoregressiveCases() {
        return Stream.of(
                Arguments.of("born", "gumbel", false),
                Arguments.of("born", "marginals", false),
                Arguments.of("bernoulli", "gumbel", false),
                Arguments.of("born", "gumbel", true),
                Arguments.of("bernoulli", "marginals", true));
    }

    /** SPEC 3b: patch t re-uploads the relaxed pattern of patch t-1; the gradient flows back through time. */
    @ParameterizedTest(name = "autoregressive {0} {1} shared={2}")
    @MethodSource("autoregressiveCases")
    void autoregressiveGradient(String sampling, String input, boolean share) {
        checkGradient(config(sampling, 1, share, true), CriticInput.parse(input), 3.0, 2.0, true);
    }

    @ParameterizedTest(name = "{0} {1} lambdaK={2} lambdaAcg={3} ancillas={4}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(String sampling, String input, double lambdaK, double lambdaAcg, int ancillas) {
        GeneratorConfig cfg = config(sampling, ancillas, false);
        checkGradient(cfg, CriticInput.parse(input), lambdaK, lambdaAcg);
    }

    @ParameterizedTest(name = "shared across timesteps, {0}")
    @MethodSource("samplings")
    void sharedTimestepsGradient(String sampling) {
        checkGradient(config(sampling, 0, true), CriticInput.GUMBEL, 3.0, 2.0);
    }

    static Stream<String> samplings() {
        return Stream.of("born", "bernoulli");
    }

    private static void checkGradient(GeneratorConfig cfg, CriticInput input, double lambdaK, double lambdaAcg) {
        checkGradient(cfg, input, lambdaK, lambdaAcg, false);
    }

    private static void checkGradient(GeneratorConfig cfg, CriticInput input, double lambdaK, double lambdaAcg,
            boolean perturbFeedback) {
        PatchGenerator gen = new PatchGenerator(cfg);
        double[] kData = {0.6, 0.25, 0.1, 0.05};
        double[] acgData = {0.4, 0.3};
        GeneratorObjective obj = new GeneratorObjective(gen, input, 0.5, lambdaK, kData, lambdaAcg, acgData);
        Critic critic = Critics.mlp(cfg.neurons(), cfg.timesteps(), 16, new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(11);
        double[] theta = gen.initialParams(rng);
        // Feedback weights u start at 0; move every parameter so that the feedback path carries gradient.
        for (int k = 0; k < theta.length; k++) theta[k] += (perturbFeedback ? 0.5 : 0.1) * rng.nextGaussian();
        int batch = 5;
        double[] z = gen.drawLatent(rng, batch);
        long noise = 77;
        double[] grad = new double[theta.length];
        BatchExecutor ex = BatchExecutor.serial();
        obj.lossAndGradient(theta, z, batch, noise, critic, grad, ex);
        double h = 1e-5, maxErr = 0, norm = 0;
        for (int k = 0; k < theta.length; k++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            double fp = obj.lossAndGradient(tp, z, batch, noise, critic, new double[theta.length], ex).total();
            double fm = obj.lossAndGradient(tm, z, batch, noise, critic, new double[theta.length], ex).total();
            double fd = (fp - fm) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - grad[k]));
            norm = Math.max(norm, Math.abs(grad[k]));
        }
        assertTrue(norm > 1e-4, "gradient should not vanish: " + norm);
        assertTrue(maxErr < 1e-6 * Math.max(1, norm), "max |fd - adjoint| = " + maxErr + " (max |grad| " + norm + ")");
    }

    @org.junit.jupiter.api.Test
    void kDistributionOfBornIsTheHammingDistributionConvolvedOverGroups() {
        // Independent check: enumerate the joint distribution of the two groups' patterns for each item.
        GeneratorConfig cfg = config("born", 0, false);
        PatchGenerator gen = new PatchGenerator(cfg);
        GeneratorObjective obj = new GeneratorObjective(gen, CriticInput.GUMBEL, 0.5, 0, null, 0, null);
        SplittableRandom rng = new SplittableRandom(5);
        double[] theta = gen.initialParams(rng);
        int batch = 4;
        double[] z = gen.drawLatent(rng, batch);
        double[][] r = gen.newReadoutArrays(batch);
        gen.readouts(theta, z, batch, r, BatchExecutor.serial());
        double[] expected = new double[4];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < 3; t++) {
                for (int c0 = 0; c0 < 4; c0++) {
                    for (int c1 = 0; c1 < 2; c1++) {
                        expected[Integer.bitCount(c0) + c1] += r[t][b * 4 + c0] * r[3 + t][b * 2 + c1] / (batch * 3);
                    }
                }
            }
        }
        double[] got = obj.kDistribution(r, batch);
        for (int k = 0; k < 4; k++) assertEquals(expected[k], got[k], 1e-14);
    }

    @org.junit.jupiter.api.Test
    void poissonBinomialAgainstEnumeration() {
        double[] p = {0.1, 0.7, 0.35, 0.9};
        double[] out = new double[5];
        PatchMath.poissonBinomial(p, 0, 4, out);
        double[] e = new double[5];
        for (int c = 0; c < 16; c++) {
            double pr = 1;
            for (int i = 0; i < 4; i++) pr *= (c >> i & 1) != 0 ? p[i] : 1 - p[i];
            e[Integer.bitCount(c)] += pr;
        }
        for (int k = 0; k < 5; k++) assertEquals(e[k], out[k], 1e-15);
    }
}
