package org.spiqgan.model;

import java.util.Locale;
import org.spiqgan.data.SampleSet;

/**
 * A trained patch-model run (the paper's SpiQGAN) as a {@link SpikeModel}: samples from the best checkpoint's
 * EMA parameters (or the last EMA), with the run's sampling mode or another one.
 */
public final class PatchRunModel implements SpikeModel {
    private final ModelFile model;
    private final GeneratorConfig generator;
    private final String checkpoint;
    private final int threads;

    /**
     * @param sampling   null: the run's own
     * @param checkpoint "best" (best validation score) or "last"
     */
    public PatchRunModel(ModelFile model, GeneratorConfig.Sampling sampling, String checkpoint, int threads) {
        this.model = model;
        this.generator = sampling == null ? model.generator : model.generator.withSampling(sampling);
        this.checkpoint = checkpoint;
        this.threads = threads;
    }

    public ModelFile file() { return model; }

    public GeneratorConfig generator() { return generator; }

    @Override
    public String kind() { return "spiqgan/" + generator.sampling().name().toLowerCase(Locale.ROOT); }

    @Override
    public Family family() { return Family.QUANTUM; }

    @Override
    public int neurons() { return generator.neurons(); }

    @Override
    public int timesteps() { return generator.timesteps(); }

    /** The trainable quantum parameters of the generator (the critic is not part of the generative model). */
    @Override
    public long parameterCount() { return generator.parameterCount(); }

    @Override
    public SampleSet generate(int samples, long seed) { return model.generate(generator, checkpoint, samples, seed, threads); }

    @Override
    public boolean generatesInParts() { return true; }

    @Override
    public SampleSet generate(long first, int count, long seed) { return model.generate(generator, checkpoint, count, seed, threads, first); }

    /** Which parameters generation uses, in words. */
    public String checkpointUsed() {
        return checkpoint.equals("best") && model.state.bestParams != null ? "best checkpoint (step " + model.state.bestStep + ")"
                : "last EMA (step " + model.state.step + ")";
    }

    @Override
    public String describe() { return generator.describe(); }

    @Override
    public String generationNote(long seed) { return sampling() + " sampling, " + checkpointUsed(); }

    private String sampling() { return generator.sampling().name().toLowerCase(Locale.ROOT); }

    @Override
    public org.spiqgan.data.Provenance provenance(String runDir, long seed, long samples, String command) {
        DataFingerprint d = model.data;
        return new org.spiqgan.data.Provenance("spiqgan", runDir, checkpointUsed() + ", " + sampling() + " sampling", d.neuronIndices(),
                timesteps(), d.binMs(), d.source(), d.sha256(), seed, samples, command);
    }
}
