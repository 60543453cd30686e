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
        description = "Train SpiQGAN's default model (the stationary autoregressive quantum generator) on the built-in "
                + "synthetic recording (10 neurons x 30 bins), generate, evaluate against held-out data and write an HTML report "
                + "(about a minute on 2 cores).")
public final class QuickstartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "spiqgan-quickstart", paramLabel = "DIR",
            description = "Directory for the run, the samples and the report. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--steps", defaultValue = "400", description = "Likelihood training steps. Default: ${DEFAULT-VALUE}.")
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
        List<String> train = new ArrayList<>(List.of("train", "--synthetic", "--neurons", "top:10", "--timesteps", "30",
                "--likelihood-steps", Long.toString(steps), "--refine-steps", "0", "--seed", "1", "--out", run));
        if (threads != null) train.addAll(List.of("--threads", threads.toString()));
        String[][] stages = {
            train.toArray(new String[0]),
            {"generate", run, "--samples", "10000", "--seed", "2", "--out", samples},
            {"evaluate", "--synthetic", "--neurons", "top:10", "--timesteps", "30", "--generated", samples, "--name",
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
        printVerdict(o, out.resolve("evaluation.json"));
        o.println("report: " + Path.of(report).resolve("index.html").toAbsolutePath());
        o.flush();
        return 0;
    }

    /**
     * What good looks like: each error as a multiple of the noise floor (the same error between the training and
     * the test split of the real data). Within 3x the model is about as close as another recording of the same
     * cells would be; independent neurons are printed beside it for scale.
     */
    static void printVerdict(PrintWriter o, Path evaluationJson) {
        try {
            var root = com.google.gson.JsonParser.parseString(Files.readString(evaluationJson)).getAsJsonObject();
            var models = root.getAsJsonArray("models");
            var model = models.get(0).getAsJsonObject().getAsJsonObject("ratios");
            var indep = models.size() > 1 ? models.get(models.size() - 1).getAsJsonObject().getAsJsonObject("ratios") : null;
            o.println("errors as multiples of the noise floor (<= 3: good, as close as held-out data; <= 10: fair; more: poor),");
            o.println("beside independent neurons at the same rates:");
            for (var e : org.spiqgan.stats.Comparison.Error.values()) {
                if (!model.has(e.key) || model.get(e.key).isJsonNull()) continue;
                double r = model.get(e.key).getAsDouble();
                String verdict = r <= 3 ? "good" : r <= 10 ? "fair" : "poor";
                String ind = indep != null && indep.has(e.key) && !indep.get(e.key).isJsonNull()
                        ? String.format(java.util.Locale.ROOT, "   (independent %.3g)", indep.get(e.key).getAsDouble()) : "";
                o.printf(java.util.Locale.ROOT, "  %-16s %8.3g  %s%s%n", e.label, r, verdict, ind);
            }
        } catch (java.io.IOException | RuntimeException e) {
            o.println("(could not read " + evaluationJson + ": " + e.getMessage() + ")");
        }
    }
}
