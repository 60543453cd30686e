package org.spiqgan.model;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Where the adversarial trainer's random numbers come from. Two protocols, both fixed functions of the seed:
 * {@link StepStreams} (the patch model's: every step's numbers from (seed, step, purpose), nothing to save)
 * and {@link SequentialStreams} (the classical generators': five streams split from one seed and drawn in
 * order, whose positions a checkpoint saves). Each generator keeps the protocol it was trained with, so
 * runs made before the trainer was shared continue to give the same bits.
 */
public interface TrainingStreams {
    /** Randomness of the generator's initial parameters (asked once, before {@link #criticInit}). */
    SplittableRandom generatorInit();

    /** Randomness of the critic's initial parameters. */
    SplittableRandom criticInit();

    /** Which real windows critic step {@code k} (0-based) of generator step {@code step} sees. */
    RandomGenerator data(long step, int k);

    /**
     * The generator's noise (and the critic's interpolation weights) of critic step {@code k} of {@code step};
     * {@code k = nCritic} is the generator step. Asked after {@link #data} of the same (step, k).
     */
    RandomGenerator noise(long step, int k);

    /** Randomness of the samples of the validation at {@code step}. */
    SplittableRandom validation(long step);

    /** The streams' positions after the last step, for a checkpoint (null: the protocol has none). */
    long[] positions();

    /** Moves the streams to saved {@link #positions()} (a resumed run). */
    void restore(long[] positions);
}
