package org.spiqgan.baseline;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import org.spiqgan.BadInputException;
import org.spiqgan.data.DataSpec;
import org.spiqgan.model.CriticInput;
import org.spiqgan.nn.CriticSpec;

/**
 * Every choice of a classical GAN baseline run (Spike-GAN or MLP generator) as named, typed fields: the data
 * ({@link DataSpec}, as for {@code TrainSpec}), the generator and the adversarial training settings. Fields for
 * concepts a SpiQGAN run has too carry {@code TrainSpec}'s names ({@code lrG}, {@code lrC}, {@code beta1},
 * {@code beta2}, {@code ema}, {@code evalEvery}, {@code checkpointEvery}, {@code validationSamples},
 * {@code criticInput}, ...); the defaults are the classical generators' own. The run file stores it
 * ({@code model.json} {@code spec}), so a run resumes from its file alone. Training always reads the fit split
 * with stride 1 (gradient steps) and the validation split, so the data's {@code split} and {@code stride} are
 * not choices here.
 */
public final class GanSpec {
    public DataSpec data = DataSpec.defaults();
    /** spikegan or mlp; required. */
    public Generator.Kind generator;
    /** spikegan: channels (2W then W); mlp: hidden units; required. */
    public Integer width;
    /** Latent dimension, z ~ N(0, I) ({@code TrainSpec}'s name for the latent dimension). */
    public int latentDim = 128;
    public int steps = 800;
    public int batch = 64;
    public int nCritic = 5;
    public double lrG = 5e-4;
    public double lrC = 5e-4;
    public double beta1 = 0.5;
    public double beta2 = 0.9;
    public double lambdaGp = org.spiqgan.nn.CriticLoss.DEFAULT_LAMBDA_GP;
    /** Binary-concrete temperature. */
    public double tau = 0.5;
    public CriticInput criticInput = CriticInput.MARGINALS;
    /** Decay of the generator's parameter EMA. */
    public double ema = 0.99;
    /** Critic architecture: mlp[:H] or conv[:C1,C2]. */
    public String critic = "mlp:128";
    public int evalEvery = 100;
    public int checkpointEvery = 100;
    public int validationSamples = 2000;
    public long seed = 1;

    public static GanSpec defaults() { return new GanSpec(); }

    public GanSpec copy() { return fromJson(toJsonTree()); }

    /** Checks every field (messages name the field); the data's own fields by {@link DataSpec#validate()}. */
    public GanSpec validate() {
        if (data == null) throw BadInputException.of(null, "data", "missing");
        data.validate();
        if (generator == null) throw BadInputException.of(null, "generator", "missing: spikegan or mlp");
        if (width == null) throw BadInputException.of(null, "width", "is required for a new run");
        positive("width", width);
        positive("latentDim", latentDim);
        positive("steps", steps);
        positive("batch", batch);
        positive("nCritic", nCritic);
        positive("evalEvery", evalEvery);
        positive("checkpointEvery", checkpointEvery);
        positive("validationSamples", validationSamples);
        if (!(tau > 0)) throw BadInputException.of(null, "tau", "must be positive, not " + tau);
        if (!(ema >= 0 && ema < 1)) throw BadInputException.of(null, "ema", "must be in [0, 1), not " + ema);
        if (!(lrG > 0) || !(lrC > 0)) throw BadInputException.of(null, "lrG/lrC", "must be positive");
        if (criticInput == null) throw BadInputException.of(null, "criticInput", "must be gumbel, straight-through or marginals");
        CriticSpec.parse(critic, "critic");
        return this;
    }

    private static void positive(String field, int v) {
        if (v <= 0) throw BadInputException.of(null, field, "must be positive, not " + v);
    }

    /** The training options of the run (after {@link #validate()}). */
    public ClassicalGanTraining.Options options() {
        return new ClassicalGanTraining.Options(steps, batch, nCritic, lrG, lrC, beta1, beta2, lambdaGp, tau, ema,
                CriticSpec.parse(critic, "critic"), evalEvery, validationSamples, seed, criticInput, checkpointEvery);
    }

    /** The generator's architecture for N neurons and T bins (parameters initialised by the trainer). */
    public Generator generator(int neurons, int timesteps) {
        return new Generator(generator, neurons, timesteps, latentDim, width);
    }

    /**
     * The specification of a run written before runs stored one: its generator, its {@code training} options
     * and its data description's {@code spec}.
     */
    public static GanSpec of(Generator g, ClassicalGanTraining.Options o, DataSpec data) {
        GanSpec s = new GanSpec();
        s.data = data;
        s.generator = g.kind();
        s.width = g.width();
        s.latentDim = g.latent();
        s.steps = o.steps();
        s.batch = o.batch();
        s.nCritic = o.nCritic();
        s.lrG = o.lrGenerator();
        s.lrC = o.lrCritic();
        s.beta1 = o.beta1();
        s.beta2 = o.beta2();
        s.lambdaGp = o.lambdaGp();
        s.tau = o.tau();
        s.criticInput = o.criticInput();
        s.ema = o.emaDecay();
        s.critic = o.critic().toString();
        s.evalEvery = o.validateEvery();
        s.checkpointEvery = o.checkpointEvery();
        s.validationSamples = o.validationSamples();
        s.seed = o.seed();
        return s;
    }

    // --- JSON -----------------------------------------------------------------------------------------------

    private static Gson gson() {
        return new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
    }

    public JsonObject toJsonTree() { return gson().toJsonTree(this).getAsJsonObject(); }

    public String toJson() { return gson().toJson(this); }

    public static GanSpec fromJson(JsonElement e) {
        try {
            GanSpec s = gson().fromJson(e, GanSpec.class);
            if (s == null) throw BadInputException.of(null, "spec", "missing");
            if (s.data == null) s.data = DataSpec.defaults();
            return s;
        } catch (JsonParseException | IllegalStateException | NumberFormatException ex) {
            throw BadInputException.of(null, "spec", "not a GAN baseline specification: " + ex.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) { return o instanceof GanSpec s && s.toJson().equals(toJson()); }

    @Override
    public int hashCode() { return toJson().hashCode(); }

    @Override
    public String toString() { return toJson(); }
}
