package org.spiqgan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spiqgan.BadInputException;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.Windows;
import org.spiqgan.model.stationary.Adversarial;
import org.spiqgan.model.stationary.StationaryConfig;
import org.spiqgan.model.stationary.StationaryRun;
import org.spiqgan.model.stationary.StationaryState;
import org.spiqgan.model.stationary.StationaryTrainer;
import org.spiqgan.model.stationary.StationaryTraining;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.stats.Comparison;

/** {@code spiqgan train} for the stationary autoregressive generator: options to specification, progress, Ctrl-C. */
final class StationaryTrain {
    private StationaryTrain() {}

    /** Options only the patch model has: refused for the stationary model rather than ignored. */
    static final java.util.List<String> PATCH_ONLY = java.util.List.of("--loss", "--sampling", "--steps", "--lambda-k", "--lambda-acg",
            "--critic-input", "--tau", "--lr-g", "--betas", "--lr-decay",
            "--score-weight", "--pretrain", "--pretrain-lr", "--ancillas", "--latent", "--input-weights", "--encoding", "--rotations",
            "--entangler", "--share-timesteps", "--autoregressive");
    /** Options only the stationary model has. */
    static final java.util.List<String> STATIONARY_ONLY = java.util.List.of("--ansatz", "--history", "--feedback", "--hidden-units", "--latent-dim",
            "--burn-in", "--likelihood-steps", "--refine-steps", "--draws", "--lr", "--lr-half-life", "--moment-samples",
            "--lambda-moments", "--init-from", "--adversarial-weight");

    /** The first matched option of the list, or null. */
    static String given(picocli.CommandLine.ParseResult pr, java.util.List<String> names) {
        for (String n : names) if (pr.hasMatchedOption(n)) return n;
        return null;
    }

    static int train(TrainCommand c, PrintWriter out, PrintWriter err) throws Exception {
        var pr = c.spec.commandLine().getParseResult();
        String patchOnly = given(pr, PATCH_ONLY);
        if (patchOnly != null) {
            throw BadInputException.of(null, patchOnly, "applies to the patch model (--model patch or --preset paper), not to the "
                    + "stationary model this run trains");
        }
        StationaryOptions o = c.stationary;
        PreparedData d = c.data.prepare(c.dataFile);
        int n = d.neurons().length, t = d.timesteps();
        StationaryConfig cfg;
        StationaryTraining tr;
        try {
            int group = pr.hasMatchedOption("--group-size") ? c.groupSize : StationaryOptions.GROUP;
            // hidden units join the first circuit, so --group-size counts neurons per circuit
            cfg = new StationaryConfig(n, Math.min(group, n) + o.hiddenUnits, pr.hasMatchedOption("--layers") ? c.layers : StationaryOptions.LAYERS,
                    o.ansatz, o.latentDim, pr.hasMatchedOption("--z-max") ? c.zMax : StationaryOptions.Z_MAX, o.history, o.burnIn, o.feedback,
                    o.hiddenUnits);
            tr = new StationaryTraining(o.likelihoodSteps, o.refineSteps, pr.hasMatchedOption("--batch") ? c.batch : StationaryOptions.batch(t),
                    o.draws, o.lr, o.lrHalfLife, pr.hasMatchedOption("--ema") ? c.ema : StationaryOptions.EMA, o.momentSamples,
                    lambdas(o.lambdaMoments), pr.hasMatchedOption("--eval-every") ? (int) c.evalEvery : StationaryOptions.EVAL_EVERY,
                    pr.hasMatchedOption("--validation-samples") && c.validationSamples > 0 ? c.validationSamples
                            : StationaryOptions.validationSamples(t),
                    pr.hasMatchedOption("--checkpoint-every") ? (int) c.checkpointEvery : StationaryOptions.EVAL_EVERY,
                    pr.hasMatchedOption("--init-spread") ? c.initSpread : StationaryOptions.INIT_SPREAD, c.seed,
                    new Adversarial(o.adversarialWeight, pr.hasMatchedOption("--critic") ? c.critic : Adversarial.NONE.critic(),
                            c.nCritic, c.lrC, c.lambdaGp));
            if (!tr.adversarial().on() && given(pr, java.util.List.of("--critic", "--n-critic", "--lr-c", "--lambda-gp")) != null) {
                throw new IllegalArgumentException(given(pr, java.util.List.of("--critic", "--n-critic", "--lr-c", "--lambda-gp"))
                        + " sets the critic of the refinement phase: give --adversarial-weight W > 0 with it");
            }
            if (tr.adversarial().on() && tr.refineSteps() == 0) {
                throw new IllegalArgumentException("--adversarial-weight acts in the refinement phase: give --refine-steps too");
            }
            org.spiqgan.nn.CriticSpec.parse(tr.adversarial().critic(), "--critic");
        } catch (IllegalArgumentException e) {
            throw new BadInputException("spiqgan train: " + optionWords(e.getMessage()));
        }
        StationaryRun run = new StationaryRun();
        run.spiqgan = "spiqgan " + Version.number();
        run.neurons = n;
        run.timesteps = t;
        run.generator = cfg;
        run.training = tr;
        run.trainableParameters = cfg.parameterCount();
        var fp = c.trainingData(d).fingerprint();
        // the absolute path, so that --resume works from any directory
        run.data = c.dataFile == null || c.data.usesSynthetic(c.dataFile) ? fp : new org.spiqgan.model.DataFingerprint(
                c.dataFile.toAbsolutePath().normalize().toString(), fp.sha256(), fp.neuronIndices(), fp.neuronIds(), fp.binMs(),
                fp.timesteps(), fp.segmentLength(), fp.trainFraction(), fp.validationFraction());
        run.trainingRates = d.firingProbabilities(d.splits().fit());
        if (o.initFrom != null) {
            StationaryRun from = StationaryRun.read(o.initFrom);
            if (!from.generator.equals(cfg)) {
                throw BadInputException.of(StationaryRun.path(o.initFrom), "generator", "has another architecture (" + from.generator.describe()
                        + ") than this run (" + cfg.describe() + ")");
            }
            run.initialParameters = from.parameters(false).clone();
            run.initialisedFrom = o.initFrom.toAbsolutePath().toString();
        }
        return fit(c.out, run, d, c.threads.resolve(), c.quiet, out, err);
    }

