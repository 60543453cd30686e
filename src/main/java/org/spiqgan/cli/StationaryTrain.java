package org.spiqgan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.spiqgan.BadInputException;
import org.spiqgan.data.DataSpec;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.Windows;
import org.spiqgan.model.TrainSpec;
import org.spiqgan.model.TrainingData;
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
            "--critic-input", "--tau", "--lr-g", "--betas", "--beta1", "--beta2", "--lr-decay",
            "--score-weight", "--pretrain", "--pretrain-lr", "--ancillas", "--latent", "--input-weights", "--encoding", "--rotations",
            "--entangler", "--share-timesteps", "--autoregressive");
    /** Options only the stationary model has. */
    static final java.util.List<String> STATIONARY_ONLY = java.util.List.of("--history", "--feedback", "--hidden-units", "--latent-dim",
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
        TrainSpec spec = c.toSpec();
        PreparedData d = c.data.prepare(c.dataFile);
        int n = d.neurons().length, t = d.timesteps();
        java.util.List<String> criticOptions = java.util.List.of("--critic", "--n-critic", "--lr-c", "--lr-critic", "--lambda-gp");
        if (spec.adversarialWeight == 0 && given(pr, criticOptions) != null) {
            throw BadInputException.of(null, given(pr, criticOptions), "sets the critic of the stationary model's refinement phase: "
                    + "give --adversarial-weight W > 0 with it (or train --model patch)");
        }
        StationaryConfig cfg = spec.stationaryConfig(n);
        StationaryTraining tr = spec.stationaryTraining(t);
        StationaryRun run = new StationaryRun();
        run.spiqgan = "spiqgan " + Version.number();
        run.spec = spec;
        run.neurons = n;
        run.timesteps = t;
        run.generator = cfg;
        run.training = tr;
        run.trainableParameters = cfg.parameterCount();
        var fp = TrainingData.of(d, spec.data).fingerprint();
        // the absolute path, so that --resume works from any directory
        run.data = spec.data.synthetic() ? fp : new org.spiqgan.model.DataFingerprint(spec.data.file, fp.sha256(), fp.neuronIndices(),
                fp.neuronIds(), fp.binMs(), fp.timesteps(), fp.segmentLength(), fp.trainFraction(), fp.validationFraction());
        run.trainingRates = d.firingProbabilities(d.splits().fit());
        if (spec.initFrom != null) {
            Path initFrom = Path.of(spec.initFrom);
            StationaryRun from = StationaryRun.read(initFrom);
            if (!from.generator.equals(cfg)) {
                throw BadInputException.of(StationaryRun.path(initFrom), "generator", "has another architecture (" + from.generator.describe()
                        + ") than this run (" + cfg.describe() + ")");
            }
            run.initialParameters = from.parameters(false).clone();
            run.initialisedFrom = spec.initFrom;
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

    /** The run's data, read again from the specification stored with it (older runs: from its fingerprint). */
    private static PreparedData dataOf(StationaryRun run, TrainCommand c, PrintWriter err) {
        var pr = c.spec.commandLine().getParseResult();
        boolean synthetic = run.data.sha256().startsWith("synthetic:");
        DataSpec spec = run.spec != null ? run.spec.data.copy() : legacyData(run);
        if (pr.hasMatchedOption("--data")) {
            if (synthetic) throw BadInputException.of(c.dataFile, "--data", "the run was trained on the built-in synthetic recording");
            String sha = DataSpec.sha256(c.dataFile);
            if (!sha.equals(run.data.sha256())) {
                throw BadInputException.of(c.dataFile, "--data", "is not the run's recording (sha256 " + sha + ", the run's "
                        + run.data.sha256() + " from " + run.data.source() + ")");
            }
            err.printf(Locale.ROOT, "spiqgan: reading the run's recording from %s (same sha256 as %s)%n", c.dataFile, run.data.source());
            spec = spec.withFile(c.dataFile);
            if (run.spec != null) run.spec.data = spec.copy();
        } else if (!synthetic && !Files.isRegularFile(spec.path())) {
            throw BadInputException.of(spec.path(), "data", "the run's recording is no longer there; give its new "
                    + "place with --data FILE (checked by sha256)");
        }
        PreparedData d = spec.prepare(c.data.warnings());
        if (!java.util.Arrays.equals(d.neurons(), run.data.neuronIndices()) || d.timesteps() != run.timesteps) {
            throw BadInputException.of(StationaryRun.path(c.resume), "data", "the data options select other neurons or another T than the run");
        }
        return d;
    }

    /** The data of a run written before run files stored their specification: from its fingerprint. */
    private static DataSpec legacyData(StationaryRun run) {
        DataSpec s = DataSpec.defaults();
        if (run.data.sha256().startsWith("synthetic:")) {
            s.syntheticSeed = Long.parseLong(run.data.sha256().substring("synthetic:".length()));
        } else {
            s.file = run.data.source();
        }
        s.segmentLength = run.data.segmentLength();
        s.neurons = join(run.data.neuronIndices());
        s.timesteps = run.timesteps;
        s.trainFraction = run.data.trainFraction();
        s.validationFraction = run.data.validationFraction();
        return s;
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
        Interruption stop = new Interruption();
        boolean finished;
        ProgressBar bar = quiet ? null : Interruption.trainingBar(run.state.step, run.training.steps());
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
                    return stop.requested();
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
            stop.close();
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

    /** The five moment-loss weights of --lambda-moments. */
    static double[] lambdas(String s) {
        String[] p = s.split(",");
        if (p.length != 5) throw BadInputException.of(null, "--lambda-moments", "takes five weights R,K,PAIR,ACG,LAG, not '" + s + "'");
        double[] l = new double[5];
        try {
            for (int i = 0; i < 5; i++) l[i] = Double.parseDouble(p[i].trim());
        } catch (NumberFormatException e) {
            throw BadInputException.of(null, "--lambda-moments", "takes five numbers R,K,PAIR,ACG,LAG, not '" + s + "'");
        }
        return l;
    }
}
