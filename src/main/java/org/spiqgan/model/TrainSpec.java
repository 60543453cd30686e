package org.spiqgan.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.util.Locale;
import org.spiqgan.BadInputException;
import org.spiqgan.data.DataSpec;
import org.spiqgan.model.stationary.StationaryConfig;
import org.spiqgan.model.stationary.StationaryTraining;
import org.spiqgan.nn.CriticSpec;

/**
 * Every choice of a SpiQGAN training run as named, typed fields: the model, the data ({@link DataSpec}), the
 * generator's architecture and the training settings. The command line, tests and sweep runners build one
 * ({@link #defaults()} then set fields), the library checks it ({@link #validate}: messages name the field) and
 * resolves it against the prepared data into the models' own configurations ({@link #generatorConfig},
 * {@link #trainConfig}, {@link #stationaryConfig}, {@link #stationaryTraining}). Run files store it as JSON, so
 * that a run can be resumed from any directory without its command line.
 *
 * <p>Fields shared by both models whose tuned defaults differ between them are nullable: null means the model's
 * default (the {@code PATCH_} and {@code STATIONARY_} constants).
 */
public final class TrainSpec {
    /** The two generator families. */
    public enum Model {
        /** One circuit for every bin, fed back the previous bins (docs/stationary.md); the default. */
        STATIONARY,
        /** The paper's patch GAN: one circuit per neuron group and bin (SPEC section 3). */
        PATCH;

        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /** Patch model defaults (SPEC section 3-4, docs/model.md "Defaults and the evidence"). */
    public static final int PATCH_LAYERS = 5, PATCH_BATCH = 64, PATCH_EVAL_EVERY = 100, PATCH_MAX_GROUP = GeneratorConfig.DEFAULT_MAX_GROUP;
    public static final double PATCH_EMA = 0.99, PATCH_Z_MAX = Math.PI, PATCH_INIT_SPREAD = 0;
    /** Qubits (neurons + ancillas) a patch sub-generator may have in training. */
    public static final int PATCH_MAX_QUBITS = 20;
    /** The patch model's circuit family by default: the paper's re-uploading circuit. */
    public static final String PATCH_ANSATZ = Ansatze.REUPLOADING;
    /** The stationary model's circuit family by default: CRY on every pair of qubits. */
    public static final String STATIONARY_ANSATZ = "cry";
    /** Stationary model defaults (docs/stationary.md). */
    public static final int STATIONARY_LAYERS = 2, STATIONARY_GROUP = 10, STATIONARY_EVAL_EVERY = 50;
    public static final double STATIONARY_EMA = 0.98, STATIONARY_Z_MAX = 1.0, STATIONARY_INIT_SPREAD = 0.05;
    /**
     * Previous bins the stationary model feeds back when the spec names none: 3 (the retina's autocorrelogram
     * rises from lag 1 to lag 2, which a chain of order 1 cannot draw), never more than the window's T bins
     * (the validation statistics see no lag beyond the window), and 1 with hidden units (their forward-backward
     * pass needs it). RESULTS.md "History 3 by default" has the evidence.
     */
    public static final int STATIONARY_HISTORY = 3;
    /** Bins per stationary likelihood step: 16 windows at T = 30, and as many bins for any other T. */
    public static final int STATIONARY_BINS_PER_STEP = 480;

    public Model model = Model.STATIONARY;
    public DataSpec data = DataSpec.defaults();

    // Shared by both models (null: the model's default).
    /** Re-uploading layers per circuit. */
    public Integer layers;
    /** Batch size (stationary: real windows per step). */
    public Integer batch;
    /** Seed of everything random in training. */
    public long seed = 1;
    /** Decay of the generator's parameter EMA. */
    public Double ema;
    /** Validate every this many steps. */
    public Long evalEvery;
    /** Write the checkpoint every this many steps. */
    public Long checkpointEvery;
    /** Generated samples per validation (patch: 0 = max(4096, validation windows)). */
    public Integer validationSamples;
    /** Initial angle spread (patch: U(-S, S), 0 = U[0, 2 pi); stationary: s.d. around the data-informed start). */
    public Double initSpread;
    /** Neurons per circuit. */
    public Integer groupSize;
    /** Latent range z ~ U[0, zMax). */
    public Double zMax;

