package org.spiqgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import org.spiqgan.data.AtomicFile;
import org.spiqgan.model.QasmExportable;
import org.spiqgan.model.SpikeModel;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spiqgan export-qasm RUNDIR --patch G,T} (or {@code --group G} for a stationary run): one trained circuit as
 * OpenQASM, written by the model itself ({@link SpikeModel#qasmExport()}); models without circuits are refused.
 */
@Command(name = "export-qasm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write one trained circuit of a SpiQGAN run as OpenQASM 3 (latent z as input angles) or OpenQASM 2.0 "
                + "(z bound to --z values): a patch-model sub-generator (--patch G,T: neuron group and timestep, both 0-based) "
                + "or one bin of a stationary run (--group G). Baseline runs have no circuits.")
public final class ExportQasmCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "Run directory (or its model.json).")
    Path run;

    @Option(names = "--format", defaultValue = "3", description = "3 or 2. Default: ${DEFAULT-VALUE}.")
    int format;

    @Option(names = "--z", paramLabel = "Z1,Z2,...", description = "Input values bound in format 2: the latent z, each in the "
            + "model's range [0, z-max), then (autoregressive models) the previous pattern's bits, 0 or 1. "
            + "Default: z at the middle of the range, feedback bits 0.")
    String z;

    @Option(names = "--checkpoint", defaultValue = "best", converter = Choices.CheckpointChoice.class,
            description = "best or last. Default: ${DEFAULT-VALUE}.")
    Choices.Checkpoint checkpoint;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file. Default: standard output.")
    Path out;

    /** Options of a patch-model run (a section of the help). */
    static final class PatchRun {
        @Option(names = "--patch", paramLabel = "G,T", description = "Neuron group and timestep, 0-based (required).")
        String patch;
    }

    /** Options of a stationary run (a section of the help). */
    static final class StationaryRun {
        @Option(names = "--group", defaultValue = "0", paramLabel = "G", description = "Neuron group, 0-based. Default: ${DEFAULT-VALUE}.")
        int group;

        @Option(names = "--history-bits", paramLabel = "BITS",
                description = "The previous H patterns of all N neurons as H x N 0/1 characters, x_{t-1} first, "
                        + "each pattern led by the hidden units' bits when the model has them (default: all 0, the start of a window's burn-in).")
        String historyBits;
    }

    @ArgGroup(validate = false, heading = "%nPatch-model run:%n")
    PatchRun patchRun = new PatchRun();

    @ArgGroup(validate = false, heading = "%nStationary run:%n")
    StationaryRun stationaryRun = new StationaryRun();

    /** Writes the program to --out (atomically) or standard output. */
    private int emit(String text) throws java.io.IOException {
        if (out != null) {
            AtomicFile.writeString(out, text);
            spec.commandLine().getErr().println("spiqgan: wrote " + out);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        if (format != 2 && format != 3) throw BadInputException.of(null, "--format", "must be 3 or 2, not " + format);
        if (out != null) OutputChecks.file(out, "--out");
        SpikeModel m = RunModels.load(run, new RunModels.Options(checkpoint, null, 1));
        QasmExportable q = m.qasmExport().orElseThrow(() -> BadInputException.of(run, null, "a " + m.kind()
                + " run has no quantum circuits; export-qasm writes those of SpiQGAN runs (patch or stationary)"));
        var err = spec.commandLine().getErr();
        String text = q.qasm(new QasmExportable.Request(patchRun.patch, stationaryRun.group, format, z, stationaryRun.historyBits,
                "spiqgan export-qasm " + run.toAbsolutePath().normalize() + " --patch " + QasmExportable.CIRCUIT,
                w -> err.println("spiqgan: warning: " + SpiqganCli.optionWords(w))));
        err.flush();
        return emit(text);
    }
}
