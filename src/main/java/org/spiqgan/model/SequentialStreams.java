package org.spiqgan.model;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Sequential training randomness (the classical generators'): from {@code new SplittableRandom(seed)} five
 * streams are split in this order: generator initialisation, critic initialisation, real-window indices,
 * generator noise (latents, relaxation noise and the critic's interpolation weights, in the order drawn) and
 * validation (one split per validation). A checkpoint saves the three running streams' positions (draws of
 * the data and noise streams, validations done); {@link #restore} moves fresh streams there.
 */
public final class SequentialStreams implements TrainingStreams {
    private final long seed;
    private SplittableRandom init;
    private SplittableRandom critic;
    private CountingRandom data;
    private CountingRandom noise;
    private SplittableRandom validation;
    private long validations;

    public SequentialStreams(long seed) {
        this.seed = seed;
        reset();
    }

    private void reset() {
        SplittableRandom root = new SplittableRandom(seed);
        init = root.split();
        critic = root.split();
        data = new CountingRandom(root.split());
        noise = new CountingRandom(root.split());
        validation = root.split();
        validations = 0;
    }

    @Override public SplittableRandom generatorInit() { return init; }

    @Override public SplittableRandom criticInit() { return critic; }

    @Override public RandomGenerator data(long step, int k) { return data; }

    @Override public RandomGenerator noise(long step, int k) { return noise; }

    @Override
    public SplittableRandom validation(long step) {
        validations++;
        return validation.split();
    }

    @Override public long[] positions() { return new long[] {data.draws(), noise.draws(), validations}; }

    @Override
    public void restore(long[] positions) {
        if (positions == null || positions.length != 3) throw new IllegalArgumentException("streams: expected 3 positions");
        reset();
        data.skip(positions[0]);
        noise.skip(positions[1]);
        for (long i = 0; i < positions[2]; i++) validation(0);
    }
}
