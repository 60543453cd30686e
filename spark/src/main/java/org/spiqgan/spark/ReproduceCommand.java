package org.spiqgan.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spiqgan reproduce}: SPEC section 7's grid on {@link Sweep}, then the figures from its results in
 * {@code DIR/index.html} ({@link ReproduceReport}). Runs are named by their cell ({@code paper-N04-T05-k}) and
 * seeded by their position in the whole grid, so fig2, fig3 and all share runs and a second call retrains
 * nothing.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The paper's experiments (SPEC section 7) as one sweep on Apache Spark, then their figures in DIR/index.html "
                + "(PNG + SVG) and every run in DIR/results.csv.",
            "fig2: state distributions and JS divergence, N = 2, 4, 6, 8 at T = 1; fig3: statistics panels and rasters, N = 2, 10 at "
                + "T = 1, 5, 10, 30; s1/s2: MSE of P(k) / firing rate over N = 2..10 x T in {1,2,5,10,20,30}, K-loss vs standard and their "
                + "difference; params: trainable parameters against classical baselines; all: everything."})
final class ReproduceCommand implements Callable<Integer> {
    static final long GRID_SEED = 2024;

    @Parameters(index = "0", paramLabel = "WHAT", description = "fig2, fig3, s1, s2, params or all.")
    String target;

    @Option(names = "--budget", required = true, paramLabel = "B",
            description = "smoke (a few steps per run, for tests), quick (short training), paper (the paper's length; asks for --yes).")
    String budget;

    @Option(names = "--model", defaultValue = "paper", paramLabel = "M",
            description = "paper (the paper's patch generator, --preset paper), best (the default stationary model), both. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (a sweep folder; reused to resume).")
    Path out;

    @Option(names = "--data", paramLabel = "FILE", description = "The recording. Default: the built-in synthetic recording.")
    Path data;

    @Option(names = "--segment-length", paramLabel = "B", description = "Segment length of --data (e.g. 953 for the retina recording).")
    Integer segmentLength;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (as for sweep). Default: spark-submit's --master, else " + SweepCli.DEFAULT_MASTER + ".")
    String master;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "K", description = "Runs per cell (different seeds). Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--yes", description = "Start a paper-budget reproduction (hours of CPU) without asking.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        if (!List.of("fig2", "fig3", "s1", "s2", "params", "all").contains(target)) {
            throw BadInputException.of(null, "WHAT", "expected fig2, fig3, s1, s2, params or all, got " + target);
        }
        if (!List.of("smoke", "quick", "paper").contains(budget)) throw BadInputException.of(null, "--budget", "expected smoke, quick or paper, got " + budget);
        if (!List.of("paper", "best", "both").contains(model)) throw BadInputException.of(null, "--model", "expected paper, best or both, got " + model);
        if (seeds < 1) throw BadInputException.of(null, "--seeds", "must be at least 1, not " + seeds);
        if (data != null && !java.nio.file.Files.isRegularFile(data)) throw BadInputException.of(data, "--data", "no such file");
        Path dir = out.toAbsolutePath().normalize();
        List<String> models = model.equals("both") ? List.of("paper", "best") : List.of(model);
        List<RunTask> tasks = tasks(dir, models);
        double hours = PaperGrid.baselineCells(target).size() * PaperGrid.BASELINES.size() * 2 / 3600.0;
        for (String m : models) hours += PaperGrid.cpuHours(PaperGrid.cells(target, m), m, budget) * seeds;
        System.err.printf(Locale.ROOT, "spiqgan reproduce %s: %d runs (model %s, budget %s); estimated %s of training before skipping finished runs%n",
                target, tasks.size(), model, budget, PaperGrid.describe(hours));
        if (budget.equals("paper") && !yes) {
            throw BadInputException.of(null, "--budget", "paper takes about " + PaperGrid.describe(hours) + "; add --yes to start it");
        }
        Sweep.Outcome o = new Sweep(tasks, dir, SweepCli.master(master), new CliRunExecutor(), Sweep.DEFAULT_MAX_ATTEMPTS, System.err).run();
        long t0 = System.nanoTime();
        ReproduceReport report = new ReproduceReport(dir, target, models, o.rows());
        Path index = report.write();
        System.err.printf(Locale.ROOT, "spiqgan reproduce: wrote %s (%d figures drawn, %d unchanged, in %.1f s)%n", index, report.drawn(),
                report.unchanged(), (System.nanoTime() - t0) / 1e9);
        return o.failed() == 0 ? 0 : 1;
    }

    /** The runs of the target for these models (and the classical baselines for params/all), named by their cell. */
    List<RunTask> tasks(Path dir, List<String> models) {
        List<RunTask> tasks = new ArrayList<>();
        for (String m : models) {
            List<Map<String, String>> all = PaperGrid.cells("all", m);
            List<Map<String, String>> mine = PaperGrid.cells(target, m);
            for (int i = 0; i < all.size(); i++) {
                Map<String, String> cell = all.get(i);
                if (!mine.contains(cell)) continue;
                for (int k = 0; k < seeds; k++) {
                    LinkedHashMap<String, String> spec = new LinkedHashMap<>();
                    if (data != null) spec.put("data", data.toAbsolutePath().toString());
                    if (segmentLength != null) spec.put("segment-length", segmentLength.toString());
                    spec.putAll(cell);
                    spec.putAll(PaperGrid.budget(m, budget));
                    int n = Integer.parseInt(cell.get("neurons").substring(4));
                    String id = String.format(Locale.ROOT, "%s-N%02d-T%02d%s%s", m, n, Integer.parseInt(cell.get("timesteps")),
                            cell.containsKey("loss") ? "-" + cell.get("loss") : "", seeds > 1 ? "-s" + (k + 1) : "");
                    long seed = Grid.seed(GRID_SEED + (m.equals("paper") ? 0 : 1000), i * seeds + k);
                    tasks.add(new RunTask(id, spec, seed, dir.toString()));
                }
            }
        }
        // classical baselines for the parameters table: fitted once per cell (a fit is deterministic; only the
        // generated samples would differ between seeds), seeded by their position after the models' grids
        List<Map<String, String>> baseCells = PaperGrid.baselineCells(target);
        int position = 0;
        for (Map<String, String> cell : baseCells) {
            for (Map.Entry<String, Map<String, String>> b : PaperGrid.BASELINES.entrySet()) {
                LinkedHashMap<String, String> spec = new LinkedHashMap<>();
                if (data != null) spec.put("data", data.toAbsolutePath().toString());
                if (segmentLength != null) spec.put("segment-length", segmentLength.toString());
                spec.putAll(cell);
                spec.putAll(new java.util.TreeMap<>(b.getValue()));
                spec.put(CliRunExecutor.SAMPLES, PaperGrid.budget("best", budget).get(CliRunExecutor.SAMPLES));
                String id = String.format(Locale.ROOT, "base-%s-N%02d-T%02d", b.getKey(), Integer.parseInt(cell.get("neurons").substring(4)),
                        Integer.parseInt(cell.get("timesteps")));
                tasks.add(new RunTask(id, spec, Grid.seed(GRID_SEED + 2000, position++), dir.toString()));
            }
        }
        return tasks;
    }
}
