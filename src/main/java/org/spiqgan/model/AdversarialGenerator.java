package org.spiqgan.model;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.BatchExecutor;

/**
 * A generator that {@link AdversarialTrainer} can train: the quantum patch generator
 * ({@link PatchAdversarialGenerator}) and the classical Spike-GAN and MLP generators
 * ({@code baseline.ClassicalAdversarialGenerator}). Parameters live in the trainer's flat arrays; the
 * generator keeps what one relaxed forward pass computed until the next {@link #backward}.
 */
public interface AdversarialGenerator {
    /** The randomness of one relaxed batch (latents and relaxation noise), as drawn by {@link #draw}. */
    interface Noise {}

    int neurons();

    int timesteps();

    int parameterCount();

    /** Initial parameters (the trainer then optionally pre-trains them). */
    double[] initialParameters(SplittableRandom r);

    /**
     * Draws one batch's latents and relaxation noise from {@code r} and, when {@code eps} is not null, the critic's
     * interpolation weights e_b ~ U[0, 1), each in this generator's fixed order (a run's bits depend on it).
     */
    Noise draw(RandomGenerator r, int batch, double[] eps);

    /**
     * The critic's view x (batch, N, T) of the drawn batch at {@code params} (what critic-input asks for). The array
     * may be reused by the next call: use it before then.
     */
    double[] relaxedForward(double[] params, Noise noise, int batch, BatchExecutor ex);

    /**
     * {@link #relaxedForward} for the pass whose {@link #backward} follows (the generator step): a generator may keep
     * what its backward would otherwise compute again. The same results.
     */
    default double[] relaxedForwardForBackward(double[] params, Noise noise, int batch, BatchExecutor ex) {
        return relaxedForward(params, noise, batch, ex);
    }

    /**
     * The gradient of the generator loss at the last {@link #relaxedForward}: {@code dx} holds d(adversarial
     * loss)/dx; the generator adds its own loss terms (K-loss, temporal loss) and overwrites {@code grad} with
     * dL/dparams. Returns the values of the terms it added.
     */
    LossTerms backward(double[] params, double[] dx, double[] grad, BatchExecutor ex);

    /** Hard samples (what generation and validation use) at {@code params}. */
    SampleSet sample(double[] params, int count, SplittableRandom r, BatchExecutor ex);

    /** Values of the loss terms a generator adds to the adversarial one. */
    record LossTerms(double kLoss, double temporalLoss) {
        public static final LossTerms NONE = new LossTerms(0, 0);
    }
}
