package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spiqgan.BadInputException;
import org.spiqgan.baseline.Baselines;
import org.spiqgan.data.Provenance;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.GeneratorConfig;
import org.spiqgan.model.ModelFile;
import org.spiqgan.model.PatchRunModel;
import org.spiqgan.model.SpikeModel;
import org.spiqgan.model.StationaryRunModel;
import org.spiqgan.model.stationary.StationaryRun;

/**
 * The one place where a run directory becomes a {@link SpikeModel}: the model file's kind picks the loader.
 * Everything after loading ({@code generate}, {@code compare}, {@code info}) works through the interface.
 */
final class RunModels {
    private RunModels() {}

    /** How to generate: which checkpoint, which sampling (null: the model's), threads. */
    record Options(Choices.Checkpoint checkpoint, GeneratorConfig.Sampling sampling, int threads) {
        static Options defaults() { return new Options(Choices.Checkpoint.BEST, null, Runtime.getRuntime().availableProcessors()); }
    }

    /** The model in {@code run} (a directory or its model.json); options that do not apply to it are refused. */
    static SpikeModel load(Path run, Options o) {
        Path modelJson = Files.isDirectory(run) ? run.resolve(ModelFile.FILE_NAME) : run;
        String kind = Files.isRegularFile(modelJson) ? org.spiqgan.model.RunFile.kindOf(run) : "spiqgan";
        if (kind.equals(StationaryRun.KIND)) {
            if (o.sampling() != null) {
                throw BadInputException.of(null, "--sampling", "applies to patch-model runs only; " + run + " is a stationary run (Born sampling)");
            }
            return new StationaryRunModel(StationaryRun.read(run), o.checkpoint() == Choices.Checkpoint.LAST, o.threads());
        }
        if (kind.startsWith("spiqgan")) return new PatchRunModel(ModelFile.readModel(run), o.sampling(), o.checkpoint().word(), o.threads());
        if (o.sampling() != null) {
            throw BadInputException.of(null, "--sampling", "applies to SpiQGAN runs only; " + run + " is a " + kind + " run");
        }
        if (o.checkpoint() != Choices.Checkpoint.BEST) {
            throw BadInputException.of(null, "--checkpoint", "applies to SpiQGAN runs only; " + run + " is a " + kind + " run");
        }
        return Baselines.open(run);
    }

    /** Samples, with a progress bar where the model generates in chunks, else one timed step. */
    static SampleSet generate(PrintWriter err, SpikeModel m, int samples, long seed) {
        if (m.generatesInParts()) {
            return Progress.generate(err, "generate", samples, (first, count) -> m.generate(first, count, seed));
        }
        return Progress.step(err, "generating " + samples + " samples of " + m.kind(), () -> m.generate(samples, seed));
    }

    /** The provenance written beside generated samples (G.npy.json), which evaluate checks. */
    static Provenance provenance(Path run, SpikeModel m, long seed, long samples, String command) {
        Provenance p = m.provenance(run.toAbsolutePath().normalize().toString(), seed, samples, command);
        // baselines: the run directory's model file describes the data
        return p != null ? p : BaselineCommand.provenance(run, m.kind(), m, seed, samples, command);
    }
}
