package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import org.spiqgan.model.SpikeModel;
import org.spiqgan.model.TrainingRecord;
import org.spiqgan.report.TrainingCurves;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spiqgan info RUNDIR}: what a model file holds, as readable key: value lines ({@link SpikeModel#info()}). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a trained or fitted model: configuration, parameter counts, training data, metrics "
                + "(key: value lines); --report DIR writes the training curves (losses and validation numbers over steps).")
public final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "Run directory (or its model.json).")
    Path run;

    @Option(names = "--report", paramLabel = "DIR", description = "Write the training curves (losses and validation "
            + "numbers over generator steps) as PNG figures and DIR/index.html (trained models: SpiQGAN runs and baseline GANs).")
    Path report;

    @Override
    public Integer call() throws Exception {
        OutputChecks.directory(report, "--report");
        SpikeModel m = RunModels.load(run, new RunModels.Options(Choices.Checkpoint.BEST, null, 1));
        TrainingRecord record = report == null ? null : m.trainingRecord();
        if (report != null && record == null) {
            throw BadInputException.of(null, "--report", "training curves are written for trained models; " + run + " is a fitted "
                    + m.kind() + " model");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("model file: " + run);
        for (String line : m.info()) o.println(line);
        o.flush();
        if (report != null) spec.commandLine().getErr().println("spiqgan: wrote " + curves(record, run, report));
        return 0;
    }

    /** Writes the training curves of a trained run to DIR; returns DIR/index.html. */
    static Path writeCurves(Path run, Path dir) throws java.io.IOException {
        return curves(RunModels.load(run, new RunModels.Options(Choices.Checkpoint.BEST, null, 1)).trainingRecord(), run, dir);
    }

    private static Path curves(TrainingRecord r, Path run, Path dir) throws java.io.IOException {
        Path staged = OutputChecks.stage(dir);
        try {
            TrainingCurves.write(staged, r.rows(), r.pretrainNll(), "Training curves of " + run.toAbsolutePath().normalize());
            OutputChecks.commit(staged, dir);
        } finally {
            OutputChecks.discard(staged, dir);
        }
        return dir.resolve("index.html");
    }
}
