package org.spiqgan.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import org.spiqgan.baseline.Baseline;
import org.spiqgan.baseline.Baselines;
import org.spiqgan.baseline.ClassicalGan;
import org.spiqgan.baseline.DichotomizedGaussian;
import org.spiqgan.baseline.ClassicalGanTraining;
import org.spiqgan.baseline.GanSpec;
import org.spiqgan.baseline.Generator;
import org.spiqgan.baseline.IndependentBernoulliBaseline;
import org.spiqgan.baseline.LaggedMoments;
import org.spiqgan.data.ChunkedSamples;
import org.spiqgan.data.DataSpec;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.Provenance;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.model.AdversarialRun;
import org.spiqgan.model.CriticInput;
import org.spiqgan.model.TrainerState;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spiqgan baseline fit|train|generate}: the classical baselines of SPEC.md section 6. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Classical baselines: independent Bernoulli, dichotomized Gaussian, Spike-GAN and MLP WGAN-GP generators.",
        subcommands = {BaselineCommand.Fit.class, BaselineCommand.Train.class, BaselineCommand.Generate.class})
public final class BaselineCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * What identifies a baseline's data in its model file: source, neurons, split, stride, bin width, checksum,
     * and the data specification that prepared it ({@code spec}), which {@code compare} and {@code evaluate --run} read back.
     */
    static JsonObject describeData(PreparedData d, String split, int stride, DataOptions data, Path file) {
        JsonObject o = new JsonObject();
        o.addProperty("source", d.source());
        JsonArray idx = new JsonArray();
        for (int i : d.neurons()) idx.add(i);
        o.add("neurons", idx);
        o.addProperty("split", split);
        o.addProperty("stride", stride);
        o.addProperty("binMs", d.raster().binMs());
        o.addProperty("sha256", data.sha256(file));
        if (file != null && !data.usesSynthetic(file)) o.addProperty("path", file.toAbsolutePath().normalize().toString());
        o.addProperty("timesteps", d.timesteps());
        DataSpec spec = data.spec(file);
        spec.split = split;
        spec.stride = stride;
        o.add("spec", spec.toJsonTree());
        return o;
    }

    /** The provenance of samples drawn from the baseline in {@code run} (its model.json's data description). */
    static Provenance provenance(Path run, String kind, org.spiqgan.model.SpikeModel b, long seed, long samples, String command) {
        Path file = java.nio.file.Files.isDirectory(run) ? run.resolve(Baselines.MODEL_FILE) : run;
        JsonObject data = null;
        try {
            JsonObject o = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(file)).getAsJsonObject();
            if (o.has("data") && o.get("data").isJsonObject()) data = o.getAsJsonObject("data");
        } catch (java.io.IOException | RuntimeException e) {
            data = null;
        }
        int[] neurons = null;
        double binMs = 0;
        String source = null, sha = null;
        if (data != null) {
            try {
                if (data.has("neurons")) {
                    JsonArray a = data.getAsJsonArray("neurons");
                    neurons = new int[a.size()];
                    for (int i = 0; i < neurons.length; i++) neurons[i] = a.get(i).getAsInt();
                }
                if (data.has("binMs")) binMs = data.get("binMs").getAsDouble();
                if (data.has("source")) source = data.get("source").getAsString();
                if (data.has("sha256")) sha = data.get("sha256").getAsString();
            } catch (RuntimeException e) {
                neurons = null;
            }
        }
        if (neurons == null || neurons.length != b.neurons()) {
            neurons = new int[b.neurons()];
            for (int i = 0; i < neurons.length; i++) neurons[i] = -1;
        }
        Path dir = java.nio.file.Files.isDirectory(run) ? run : run.toAbsolutePath().getParent();
        return new Provenance(kind, dir.toAbsolutePath().normalize().toString(), "model.json", neurons, b.timesteps(), binMs,
                source, sha, seed, samples, command);
    }

    static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        StringBuilder sb = new StringBuilder("spiqgan");
        CommandLineHolder.append(sb, args);
        return sb.toString();
    }

    /** Shell-quoting of recorded command lines. */
    static final class CommandLineHolder {
        static void append(StringBuilder sb, List<String> args) {
            for (String a : args) {
                sb.append(' ');
                sb.append(a.matches("[A-Za-z0-9_./:=,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
            }
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Fit a baseline on the training windows (non-overlapping, stride T): bernoulli, dg (dichotomized Gaussian) "
                    + "or maxent (maximum-entropy model, --model).")
    static final class Fit implements Callable<Integer> {
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "MODEL", converter = Choices.FitModelChoice.class, description = "bernoulli, dg or maxent")
        Choices.FitModel model;
        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The recording (or --data FILE; omit both for the synthetic one).") Path file;
        @Mixin RecordingOption recording = new RecordingOption();
        @Mixin DataOptions data;
        @Option(names = "--out", required = true, paramLabel = "RUNDIR", description = "Run directory for model.json.") Path out;
        @Option(names = "--generate", paramLabel = "S", description = "Also draw S windows from the fitted model, in the same "
                + "process (the dichotomized Gaussian's factor is not derived twice); needs --generated.") Integer generate;
        @Option(names = "--generated", paramLabel = "G.npy", description = "Where --generate writes: .npy, .csv, .tsv or .mat.") Path generated;
        @Option(names = "--seed", defaultValue = "1", description = "Seed of --generate. Default: ${DEFAULT-VALUE}.") long seed;
        @Option(names = "--moments", defaultValue = "segments", paramLabel = "FROM", converter = Choices.MomentsChoice.class,
                description = "dg: estimate the lagged moments from 'segments' (every pair of bins inside a segment of the split, "
                        + "i.e. pooled stride-1 windows) or 'windows' (pairs inside the split's windows of --stride, default T). Default: ${DEFAULT-VALUE}.")
        Choices.Moments moments;
        @Option(names = "--stimulus-locked", description = "dg: latent means follow the peri-stimulus time histogram of the "
                + "training repeats (segments must be repeats of one stimulus, equal length); correlations stay stationary. "
                + "maxent spatiotemporal: a field offset per neuron and stimulus bin (stimulus-dependent maximum entropy).")
        boolean stimulusLocked;
        @Option(names = "--model", paramLabel = "KIND", converter = Choices.MaxEntModel.class, description = "maxent: independent, pairwise (Ising), k-pairwise "
                + "(pairwise + population-count potential) or spatiotemporal (pairwise + lagged couplings, a Markov chain of order --lags).")
        org.spiqgan.baseline.MaxEntLayout.Model maxentModel;
        @Option(names = "--lags", defaultValue = "2", paramLabel = "L", description = "maxent spatiotemporal: lagged couplings "
                + "x_i(t) x_j(t-l) for l = 1..L. Default: ${DEFAULT-VALUE}.") int lags;
        @Option(names = "--l1", defaultValue = "0", paramLabel = "A", description = "maxent: L1 penalty (smoothed) on every "
                + "parameter but the fields, per bin. Default: ${DEFAULT-VALUE}.") double l1;
        @Option(names = "--l2", defaultValue = "1e-5", paramLabel = "B", description = "maxent: L2 penalty B/2 theta^2 on every "
                + "parameter but the fields, per bin. Default: ${DEFAULT-VALUE}.") double l2;
        @Option(names = "--mcmc-samples", defaultValue = "1000000", paramLabel = "S", description = "maxent, MCMC path: Gibbs "
                + "samples per round (moments, reweighting and the convergence test). Default: ${DEFAULT-VALUE}.") int mcmcSamples;
        @Option(names = "--method", defaultValue = "auto", paramLabel = "HOW", converter = Choices.MaxEntMethodChoice.class, description = "maxent static models: exact "
                + "(enumeration of 2^N patterns, N <= 20), mcmc (persistent Gibbs chains with reweighting) or auto (exact up to "
                + "N = 20). Default: ${DEFAULT-VALUE}.") Choices.MaxEntMethod method;
        @Option(names = "--repair", defaultValue = "project", paramLabel = "HOW", converter = Choices.Repair.class,
                description = "dg, when the latent correlation matrix is not positive definite: project (eigenvalues clipped, "
                        + "nearest correlation matrix) or shrink-lags (lag 0 kept, lagged correlations scaled down). Default: ${DEFAULT-VALUE}.")
        DichotomizedGaussian.Repair repair;

        @Override
        public Integer call() throws Exception {
            file = recording.file(file);
            OutputChecks.newRunDirectory(out, "--out");
            OutputChecks.file(generated, "--generated");
            Choices.FitModel m = model;
            MaxEntFitting maxent = null;
            if (m == Choices.FitModel.MAXENT) {
                maxent = MaxEntFitting.check(maxentModel, lags, l1, l2, mcmcSamples, Choices.word(method), seed);
            } else if (maxentModel != null) {
                throw BadInputException.of(null, "--model", "applies to maxent only");
            }
            if ((generate == null) != (generated == null)) {
                throw BadInputException.of(null, generate == null ? "--generated" : "--generate", "needs "
                        + (generate == null ? "--generate S" : "--generated FILE") + " as well");
            }
            if (generate != null && generate < 1) throw BadInputException.of(null, "--generate", "must be at least 1");
            if (generated != null) SampleSetIO.checkWritableFormat(generated, "--generated");
            PreparedData d = data.prepare(file);
            String split = data.splitName("train");
            int stride = data.stride != null ? data.stride(d, split) : d.timesteps();
            SampleSet windows = d.samples(split, stride);
            if (windows.samples() == 0) throw BadInputException.of(d.source(), "split " + split, "holds no window of " + d.timesteps() + " bins");
            if (generate != null) OutputChecks.sampleArray(generate, d.neurons().length, d.timesteps(), "--generate");
            PrintWriter err = spec.commandLine().getErr();
            long t0 = System.nanoTime();
            Baseline b;
            if (maxent != null) {
                b = maxent.fit(d, split, windows, stride, stimulusLocked, err);
            } else if (m == Choices.FitModel.BERNOULLI) {
                b = IndependentBernoulliBaseline.fit(windows);
            } else {
                List<org.spiqgan.data.Segment> segs = d.splits().get(split).segments();
                DichotomizedGaussian.Repair rp = repair;
                DichotomizedGaussian dg;
                try {
                    dg = stimulusLocked ? DichotomizedGaussian.fitStimulusLocked(d.raster(), d.neurons(), segs, d.timesteps(), rp)
                            : moments == Choices.Moments.WINDOWS ? DichotomizedGaussian.fit(LaggedMoments.of(windows), rp)
                            : DichotomizedGaussian.fit(LaggedMoments.of(d.raster(), d.neurons(), windowSpans(segs, d.timesteps(), stride), d.timesteps()), rp);
                } catch (IllegalArgumentException e) {
                    throw BadInputException.of(d.source(), "segments", e.getMessage());
                }
                for (String w : dg.warnings()) err.println("spiqgan: warning: " + w);
                b = dg;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            JsonObject dataJson = describeData(d, split, stride, data, file);
            if (m == Choices.FitModel.DG) dataJson.addProperty("moments", stimulusLocked ? "stimulus-locked" : Choices.word(moments));
            Path f = Baselines.save(out, b, dataJson);
            spec.commandLine().getOut().printf(Locale.ROOT, "%s fitted on %s split %s (%d windows of N = %d, T = %d) in %.1f s: %d parameters; wrote %s%n",
                    b.kind(), d.source(), split, windows.samples(), windows.neurons(), windows.timesteps(), secs, b.parameterCount(), f);
            if (generate != null) {
                long t1 = System.nanoTime();
                Baseline fitted = b;
                SampleSet s = Progress.step(err, "generating " + generate + " samples", () -> fitted.generate(generate, seed));
                Provenance p = provenance(out, b.kind(), b, seed, generate, commandLine(spec));
                SampleSetIO.write(generated, s);
                p.write(generated);
                spec.commandLine().getOut().printf(Locale.ROOT, "generated %s windows (seed %d) in %.1f s; wrote %s%n", s.shape(), seed,
                        (System.nanoTime() - t1) / 1e9, generated);
            }
            return 0;
        }
    }

    /** The part of each segment that the split's windows cover (from bin 0 to the end of the last window). */
    static List<org.spiqgan.data.Segment> windowSpans(List<org.spiqgan.data.Segment> segs, int t, int stride) {
        List<org.spiqgan.data.Segment> out = new java.util.ArrayList<>();
        for (org.spiqgan.data.Segment s : segs) {
            if (s.length() < t) continue;
            int last = (s.length() - t) / stride * stride;
            out.add(new org.spiqgan.data.Segment(s.start(), s.start() + last + t));
        }
        return out;
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train a classical WGAN-GP generator (spikegan or mlp) on the fit split (stride-1 windows), "
                    + "selecting the best EMA checkpoint on the validation split (the validation score of docs/architecture.md).",
                    "RUNDIR/model.json is the checkpoint (written atomically every --checkpoint-every steps, at the end and on Ctrl-C) "
                            + "and RUNDIR/metrics.jsonl holds every validation.",
                    "Resume an interrupted run with: spiqgan baseline train --resume RUNDIR [--steps K] [--threads N]"})
    static final class Train implements Callable<Integer> {
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "GENERATOR", converter = Choices.GeneratorKind.class,
                description = "spikegan or mlp (not with --resume)") Generator.Kind kind;
        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The recording (or --data FILE; omit both for the synthetic one).") Path file;
        @Mixin RecordingOption recording = new RecordingOption();
        @Mixin DataOptions data;
        @Option(names = "--width", paramLabel = "W", description = "spikegan: channels (2W then W); mlp: hidden units. Required for a new run.") Integer width;
        @Option(names = {"--latent-dim", "--latent"}, defaultValue = "128", paramLabel = "D",
                description = "Latent dimension (z ~ N(0, I); --latent-dim as in 'train'). Default: ${DEFAULT-VALUE}.") int latent;
        @Option(names = "--steps", defaultValue = "800", description = "Generator steps (with --resume: the new total). Default: ${DEFAULT-VALUE}.") int steps;
        @Option(names = "--batch", defaultValue = "64", description = "Batch size. Default: ${DEFAULT-VALUE}.") int batch;
        @Option(names = {"--lr-g", "--lr-generator"}, defaultValue = "5e-4", description = "Generator learning rate (Adam). Default: ${DEFAULT-VALUE}.") double lrG;
        @Option(names = "--betas", paramLabel = "B1,B2", description = "Adam betas b1,b2 for both players (as in 'train'). Default: 0.5,0.9.") String betas;
        @Option(names = "--beta1", defaultValue = "0.5", description = "Adam beta1 (the first of --betas). Default: ${DEFAULT-VALUE}.") double beta1;
        @Option(names = "--beta2", defaultValue = "0.9", description = "Adam beta2 (the second of --betas). Default: ${DEFAULT-VALUE}.") double beta2;
        @Option(names = "--tau", defaultValue = "0.5", description = "Binary-concrete temperature. Default: ${DEFAULT-VALUE}.") double tau;
        @Option(names = "--critic-input", defaultValue = "marginals", converter = Choices.Critic.class, description = "gumbel (binary-concrete relaxation), "
                + "straight-through (hard sample forward, relaxed gradient backward) or marginals (the probabilities). Default: ${DEFAULT-VALUE}.")
        CriticInput criticInput;
        @Option(names = "--ema", defaultValue = "0.99", description = "EMA decay of generator parameters. Default: ${DEFAULT-VALUE}.") double ema;
        @Option(names = {"--eval-every", "--validate-every"}, defaultValue = "100", description = "Validate every this many steps. Default: ${DEFAULT-VALUE}.") int validateEvery;
        @Option(names = "--checkpoint-every", defaultValue = "100", description = "Write the checkpoint every this many steps. Default: ${DEFAULT-VALUE}.") int checkpointEvery;
        @Option(names = "--validation-samples", defaultValue = "2000", description = "Generated samples per validation. Default: ${DEFAULT-VALUE}.") int validationSamples;
        @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.") long seed;
        @picocli.CommandLine.Mixin ThreadsOption threads = new ThreadsOption(); // as train: every core unless told (same bits)
        @Option(names = "--quiet", description = "No progress bar; a line per validation instead.") boolean quiet;
        @Option(names = "--out", paramLabel = "RUNDIR", description = "Run directory (created).") Path out;
        @ArgGroup(validate = false, heading = "%nCritic:%n") CriticOptions criticOptions = new CriticOptions();
        @Option(names = "--resume", paramLabel = "RUNDIR", description = "Continue the run in RUNDIR from its last checkpoint, "
                + "bit for bit as if it had not stopped (only --steps, --threads, --quiet and --data may be given with it; "
                + "--data FILE: the run's recording, moved, with the same checksum).") Path resume;

        /** The critic's options (a section of the help; the same names as in 'train'). */
        static final class CriticOptions {
            @Option(names = "--critic", defaultValue = "mlp:128", description = "mlp, mlp:H, conv, conv:C1,C2. Default: ${DEFAULT-VALUE}.")
            String critic = "mlp:128";
            @Option(names = "--n-critic", defaultValue = "5", description = "Critic steps per generator step. Default: ${DEFAULT-VALUE}.")
            int nCritic = 5;
            @Option(names = {"--lr-c", "--lr-critic"}, defaultValue = "5e-4", description = "Critic learning rate (Adam). Default: ${DEFAULT-VALUE}.")
            double lrC = 5e-4;
            @Option(names = "--lambda-gp", defaultValue = "10", description = "Gradient-penalty weight. Default: ${DEFAULT-VALUE}.")
            double lambdaGp = 10;
        }

        /** Options a resumed run takes from the command line. */
        static final java.util.Set<String> CHANGEABLE = java.util.Set.of("--resume", "--steps", "--threads", "--quiet", "--data", "--help", "--version");

        @Override
        public Integer call() throws Exception {
            positive("--steps", steps);
            threads.resolve();
            return resume != null ? resumeRun() : newRun();
        }

        private Integer newRun() throws Exception {
            file = recording.file(file);
            if (out == null) throw BadInputException.of(null, "--out", "is required (or --resume RUNDIR)");
            OutputChecks.newRunDirectory(out, "--out");
            data.rejectGiven("training uses the fit and validation splits with stride 1", "--split", "--stride");
            if (kind == null) throw BadInputException.of(null, "GENERATOR", "missing: spikegan or mlp");
            GanSpec gs = toSpec();
            if (betas != null) {
                if (spec.commandLine().getParseResult().hasMatchedOption("--beta1") || spec.commandLine().getParseResult().hasMatchedOption("--beta2")) {
                    throw BadInputException.of(null, "--betas", "give either --betas B1,B2 or --beta1/--beta2, not both");
                }
                double[] b = TrainCommand.parseBetas(betas);
                gs.beta1 = b[0];
                gs.beta2 = b[1];
            }
            gs.validate();
            PreparedData d = data.prepare(file);
            return train(out, gs, ClassicalGanTraining.data(d), null, describeData(d, "fit", 1, data, file));
        }

        /** The run these options describe (a new run; --resume reads the run's own). */
        GanSpec toSpec() {
            GanSpec gs = GanSpec.defaults();
            gs.data = data.spec(file);
            gs.generator = kind;
            gs.width = width;
            gs.latentDim = latent;
            gs.steps = steps;
            gs.batch = batch;
            gs.nCritic = criticOptions.nCritic;
            gs.lrG = lrG;
            gs.lrC = criticOptions.lrC;
            gs.beta1 = beta1;
            gs.beta2 = beta2;
            gs.lambdaGp = criticOptions.lambdaGp;
            gs.tau = tau;
            gs.criticInput = criticInput;
            gs.ema = ema;
            gs.critic = criticOptions.critic;
            gs.evalEvery = validateEvery;
            gs.checkpointEvery = checkpointEvery;
            gs.validationSamples = validationSamples;
            gs.seed = seed;
            return gs;
        }

        private Integer resumeRun() throws Exception {
            var pr = spec.commandLine().getParseResult();
            for (var o : pr.matchedOptions()) {
                if (!CHANGEABLE.contains(o.longestName())) {
                    throw BadInputException.of(null, o.longestName(), "cannot change when resuming (the run keeps the options it was "
                            + "started with; with --resume only --steps, --threads, --quiet and --data may be given)");
                }
            }
            if (kind != null) throw BadInputException.of(null, "GENERATOR", "cannot be given with --resume");
            if (file != null) throw BadInputException.of(file, "FILE", "give a moved recording to a resumed run as --data FILE");
            Baseline b = Baselines.load(resume);
            Path modelJson = java.nio.file.Files.isDirectory(resume) ? resume.resolve(Baselines.MODEL_FILE) : resume;
            if (!(b instanceof ClassicalGan gan)) {
                throw BadInputException.of(modelJson, "kind", "'" + b.kind() + "' is not a trained generator (baseline/spikegan or baseline/mlp)");
            }
            if (gan.state() == null) {
                throw BadInputException.of(modelJson, "state", "this run was written before baseline runs could be resumed; "
                        + "train it again with 'spiqgan baseline train' to continue training");
            }
            JsonObject dataJson = Baselines.dataOf(resume);
            if (dataJson == null || !dataJson.has("spec")) throw BadInputException.of(modelJson, "data.spec", "missing");
            GanSpec gs = gan.spec();
            if (gs == null) { // written before runs stored their specification
                gs = GanSpec.of(gan.generator(), ClassicalGanTraining.options(gan.training(), modelJson.toString()),
                        DataSpec.fromJson(dataJson.get("spec").toString()));
                if (dataJson.has("path")) gs.data.file = dataJson.get("path").getAsString(); // absolute: resumes from any directory
            }
            gs.data.split = null;
            gs.data.stride = null;
            if (pr.hasMatchedOption("--steps")) gs.steps = steps;
            String storedSha = dataJson.has("sha256") ? dataJson.get("sha256").getAsString() : null;
            String source = dataJson.has("source") ? dataJson.get("source").getAsString() : gs.data.sourceName();
            PrintWriter err = spec.commandLine().getErr();
            if (pr.hasMatchedOption("--data")) {
                gs.data = gs.data.withFile(ResumeOptions.movedData(recording.file(null), storedSha, source, resume, err));
            } else {
                ResumeOptions.requireData(gs.data.path(), gs.data.synthetic(), resume);
            }
            PreparedData d = gs.data.prepare(data.warnings());
            if (storedSha != null && !storedSha.equals(gs.data.sha256())) {
                throw BadInputException.of(modelJson, "data", "the training data changed since the run started (" + gs.data.sourceName() + ")");
            }
            Path dir = java.nio.file.Files.isDirectory(resume) ? resume : resume.toAbsolutePath().getParent();
            if (gan.state().step >= gs.steps) {
                spec.commandLine().getOut().printf(Locale.ROOT, "%s: already at step %d of %d; nothing to do (raise --steps to continue)%n",
                        dir, gan.state().step, gs.steps);
                return 0;
            }
            err.printf(Locale.ROOT, "spiqgan: resuming %s at step %d of %d%n", dir, gan.state().step, gs.steps);
            return train(dir, gs, ClassicalGanTraining.data(d), gan.state(), dataJson);
        }

        private Integer train(Path dir, GanSpec gs, ClassicalGanTraining.Data windows, TrainerState state, JsonObject dataJson)
                throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter outW = spec.commandLine().getOut();
            outW.println(gs.generator(windows.fit().neurons(), windows.fit().timesteps()).describe());
            outW.flush();
            AdversarialRun.Outcome outcome = TrainingConsole.run(err, quiet, "spiqgan baseline train --resume", dir,
                    (listener, stop) -> ClassicalGanTraining.run(dir, gs, windows, state, dataJson, threads.resolve(), listener, stop),
                    () -> ((ClassicalGan) Baselines.load(dir)).state().step);
            ClassicalGan result = (ClassicalGan) Baselines.load(dir);
            TrainerState s = result.state();
            if (outcome == AdversarialRun.Outcome.INTERRUPTED) return 130;
            for (JsonObject m : s.metrics) {
                if (!m.has("validation")) continue;
                JsonObject v = m.getAsJsonObject("validation");
                outW.printf(Locale.ROOT, "step %d: wasserstein %.4f, validation score %s%s%n", m.get("step").getAsLong(),
                        m.get("wasserstein").getAsDouble(), v.get("score").isJsonNull() ? "n/a" : String.format(Locale.ROOT, "%.3f",
                                v.get("score").getAsDouble()), m.get("best").getAsBoolean() ? " (best)" : "");
            }
            outW.printf(Locale.ROOT, "%s: %d trainable parameters; best validation score %.3f at step %d; %.3f s/step; wrote %s%n",
                    result.kind(), result.parameterCount(), s.bestScore, s.bestStep, s.step == 0 ? 0 : s.seconds / s.step,
                    dir.resolve(Baselines.MODEL_FILE));
            return 0;
        }

        private static void positive(String name, int v) {
            if (v <= 0) throw BadInputException.of(null, name, "must be positive, not " + v);
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Generate samples (S, N, T) from a baseline run directory.")
    static final class Generate implements Callable<Integer> {
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "RUNDIR", description = "A run directory of 'baseline fit' or 'baseline train'.") Path rundir;
        @Option(names = "--samples", defaultValue = "10000", paramLabel = "S", description = "Windows to generate (N neurons x T bins each). Default: ${DEFAULT-VALUE}.") int samples;
        @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampling (the same seed gives the same file). Default: ${DEFAULT-VALUE}.") long seed;
        @Option(names = "--out", required = true, paramLabel = "G.npy", description = "Output file: .npy, .csv, .tsv or .mat (written in full or not at all; a file of that name is replaced).") Path out;

        @Override
        public Integer call() throws Exception {
            if (samples <= 0) throw BadInputException.of(null, "--samples", "must be positive, not " + samples);
            SampleSetIO.checkWritableFormat(out, "--out");
            OutputChecks.file(out, "--out");
            long t0 = System.nanoTime();
            Baseline b = Baselines.load(rundir);
            try (OutputNotice notice = new OutputNotice(spec.commandLine().getErr(), out)) {
                return generate(b, notice, t0);
            }
        }

        private int generate(Baseline b, OutputNotice notice, long t0) throws Exception {
            if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
                // .npy streams in chunks (any S the disk holds); the other formats need one array
                ChunkedSamples.checkSpace(out, samples, b.neurons(), b.timesteps());
                long t1 = System.nanoTime();
                // streamed: the writer removes its own temporary file on a stop; the stop waits from the rename on
                ChunkedSamples.writeNpy(out, samples, b.neurons(), b.timesteps(), seed, b::generate, "generating " + b.kind(),
                        notice::writing);
                provenance(rundir, b.kind(), b, seed, samples, commandLine(spec)).write(out);
                notice.written();
                spec.commandLine().getErr().printf(Locale.ROOT, "spiqgan: wrote (%d, %d, %d) samples of %s (%d parameters) to %s "
                        + "(loading %.1f s, sampling %.1f s)%n", samples, b.neurons(), b.timesteps(), b.kind(), b.parameterCount(), out,
                        (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
                return 0;
            }
            OutputChecks.sampleArray(samples, b.neurons(), b.timesteps(), "--samples");
            long t1 = System.nanoTime();
            SampleSet s = Progress.step(spec.commandLine().getErr(), "generating " + samples + " samples of " + b.kind(),
                    () -> b.generate(samples, seed));
            long t2 = System.nanoTime();
            Provenance p = provenance(rundir, b.kind(), b, seed, samples, commandLine(spec));
            notice.writing();
            SampleSetIO.write(out, s);
            p.write(out);
            notice.written();
            spec.commandLine().getErr().printf(Locale.ROOT, "spiqgan: wrote %s samples of %s (%d parameters) to %s "
                    + "(loading %.1f s, sampling %.1f s)%n", s.shape(), b.kind(), b.parameterCount(), out, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            return 0;
        }
    }
}
