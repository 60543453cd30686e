package org.spiqgan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spiqgan.BadInputException;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.RasterReaders;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.data.SpikeRaster;
import org.spiqgan.data.Split;
import org.spiqgan.data.Splits;
import org.spiqgan.data.Windows;
import org.spiqgan.report.EvaluationJson;
import org.spiqgan.report.EvaluationTable;
import org.spiqgan.report.HtmlReport;
import org.spiqgan.stats.Evaluation;
import org.spiqgan.stats.EvaluationBuilder;
import org.spiqgan.stats.IndependentBernoulli;
import org.spiqgan.stats.StatisticsAccumulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spiqgan evaluate}: the statistics of SPEC.md section 5 for generated samples against the held-out
 * split of a recording, with the noise floor (training split vs test split), as a table, JSON and an
 * HTML report with figures.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compare generated spike samples with held-out real data: firing rates, covariances, P(k), "
                    + "autocorrelogram, lag-1 cross-covariance (MSE), spiking states (JS divergence, bits) and "
                    + "memorization, each beside the noise floor (training split vs test split).",
            "Models are labelled, in order: the --generated files, then the --generated-raster files, then "
                    + "--bernoulli; --name overrides the labels in that order."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"--real", "--data"}, paramLabel = "FILE",
            description = "The recording (MAT, HDF5, NWB, NPY/NPZ, CSV); the same as the positional FILE. Omit with --synthetic.")
    Path real;

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The recording (or --real / --data FILE).")
    Path positionalReal;

    @Option(names = "--generated", paramLabel = "G.npy",
            description = "Generated samples (S, N, T) (.npy, .npz, .csv/.tsv, .mat); N and T must match the data options. Repeatable.")
    List<Path> generated = new ArrayList<>();

    @Option(names = "--generated-raster", paramLabel = "FILE[:VAR]",
            description = "Samples of a model given as a recording (bins x neurons, e.g. the shipped "
                    + "dichotomized_gaussian.mat), windowed exactly like the real data: same neurons, "
                    + "segments, split and stride. VAR picks the matrix (default: 'data' or the only one). Repeatable.")
    List<String> generatedRasters = new ArrayList<>();

    @Option(names = "--raster-split", paramLabel = "SPLIT",
            description = "Split of each --generated-raster to window: train, fit, validation, test or all. "
                    + "Default: all (a model's samples have no held-out part).")
    String rasterSplit;

    @Option(names = "--bernoulli", description = "Add the independent-Bernoulli reference: neurons fire "
            + "independently at their firing probabilities in the training windows.")
    boolean bernoulli;

    @Option(names = "--bernoulli-samples", paramLabel = "S",
            description = "Samples drawn for --bernoulli. Default: as many as the evaluated split has.")
    Integer bernoulliSamples;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of --bernoulli. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--name", paramLabel = "LABEL", description = "Label of a model in tables and figures. Repeatable, in model order.")
    List<String> names = new ArrayList<>();

    @Mixin
    DataOptions data;

    @Option(names = "--json", paramLabel = "OUT", description = "Write every statistic and error as JSON (schema in docs/evaluation.md).")
    Path json;

    @Option(names = "--report", paramLabel = "DIR", description = "Write figures (PNG, SVG) and a self-contained index.html to DIR.")
    Path reportDir;

    @Option(names = "--run", paramLabel = "RUNDIR",
            description = "The run (SpiQGAN or baseline) that made the samples: the recording and every data option "
                    + "(neurons, T, segments, bin width, split fractions) are taken from it; only --split and --stride may be given.")
    Path run;

    @Override
    public Integer call() throws IOException {
        real = RecordingOption.either(real, "--real", positionalReal);
        OutputChecks.file(json, "--json");
        OutputChecks.directory(reportDir, "--report");
        if (run != null) takeDataFromRun();
        else if (real == null && !data.synthetic) {
            throw BadInputException.of(null, "--real", "give the recording the model was trained on (--real FILE, or --run RUNDIR "
                    + "to take it from the model's run), or --synthetic for the built-in synthetic recording");
        }
        if (real != null && data.synthetic) throw BadInputException.of(null, "--synthetic", "cannot be used with --real FILE");
        if (generated.isEmpty() && generatedRasters.isEmpty() && !bernoulli) {
            throw BadInputException.of(null, "--generated", "give at least one --generated, --generated-raster or --bernoulli");
        }
        int models = generated.size() + generatedRasters.size() + (bernoulli ? 1 : 0);
        if (names.size() > models) {
            throw BadInputException.of(null, "--name", names.size() + " labels for " + models + " models");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        // Generated files first: a wrong shape is reported before the recording is read.
        List<SampleSet> generatedSets = new ArrayList<>();
        for (Path g : generated) generatedSets.add(readGenerated(g));

        PreparedData d = data.prepare(real);
        String split = data.splitName("test");
        int stride = data.stride(d, split);
        int n = d.neurons().length;
        int t = d.timesteps();
        for (int k = 0; k < generatedSets.size(); k++) checkShape(generated.get(k), generatedSets.get(k), n, t);
        checkProvenance(d, err);

        SampleSet reference = data.samples(d, "test");
        SampleSet train = d.samples("train", stride);
        SampleSet patterns = d.samples("train", 1);

        List<String> labels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<SampleSet> sets = new ArrayList<>(generatedSets);
        for (Path g : generated) {
            labels.add(stem(g));
            sources.add(g.toString());
        }
        for (String rasterSpec : generatedRasters) {
            sets.add(windowRaster(rasterSpec, d, split, stride));
            labels.add(stem(Path.of(fileOf(rasterSpec))));
            sources.add(rasterSpec + " (split " + rasterSplitName(split) + ", stride " + stride + ")");
        }
        if (bernoulli) {
            // The rates of the training windows (statistic 1 of the noise-floor side), not of every
            // training bin: bins outside the windows (the ends of segments) fire differently.
            double[] rates = new StatisticsAccumulator(n, t).add(train).result().firingProbability();
            int count = bernoulliSamples != null ? bernoulliSamples : reference.samples();
            if (count <= 0) throw BadInputException.of(null, "--bernoulli-samples", "must be positive, not " + count);
            OutputChecks.sampleArray(count, n, t, "--bernoulli-samples");
            sets.add(IndependentBernoulli.sample(rates, count, t, seed));
            labels.add("independent Bernoulli");
            sources.add("independent Bernoulli at the training windows' firing probabilities, " + count
                    + " samples, seed " + seed);
        }
        for (int k = 0; k < names.size(); k++) labels.set(k, names.get(k));

        long total = (long) reference.samples() + train.samples();
        for (SampleSet s : sets) total += s.samples();
        Evaluation e;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("evaluate").setInitialMax(total)
                .setUnit(" samples", 1).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            EvaluationBuilder b = new EvaluationBuilder(d.raster().binMs()).progress(bar::stepBy).neuronIds(d.neurons())
                    .test(d.source() + " split " + split + " (" + describe(d, split) + ", stride " + stride + ")", reference)
                    .train(d.source() + " split train (" + describe(d, "train") + ", stride " + stride + ")", train)
                    .trainingPatterns(patterns);
            for (int k = 0; k < sets.size(); k++) b.model(labels.get(k), sources.get(k), sets.get(k));
            b.note("neurons (raster indices): " + join(d.neurons()) + "; T = " + t + " bins of "
                    + fmt(d.raster().binMs()) + " ms");
            e = b.build();
        }

        out.printf(Locale.ROOT, "%s: N = %d neurons (%s), T = %d, %s split %s: %d samples, noise floor from train: %d samples%n",
                d.source(), n, join(d.neurons()), t, fmt(d.raster().binMs()) + " ms bins", split,
                reference.samples(), train.samples());
        out.print(EvaluationTable.text(e));
        for (String note : allNotes(e)) out.println("note: " + note);
        String command = commandLine();
        String version = "spiqgan " + Version.number();
        // The report goes to a staged folder first, so that a failure leaves neither a partial report nor the JSON.
        Path staged = null;
        try {
            if (reportDir != null) {
                staged = OutputChecks.stage(reportDir);
                HtmlReport.write(staged, e, command, version);
            }
            if (json != null) EvaluationJson.write(json, e, command, version);
            if (reportDir != null) OutputChecks.commit(staged, reportDir);
        } finally {
            OutputChecks.discard(staged, reportDir);
        }
        if (json != null) err.println("spiqgan: wrote " + json);
        if (reportDir != null) err.println("spiqgan: wrote " + reportDir.resolve("index.html"));
        return 0;
    }

    /** Samples with a provenance sidecar must come from a model of these neurons, T, bin width and data. */
    private void checkProvenance(PreparedData d, PrintWriter err) {
        String sha = null;
        for (Path g : generated) {
            org.spiqgan.data.Provenance p = org.spiqgan.data.Provenance.read(g);
            if (p == null) {
                err.println("spiqgan: warning: " + g + " has no provenance file " + org.spiqgan.data.Provenance.sidecar(g).getFileName()
                        + "; cannot check that it was generated for these neurons and data");
                continue;
            }
            if (sha == null && p.dataSha256() != null) sha = data.sha256(real);
            p.check(g, d.neurons(), d.timesteps(), d.raster().binMs(), sha);
        }
    }

    /** --run: the recording and data options of the run that made the samples. */
    private void takeDataFromRun() {
        if (real != null) throw BadInputException.of(null, "--real", "cannot be used with --run (the run names its recording)");
        var pr = spec.commandLine().getParseResult();
        for (picocli.CommandLine.Model.OptionSpec o : spec.mixins().get("data").options()) {
            String name = o.longestName();
            if (pr.hasMatchedOption(o) && !name.equals("--split") && !name.equals("--stride")) {
                throw BadInputException.of(null, name, "cannot be used with --run (the data options are taken from the run; "
                        + "only --split and --stride may be given)");
            }
        }
        RunData rd = RunData.of(run);
        rd.data.split = data.split;
        rd.data.stride = data.stride;
        data = rd.data;
        real = rd.file;
        if (real != null && !java.nio.file.Files.isRegularFile(real)) {
            throw BadInputException.of(real, "--run", "the recording of run " + run + " is missing");
        }
        if (rd.sha256 != null && !rd.sha256.equals(data.sha256(real))) {
            throw BadInputException.of(real, "--run", "is not the recording run " + run + " was trained on (its checksum differs)");
        }
    }

    private SampleSet readGenerated(Path g) {
        SampleSet s = SampleSetIO.read(g);
        if (s.samples() == 0) throw BadInputException.of(g, "samples", "the file holds no samples (S = 0)");
        return s;
    }

    private void checkShape(Path g, SampleSet s, int n, int t) {
        if (s.neurons() != n || s.timesteps() != t) {
            throw BadInputException.of(g, "shape", "samples are (S, N, T) = " + s.shape() + " but the data options give N = "
                    + n + " (--neurons " + data.neuronsText() + ") and T = " + t + " (--timesteps)");
        }
    }

    private SampleSet windowRaster(String rasterSpec, PreparedData d, String split, int stride) {
        String fileText = fileOf(rasterSpec);
        Path file = Path.of(fileText);
        String var = rasterSpec.length() > fileText.length() ? rasterSpec.substring(fileText.length() + 1) : null;
        SpikeRaster r = RasterReaders.read(file, data.readOptions().withVariable(var));
        int[] neurons = d.neurons();
        int need = 0;
        for (int i : neurons) need = Math.max(need, i + 1);
        if (r.neurons() < need) {
            throw BadInputException.of(file, "neurons", "has " + r.neurons() + " neurons; the evaluated neurons need " + need);
        }
        Splits splits = data.splits(r);
        Split chosen = splits.get(rasterSplitName(split));
        if (Windows.count(chosen.segments(), d.timesteps(), stride) == 0) {
            throw BadInputException.of(file, "split " + chosen.name(), "holds no window of " + d.timesteps() + " bins");
        }
        return Windows.cut(r, neurons, d.timesteps(), stride, chosen);
    }

    private String rasterSplitName(String evaluated) {
        if (rasterSplit == null) return "all";
        String s = rasterSplit.toLowerCase(Locale.ROOT);
        if (!Splits.NAMES.contains(s)) {
            throw BadInputException.of(null, "--raster-split", "must be one of " + String.join(", ", Splits.NAMES) + ", not '" + rasterSplit + "'");
        }
        return s;
    }

    /** FILE of FILE:VAR; a colon that is part of an existing path (or a drive letter) stays in the file. */
    private static String fileOf(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 1 || java.nio.file.Files.exists(Path.of(spec))) return spec;
        return spec.substring(0, colon);
    }

    private static String describe(PreparedData d, String split) {
        Split s = d.splits().get(split);
        return d.raster().hasSegments() ? s.segments().size() + " segments" : s.bins() + " bins";
    }

    private static List<String> allNotes(Evaluation e) {
        List<String> notes = new ArrayList<>(e.notes());
        for (Evaluation.Side m : e.models()) for (String s : m.errors().notes()) if (!notes.contains(s)) notes.add(s);
        for (String s : e.train().errors().notes()) if (!notes.contains(s)) notes.add(s);
        return notes;
    }

    private String commandLine() {
        // The parse result of the subcommand holds the whole command line, "evaluate" included.
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        StringBuilder sb = new StringBuilder("spiqgan");
        for (String a : args) {
            sb.append(' ');
            sb.append(a.matches("[A-Za-z0-9_./:=,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) sb.append(k == 0 ? "" : ",").append(v[k]);
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
