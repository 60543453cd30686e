package org.spiqgan.baseline;

import com.google.gson.JsonObject;
import org.spiqgan.data.SampleSet;

/**
 * A fitted or trained classical model of spike windows: what {@code spiqgan generate}, {@code baseline
 * generate} and {@code compare} need from a run directory.
 */
public interface Baseline {
    /** The model file's {@code kind}, e.g. {@code baseline/dg}. */
    String kind();

    int neurons();

    int timesteps();

    /** Trainable (or fitted) parameters, exactly. */
    long parameterCount();

    /** {@code samples} windows (S, N, T), reproducible from the seed. */
    SampleSet generate(int samples, long seed);

    /** The model's own fields for {@code model.json} (kind, metadata and format are added by {@link Baselines}). */
    JsonObject toJson();
}
