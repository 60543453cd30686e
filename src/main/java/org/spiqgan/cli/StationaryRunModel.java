package org.spiqgan.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.spiqgan.baseline.Baseline;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.stationary.StationaryRun;

/** A stationary-generator run seen through the interface {@code compare} and {@code generate} use for every model. */
final class StationaryRunModel implements Baseline {
    private final StationaryRun run;
    private final int threads;

    StationaryRunModel(StationaryRun run, int threads) {
        this.run = run;
        this.threads = threads;
    }

    static StationaryRunModel load(Path dir) {
        return new StationaryRunModel(StationaryRun.read(dir), Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String kind() { return StationaryRun.KIND; }

    @Override
    public int neurons() { return run.neurons; }

    @Override
    public int timesteps() { return run.timesteps; }

    /** Trainable parameters of the quantum circuits (angles, latent and feedback weights). */
    @Override
    public long parameterCount() { return run.generator.parameterCount(); }

    @Override
    public SampleSet generate(int samples, long seed) { return run.generate(samples, seed, false, threads); }

    @Override
    public JsonObject toJson() {
        throw new UnsupportedOperationException("a stationary run is saved by 'spiqgan train'");
    }
}
