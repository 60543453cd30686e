package org.spiqgan.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.spiqgan.BadInputException;

/**
 * The sweep driver: checks the output folder against the grid, skips runs that finished earlier, runs the rest
 * as Spark tasks (one run per task; a run interrupted earlier resumes from its checkpoint), retries failed
 * tasks through Spark and reports those that failed on every attempt, then writes {@code results.csv} and
 * {@code results.json} from every run's {@code result.json}.
 */
public final class Sweep {
    /** Attempts per run (Spark's task.maxFailures; in local mode given as local[N,F]). */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final List<RunTask> tasks;
    private final Path out;
    private final String master;
    private final RunExecutor executor;
    private final int maxAttempts;
    private final PrintStream log;

    public Sweep(List<RunTask> tasks, Path out, String master, RunExecutor executor, int maxAttempts, PrintStream log) {
        this.tasks = List.copyOf(tasks);
        this.out = out.toAbsolutePath().normalize();
        this.master = master;
        this.executor = executor;
        this.maxAttempts = maxAttempts;
        this.log = log;
    }

    /** What a sweep did: its rows in grid order and how many runs it ran now. */
    public record Outcome(List<RunResult> rows, int ranNow, int failed) {}

    /**
     * Checks, before any work, every run's specification (by the executor) and that
     * {@code out} holds no run of another grid (a one-line {@link BadInputException} otherwise).
     */
    public static void check(List<RunTask> tasks, Path out, RunExecutor executor) {
        if (Files.exists(out) && !Files.isDirectory(out)) throw BadInputException.of(out, "--out", "is a file; expected a directory");
        for (RunTask t : tasks) {
            executor.check(t);
            Path taskFile = t.runDir().resolve("task.json");
            if (Files.exists(taskFile)) {
                try {
                    RunTask before = readTask(taskFile);
                    if (!before.spec().equals(t.spec()) || before.seed() != t.seed()) {
                        throw BadInputException.of(taskFile, "spec", "this folder holds run " + t.runId() + " of another grid ("
                                + before.spec() + " seed " + before.seed() + "); give another --out");
                    }
                } catch (IOException | RuntimeException e) {
                    if (e instanceof BadInputException b) throw b;
                    throw BadInputException.of(taskFile, null, "cannot be read (" + e.getMessage() + ")");
                }
            }
        }
    }

    public Outcome run() throws IOException {
        long start = System.nanoTime();
        check(tasks, out, executor);
        Files.createDirectories(out.resolve("runs"));
        List<RunTask> todo = new ArrayList<>();
        for (RunTask t : tasks) {
            Files.createDirectories(t.runDir());
            Path taskFile = t.runDir().resolve("task.json");
            if (!Files.exists(taskFile)) CliRunExecutor.writeAtomically(taskFile, taskJson(t));
            RunResult r = readResult(t);
            if (r == null || !r.ok()) todo.add(t);
        }
        int earlier = tasks.size() - todo.size();
        JsonObject about = new JsonObject();
        about.addProperty("runs", tasks.size());
        about.addProperty("master", master);
        about.addProperty("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        if (todo.isEmpty()) {
            log.printf(Locale.ROOT, "spiqgan sweep: all %d runs finished earlier; nothing to run, Spark not started%n", tasks.size());
        } else {
            log.printf(Locale.ROOT, "spiqgan sweep: %d runs, %d finished earlier, %d to run%n", tasks.size(), earlier, todo.size());
            runOnSpark(todo, earlier, about);
        }
        List<RunResult> rows = new ArrayList<>();
        int failed = 0;
        for (RunTask t : tasks) {
            RunResult r = readResult(t);
            if (r == null) r = RunResult.failed(t, new IllegalStateException("no result.json after the sweep"), 0);
            if (!r.ok()) failed++;
            rows.add(r);
        }
        ResultsTable.write(out, rows, about);
        log.printf(Locale.ROOT, "spiqgan sweep: wrote %s and %s (%d runs, %d ok, %d failed; %.1f s)%n", out.resolve("results.csv"),
                out.resolve("results.json"), rows.size(), rows.size() - failed, failed, (System.nanoTime() - start) / 1e9);
        for (RunResult r : rows) {
            if (!r.ok()) log.printf(Locale.ROOT, "spiqgan sweep: run %s FAILED after %d attempts: %s (log: %s)%n", r.runId, r.attempts,
                    r.message, out.resolve("runs").resolve(r.runId).resolve("log.txt"));
        }
        return new Outcome(rows, todo.size(), failed);
    }

