package org.spiqgan.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.spiqgan.BadInputException;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.AdversarialRun;
import org.spiqgan.model.AdversarialTrainer;
import org.spiqgan.model.CriticInput;
import org.spiqgan.model.SequentialStreams;
import org.spiqgan.model.TrainerState;
import org.spiqgan.nn.CriticLoss;
import org.spiqgan.nn.CriticSpec;
import org.spiqgan.stats.Statistics;
import org.spiqgan.stats.StatisticsAccumulator;
import org.spiqgan.stats.ValidationScore;

/**
 * Training of the classical generators (SPEC section 4 with Bernoulli outputs) by the shared
 * {@link AdversarialTrainer}: the generator as a {@link ClassicalAdversarialGenerator}, the
 * {@link SequentialStreams} of one seed, validation on the validation windows with the {@link ValidationScore}
 * (floor: the fit windows of stride T), the output bias started at the data's firing rates. The run
 * directory's {@code model.json} is the checkpoint: the best EMA parameters for generation, and the whole
 * trainer state for {@code --resume}.
 */
public final class ClassicalGanTraining {
    /** Training options; defaults in {@link #defaults()}. */
    public record Options(int steps, int batch, int nCritic, double lrGenerator, double lrCritic, double beta1,
                          double beta2, double lambdaGp, double tau, double emaDecay, CriticSpec critic,
                          int validateEvery, int validationSamples, long seed, CriticInput criticInput, int checkpointEvery) {
        public static Options defaults() {
            return new Options(800, 64, 5, 5e-4, 5e-4, 0.5, 0.9, CriticLoss.DEFAULT_LAMBDA_GP, 0.5, 0.99,
                    CriticSpec.defaults(), 100, 2000, 1, CriticInput.MARGINALS, 100);
        }

        public Options withSteps(int newSteps) {
            return new Options(newSteps, batch, nCritic, lrGenerator, lrCritic, beta1, beta2, lambdaGp, tau, emaDecay, critic,
                    validateEvery, validationSamples, seed, criticInput, checkpointEvery);
        }

        AdversarialTrainer.Settings settings() {
            return new AdversarialTrainer.Settings(steps, batch, nCritic, lrGenerator, lrCritic, beta1, beta2, lambdaGp, emaDecay, 0,
                    validateEvery, validationSamples);
        }
    }

    /** The windows a training reads: fit (stride 1, gradient steps), fit at stride T (rates, floor), validation. */
    public record Data(SampleSet fit, SampleSet fitWindows, SampleSet validation) {}

    private ClassicalGanTraining() {}

    /** The trainer of generator {@code g} (architecture; its parameters are set by the trainer). */
    public static AdversarialTrainer trainer(Generator g, Options o, Data d, int threads) {
        Statistics fitStats = stats(d.fitWindows());
        ClassicalAdversarialGenerator ag = new ClassicalAdversarialGenerator(g, o.criticInput(), o.tau(), fitStats.firingProbability());
        return new AdversarialTrainer(ag, o.settings(), o.critic(), new SequentialStreams(o.seed()), d.fit(),
                new ValidationScore(fitStats, stats(d.validation())), threads);
    }

    /**
     * The windows a run of {@code spec} trains on: the fit split at stride 1, the fit split at stride T and the
     * validation split at stride T; a one-line error when a split holds no window.
     */
    public static Data data(PreparedData d) {
        SampleSet fit = d.samples("fit", 1);
        SampleSet fitEval = d.samples("fit", d.timesteps());
        SampleSet validation = d.samples("validation", d.timesteps());
        if (fit.samples() == 0 || validation.samples() == 0) {
            throw BadInputException.of(d.source(), "splits", "the fit and validation splits need windows of " + d.timesteps() + " bins");
        }
        return new Data(fit, fitEval, validation);
    }

    /**
     * Trains the run {@code spec} describes in {@code runDir} from {@code state} (null: a new run) until its steps
     * or a stop; {@code model.json} is written at every checkpoint with the spec and {@code data} as the data
     * description.
     */
    public static AdversarialRun.Outcome run(Path runDir, GanSpec spec, Data d, TrainerState state, JsonObject data,
            int threads, AdversarialRun.Listener listener, BooleanSupplier stop) throws IOException {
        Generator g = spec.generator(d.fit().neurons(), d.fit().timesteps());
        Options o = spec.options();
        try (AdversarialTrainer t = trainer(g, o, d, threads)) {
            TrainerState s = state != null ? state : t.newState(t.initialParameters());
            long criticParameters = t.critic().parameterCount();
            return AdversarialRun.run(runDir, t, s, o.steps(), o.checkpointEvery(), (st, status) ->
                    Baselines.save(runDir, snapshot(g, o, st, status, criticParameters, spec), data), listener, stop);
        }
    }

