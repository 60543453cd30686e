package org.spiqgan.baseline;

import com.google.gson.JsonObject;
import org.spiqgan.model.SpikeModel;

/**
 * A fitted or trained classical model of spike windows, saved in a run directory by {@link Baselines}: a
 * {@link SpikeModel} that also writes its own fields. Fitted statistical models by default; GAN
 * generators say otherwise.
 */
public interface Baseline extends SpikeModel {
    @Override
    default Family family() { return Family.FITTED; }

    @Override
    default java.util.List<String> info() {
        return new java.util.ArrayList<>(java.util.List.of("kind: " + kind(), "neurons " + neurons() + ", timesteps " + timesteps()
                + ", fitted parameters " + parameterCount()));
    }

    /** The model's own fields for {@code model.json} (kind, metadata and format are added by {@link Baselines}). */
    JsonObject toJson();
}
