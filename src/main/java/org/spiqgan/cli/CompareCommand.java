package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import org.spiqgan.model.SpikeModel;
import org.spiqgan.baseline.Baselines;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.report.ParameterReport;
import org.spiqgan.stats.Evaluation;
import org.spiqgan.stats.EvaluationBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spiqgan compare}: generates from each run directory, evaluates every model against the test
 * split, and writes one table and one report with errors, noise floor and trainable-parameter counts,
 * and the figures of each statistic's error against parameters.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare models by quality and size: generate from each RUNDIR (baseline or SpiQGAN runs; other "
                + "models' samples via --samples NAME=G.npy --params NAME=COUNT), evaluate against the test split, and write DIR/table.txt, "
                + "DIR/compare.json, DIR/index.html (errors, noise floor, parameters, error-vs-parameters figures) and "
                + "DIR/report/ (every statistic and figure)."})
public final class CompareCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "RUNDIR", description = "Run directories holding model.json.")
    List<Path> runs = new ArrayList<>();

    @Option(names = {"--real", "--data"}, paramLabel = "FILE", description = "The recording. Omit with --synthetic.")
    Path real;

    @Option(names = "--samples", paramLabel = "NAME=G.npy",
            description = "Generated samples of a model not loadable here (e.g. a SpiQGAN run); counted in the quantum family. Repeatable.")
    Map<String, Path> samples = new LinkedHashMap<>();

    @Option(names = "--params", paramLabel = "NAME=COUNT", description = "Trainable parameters of a --samples model. Repeatable.")
    Map<String, Long> params = new LinkedHashMap<>();

    @Option(names = "--count", paramLabel = "S", description = "Samples generated per run directory. Default: as many as the test split has.")
    Integer count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of generation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputChecks.directory(out, "--out");
        if (real == null && !data.synthetic) {
            throw BadInputException.of(null, "--real", "give the recording the models were trained on (--real FILE), "
                    + "or --synthetic for the built-in synthetic recording");
        }
        if (real != null && data.synthetic) throw BadInputException.of(null, "--synthetic", "cannot be used with --real FILE");
        if (runs.isEmpty() && samples.isEmpty()) throw BadInputException.of(null, "RUNDIR", "give at least one run directory or --samples");
        for (String name : samples.keySet()) {
            if (!params.containsKey(name)) throw BadInputException.of(null, "--params", "no parameter count for --samples " + name + " (give --params " + name + "=COUNT)");
        }
        for (String name : params.keySet()) {
            if (!samples.containsKey(name)) throw BadInputException.of(null, "--params", name + " has no --samples " + name + "=G.npy");
            if (params.get(name) <= 0) throw BadInputException.of(null, "--params", name + ": must be positive, not " + params.get(name));
        }
        List<SpikeModel> models = new ArrayList<>();
        for (Path r : runs) models.add(RunModels.load(r, RunModels.Options.defaults()));
        List<SampleSet> given = new ArrayList<>();
        for (Path p : samples.values()) {
            SampleSet s = SampleSetIO.read(p);
            if (s.samples() == 0) throw BadInputException.of(p, "samples", "the file holds no samples");
            given.add(s);
        }
        PreparedData d = data.prepare(real);
        String sha = null;
        for (Path r : runs) {
            String recorded = RunData.recordedSha256(r);
            if (recorded == null) continue;
            if (sha == null) sha = data.sha256(real);
            if (!recorded.equals(sha)) {
                throw BadInputException.of(r, "data", "the model was trained on other data than " + d.source()
                        + " (checksums differ); compare models against the recording they were trained on");
            }
        }
        String split = data.splitName("test");
        int stride = data.stride(d, split);
        int n = d.neurons().length, t = d.timesteps();
        for (int k = 0; k < models.size(); k++) {
            SpikeModel b = models.get(k);
            if (b.neurons() != n || b.timesteps() != t) {
                throw BadInputException.of(runs.get(k).resolve(Baselines.MODEL_FILE), "neurons", "the model generates N = " + b.neurons()
                        + ", T = " + b.timesteps() + " but the data options give N = " + n + ", T = " + t);
            }
        }
        int k0 = 0;
        for (Map.Entry<String, Path> e : samples.entrySet()) {
            SampleSet s = given.get(k0++);
            if (s.neurons() != n || s.timesteps() != t) {
                throw BadInputException.of(e.getValue(), "shape", "samples are " + s.shape() + " but the data options give N = " + n + ", T = " + t);
            }
            org.spiqgan.data.Provenance p = org.spiqgan.data.Provenance.read(e.getValue());
            if (p != null) {
                if (sha == null && p.dataSha256() != null) sha = data.sha256(real);
                p.check(e.getValue(), d.neurons(), t, d.raster().binMs(), sha);
            }
        }
        SampleSet reference = data.samples(d, "test");
        SampleSet train = d.samples("train", stride);
        int s = count != null ? count : reference.samples();
        if (s <= 0) throw BadInputException.of(null, "--count", "must be positive, not " + s);
        OutputChecks.sampleArray(s, n, t, "--count");

        PrintWriter err = spec.commandLine().getErr();
        EvaluationBuilder b = new EvaluationBuilder(d.raster().binMs()).neuronIds(d.neurons())
                .test(d.source() + " split " + split + " (stride " + stride + ")", reference)
                .train(d.source() + " split train (stride " + stride + ")", train)
                .trainingPatterns(d.samples("train", 1));
        int total = models.size() + given.size();
        long[] parameters = new long[total];
        String[] families = new String[total];
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            SpikeModel m = models.get(k);
            SampleSet g = Progress.step(err, runs.get(k) + ": generating " + s + " samples", () -> m.generate(s, seed));
            String label = label(runs.get(k), labels);
            b.model(label, runs.get(k) + " (" + m.kind() + ", " + m.parameterCount() + " parameters, " + s + " samples, seed " + seed + ")", g);
            parameters[k] = m.parameterCount();
            families[k] = m.family().label();
        }
        int k = models.size();
        for (Map.Entry<String, Path> e : samples.entrySet()) {
            labels.add(e.getKey());
            b.model(e.getKey(), e.getValue() + " (" + params.get(e.getKey()) + " parameters)", given.get(k - models.size()));
            parameters[k] = params.get(e.getKey());
            families[k] = SpikeModel.Family.QUANTUM.label();
            k++;
        }
        b.note("neurons (raster indices): " + join(d.neurons()) + "; T = " + t);
        Evaluation ev = b.build();
        String table = ParameterReport.text(ev, parameters, families);
        spec.commandLine().getOut().print(table);
        Files.createDirectories(out);
        Path index = ParameterReport.write(out, ev, parameters, families, BaselineCommand.commandLine(spec), "spiqgan " + Version.number());
        err.println("spiqgan: wrote " + index);
        return 0;
    }

    private static String label(Path run, List<String> used) {
        Path f = run.toAbsolutePath().normalize().getFileName();
        String base = f == null ? run.toString() : f.toString();
        String l = base;
        for (int i = 2; used.contains(l); i++) l = base + " (" + i + ")";
        used.add(l);
        return l;
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) sb.append(k == 0 ? "" : ",").append(v[k]);
        return sb.toString();
    }
}
