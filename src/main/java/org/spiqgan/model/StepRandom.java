package org.spiqgan.model;

import java.util.SplittableRandom;

/** Counter-based randomness: the stream of (seed, step, purpose) is a pure function of the three numbers. */
public final class StepRandom {
    public static final int VALIDATION = 1_000_000;

    private StepRandom() {}

    public static SplittableRandom of(long seed, long step, long purpose) {
        return new SplittableRandom(mix(mix(seed) + 0x9E3779B97F4A7C15L * step) ^ mix(purpose + 0x632BE59BD9B4E019L));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