    /** What a resumed run may change: its length and how it runs. Everything else is the run's. */
    private static final java.util.Set<String> RESUMABLE = java.util.Set.of("--resume", "--likelihood-steps", "--refine-steps",
            "--threads", "--quiet", "--data");

    static int resume(TrainCommand c, PrintWriter out, PrintWriter err) throws Exception {
        StationaryRun run = StationaryRun.read(c.resume);
        var pr = c.spec.commandLine().getParseResult();
        for (var o : pr.matchedOptions()) {
            if (!RESUMABLE.contains(o.longestName())) {
                throw BadInputException.of(null, o.longestName(), "cannot change when resuming a run (it is stored in "
                        + StationaryRun.path(c.resume) + "); a resumed run accepts --likelihood-steps, --refine-steps, --threads, "
                        + "--quiet and --data (the same file, moved)");
            }
        }
        if (!pr.matchedPositionals().isEmpty()) {
            throw BadInputException.of(null, "FILE", "give a moved recording to a resumed run as --data FILE");
        }
        if (pr.hasMatchedOption("--likelihood-steps") || pr.hasMatchedOption("--refine-steps")) {
            StationaryOptions o = c.stationary;
            run.training = run.training.withSteps(pr.hasMatchedOption("--likelihood-steps") ? o.likelihoodSteps : run.training.likelihoodSteps(),
                    pr.hasMatchedOption("--refine-steps") ? o.refineSteps : run.training.refineSteps());
            err.printf(Locale.ROOT, "spiqgan: training length changed to %d likelihood + %d refinement steps%n",
                    run.training.likelihoodSteps(), run.training.refineSteps());
        }
        if (run.state.step >= run.training.steps()) {
            out.printf(Locale.ROOT, "%s: already at step %d of %d; nothing to do (raise --refine-steps to continue)%n", c.resume,
                    run.state.step, run.training.steps());
            return 0;
        }
        PreparedData d = dataOf(run, c, err);
        err.printf(Locale.ROOT, "spiqgan: resuming %s at step %d of %d%n", c.resume, run.state.step, run.training.steps());
        return fit(c.resume, run, d, c.threads.resolve(), c.quiet, out, err);
    }

