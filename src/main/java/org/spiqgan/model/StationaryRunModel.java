package org.spiqgan.model;

import org.spiqgan.data.SampleSet;
import org.spiqgan.model.stationary.StationaryRun;

/** A trained stationary-generator run as a {@link SpikeModel}: free-running generation with burn-in. */
public final class StationaryRunModel implements SpikeModel {
    private final StationaryRun run;
    private final boolean last;
    private final int threads;

    /** @param last the last EMA parameters instead of the best checkpoint's */
    public StationaryRunModel(StationaryRun run, boolean last, int threads) {
        this.run = run;
        this.last = last;
        this.threads = threads;
    }

    public StationaryRun run() { return run; }

    @Override
    public String kind() { return StationaryRun.KIND; }

    @Override
    public Family family() { return Family.QUANTUM; }

    @Override
    public int neurons() { return run.neurons; }

    @Override
    public int timesteps() { return run.timesteps; }

    /** Trainable parameters of the quantum circuits (angles, latent and feedback weights). */
    @Override
    public long parameterCount() { return run.generator.parameterCount(); }

    @Override
    public SampleSet generate(int samples, long seed) { return run.generate(samples, seed, last, threads); }

    @Override
    public boolean generatesInParts() { return true; }

    @Override
    public SampleSet generate(long first, int count, long seed) { return run.generate(count, seed, last, threads, first); }

    /** Which parameters generation uses, in words. */
    public String checkpointUsed() {
        return !last && run.state.best != null ? "best checkpoint (step " + run.state.bestStep + ")"
                : "last EMA (step " + run.state.step + ")";
    }

    @Override
    public String describe() { return run.generator.describe(); }

    @Override
    public String generationNote(long seed) { return "stationary generator, " + checkpointUsed() + ", seed " + seed; }

    @Override
    public org.spiqgan.data.Provenance provenance(String runDir, long seed, long samples, String command) {
        DataFingerprint d = run.data;
        return new org.spiqgan.data.Provenance(StationaryRun.KIND, runDir, checkpointUsed(), d.neuronIndices(), timesteps(), d.binMs(),
                d.source(), d.sha256(), seed, samples, command);
    }
}
