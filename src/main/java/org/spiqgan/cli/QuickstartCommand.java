package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spiqgan quickstart}: the whole workflow in a few minutes on the built-in synthetic recording:
 * train a small SpiQGAN, generate samples from it, evaluate them against the held-out test split and
 * write the HTML report. Each stage is the ordinary command, so the printed commands can be rerun alone.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a small SpiQGAN on the built-in synthetic recording (4 neurons x 2 bins), generate, "
                + "evaluate against held-out data and write an HTML report (a few minutes on 2 cores).")
public final class QuickstartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "spiqgan-quickstart", paramLabel = "DIR",
            description = "Directory for the run, the samples and the report. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--steps", defaultValue = "400", description = "Training steps. Default: ${DEFAULT-VALUE}.")
    long steps;

    @Option(names = "--threads", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        OutputChecks.directory(out, "--out");
        if (Files.exists(out.resolve("run").resolve("model.json"))) {
            throw BadInputException.of(out, "--out", "already holds a quickstart run; remove it or choose another --out");
        }
        String run = out.resolve("run").toString();
        String samples = out.resolve("generated.npy").toString();
        String report = out.resolve("report").toString();
        List<String> train = new ArrayList<>(List.of("train", "--synthetic", "--neurons", "top:4", "--timesteps", "2",
                "--layers", "4", "--batch", "32", "--steps", Long.toString(steps), "--eval-every", "50",
                "--checkpoint-every", "100", "--seed", "1", "--out", run));
        if (threads != null) train.addAll(List.of("--threads", threads.toString()));
        String[][] stages = {
            train.toArray(new String[0]),
            {"generate", run, "--samples", "20000", "--seed", "2", "--out", samples},
            {"evaluate", "--synthetic", "--neurons", "top:4", "--timesteps", "2", "--generated", samples, "--name",
                "SpiQGAN", "--bernoulli", "--report", report, "--json", out.resolve("evaluation.json").toString()},
        };
        for (String[] stage : stages) {
            o.println();
            o.println("$ spiqgan " + String.join(" ", stage));
            o.flush();
            CommandLine cl = SpiqganCli.commandLine();
            cl.setOut(spec.commandLine().getOut());
            cl.setErr(spec.commandLine().getErr());
            int code = cl.execute(stage);
            if (code != 0) return code;
        }
        o.println();
        o.println("report: " + Path.of(report).resolve("index.html").toAbsolutePath());
        o.flush();
        return 0;
    }
}