    /** The run's data, read again from the options stored with it. */
    private static PreparedData dataOf(StationaryRun run, TrainCommand c, PrintWriter err) {
        var pr = c.spec.commandLine().getParseResult();
        PreparedData d;
        boolean synthetic = run.data.sha256().startsWith("synthetic:");
        if (pr.hasMatchedOption("--data")) {
            if (synthetic) throw BadInputException.of(c.dataFile, "--data", "the run was trained on the built-in synthetic recording");
            String sha = org.spiqgan.model.DataFingerprint.sha256(c.dataFile);
            if (!sha.equals(run.data.sha256())) {
                throw BadInputException.of(c.dataFile, "--data", "is not the run's recording (sha256 " + sha + ", the run's "
                        + run.data.sha256() + " from " + run.data.source() + ")");
            }
            err.printf(Locale.ROOT, "spiqgan: reading the run's recording from %s (same sha256 as %s)%n", c.dataFile, run.data.source());
        } else if (!synthetic && !Files.isRegularFile(Path.of(run.data.source()))) {
            throw BadInputException.of(Path.of(run.data.source()), "data", "the run's recording is no longer there; give its new "
                    + "place with --data FILE (checked by sha256)");
        }
        {
            DataOptions o = new DataOptions();
            picocli.CommandLine cl = new picocli.CommandLine(new Holder(o));
            java.util.List<String> args = new java.util.ArrayList<>();
            args.add("--segment-length=" + (run.data.segmentLength() == null ? "" : run.data.segmentLength()));
            if (run.data.segmentLength() == null) args.remove(args.size() - 1);
            args.add("--neurons=" + join(run.data.neuronIndices()));
            args.add("--timesteps=" + run.timesteps);
            args.add("--train-fraction=" + run.data.trainFraction());
            args.add("--validation-fraction=" + run.data.validationFraction());
            if (run.data.sha256().startsWith("synthetic:")) {
                args.add("--synthetic-seed=" + run.data.sha256().substring("synthetic:".length()));
                cl.parseArgs(args.toArray(new String[0]));
                d = o.prepare(null);
            } else {
                cl.parseArgs(args.toArray(new String[0]));
                d = o.prepare(pr.hasMatchedOption("--data") ? c.dataFile : Path.of(run.data.source()));
            }
        }
        if (!java.util.Arrays.equals(d.neurons(), run.data.neuronIndices()) || d.timesteps() != run.timesteps) {
            throw BadInputException.of(StationaryRun.path(c.resume), "data", "the data options select other neurons or another T than the run");
        }
        return d;
    }

    @picocli.CommandLine.Command(name = "data")
    static final class Holder {
        @picocli.CommandLine.Mixin
        DataOptions data;

        Holder(DataOptions d) { this.data = d; }
    }

