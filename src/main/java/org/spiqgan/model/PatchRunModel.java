package org.spiqgan.model;

import java.util.Locale;
import org.spiqgan.data.SampleSet;

/**
 * A trained patch-model run (the paper's SpiQGAN) as a {@link SpikeModel}: samples from the best checkpoint's
 * EMA parameters (or the last EMA), with the run's sampling mode or another one.
 */
public final class PatchRunModel implements SpikeModel, QasmExportable {
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
    public java.util.List<String> info() {
        java.util.List<String> o = new java.util.ArrayList<>();
        ModelFile m = model;
        o.add(String.format(Locale.ROOT, "format: %s, kind %s, written by %s", m.format, m.kind, m.spiqgan));
        if (m.spec != null) {
            var d = m.spec.data;
            o.add(String.format(Locale.ROOT, "specification: model %s; data %s, neurons %s, T %d, train fraction %s, validation fraction %s%s",
                    m.spec.model.label(), d.sourceName(), d.neurons, d.timesteps, d.trainFraction, d.validationFraction,
                    d.segmentLength == null ? "" : ", segment length " + d.segmentLength));
        } else if (m.command != null) {
            o.add("command: spiqgan train " + String.join(" ", m.command));
        }
        o.add("generator: " + m.generator.describe());
        o.add("trainable quantum parameters: " + m.generator.parameterCount());
        o.add(String.format(Locale.ROOT, "critic: %s, %d parameters", m.training.critic(), m.criticParameters));
        o.add("training:");
        InfoLines.record(o, m.training);
        DataFingerprint d = m.data;
        o.add("data:");
        o.add("  source: " + d.source());
        o.add("  sha256: " + d.sha256());
        o.add("  neurons (recording indices): " + java.util.Arrays.toString(d.neuronIndices()));
        o.add("  neuron ids: " + java.util.Arrays.toString(d.neuronIds()));
        o.add("  bin width: " + d.binMs() + " ms");
        o.add("  T: " + d.timesteps());
        o.add("  segment length: " + (d.segmentLength() == null ? "the file's" : d.segmentLength()));
        o.add("  train fraction: " + d.trainFraction());
        o.add("  validation fraction: " + d.validationFraction());
        o.add("P_data(k): " + java.util.Arrays.toString(m.kData));
        if (m.acgData != null && m.acgData.length > 0) o.add("A_data(tau): " + java.util.Arrays.toString(m.acgData));
        InfoLines.training(o, m.status, m.state, m.training.steps());
        return o;
    }

    @Override
    public TrainingRecord trainingRecord() { return new TrainingRecord(model.state.metrics, model.state.pretrainNll); }

    @Override
    public java.util.Optional<QasmExportable> qasmExport() { return java.util.Optional.of(this); }

    /** One sub-generator (the request's patch G,T) with the parameters of this model's checkpoint. */
    @Override
    public String qasm(Request request) { return PatchQasm.write(model, checkpoint, request); }

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
