package org.spiqgan.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiqgan.model.ModelFile;
import org.spiqgan.report.TrainingCurves;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spiqgan info RUNDIR}: what a model file holds, as readable key: value lines. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a trained model: configuration, parameter counts, training data fingerprint, metrics "
                + "(key: value lines); --report DIR writes the training curves (losses and validation numbers over steps).")
public final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "Run directory (or its model.json).")
    Path run;

    @Option(names = "--report", paramLabel = "DIR", description = "Write the training curves (losses and validation "
            + "numbers over generator steps) as PNG figures and DIR/index.html.")
    Path report;

    @Override
    public Integer call() throws Exception {
        OutputChecks.directory(report, "--report");
        if (org.spiqgan.model.stationary.StationaryRun.isStationary(run)) return stationary(spec.commandLine().getOut());
        java.nio.file.Path file = java.nio.file.Files.isDirectory(run) ? run.resolve(ModelFile.FILE_NAME) : run;
        if (java.nio.file.Files.isRegularFile(file) && !org.spiqgan.baseline.Baselines.kindOf(run).startsWith("spiqgan")) {
            if (report != null) throw org.spiqgan.BadInputException.of(null, "--report", "training curves are written for SpiQGAN runs; " + run + " is a baseline");
            return baselineInfo();
        }
        ModelFile m = ModelFile.read(run);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "model file: %s%n", run);
        o.printf(Locale.ROOT, "format: %s version %d, written by %s%n", m.format, m.version, m.spiqgan);
        if (m.spec != null) {
            var d = m.spec.data;
            o.printf(Locale.ROOT, "specification: model %s; data %s, neurons %s, T %d, train fraction %s, validation fraction %s%s%n",
                    m.spec.model.label(), d.sourceName(), d.neurons, d.timesteps, d.trainFraction, d.validationFraction,
                    d.segmentLength == null ? "" : ", segment length " + d.segmentLength);
        }
        else if (m.command != null) o.printf(Locale.ROOT, "command: spiqgan train %s%n", String.join(" ", m.command));
        o.printf(Locale.ROOT, "generator: %s%n", m.generator.describe());
        o.printf(Locale.ROOT, "trainable quantum parameters: %d%n", m.generator.parameterCount());
        o.printf(Locale.ROOT, "critic: %s, %d parameters%n", m.training.critic(), m.criticParameters);
        o.println("training:");
        record(o, m.training);
        var d = m.data;
        o.println("data:");
        o.printf(Locale.ROOT, "  source: %s%n", d.source());
        o.printf(Locale.ROOT, "  sha256: %s%n", d.sha256());
        o.printf(Locale.ROOT, "  neurons (recording indices): %s%n", Arrays.toString(d.neuronIndices()));
        o.printf(Locale.ROOT, "  neuron ids: %s%n", Arrays.toString(d.neuronIds()));
        o.printf(Locale.ROOT, "  bin width: %s ms%n", d.binMs());
        o.printf(Locale.ROOT, "  T: %d%n", d.timesteps());
        o.printf(Locale.ROOT, "  segment length: %s%n", d.segmentLength() == null ? "the file's" : d.segmentLength());
        o.printf(Locale.ROOT, "  train fraction: %s%n", d.trainFraction());
        o.printf(Locale.ROOT, "  validation fraction: %s%n", d.validationFraction());
        o.printf(Locale.ROOT, "P_data(k): %s%n", Arrays.toString(m.kData));
        if (m.acgData != null && m.acgData.length > 0) o.printf(Locale.ROOT, "A_data(tau): %s%n", Arrays.toString(m.acgData));
        var s = m.state;
        o.printf(Locale.ROOT, "status: %s at step %d of %d (%.1f s of training)%n", m.status, s.step, m.training.steps(), s.seconds);
        o.printf(Locale.ROOT, "best validation score: %s at step %d%n", s.bestStep < 0 ? "n/a" : String.format(Locale.ROOT, "%.5g", s.bestScore), s.bestStep);
        if (s.lastValidation != null) {
            o.println("last validation:");
            json(o, s.lastValidation);
        }
        for (var row : s.metrics) {
            if (row.has("best") && row.get("best").getAsBoolean() && row.get("step").getAsLong() == s.bestStep
                    && row.has("validation") && row.get("validation").isJsonObject()) {
                o.println("validation at the best step:");
                json(o, row.getAsJsonObject("validation"));
            }
        }
        o.flush();
        if (report != null) spec.commandLine().getErr().println("spiqgan: wrote " + curves(s.metrics, s.pretrainNll, run, report));
        return 0;
    }

    private int stationary(PrintWriter o) throws java.io.IOException {
        var r = org.spiqgan.model.stationary.StationaryRun.read(run);
        o.printf(Locale.ROOT, "model file: %s (format %s, kind %s, written by %s)%n", run, r.format, r.kind, r.spiqgan);
        o.printf(Locale.ROOT, "generator: %s%n", r.generator.describe());
        o.printf(Locale.ROOT, "trainable parameters: %d%n", r.trainableParameters);
        var t = r.training;
        o.printf(Locale.ROOT, "training: %d likelihood + %d refinement steps, batch %d windows x %d latent draws, lr %s (half-life %s), "
                + "EMA %s, moment samples %d, moment weights %s, seed %d%n", t.likelihoodSteps(), t.refineSteps(), t.batch(), t.draws(),
                t.lr(), t.lrHalfLife(), t.ema(), t.momentSamples(), Arrays.toString(t.lambda()), t.seed());
        var d = r.data;
        o.printf(Locale.ROOT, "data: %s (sha256 %s), neurons %s, bin %s ms, T = %d, segment length %s%n", d.source(), d.sha256(),
                Arrays.toString(d.neuronIndices()), d.binMs(), r.timesteps, d.segmentLength());
        var s = r.state;
        o.printf(Locale.ROOT, "status: %s at step %d of %d (%.1f s of training)%n", r.status, s.step, t.steps(), s.seconds);
        o.printf(Locale.ROOT, "best validation score: %s at step %d (geometric mean of the errors as multiples of the validation noise floor)%n",
                s.bestStep < 0 ? "n/a" : String.format(Locale.ROOT, "%.4g", s.bestScore), s.bestStep);
        for (var m : s.metrics) {
            if (m.step == s.bestStep && m.ratios != null) {
                StringBuilder sb = new StringBuilder("validation at the best step (x floor):");
                for (var e : org.spiqgan.stats.Comparison.Error.values()) sb.append(String.format(Locale.ROOT, " %s %s", e.key, m.ratios[e.ordinal()] == null ? "n/a" : String.format(Locale.ROOT, "%.3g", m.ratios[e.ordinal()])));
                o.println(sb);
            }
        }
        o.flush();
        if (report != null) spec.commandLine().getErr().println("spiqgan: wrote " + curves(stationaryRows(s), null, run, report));
        return 0;
    }


    /** Writes the training curves of a run (patch or stationary model) to DIR; returns DIR/index.html. */
    static Path writeCurves(Path run, Path dir) throws java.io.IOException {
        if (org.spiqgan.model.stationary.StationaryRun.isStationary(run)) {
            return curves(stationaryRows(org.spiqgan.model.stationary.StationaryRun.read(run).state), null, run, dir);
        }
        var st = ModelFile.read(run).state;
        return curves(st.metrics, st.pretrainNll, run, dir);
    }

    private static Path curves(java.util.List<JsonObject> rows, double[] pretrainNll, Path run, Path dir) throws java.io.IOException {
        Path staged = OutputChecks.stage(dir);
        try {
            TrainingCurves.write(staged, rows, pretrainNll, "Training curves of " + run.toAbsolutePath().normalize());
            OutputChecks.commit(staged, dir);
        } finally {
            OutputChecks.discard(staged, dir);
        }
        return dir.resolve("index.html");
    }

    private static java.util.List<JsonObject> stationaryRows(org.spiqgan.model.stationary.StationaryState s) {
        java.util.List<JsonObject> rows = new java.util.ArrayList<>();
        for (var m : s.metrics) {
            JsonObject row = new JsonObject();
            row.addProperty("step", m.step);
            row.addProperty("nll", m.nll);
            if (m.momentLoss > 0) row.addProperty("momentLoss", m.momentLoss);
            if (m.score != null) {
                JsonObject v = new JsonObject();
                v.addProperty("score", m.score);
                row.add("validation", v);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void record(PrintWriter o, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(r);
                o.printf(Locale.ROOT, "  %s: %s%n", c.getName(), v instanceof double[] a ? Arrays.toString(a) : v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void json(PrintWriter o, Object value) {
        JsonObject j = value instanceof JsonObject jo ? jo : new com.google.gson.Gson().toJsonTree(value).getAsJsonObject();
        for (var e : j.entrySet()) {
            JsonElement v = e.getValue();
            o.printf(Locale.ROOT, "  %s: %s%n", e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
        }
    }
    /** Baseline runs (classical and maximum-entropy models): kind, size, parameters, data and the fit report. */
    private int baselineInfo() {
        org.spiqgan.baseline.Baseline b = org.spiqgan.baseline.Baselines.load(run);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "model file: %s (%s)%n", run, b.kind());
        o.printf(Locale.ROOT, "neurons %d, timesteps %d, fitted parameters %d%n", b.neurons(), b.timesteps(), b.parameterCount());
        var data = org.spiqgan.baseline.Baselines.dataOf(run);
        if (data != null) o.printf(Locale.ROOT, "data: %s%n", data);
        if (b instanceof org.spiqgan.baseline.MaxEntModel me) o.printf(Locale.ROOT, "fit: %s%n", me.report());
        o.flush();
        return 0;
    }
}