    private void runOnSpark(List<RunTask> todo, int earlier, JsonObject about) throws IOException {
        String sparkMaster = withLocalRetries(master, maxAttempts);
        SparkConf conf = new SparkConf().setAppName("spiqgan sweep " + out.getFileName()).setMaster(sparkMaster)
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.task.maxFailures", Integer.toString(maxAttempts))
                // a run is long and one task; never run a second copy of it
                .set("spark.speculation", "false");
        if (sparkMaster.startsWith("local")) conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        // removed when the job ends, so that a JVM running several sweeps (tests, a library caller) keeps no stale hooks
        Thread stopHook = new Thread(() -> STOPPING.set(true), "spiqgan-sweep-stop");
        Runtime.getRuntime().addShutdownHook(stopHook);
        long t0 = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            double startup = (System.nanoTime() - t0) / 1e9;
            boolean local = sc.isLocal();
            log.printf(Locale.ROOT, "spiqgan sweep: Apache Spark %s started in %.1f s: master %s (%s), %d task slots%n", sc.version(),
                    startup, sparkMaster, local ? "Spark local mode: executors are threads of this JVM" : "cluster", sc.defaultParallelism());
            about.addProperty("sparkStartupSeconds", startup);
            about.addProperty("localMode", local);
            SweepProgress progress = new SweepProgress(log, todo, earlier, tasks.size(), sc.defaultParallelism());
            sc.sc().addSparkListener(progress);
            long job0 = System.nanoTime();
            List<String> rows;
            try {
                rows = sc.parallelize(todo, todo.size()).map(new Attempt(executor, maxAttempts)).collect();
            } catch (Exception e) { // SparkException is checked in Java's eyes, though collect() declares nothing
                if (!STOPPING.get()) throw Sweep.<RuntimeException>sneaky(e);
                // Ctrl-C or SIGTERM: Spark's own shutdown hook cancelled the job; say so in one line, not a stack trace
                log.println("spiqgan sweep: interrupted; finished runs are kept, and the same command again resumes the others "
                        + "from their last checkpoints");
                log.flush();
                throw new Interrupted();
            }
            // with the runs' own wall times in results.csv this gives Spark's per-task overhead (BENCHMARKS.md)
            about.addProperty("sparkJobSeconds", (System.nanoTime() - job0) / 1e9);
            about.addProperty("taskSlots", sc.defaultParallelism());
            for (String json : rows) {
                RunResult r = RunResult.fromJson(json);
                // the driver records failures too, so that a rerun retries them and results show them
                if (!r.ok()) CliRunExecutor.writeAtomically(out.resolve("runs").resolve(r.runId).resolve("result.json"), r.toJson() + "\n");
            }
            long t1 = System.nanoTime();
            sc.stop();
            about.addProperty("sparkStopSeconds", (System.nanoTime() - t1) / 1e9);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook has run
            }
        }
    }

    /** Set when the JVM begins to shut down (Ctrl-C, SIGTERM): a cancelled job is then an interruption, not a failure. */
    static final java.util.concurrent.atomic.AtomicBoolean STOPPING = new java.util.concurrent.atomic.AtomicBoolean();

    /** The sweep was interrupted; the message is printed already. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() { super("interrupted", null, false, false); }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Exception> T sneaky(Exception e) throws T {
        throw (T) e;
    }

    /** Local mode ignores spark.task.maxFailures; local[N] takes it as local[N,F]. */
    static String withLocalRetries(String master, int attempts) {
        Matcher m = Pattern.compile("local\\[([0-9]+|\\*)\\]").matcher(master);
        if (m.matches()) return "local[" + m.group(1) + "," + attempts + "]";
        if (master.equals("local")) return "local[1," + attempts + "]";
        return master;
    }

    /**
     * One attempt of one run, on an executor. A failure is thrown so that Spark retries the task, except on the
     * last attempt, where it becomes the run's failed row: a sweep never loses a run, and one bad run does not
     * abort the others.
     */
    static final class Attempt implements Function<RunTask, String> {
        private static final long serialVersionUID = 1L;
        private final RunExecutor executor;
        private final int maxAttempts;

        Attempt(RunExecutor executor, int maxAttempts) {
            this.executor = executor;
            this.maxAttempts = maxAttempts;
        }

        @Override
        public String call(RunTask task) throws Exception {
            TaskContext ctx = TaskContext.get();
            int attempt = ctx == null ? 0 : ctx.attemptNumber();
            try {
                RunResult r = executor.run(task);
                r.attempts = attempt + 1;
                String json = r.toJson();
                CliRunExecutor.writeAtomically(task.runDir().resolve("result.json"), json + "\n");
                return json;
            } catch (Exception | Error e) {
                if (STOPPING.get()) throw new Interrupted(); // the run stopped at its checkpoint; no trace to log
                if (attempt + 1 < maxAttempts) throw e;
                return RunResult.failed(task, e, attempt + 1).toJson();
            }
        }
    }

    static String taskJson(RunTask t) {
        JsonObject o = new JsonObject();
        o.addProperty("run", t.runId());
        o.addProperty("seed", t.seed());
        o.add("spec", RunResult.GSON.toJsonTree(t.spec()));
        return RunResult.GSON.toJson(o) + "\n";
    }

    static RunTask readTask(Path taskFile) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(taskFile)).getAsJsonObject();
        java.util.LinkedHashMap<String, String> spec = new java.util.LinkedHashMap<>();
        for (var e : o.getAsJsonObject("spec").entrySet()) spec.put(e.getKey(), e.getValue().getAsString());
        return new RunTask(o.get("run").getAsString(), spec, o.get("seed").getAsLong(), taskFile.getParent().getParent().getParent().toString());
    }

    private static RunResult readResult(RunTask t) throws IOException {
        Path f = t.runDir().resolve("result.json");
        if (!Files.exists(f)) return null;
        try {
            return RunResult.fromJson(Files.readString(f));
        } catch (RuntimeException e) {
            return null; // unreadable: run again
        }
    }
}
