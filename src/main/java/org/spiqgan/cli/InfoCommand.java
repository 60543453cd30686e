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
        PrintWriter o = spec.commandLine().getOut();
        if (org.spiqgan.model.stationary.StationaryRun.isStationary(run)) return stationary(o);
        ModelFile m = ModelFile.read(run);
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

    private int stationary(PrintWriter o) {
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
        return 0;
    }
}
