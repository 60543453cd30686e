package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end: a critic trained with WGAN-GP and Adam between two point masses at distance D. With a
 * finite penalty weight the optimum is known in closed form: along the segment the critic's slope k
 * minimises {@code -D k + lambda (k - 1)^2}, so {@code k = 1 + D / (2 lambda)}, the critic's Wasserstein
 * estimate is {@code D k} (slightly above the true distance D) and every interpolate's input gradient
 * has norm k.
 */
class CriticTrainingTest {

    @ParameterizedTest
    @ValueSource(strings = {"mlp:16", "conv:4,4"})
    void learnsTheWassersteinDistanceBetweenTwoPoints(String spec) {
        int n = 2, t = 2, batch = 16, d = n * t;
        Critic critic = CriticSpec.parse(spec, "test").build(n, t, new SplittableRandom(3));
        double[] real = new double[batch * d];
        double[] gen = new double[batch * d];
        Arrays.fill(real, 1.0); // distance between the all-ones and all-zeros patterns: sqrt(4) = 2
        Adam adam = new Adam(critic.parameterCount(), 1e-2, 0.5, 0.9, 1e-8, LearningRateSchedule.constant());
        SplittableRandom rng = new SplittableRandom(4);
        WganGpResult r = null;
        for (int step = 0; step < 1500; step++) {
            r = CriticLoss.wganGp(critic, real, gen, batch, 10.0, rng, BatchExecutor.serial());
            adam.step(critic);
        }
        r = CriticLoss.wganGp(critic, real, gen, batch, 10.0, rng, BatchExecutor.serial());
        double distance = 2.0, lambda = 10.0;
        double slope = 1.0 + distance / (2.0 * lambda); // 1.1
        String got = spec + ": W estimate " + r.wasserstein() + ", mean gradient norm " + r.meanGradNorm();
        assertTrue(Math.abs(r.wasserstein() - distance * slope) < 0.05 * distance * slope, got);
        assertTrue(Math.abs(r.meanGradNorm() - slope) < 0.03, got);
    }
}
