package org.spiqgan.model;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.BatchExecutor;

/**
 * The quantum patch generator as an {@link AdversarialGenerator}: latents z ~ U[0, zMax), relaxation noise
 * from a seed per batch ({@link GeneratorObjective}), the K-loss and the temporal loss as its own terms.
 */
public final class PatchAdversarialGenerator implements AdversarialGenerator {
    private final PatchGenerator gen;
    private final GeneratorObjective objective;
    private final double initSpread;
    private GeneratorObjective.Pass last;

    private record PatchNoise(double[] z, long noiseSeed) implements Noise {}

    public PatchAdversarialGenerator(GeneratorObjective objective, double initSpread) {
        this.gen = objective.generator();
        this.objective = objective;
        this.initSpread = initSpread;
    }

    public PatchGenerator generator() { return gen; }

    @Override public int neurons() { return gen.config().neurons(); }

    @Override public int timesteps() { return gen.config().timesteps(); }

    @Override public int parameterCount() { return gen.parameterCount(); }

    @Override
    public double[] initialParameters(SplittableRandom r) {
        return gen.initialParams(r, initSpread);
    }

    /** Order: the latents, the interpolation weights, the seed of the relaxation noise. */
    @Override
    public Noise draw(RandomGenerator r, int batch, double[] eps) {
        double[] z = gen.drawLatent(r, batch);
        if (eps != null) for (int b = 0; b < batch; b++) eps[b] = r.nextDouble();
        return new PatchNoise(z, r.nextLong());
    }

    @Override
    public double[] relaxedForward(double[] params, Noise noise, int batch, BatchExecutor ex) {
        PatchNoise n = (PatchNoise) noise;
        // the previous pass is done with (its x was used, its backward taken): its arrays are reused
        last = objective.forward(params, n.z(), batch, n.noiseSeed(), ex, last);
        return last.x;
    }

    /** Keeps the circuits' final states for the gradient (about 31 MB at N = 10, T = 30, batch 64). */
    @Override
    public double[] relaxedForwardForBackward(double[] params, Noise noise, int batch, BatchExecutor ex) {
        PatchNoise n = (PatchNoise) noise;
        last = objective.forward(params, n.z(), batch, n.noiseSeed(), ex, last, true);
        return last.x;
    }

    @Override
    public LossTerms backward(double[] params, double[] dx, double[] grad, BatchExecutor ex) {
        return objective.backward(last, params, dx, grad, ex);
    }

    /** Samples seeded by the first number of {@code r} (generation's own per-item streams follow from it). */
    @Override
    public SampleSet sample(double[] params, int count, SplittableRandom r, BatchExecutor ex) {
        return GeneratorObjective.sample(gen, params, count, r.nextLong(), ex);
    }
}