    // Patch model.
    public long steps = 2000;
    /** "k" (WGAN + lambdaK K-loss) or "standard". */
    public String loss = "k";
    public GeneratorConfig.Sampling sampling = GeneratorConfig.Sampling.BORN;
    public double lambdaK = 10;
    public double lambdaAcg = 0;
    public double lambdaGp = 10;
    /** Critic architecture: mlp[:H] or conv[:C1,C2]. */
    public String critic = "mlp:128";
    public CriticInput criticInput = CriticInput.GUMBEL;
    public double tau = 0.5;
    public int nCritic = 5;
    public double lrG = 0.01;
    public double lrC = 0.001;
    public double beta1 = 0.5;
    public double beta2 = 0.9;
    /** Learning rates halve every this many generator steps; 0 = constant. */
    public double lrDecay = 0;
    public int pretrainSteps = 300;
    public double pretrainLr = 0.01;
    public int ancillas = 0;
    public ReuploadingAnsatz.Latent latent = ReuploadingAnsatz.Latent.SHARED;
    public boolean inputWeights = true;
    public ReuploadingAnsatz.Encoding encoding = ReuploadingAnsatz.Encoding.RY;
    public ReuploadingAnsatz.Rotations rotations = ReuploadingAnsatz.Rotations.RZ_RY_RZ;
    public ReuploadingAnsatz.Entangler entangler = ReuploadingAnsatz.Entangler.CNOT;
    /** Close the entangler chain into a ring. */
    public boolean ring = false;
    public boolean shareTimesteps = false;

    /**
     * The circuit family of either model, by its registered name; null: the model's default. Patch model: a family
     * of {@link Ansatze} ({@value Ansatze#REUPLOADING}, the paper's; {@value Ansatze#REUPLOADING_FEEDBACK}, fed the
     * group's previous pattern, SPEC 3b). Stationary model: an entangler family of
     * {@link org.spiqgan.model.stationary.Entangler#FAMILIES} (cry, cry-chain, none).
     */
    public String ansatz;

    // Stationary model.
    /** Previous bins fed back; null: {@link #historyOrDefault()}. */
    public Integer history;
    public String feedback = StationaryConfig.FEEDBACK_MIXED;
    public int latentDim = 4;
    public int burnIn = 20;
    public int likelihoodSteps = 1500;
    public int refineSteps = 300;
    /** Hidden binary units of the stationary generator (a hidden Markov drive), summed out exactly in training. */
    public int hiddenUnits = 0;
    /** Weight of the refinement phase's critic term; 0 = no critic (its nCritic, lrC, lambdaGp are the fields above). */
    public double adversarialWeight = 0;
    /** The refinement critic's architecture (mlp[:H] or conv[:C1,C2]). */
    public String refinementCritic = org.spiqgan.model.stationary.Adversarial.NONE.critic();
    public int draws = 4;
    public double lr = 0.005;
    public double lrHalfLife = 0;
    public int momentSamples = 1024;
    /** Moment-loss weights: rates, P(k), pair coincidences, autocorrelation, lag-1 cross-coincidences. */
    public double[] lambdaMoments = {1, 1, 1, 1, 1};
    /** A trained stationary run to start from (fine-tuning), or null. */
    public String initFrom;

    /** The default run: the stationary model on the synthetic recording. */
    public static TrainSpec defaults() { return new TrainSpec(); }

    /** The paper's model and settings (SPEC section 3). */
    public static TrainSpec paper() {
        TrainSpec s = new TrainSpec();
        s.model = Model.PATCH;
        return s;
    }

    public TrainSpec copy() { return fromJson(toJson()); }

    // --- resolution against the data -------------------------------------------------------------------

    public int layersOrDefault() {
        return layers != null ? layers : model == Model.PATCH ? PATCH_LAYERS : STATIONARY_LAYERS;
    }

