package org.spiqgan.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark module's command line, run by {@code ./spiqgan sweep ...} and {@code ./spiqgan reproduce ...} (and by
 * spark-submit on a cluster). Exit status: 0 when every run finished, 1 when some run failed on every attempt
 * (reported, with its log), 2 on bad input (one line, nothing written).
 */
@Command(name = "spiqgan", mixinStandardHelpOptions = true, subcommands = {CommandLine.HelpCommand.class, SweepCli.SweepCommand.class,
        ReproduceCommand.class},
        description = "Sweeps of training runs on Apache Spark (local mode by default).")
public final class SweepCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** Default master: Spark local mode on at most two cores (the runs inside use one thread each). */
    static final String DEFAULT_MASTER = "local[2]";

    /** The --master given, else the one spark-submit passes (system property spark.master), else local mode on 2 cores. */
    static String master(String option) {
        if (option != null) return option;
        return System.getProperty("spark.master", DEFAULT_MASTER);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SweepCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof BadInputException) {
                cmd.getErr().println("spiqgan: " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
                cmd.getErr().flush();
                return 2;
            }
            if (ex instanceof Sweep.Interrupted) return 130; // the sweep printed its one line
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("spiqgan: " + String.valueOf(ex.getMessage()).strip() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return cl;
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run a grid of training runs on Apache Spark, one run per task, each an ordinary run directory "
                    + "DIR/runs/rNNNN (trained, generated, evaluated), and collect DIR/results.csv, DIR/results.json and DIR/index.html (figures).",
                "Running it again skips finished runs and resumes interrupted ones from their checkpoints. Grid format: docs/sweeps.md."})
    static final class SweepCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "GRID.json", description = "The grid: fixed fields, fields -> lists (cartesian product), explicit runs, seed.")
        Path grid;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, reachable by every executor (created; reused to resume).")
        Path out;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master: local[N] / local[*] (local mode), spark://HOST:PORT, yarn, k8s://... Default: spark-submit's --master, else " + DEFAULT_MASTER + ".")
        String master;

        @Option(names = "--seeds", defaultValue = "1", paramLabel = "K", description = "Repeat every grid cell K times with different seeds. Default: ${DEFAULT-VALUE}.")
        int seeds;

        @Option(names = "--budget", paramLabel = "B",
                description = "smoke, quick or paper: the training length and sample count of reproduce's budgets, added to every run that "
                        + "does not set them itself (docs/sweeps.md). Default: none (the grid's own fields only).")
        String budget;

        @Option(names = "--max-attempts", defaultValue = "" + Sweep.DEFAULT_MAX_ATTEMPTS, paramLabel = "A",
                description = "Attempts per run before it is reported as failed (Spark's task.maxFailures). Default: ${DEFAULT-VALUE}.")
        int maxAttempts;

        @Override
        public Integer call() throws Exception {
            if (maxAttempts < 1) throw BadInputException.of(null, "--max-attempts", "must be at least 1, not " + maxAttempts);
            Path dir = out.toAbsolutePath().normalize();
            if (budget != null && !List.of("smoke", "quick", "paper").contains(budget)) {
                throw BadInputException.of(null, "--budget", "expected smoke, quick or paper, got " + budget);
            }
            List<RunTask> tasks = Grid.read(grid, seeds, dir.toString());
            if (budget != null) tasks = withBudget(tasks, budget);
            Sweep.Outcome o = new Sweep(tasks, dir, SweepCli.master(master), new CliRunExecutor(), maxAttempts, System.err).run();
            long t0 = System.nanoTime();
            SweepReport report = new SweepReport(dir, o.rows());
            java.nio.file.Path index = report.write();
            System.err.printf(java.util.Locale.ROOT, "spiqgan sweep: wrote %s (%d figures drawn, %d unchanged, in %.1f s)%n", index, report.drawn(),
                    report.unchanged(), (System.nanoTime() - t0) / 1e9);
            return o.failed() == 0 ? 0 : 1;
        }

        /**
         * Adds a budget's fields to every run that does not set them: the patch model's (steps, pretrain, batch, ...)
         * to runs with {@code "preset": "paper"} or their own {@code steps}/{@code pretrain}, the stationary model's
         * to the other training runs, only the sample count to baseline fits.
         */
        static List<RunTask> withBudget(List<RunTask> tasks, String budget) {
            List<RunTask> out = new java.util.ArrayList<>();
            for (RunTask t : tasks) {
                java.util.Map<String, String> spec = t.spec();
                boolean patch = "paper".equals(spec.get("preset")) || spec.containsKey("steps") || spec.containsKey("pretrain");
                java.util.Map<String, String> b = new java.util.LinkedHashMap<>(PaperGrid.budget(patch ? "paper" : "best", budget));
                b.remove("preset");
                if (spec.containsKey(CliRunExecutor.BASELINE)) b.keySet().retainAll(java.util.Set.of(CliRunExecutor.SAMPLES));
                java.util.LinkedHashMap<String, String> merged = new java.util.LinkedHashMap<>(spec);
                b.forEach(merged::putIfAbsent);
                out.add(new RunTask(t.runId(), merged, t.seed(), t.outDir()));
            }
            return out;
        }
    }
}