    private static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) sb.append(i == 0 ? "" : ",").append(a[i]);
        return sb.toString();
    }

    private static int fit(Path dir, StationaryRun run, PreparedData d, int threads, boolean quiet, PrintWriter out, PrintWriter err)
            throws IOException {
        StationaryConfig cfg = run.generator;
        int t = run.timesteps;
        SampleSet fit = Windows.cut(d.raster(), d.neurons(), t + cfg.history(), 1, d.splits().fit());
        SampleSet fitWindows = d.samples(d.splits().fit(), t);
        SampleSet validation = d.samples("validation");
        if (fit.samples() == 0) throw BadInputException.of(null, "fit split", "holds no window of " + (t + cfg.history()) + " bins");
        if (validation.samples() == 0) throw BadInputException.of(null, "validation split", "holds no window of " + t + " bins");
        out.printf(Locale.ROOT, "generator: %s%n", cfg.describe());
        out.printf(Locale.ROOT, "data: %s, neurons %s, fit windows %d, validation windows %d%n", run.data.source(),
                java.util.Arrays.toString(run.data.neuronIndices()), fit.samples(), validation.samples());
        out.flush();
        StationaryTrainer trainer = new StationaryTrainer(cfg, run.training, fit, fitWindows, validation);
        if (run.state == null) {
            run.state = run.initialParameters != null ? trainer.startFrom(run.initialParameters) : trainer.start(run.trainingRates);
            run.initialParameters = null;
        }
        Files.createDirectories(dir);
        run.status = "running";
        run.write(dir);
        CountDownLatch saved = new CountDownLatch(1);
        boolean[] stop = {false};
        Thread hook = new Thread(() -> {
            stop[0] = true;
            try {
                saved.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spiqgan-checkpoint-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean finished;
        ProgressBar bar = quiet ? null : new ProgressBarBuilder().setTaskName("train").setInitialMax(run.training.steps())
                .setUnit(" steps", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 160)).startsFrom(run.state.step, java.time.Duration.ZERO).build();
        try (BatchExecutor ex = new BatchExecutor(threads)) {
            String[] lastVal = {""};
            finished = trainer.run(run.state, ex, new StationaryTrainer.Listener() {
                @Override
                public void step(long step, long total, String phase, double nll, double momentLoss) {
                    if (bar != null) {
                        bar.stepTo(step);
                        bar.setExtraMessage(String.format(Locale.ROOT, "%s NLL/bin %.4f%s%s", phase, nll,
                                phase.equals("refine") ? String.format(Locale.ROOT, " moments %.3g", momentLoss) : "", lastVal[0]));
                    }
                }

                @Override
                public void validated(long step, double score, double[] r, boolean best) {
                    lastVal[0] = String.format(Locale.ROOT, " | val@%d score %.3g%s", step, score, best ? "*" : "");
                    if (bar == null) {
                        err.printf(Locale.ROOT, "step %d validation score %.4g (x floor: rates %.3g cov %.3g P(k) %.3g ACG %.3g lag %.3g JS %.3g)%s%n",
                                step, score, r[0], r[1], r[2], r[3], r[4], r[5], best ? " best" : "");
                        err.flush();
                    }
                }

                @Override
                public void checkpoint(StationaryState s) {
                    try {
                        run.write(dir);
                        run.writeMetrics(dir);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public boolean stopRequested() {
                    return stop[0];
                }
            });
            run.status = finished ? "finished" : "interrupted";
            run.write(dir);
            run.writeMetrics(dir);
            if (!finished) {
                // printed before the shutdown hook is released, so that the JVM cannot exit first
                err.printf(Locale.ROOT, "spiqgan: interrupted at step %d; checkpoint written to %s (continue with --resume %s)%n",
                        run.state.step, StationaryRun.path(dir), dir);
                err.flush();
            }
        } finally {
            if (bar != null) bar.close();
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and has just been released
            }
        }
        StationaryState s = run.state;
        if (!finished) return 130;
        out.printf(Locale.ROOT, "finished %d steps in %.1f s; best validation score %.4g at step %d; model: %s%n", s.step, s.seconds,
                s.bestScore, s.bestStep, StationaryRun.path(dir));
        StationaryState.Metric last = null;
        for (StationaryState.Metric m : s.metrics) if (m.step == s.bestStep) last = m;
        if (last != null && last.ratios != null) {
            StringBuilder sb = new StringBuilder("best checkpoint, validation errors as multiples of the validation noise floor:");
            for (Comparison.Error e : Comparison.Error.values()) {
                sb.append(String.format(Locale.ROOT, " %s %s", e.key, last.ratios[e.ordinal()] == null ? "n/a" : String.format(Locale.ROOT, "%.3g", last.ratios[e.ordinal()])));
            }
            out.println(sb);
        }
        out.flush();
        err.println("spiqgan: wrote " + InfoCommand.writeCurves(dir, dir.resolve("curves")));
        return 0;
    }

    private static double[] lambdas(String s) {
        String[] p = s.split(",");
        if (p.length != 5) throw new IllegalArgumentException("--lambda-moments takes five weights R,K,PAIR,ACG,LAG, not '" + s + "'");
        double[] l = new double[5];
        try {
            for (int i = 0; i < 5; i++) l[i] = Double.parseDouble(p[i].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--lambda-moments takes five numbers R,K,PAIR,ACG,LAG, not '" + s + "'");
        }
        return l;
    }

    /** Specification field names to the options that set them, so the one-line error names what the user typed. */
    private static String optionWords(String m) {
        String[][] map = {{"groupSize", "--group-size"}, {"layers", "--layers"}, {"entangler", "--ansatz"}, {"latent", "--latent-dim"},
            {"zMax", "--z-max"}, {"history", "--history"}, {"burnIn", "--burn-in"}, {"feedback", "--feedback"}, {"hidden", "--hidden-units"}, {"likelihoodSteps", "--likelihood-steps"},
            {"refineSteps", "--refine-steps"}, {"batch", "--batch"}, {"draws", "--draws"}, {"lrHalfLife", "--lr-half-life"},
            {"lr ", "--lr "}, {"ema", "--ema"}, {"momentSamples", "--moment-samples"}, {"lambda weights", "--lambda-moments weights"},
            {"evalEvery", "--eval-every"}, {"validationSamples", "--validation-samples"}, {"checkpointEvery", "--checkpoint-every"},
            {"initSpread", "--init-spread"}};
        for (String[] kv : map) if (m.startsWith(kv[0])) return kv[1] + m.substring(kv[0].length());
        return m;
    }
}
