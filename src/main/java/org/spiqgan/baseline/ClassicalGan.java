package org.spiqgan.baseline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.spiqgan.BadInputException;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.InfoLines;
import org.spiqgan.model.TrainerState;
import org.spiqgan.model.TrainingRecord;

/**
 * A trained classical GAN generator (the EMA parameters of the best validation checkpoint): latents
 * z ~ N(0, I), firing probabilities p = sigmoid(G(z)), spikes ~ Bernoulli(p) independently given z.
 */
public final class ClassicalGan implements Baseline {
    public static final String KIND_PREFIX = "baseline/";
    private static final int CHUNK = 256;
    private final Generator generator;
    private final JsonObject training;
    private final TrainerState state;
    private final String status;
    private final GanSpec spec;

    public ClassicalGan(Generator generator, JsonObject training) {
        this(generator, training, null, null, null);
    }

    /**
     * @param state  the trainer's state, kept in the model file so that the run can be resumed (null: none)
     * @param status running, interrupted or finished (null for files written before runs could be resumed)
     * @param spec   the run's specification (null in files written before runs stored one)
     */
    public ClassicalGan(Generator generator, JsonObject training, TrainerState state, String status, GanSpec spec) {
        this.generator = generator;
        this.training = training == null ? new JsonObject() : training;
        this.state = state;
        this.status = status;
        this.spec = spec;
    }

    /** The run's specification; null in files written before runs stored one. */
    public GanSpec spec() { return spec == null ? null : spec.copy(); }

    /** The trainer state saved with the model (null in files written before runs could be resumed). */
    public TrainerState state() { return state; }

    /** running, interrupted or finished; null in older files. */
    public String status() { return status; }

    /** The training options and summary ({@code training} member of the model file). */
    public JsonObject training() { return training.deepCopy(); }

    public Generator generator() { return generator; }

    @Override public String kind() { return KIND_PREFIX + generator.kind().id(); }
    @Override public int neurons() { return generator.neurons(); }
    @Override public int timesteps() { return generator.timesteps(); }
    @Override public long parameterCount() { return generator.parameterCount(); }

    @Override public Family family() { return Family.CLASSICAL_GAN; }

    @Override
    public List<String> info() {
        List<String> o = new ArrayList<>();
        o.add("kind: " + kind());
        o.add("generator: " + generator.describe());
        o.add("neurons " + neurons() + ", timesteps " + timesteps() + ", trainable parameters " + parameterCount());
        JsonObject options = training.deepCopy();
        options.remove("history");
        o.add("training:");
        InfoLines.json(o, options);
        if (state != null) {
            InfoLines.training(o, status, state, training.has("steps") ? training.get("steps").getAsLong() : state.step);
        }
        return o;
    }

    /** The run's metrics (files written before runs could be resumed: none). */
    @Override
    public TrainingRecord trainingRecord() {
        return state == null ? null : new TrainingRecord(state.metrics, null);
    }

    @Override
    public SampleSet generate(int samples, long seed) {
        return sample(generator, samples, new SplittableRandom(seed));
    }

    static SampleSet sample(Generator g, int samples, SplittableRandom rng) {
        int d = g.neurons() * g.timesteps();
        SampleSet out = SampleSet.zeros(samples, g.neurons(), g.timesteps());
        byte[] v = out.values();
        Generator.Workspace w = g.workspace(CHUNK);
        for (int first = 0; first < samples; first += CHUNK) {
            int m = Math.min(CHUNK, samples - first);
            g.sampleLatents(w, m, rng);
            g.forward(w, m);
            double[] h = w.logits();
            for (int k = 0; k < m * d; k++) {
                double p = 1 / (1 + Math.exp(-h[k]));
                v[first * d + k] = (byte) (rng.nextDouble() < p ? 1 : 0);
            }
        }
        return out;
    }

    @Override
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("generator", generator.kind().id());
        o.addProperty("latent", generator.latent());
        o.addProperty("width", generator.width());
        o.addProperty("description", generator.describe());
        o.add("training", training);
        o.add("parameters", Baselines.array(generator.params()));
        if (status != null) o.addProperty("status", status);
        if (state != null) o.add("state", state.toJsonTree());
        if (spec != null) o.add("spec", spec.toJsonTree());
        return o;
    }

    static ClassicalGan fromJson(JsonObject o, String file, int n, int t) {
        Generator.Kind kind;
        try {
            kind = Generator.Kind.parse(Baselines.member(o, "generator", file).getAsString());
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(file, "generator", e.getMessage());
        }
        int latent = Baselines.positiveInt(o, "latent", file);
        int width = Baselines.positiveInt(o, "width", file);
        Generator g = new Generator(kind, n, t, latent, width);
        double[] p = Baselines.doubles(o, "parameters", file);
        if (p.length != g.parameterCount()) {
            throw BadInputException.of(file, "parameters", "holds " + p.length + " values, the " + kind.id()
                    + " generator needs " + g.parameterCount());
        }
        g.setParams(p);
        JsonObject training = o.has("training") && o.get("training").isJsonObject() ? o.getAsJsonObject("training") : null;
        TrainerState state = null;
        if (o.has("state") && o.get("state").isJsonObject()) {
            try {
                state = TrainerState.fromJson(o.get("state"));
            } catch (RuntimeException e) {
                throw BadInputException.of(file, "state", "damaged: " + e.getMessage());
            }
            if (state.theta == null || state.theta.length != g.parameterCount() || state.ema == null
                    || state.ema.length != g.parameterCount()) {
                throw BadInputException.of(file, "state", "does not hold " + g.parameterCount() + " generator parameters");
            }
        }
        String status = o.has("status") && o.get("status").isJsonPrimitive() ? o.get("status").getAsString() : null;
        GanSpec spec = null;
        if (o.has("spec") && o.get("spec").isJsonObject()) {
            try {
                spec = GanSpec.fromJson(o.get("spec"));
            } catch (BadInputException e) {
                throw BadInputException.of(file, "spec", e.getMessage());
            }
        }
        return new ClassicalGan(g, training, state, status, spec);
    }
}
