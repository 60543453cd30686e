package org.spiqgan.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.AdversarialGenerator;
import org.spiqgan.model.BinaryConcrete;
import org.spiqgan.model.CriticInput;
import org.spiqgan.nn.BatchExecutor;

/**
 * A classical {@link Generator} (Spike-GAN or MLP) as an {@link AdversarialGenerator}: latents z ~ N(0, I),
 * logits h = G(z), and the critic sees, per {@link CriticInput}, the {@link BinaryConcrete} relaxation
 * {@code sigmoid((h + logit u) / tau)} (gumbel), the hard sample {@code h + logit u > 0} forward with the
 * relaxed gradient backward (straight-through), or the firing probabilities {@code sigmoid(h)} (marginals).
 * No loss terms of its own.
 */
public final class ClassicalAdversarialGenerator implements AdversarialGenerator {
    private final Generator g;
    private final CriticInput input;
    private final BinaryConcrete concrete;
    private final double[] initialRates;
    private Generator.Workspace w;
    private int capacity;
    private double[] x;
    private double[] slope;
    private int lastBatch;

    private record Draws(double[] z, double[] u) implements Noise {}

    /** @param initialRates the data's firing probability per neuron: the output bias starts at their logits */
    public ClassicalAdversarialGenerator(Generator g, CriticInput input, double tau, double[] initialRates) {
        this.g = g;
        this.input = input;
        this.concrete = new BinaryConcrete(input, tau);
        this.initialRates = initialRates.clone();
    }

    public Generator generator() { return g; }

    @Override public int neurons() { return g.neurons(); }

    @Override public int timesteps() { return g.timesteps(); }

    @Override public int parameterCount() { return g.parameterCount(); }

    @Override
    public double[] initialParameters(SplittableRandom r) {
        g.initialize(r);
        g.initializeOutputBias(initialRates);
        return g.params().clone();
    }

    /** Order: the latents, the relaxation's uniforms (none for marginals), the interpolation weights. */
    @Override
    public Noise draw(RandomGenerator r, int batch, double[] eps) {
        double[] z = new double[batch * g.latent()];
        for (int k = 0; k < z.length; k++) z[k] = r.nextGaussian();
        double[] u = null;
        if (input != CriticInput.MARGINALS) {
            u = new double[batch * g.neurons() * g.timesteps()];
            for (int k = 0; k < u.length; k++) {
                double v = r.nextDouble();
                while (v == 0) v = r.nextDouble();
                u[k] = v;
            }
        }
        if (eps != null) for (int b = 0; b < batch; b++) eps[b] = r.nextDouble();
        return new Draws(z, u);
    }

    private void ensure(int batch) {
        if (w != null && batch <= capacity) return;
        w = g.workspace(batch);
        capacity = batch;
        x = new double[batch * g.neurons() * g.timesteps()];
        slope = new double[x.length];
    }

    @Override
    public double[] relaxedForward(double[] params, Noise noise, int batch, BatchExecutor ex) {
        Draws d = (Draws) noise;
        ensure(batch);
        g.setParams(params);
        System.arraycopy(d.z(), 0, w.latents(), 0, d.z().length);
        g.forward(w, batch);
        double[] h = w.logits();
        int count = batch * g.neurons() * g.timesteps();
        for (int k = 0; k < count; k++) x[k] = concrete.fromLogit(h[k], d.u() == null ? 0 : d.u()[k], slope, k);
        lastBatch = batch;
        return x;
    }

    @Override
    public LossTerms backward(double[] params, double[] dx, double[] grad, BatchExecutor ex) {
        int count = lastBatch * g.neurons() * g.timesteps();
        double[] gh = w.logitGrad();
        for (int k = 0; k < count; k++) gh[k] = dx[k] * slope[k];
        Arrays.fill(g.grads(), 0.0);
        g.backward(w, lastBatch);
        System.arraycopy(g.grads(), 0, grad, 0, grad.length);
        return LossTerms.NONE;
    }

    @Override
    public SampleSet sample(double[] params, int count, SplittableRandom r, BatchExecutor ex) {
        Generator copy = new Generator(g.kind(), g.neurons(), g.timesteps(), g.latent(), g.width());
        copy.setParams(params);
        return ClassicalGan.sample(copy, count, r);
    }
}
