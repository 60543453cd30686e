package org.spiqgan.model;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.spiqgan.nn.Adam;

/**
 * Everything that changes during training. Together with the configuration and the seed it determines
 * the rest of a run exactly: random numbers are a function of (seed, step, stream) only.
 */
public final class TrainerState {
    public long step;
    public double[] theta;
    public double[] ema;
    public double[] critic;
    public Adam.State adamG;
    public Adam.State adamC;
    public long bestStep = -1;
    public double bestScore = Double.POSITIVE_INFINITY;
    public double[] bestParams;
    public JsonObject lastValidation;
    public double seconds;
    public List<JsonObject> metrics = new ArrayList<>();
    /** The likelihood pre-training's mean NLL (nats per window) at each of its steps; null in older files. */
    public double[] pretrainNll;
    /** Positions of the training random streams ({@link TrainingStreams#positions}); null where the protocol has none. */
    public long[] streams;

    private static final com.google.gson.Gson GSON = new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The state as JSON (doubles in shortest round-trip form: reading restores them bit for bit). */
    public com.google.gson.JsonElement toJsonTree() { return GSON.toJsonTree(this); }

    public static TrainerState fromJson(com.google.gson.JsonElement e) {
        TrainerState s = GSON.fromJson(e, TrainerState.class);
        if (s.metrics == null) s.metrics = new ArrayList<>();
        return s;
    }
}
