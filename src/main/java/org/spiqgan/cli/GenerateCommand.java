package org.spiqgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import org.spiqgan.baseline.Baseline;
import org.spiqgan.baseline.Baselines;
import org.spiqgan.data.Provenance;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.model.GeneratorConfig;
import org.spiqgan.model.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spiqgan generate RUNDIR}: samples (S, N, T) from a trained model. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate spike samples (S, N, T) uint8 from a trained SpiQGAN (the EMA parameters of the best "
                + "validation checkpoint unless --checkpoint last) or from a baseline run ('spiqgan baseline fit|train').")
public final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "Run directory (or its model.json).")
    Path run;

    @Option(names = "--samples", required = true, description = "Number of samples S.")
    int samples;

    @Option(names = "--sampling", description = "born or bernoulli. Default: the model's.")
    String sampling;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--checkpoint", defaultValue = "best", description = "best (best validation score) or last. Default: ${DEFAULT-VALUE}.")
    String checkpoint;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--out", required = true, paramLabel = "G.npy", description = "Output: .npy, .csv, .tsv or .mat.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) throw BadInputException.of(null, "--samples", "must be at least 1");
        if (!checkpoint.equals("best") && !checkpoint.equals("last")) {
            throw BadInputException.of(null, "--checkpoint", "must be best or last, not '" + checkpoint + "'");
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".npy") || name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".mat"))) {
            throw BadInputException.of(out, "--out", "must end in .npy, .csv, .tsv or .mat");
        }
        OutputChecks.file(out, "--out");
        Path modelJson = Files.isDirectory(run) ? run.resolve(ModelFile.FILE_NAME) : run;
        if (Files.isRegularFile(modelJson)) {
            String kind = Baselines.kindOf(run);
            if (kind.equals(org.spiqgan.model.stationary.StationaryRun.KIND)) return generateStationary();
            if (!kind.startsWith("spiqgan")) return generateBaseline(kind);
        }
        ModelFile m = ModelFile.read(run);
        GeneratorConfig g = m.generator;
        OutputChecks.sampleArray(samples, g.neurons(), g.timesteps(), "--samples");
        if (sampling != null) {
            switch (sampling.toLowerCase(Locale.ROOT)) {
                case "born" -> g = g.withSampling(GeneratorConfig.Sampling.BORN);
                case "bernoulli" -> g = g.withSampling(GeneratorConfig.Sampling.BERNOULLI);
                default -> throw BadInputException.of(null, "--sampling", "must be born or bernoulli, not '" + sampling + "'");
            }
        }
        String which = checkpoint.equals("best") && m.state.bestParams != null ? "best checkpoint (step " + m.state.bestStep + ")"
                : "last EMA (step " + m.state.step + ")";
        GeneratorConfig cfg = g;
        int th = threads.resolve();
        SampleSet s = Progress.generate(spec.commandLine().getErr(), "generate", samples,
                (first, count) -> m.generate(cfg, checkpoint, count, seed, th, first));
        var d = m.data;
        Provenance p = new Provenance("spiqgan", run.toAbsolutePath().normalize().toString(), which + ", "
                + g.sampling().name().toLowerCase(Locale.ROOT) + " sampling", d.neuronIndices(), g.timesteps(), d.binMs(),
                d.source(), d.sha256(), seed, samples, BaselineCommand.commandLine(spec));
        SampleSetIO.write(out, s);
        p.write(out);
        spec.commandLine().getErr().printf(Locale.ROOT, "spiqgan: wrote %s samples (%s sampling, %s) to %s%n", s.shape(),
                g.sampling().name().toLowerCase(Locale.ROOT), which, out);
        return 0;
    }

    /** Stationary runs: free-running generation with burn-in from the best (or last) checkpoint. */
    private int generateStationary() throws Exception {
        if (sampling != null) {
            throw BadInputException.of(null, "--sampling", "applies to patch-model runs only; " + run + " is a stationary run (Born sampling)");
        }
        org.spiqgan.model.stationary.StationaryRun r = org.spiqgan.model.stationary.StationaryRun.read(run);
        OutputChecks.sampleArray(samples, r.neurons, r.timesteps, "--samples");
        int th = threads.resolve();
        boolean last = checkpoint.equals("last");
        SampleSet s = Progress.generate(spec.commandLine().getErr(), "generate", samples,
                (first, count) -> r.generate(count, seed, last, th, first));
        String which = checkpoint.equals("best") && r.state.best != null ? "best checkpoint (step " + r.state.bestStep + ")"
                : "last EMA (step " + r.state.step + ")";
        var d = r.data;
        Provenance p = new Provenance(org.spiqgan.model.stationary.StationaryRun.KIND, run.toAbsolutePath().normalize().toString(), which,
                d.neuronIndices(), r.timesteps, d.binMs(), d.source(), d.sha256(), seed, samples, BaselineCommand.commandLine(spec));
        SampleSetIO.write(out, s);
        p.write(out);
        spec.commandLine().getErr().printf(Locale.ROOT, "spiqgan: wrote %s samples (stationary generator, %s, seed %d) to %s%n",
                s.shape(), which, seed, out);
        return 0;
    }

    /** Baseline runs carry their own sampler; the SpiQGAN-only options do not apply to them. */
    private int generateBaseline(String kind) throws Exception {
        if (sampling != null) {
            throw BadInputException.of(null, "--sampling", "applies to SpiQGAN runs only; " + run + " is a " + kind + " run");
        }
        if (!checkpoint.equals("best")) {
            throw BadInputException.of(null, "--checkpoint", "applies to SpiQGAN runs only; " + run + " is a " + kind + " run");
        }
        Baseline b = Baselines.load(run);
        OutputChecks.sampleArray(samples, b.neurons(), b.timesteps(), "--samples");
        SampleSet s = Progress.step(spec.commandLine().getErr(), "generating " + samples + " samples of " + kind,
                () -> b.generate(samples, seed));
        Provenance p = BaselineCommand.provenance(run, kind, b, seed, samples, BaselineCommand.commandLine(spec));
        SampleSetIO.write(out, s);
        p.write(out);
        spec.commandLine().getErr().printf(Locale.ROOT, "spiqgan: wrote %s samples (%s, seed %d) to %s%n", s.shape(), kind, seed, out);
        return 0;
    }
}