    public double emaOrDefault() { return ema != null ? ema : model == Model.PATCH ? PATCH_EMA : STATIONARY_EMA; }

    /** The stationary history: as given, else {@link #STATIONARY_HISTORY} bins capped at the window's T (1 with hidden units). */
    public int historyOrDefault() {
        if (history != null) return history;
        if (hiddenUnits > 0) return 1;
        return Math.max(1, Math.min(STATIONARY_HISTORY, data == null ? STATIONARY_HISTORY : data.timesteps));
    }

    /** The circuit family: as given, else the model's default ({@value #PATCH_ANSATZ} or {@value #STATIONARY_ANSATZ}). */
    public String ansatzOrDefault() { return ansatz != null ? ansatz : model == Model.PATCH ? PATCH_ANSATZ : STATIONARY_ANSATZ; }

    public double zMaxOrDefault() { return zMax != null ? zMax : model == Model.PATCH ? PATCH_Z_MAX : STATIONARY_Z_MAX; }

    public double initSpreadOrDefault() {
        return initSpread != null ? initSpread : model == Model.PATCH ? PATCH_INIT_SPREAD : STATIONARY_INIT_SPREAD;
    }

    public long evalEveryOrDefault() {
        return evalEvery != null ? evalEvery : model == Model.PATCH ? PATCH_EVAL_EVERY : STATIONARY_EVAL_EVERY;
    }

    public long checkpointEveryOrDefault() {
        return checkpointEvery != null ? checkpointEvery : model == Model.PATCH ? PATCH_EVAL_EVERY : STATIONARY_EVAL_EVERY;
    }

    /** The stationary batch for windows of T bins: as many bins per step at every T. */
    public static int stationaryBatch(int timesteps) {
        return Math.max(1, Math.round(STATIONARY_BINS_PER_STEP / (float) timesteps));
    }

    /** The stationary validation sample count for windows of T bins. */
    public static int stationaryValidationSamples(int timesteps) { return Math.max(1024, 8192 / timesteps); }

    /** The patch generator for N neurons and T bins. */
    public GeneratorConfig generatorConfig(int n, int t) {
        int l = layersOrDefault();
        if (l < 1) throw BadInputException.of(null, "layers", "must be at least 1");
        if (ancillas < 0) throw BadInputException.of(null, "ancillas", "must be >= 0");
        int g = groupSize != null ? groupSize : Math.min(n, PATCH_MAX_GROUP);
        if (g < 1) throw BadInputException.of(null, "groupSize", "must be at least 1");
        positive("zMax", zMaxOrDefault());
        if (Math.min(g, n) + ancillas > PATCH_MAX_QUBITS) {
            String blame = groupSize == null ? "ancillas" : ancillas == 0 ? "groupSize" : "groupSize/ancillas";
            throw BadInputException.of(null, blame, Math.min(g, n) + " neurons + " + ancillas
                    + " ancillas per sub-generator is more than the " + PATCH_MAX_QUBITS + " qubits training supports");
        }
        if (sampling == null) throw BadInputException.of(null, "sampling", "must be born or bernoulli");
        if (latent == null) throw BadInputException.of(null, "latent", "must be shared or per-layer");
        if (encoding == null) throw BadInputException.of(null, "encoding", "must be ry or rx");
        if (rotations == null) throw BadInputException.of(null, "rotations", "must be rz-ry-rz, ry or ry-rz");
        if (entangler == null) throw BadInputException.of(null, "entangler", "must be cnot, cz or none");
        if (ring && entangler == ReuploadingAnsatz.Entangler.NONE) throw BadInputException.of(null, "entangler", "none has no ring");
        String family = ansatzOrDefault();
        if (!Ansatze.names().contains(family)) {
            throw BadInputException.of(null, "ansatz", "the patch model's families are " + String.join(", ", Ansatze.names()) + ", not '" + family + "'");
        }
        return new GeneratorConfig(n, t, l, g, ancillas, inputWeights, encoding, latent, rotations, entangler, ring, shareTimesteps,
                sampling, zMaxOrDefault(), Ansatze.readsPreviousPattern(family), family);
    }

