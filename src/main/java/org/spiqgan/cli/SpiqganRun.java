package org.spiqgan.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.spiqgan.baseline.Baseline;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.ModelFile;

/**
 * A trained SpiQGAN run seen through the interface {@code compare} uses for every model, so quantum and
 * classical generators are sampled and counted alike. Samples come from the best checkpoint's EMA
 * parameters, as {@code spiqgan generate} does by default.
 */
final class SpiqganRun implements Baseline {
    private final ModelFile model;

    private SpiqganRun(ModelFile model) {
        this.model = model;
    }

    static SpiqganRun load(Path runDir) {
        return new SpiqganRun(ModelFile.read(runDir));
    }

    @Override
    public String kind() {
        return "spiqgan/" + model.generator.sampling().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int neurons() {
        return model.generator.neurons();
    }

    @Override
    public int timesteps() {
        return model.generator.timesteps();
    }

    /** The trainable quantum parameters of the generator (the critic is not part of the generative model). */
    @Override
    public long parameterCount() {
        return model.generator.parameterCount();
    }

    @Override
    public SampleSet generate(int samples, long seed) {
        return model.generate(model.generator, "best", samples, seed, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public JsonObject toJson() {
        throw new UnsupportedOperationException("a SpiQGAN run is saved by 'spiqgan train', not by the baseline code");
    }
}
