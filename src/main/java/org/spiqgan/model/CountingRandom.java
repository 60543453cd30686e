package org.spiqgan.model;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link SplittableRandom} that counts its draws, so that a checkpoint can save its position and a resumed
 * run can move a fresh copy there. The JDK's SplittableRandom implements only {@code nextInt()} and
 * {@code nextLong()} (one step of its state each); every other method is the RandomGenerator default built
 * on those two, so this wrapper draws exactly the numbers the wrapped generator would (tested).
 */
public final class CountingRandom implements RandomGenerator {
    private final SplittableRandom r;
    private long draws;

    public CountingRandom(SplittableRandom r) {
        this.r = r;
    }

    @Override
    public int nextInt() {
        draws++;
        return r.nextInt();
    }

    @Override
    public long nextLong() {
        draws++;
        return r.nextLong();
    }

    /** Steps of the state so far. */
    public long draws() { return draws; }

    /** Advances the state by {@code n} steps (to a saved position). */
    public void skip(long n) {
        for (long i = 0; i < n; i++) r.nextLong();
        draws += n;
    }
}
