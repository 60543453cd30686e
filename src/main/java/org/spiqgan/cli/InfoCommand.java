package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiqgan.model.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spiqgan info RUNDIR}: what a model file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a trained model: configuration, parameter counts, training data fingerprint, metrics.")
public final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "Run directory (or its model.json).")
    Path run;

    @Override
    public Integer call() {
        java.nio.file.Path file = java.nio.file.Files.isDirectory(run) ? run.resolve(ModelFile.FILE_NAME) : run;
        if (java.nio.file.Files.isRegularFile(file) && !org.spiqgan.baseline.Baselines.kindOf(run).startsWith("spiqgan")) {
            return baselineInfo();
        }
        ModelFile m = ModelFile.read(run);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "model file: %s (format %s version %d, written by %s)%n", run, m.format, m.version, m.spiqgan);
        o.printf(Locale.ROOT, "command: spiqgan train %s%n", String.join(" ", m.command));
        o.printf(Locale.ROOT, "generator: %s%n", m.generator.describe());
        o.printf(Locale.ROOT, "trainable quantum parameters: %d; critic (%s) parameters: %d%n", m.generator.parameterCount(),
                m.training.critic(), m.criticParameters);
        o.printf(Locale.ROOT, "training: %s%n", m.training);
        var d = m.data;
        o.printf(Locale.ROOT, "data: %s (sha256 %s), neurons %s (ids %s), bin %s ms, T = %d, segment length %s, train fraction %s, validation fraction %s%n",
                d.source(), d.sha256(), Arrays.toString(d.neuronIndices()), Arrays.toString(d.neuronIds()), d.binMs(), d.timesteps(),
                d.segmentLength(), d.trainFraction(), d.validationFraction());
        o.printf(Locale.ROOT, "P_data(k): %s%n", Arrays.toString(m.kData));
        if (m.acgData != null && m.acgData.length > 0) o.printf(Locale.ROOT, "A_data(tau): %s%n", Arrays.toString(m.acgData));
        var s = m.state;
        o.printf(Locale.ROOT, "status: %s at step %d of %d (%.1f s of training)%n", m.status, s.step, m.training.steps(), s.seconds);
        o.printf(Locale.ROOT, "best validation score: %s at step %d%n", s.bestStep < 0 ? "n/a" : String.format(Locale.ROOT, "%.5g", s.bestScore), s.bestStep);
        if (s.lastValidation != null) o.printf(Locale.ROOT, "last validation: %s%n", s.lastValidation);
        for (var row : s.metrics) {
            if (row.has("best") && row.get("best").getAsBoolean() && row.get("step").getAsLong() == s.bestStep) {
                o.printf(Locale.ROOT, "validation at the best step: %s%n", row.get("validation"));
            }
        }
        o.flush();
        return 0;
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
