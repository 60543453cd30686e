package org.spiqgan.model;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Counter-based training randomness (the patch model's): the numbers of critic step k of step s come from
 * {@link StepRandom#of}(seed, s, k), one stream for the real windows' indices and then the generator's
 * noise; the generator step's from (seed, s, nCritic); validation from (seed, s, VALIDATION); the initial
 * generator and critic from (seed, -1, 0) and (seed, -1, 1). Nothing to save: a resumed run only needs the step.
 */
public final class StepStreams implements TrainingStreams {
    private final long seed;
    private long step = Long.MIN_VALUE;
    private int k;
    private SplittableRandom current;

    public StepStreams(long seed) {
        this.seed = seed;
    }

    @Override public SplittableRandom generatorInit() { return StepRandom.of(seed, -1, 0); }

    @Override public SplittableRandom criticInit() { return StepRandom.of(seed, -1, 1); }

    @Override
    public RandomGenerator data(long step, int k) {
        this.step = step;
        this.k = k;
        current = StepRandom.of(seed, step, k);
        return current;
    }

    @Override
    public RandomGenerator noise(long step, int k) {
        // the same stream as data(step, k), continued: the data's indices come first
        return step == this.step && k == this.k ? current : data(step, k);
    }

    @Override public SplittableRandom validation(long step) { return StepRandom.of(seed, step, StepRandom.VALIDATION); }

    @Override public long[] positions() { return null; }

    @Override public void restore(long[] positions) {}
}
