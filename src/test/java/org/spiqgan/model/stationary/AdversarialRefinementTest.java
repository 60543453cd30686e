package org.spiqgan.model.stationary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.stats.SyntheticSpikes;

/** The refinement phase with a critic: trained, recorded, and resumed bit for bit from a checkpoint. */
class AdversarialRefinementTest {
    private static final int N = 3, T = 6;

    private static StationaryTrainer trainer() {
        SampleSet fit = SyntheticSpikes.markov(1, 400, N, T + 1, 0.1, 0.5);
        SampleSet fitWindows = StationaryTrainerTest.last(fit, T);
        SampleSet validation = StationaryTrainerTest.last(SyntheticSpikes.markov(2, 100, N, T + 1, 0.1, 0.5), T);
        StationaryConfig cfg = new StationaryConfig(N, N, 2, "cry", 1, 1.0, 1, 4);
        StationaryTraining tr = new StationaryTraining(3, 5, 8, 2, 0.01, 0, 0.9, 32, new double[] {1, 1, 0, 1, 0}, 4, 64, 100, 0.05, 3,
                new Adversarial(1.0, "mlp:8", 2, 1e-3, 10));
        return new StationaryTrainer(cfg, tr, fit, fitWindows, validation);
    }

    @Test
    void criticIsTrainedAndResumeIsExact() {
        double[] rates = {0.1, 0.1, 0.1};
        StationaryState straight = trainer().start(rates);
        StationaryState split = trainer().start(rates);
        try (BatchExecutor ex = new BatchExecutor(2)) {
            assertTrue(trainer().run(straight, ex, new StationaryTrainer.Listener() {}));
            StationaryTrainer first = trainer();
            boolean done = first.run(split, ex, new StationaryTrainer.Listener() {
                @Override
                public boolean stopRequested() { return split.step == 5; }
            });
            assertFalse(done);
            assertNotNull(split.critic, "the checkpoint holds the critic of the refinement phase");
            assertTrue(trainer().run(split, ex, new StationaryTrainer.Listener() {}));
        }
        assertArrayEquals(straight.params, split.params);
        assertArrayEquals(straight.critic, split.critic);
        assertArrayEquals(straight.ema, split.ema);
        long withCritic = straight.metrics.stream().filter(m -> m.wasserstein != null && Double.isFinite(m.wasserstein)).count();
        assertTrue(withCritic == 5, "every refinement step records the critic's Wasserstein estimate: " + withCritic);
    }
}
