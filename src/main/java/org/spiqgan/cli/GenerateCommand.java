package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import org.spiqgan.data.Provenance;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.model.SpikeModel;
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

    @Option(names = "--sampling", converter = Choices.Sampling.class, description = "born or bernoulli. Default: the model's.")
    org.spiqgan.model.GeneratorConfig.Sampling sampling;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--checkpoint", defaultValue = "best", converter = Choices.CheckpointChoice.class,
            description = "best (best validation score) or last. Default: ${DEFAULT-VALUE}.")
    Choices.Checkpoint checkpoint;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--out", required = true, paramLabel = "G.npy", description = "Output: .npy, .csv, .tsv or .mat.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (samples < 1) throw BadInputException.of(null, "--samples", "must be at least 1");
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".npy") || name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".mat"))) {
            throw BadInputException.of(out, "--out", "must end in .npy, .csv, .tsv or .mat");
        }
        OutputChecks.file(out, "--out");
        SpikeModel m = RunModels.load(run, new RunModels.Options(checkpoint, sampling, threads.resolve()));
        OutputChecks.sampleArray(samples, m.neurons(), m.timesteps(), "--samples");
        PrintWriter err = spec.commandLine().getErr();
        try (OutputNotice notice = new OutputNotice(err, out)) {
            SampleSet s = RunModels.generate(err, m, samples, seed);
            Provenance p = RunModels.provenance(run, m, seed, samples, BaselineCommand.commandLine(spec));
            notice.writing();
            SampleSetIO.write(out, s);
            p.write(out);
            notice.written();
            err.printf(Locale.ROOT, "spiqgan: wrote %s samples (%s) to %s%n", s.shape(), m.generationNote(seed), out);
        }
        return 0;
    }
}