    /** The patch model's trainer settings. */
    public TrainConfig trainConfig() {
        try {
            CriticSpec.parse(critic, "critic");
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BadInputException.of(null, "critic", String.valueOf(e.getMessage()));
        }
        if (criticInput == null) throw BadInputException.of(null, "criticInput", "must be gumbel, straight-through or marginals");
        String lossName = loss == null ? "" : loss.toLowerCase(Locale.ROOT);
        if (!lossName.equals("k") && !lossName.equals("standard")) throw BadInputException.of(null, "loss", "must be standard or k, not '" + loss + "'");
        if (!(beta1 >= 0 && beta1 < 1)) throw BadInputException.of(null, "beta1", "must be in [0, 1), not " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw BadInputException.of(null, "beta2", "must be in [0, 1), not " + beta2);
        positive("tau", tau);
        positive("lrG", lrG);
        positive("lrC", lrC);
        nonNegative("lambdaK", lambdaK);
        nonNegative("lambdaAcg", lambdaAcg);
        nonNegative("lambdaGp", lambdaGp);
        nonNegative("lrDecay", lrDecay);
        double spread = initSpreadOrDefault();
        nonNegative("initSpread", spread);
        if (pretrainSteps < 0) throw BadInputException.of(null, "pretrainSteps", "must be >= 0");
        if (!(pretrainLr > 0 && pretrainLr < Double.POSITIVE_INFINITY)) throw BadInputException.of(null, "pretrainLr", "must be positive");
        double e = emaOrDefault();
        if (!(e >= 0 && e < 1)) throw BadInputException.of(null, "ema", "must be in [0, 1), not " + e);
        if (nCritic < 1) throw BadInputException.of(null, "nCritic", "must be at least 1");
        int b = batch != null ? batch : PATCH_BATCH;
        if (b < 1) throw BadInputException.of(null, "batch", "must be at least 1");
        if (steps < 1) throw BadInputException.of(null, "steps", "must be at least 1");
        long ev = evalEveryOrDefault(), ck = checkpointEveryOrDefault();
        if (ev < 1) throw BadInputException.of(null, "evalEvery", "must be at least 1");
        if (ck < 1) throw BadInputException.of(null, "checkpointEvery", "must be at least 1");
        int vs = validationSamples != null ? validationSamples : 0;
        if (vs < 0) throw BadInputException.of(null, "validationSamples", "must be >= 0");
        return new TrainConfig(critic, criticInput, tau, lossName, lambdaK, lambdaAcg, lambdaGp, nCritic, lrG, lrC, beta1, beta2, e,
                lrDecay, b, steps, seed, ev, ck, vs, TrainConfig.DEFAULT_SCORE_WEIGHT, spread, pretrainSteps, pretrainLr);
    }

    /** The stationary generator for N neurons. */
    public StationaryConfig stationaryConfig(int n) {
        int group = groupSize != null ? groupSize : STATIONARY_GROUP;
        try {
            // hidden units join the first circuit, so groupSize counts neurons per circuit
            return new StationaryConfig(n, Math.min(group, n) + hiddenUnits, layersOrDefault(), ansatzOrDefault(), latentDim, zMaxOrDefault(),
                    historyOrDefault(), burnIn, feedback, hiddenUnits);
        } catch (IllegalArgumentException e) {
            throw fieldFirst(e, "latent", "latentDim", "entangler", "ansatz", "hidden", "hiddenUnits");
        }
    }

    /** The stationary model's training settings for windows of T bins. */
    public StationaryTraining stationaryTraining(int t) {
        // the refinement critic is built only when that phase starts: check its text now, before any work
        if (adversarialWeight > 0) org.spiqgan.nn.CriticSpec.parse(refinementCritic, "refinementCritic");
        try {
            return new StationaryTraining(likelihoodSteps, refineSteps, batch != null ? batch : stationaryBatch(t), draws, lr, lrHalfLife,
                    emaOrDefault(), momentSamples, lambdaMoments == null ? null : lambdaMoments.clone(), (int) evalEveryOrDefault(),
                    validationSamples != null && validationSamples > 0 ? validationSamples : stationaryValidationSamples(t),
                    (int) checkpointEveryOrDefault(), initSpreadOrDefault(), seed,
                    new org.spiqgan.model.stationary.Adversarial(adversarialWeight, refinementCritic, nCritic, lrC, lambdaGp));
        } catch (IllegalArgumentException e) {
            throw fieldFirst(e, "lambda weights", "lambdaMoments", "lambda", "lambdaMoments", "adversarial weight", "adversarialWeight",
                    "critic", "refinementCritic", "lrCritic", "lrC");
        }
    }

    /** Checks every field that does not need the data (the rest is checked when the spec is resolved). */
    public TrainSpec validate() {
        if (model == null) throw BadInputException.of(null, "model", "must be stationary or patch");
        if (data == null) throw BadInputException.of(null, "data", "missing");
        data.validate();
        if (model == Model.PATCH) {
            trainConfig();
            generatorConfig(Math.max(1, groupSize != null ? groupSize : 1), data.timesteps);
        } else {
            stationaryConfig(groupSize != null ? groupSize : 1);
            stationaryTraining(data.timesteps);
        }
        return this;
    }

    /** "groupSize must be ..." (the models' own checks) as "groupSize: must be ...", with renamed fields mapped. */
    private static BadInputException fieldFirst(IllegalArgumentException e, String... renames) {
        String m = String.valueOf(e.getMessage());
        for (int i = 0; i + 1 < renames.length; i += 2) {
            if (m.startsWith(renames[i] + " ")) {
                m = renames[i + 1] + m.substring(renames[i].length());
                break;
            }
        }
        int sp = m.indexOf(' ');
        String field = sp > 0 ? m.substring(0, sp) : m;
        return BadInputException.of(null, field, sp > 0 ? m.substring(sp + 1) : "is invalid");
    }

    private static void positive(String name, double v) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) throw BadInputException.of(null, name, "must be a positive number, not " + v);
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) throw BadInputException.of(null, name, "must be a non-negative number, not " + v);
    }

    // --- JSON -----------------------------------------------------------------------------------------------

    private static Gson gson() {
        return new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
    }

    public JsonElement toJsonTree() { return gson().toJsonTree(this); }

    public String toJson() { return gson().toJson(this); }

    public static TrainSpec fromJson(JsonElement e) {
        try {
            TrainSpec s = gson().fromJson(e, TrainSpec.class);
            if (s == null) throw BadInputException.of(null, "spec", "missing");
            if (s.data == null) s.data = DataSpec.defaults();
            legacyAnsatz(s, e);
            return s;
        } catch (JsonParseException | IllegalStateException | NumberFormatException ex) {
            throw BadInputException.of(null, "spec", "not a training specification: " + ex.getMessage());
        }
    }

    /**
     * Specs written before the family was one field for both models: the patch model chose the feedback family by
     * {@code "autoregressive": true}, and every spec carried the stationary default {@code "ansatz": "cry"}.
     */
    private static void legacyAnsatz(TrainSpec s, JsonElement e) {
        if (s.model != Model.PATCH || !e.isJsonObject()) return;
        JsonElement ar = e.getAsJsonObject().get("autoregressive");
        boolean feedback = ar != null && ar.isJsonPrimitive() && ar.getAsJsonPrimitive().isBoolean() && ar.getAsBoolean();
        if (s.ansatz != null && org.spiqgan.model.stationary.Entangler.FAMILIES.containsKey(s.ansatz)) s.ansatz = null;
        if (feedback && s.ansatz == null) s.ansatz = Ansatze.REUPLOADING_FEEDBACK;
    }

    public static TrainSpec fromJson(String json) {
        try {
            return fromJson(com.google.gson.JsonParser.parseString(json));
        } catch (JsonParseException ex) {
            throw BadInputException.of(null, "spec", "not a training specification: " + ex.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) { return o instanceof TrainSpec s && s.toJson().equals(toJson()); }

    @Override
    public int hashCode() { return toJson().hashCode(); }

    @Override
    public String toString() { return toJson(); }
}