    /** The model of a state: the best EMA parameters (the EMA before the first validation), with the state to resume. */
    static ClassicalGan snapshot(Generator g, Options o, TrainerState s, String status, long criticParameters) {
        return snapshot(g, o, s, status, criticParameters, null);
    }

    private static ClassicalGan snapshot(Generator g, Options o, TrainerState s, String status, long criticParameters, GanSpec spec) {
        Generator copy = new Generator(g.kind(), g.neurons(), g.timesteps(), g.latent(), g.width());
        copy.setParams(s.bestParams != null ? s.bestParams : s.ema);
        JsonObject t = options(o);
        t.addProperty("stepsDone", s.step);
        t.addProperty("bestStep", s.bestStep);
        t.addProperty("bestValidationScore", s.bestScore);
        t.addProperty("secondsPerStep", s.step == 0 ? 0 : s.seconds / s.step);
        t.addProperty("criticParameters", criticParameters);
        t.addProperty("score", "geometric mean over the statistics of error/floor, validation split (docs/architecture.md)");
        JsonArray history = new JsonArray();
        for (JsonObject m : s.metrics) {
            JsonObject h = new JsonObject();
            h.add("step", m.get("step"));
            h.add("wasserstein", m.get("wasserstein"));
            if (m.has("validation")) h.add("score", m.getAsJsonObject("validation").get("score"));
            history.add(h);
        }
        t.add("history", history);
        return new ClassicalGan(copy, t, s, status, spec);
    }

    /** The options as the {@code training} member of the model file. */
    static JsonObject options(Options o) {
        JsonObject t = new JsonObject();
        t.addProperty("critic", o.critic().toString());
        t.addProperty("steps", o.steps());
        t.addProperty("batch", o.batch());
        t.addProperty("nCritic", o.nCritic());
        t.addProperty("lrGenerator", o.lrGenerator());
        t.addProperty("lrCritic", o.lrCritic());
        t.addProperty("beta1", o.beta1());
        t.addProperty("beta2", o.beta2());
        t.addProperty("lambdaGp", o.lambdaGp());
        t.addProperty("tau", o.tau());
        t.addProperty("criticInput", o.criticInput().cliName());
        t.addProperty("emaDecay", o.emaDecay());
        t.addProperty("seed", o.seed());
        t.addProperty("validateEvery", o.validateEvery());
        t.addProperty("validationSamples", o.validationSamples());
        t.addProperty("checkpointEvery", o.checkpointEvery());
        return t;
    }

    /** The options of a model file's {@code training} member (for resuming); a one-line error naming the field. */
    public static Options options(JsonObject t, String file) {
        try {
            return new Options(Baselines.positiveInt(t, "steps", file), Baselines.positiveInt(t, "batch", file),
                    Baselines.positiveInt(t, "nCritic", file), num(t, "lrGenerator", file), num(t, "lrCritic", file),
                    num(t, "beta1", file), num(t, "beta2", file), num(t, "lambdaGp", file), num(t, "tau", file), num(t, "emaDecay", file),
                    CriticSpec.parse(Baselines.string(t, "critic", file), "training.critic"), Baselines.positiveInt(t, "validateEvery", file),
                    Baselines.positiveInt(t, "validationSamples", file), Baselines.member(t, "seed", file).getAsLong(),
                    CriticInput.parse(Baselines.string(t, "criticInput", file)), Baselines.positiveInt(t, "checkpointEvery", file));
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(file, "training", e.getMessage());
        }
    }

    private static double num(JsonObject o, String name, String file) {
        try {
            return Baselines.member(o, name, file).getAsDouble();
        } catch (NumberFormatException | UnsupportedOperationException e) {
            throw BadInputException.of(file, "training." + name, "must be a number");
        }
    }

    static Statistics stats(SampleSet s) {
        return new StatisticsAccumulator(s.neurons(), s.timesteps()).add(s).result();
    }
}
