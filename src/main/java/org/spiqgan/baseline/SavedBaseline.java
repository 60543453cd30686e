package org.spiqgan.baseline;

import com.google.gson.JsonObject;
import java.util.List;
import org.spiqgan.data.Provenance;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.TrainingRecord;

/**
 * A baseline read from its run directory: the model, and the description of the data it was fitted or
 * trained on that the model file holds beside it ({@code data}), which {@link #info()} adds.
 */
final class SavedBaseline implements Baseline {
    private final Baseline model;
    private final JsonObject data;

    SavedBaseline(Baseline model, JsonObject data) {
        this.model = model;
        this.data = data;
    }

    @Override public String kind() { return model.kind(); }
    @Override public Family family() { return model.family(); }
    @Override public int neurons() { return model.neurons(); }
    @Override public int timesteps() { return model.timesteps(); }
    @Override public long parameterCount() { return model.parameterCount(); }
    @Override public SampleSet generate(int samples, long seed) { return model.generate(samples, seed); }
    @Override public SampleSet generate(long first, int count, long seed) { return model.generate(first, count, seed); }
    @Override public boolean generatesInParts() { return model.generatesInParts(); }
    @Override public String describe() { return model.describe(); }
    @Override public String generationNote(long seed) { return model.generationNote(seed); }
    @Override public Provenance provenance(String runDir, long seed, long samples, String command) {
        return model.provenance(runDir, seed, samples, command);
    }
    @Override public JsonObject toJson() { return model.toJson(); }
    @Override public TrainingRecord trainingRecord() { return model.trainingRecord(); }

    @Override
    public List<String> info() {
        List<String> o = new java.util.ArrayList<>(model.info());
        if (data != null) o.add("data: " + data);
        return o;
    }
}
