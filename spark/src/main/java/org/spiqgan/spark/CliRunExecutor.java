package org.spiqgan.spark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spiqgan.cli.SpiqganCli;
import picocli.CommandLine;

/**
 * The adapter from a {@link RunTask} to the core: runs {@code train} (with {@code --resume} when the run
 * directory holds an unfinished checkpoint), {@code generate} and {@code evaluate --json} in-process through the
 * CLI, and reads the evaluation. This is the one class that knows how a specification becomes a run; it is to
 * be replaced by the library's run specification (TrainSpec/DataSpec) when that exists.
 *
 * <p>Specification fields are {@code train} options without the dashes ({@code "neurons": "top:4"} gives
 * {@code --neurons top:4}; {@code true} gives the bare flag, {@code false} omits it), except {@link #SAMPLES}
 * (samples to generate and evaluate). The data options among them are also given to {@code evaluate}, which
 * judges the samples against the test split of the same data. Every run uses {@code --threads 1}: a sweep's
 * parallelism is its Spark tasks.
 */
public final class CliRunExecutor implements RunExecutor {
    private static final long serialVersionUID = 1L;

    /** Specification field that is not a train option: how many samples to generate and evaluate. */
    public static final String SAMPLES = "samples";
    static final int DEFAULT_SAMPLES = 4096;

    /**
     * Specification field that makes the run a classical baseline fit instead of a training run: its value is the
     * model of {@code spiqgan baseline fit} ({@code bernoulli}, {@code dg}, {@code maxent}); the other fields are
     * that command's options ({@code "model": "pairwise"}, {@code "stimulus-locked": true}, data options).
     */
    public static final String BASELINE = "baseline";

    /** Fields the sweep sets itself. */
    static final Set<String> RESERVED = Set.of("seed", "out", "resume", "threads", "help", "version");

    /** The data options (docs/data.md) that also choose the evaluated data; "data" is the recording. */
    private static final Set<String> DATA_OPTIONS = Set.of("var", "layout", "bin-ms", "segment-length", "start", "stop",
            "binarize", "neurons", "timesteps", "T", "train-fraction", "validation-fraction", "synthetic", "synthetic-seed");

    /** The train command line of a specification (without seed, threads and out), checked by the driver up front. */
    static List<String> trainOptions(Map<String, String> spec) {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> e : spec.entrySet()) {
            if (e.getKey().equals(SAMPLES) || e.getKey().equals(BASELINE)) continue;
            addOption(args, e.getKey(), e.getValue());
        }
        return args;
    }

    private static void addOption(List<String> args, String key, String value) {
        String flag = (key.length() == 1 ? "-" : "--") + key;
        if ("true".equals(value)) {
            args.add(flag);
        } else if (!"false".equals(value)) {
            args.add(flag);
            args.add(value);
        }
    }

    static int samples(Map<String, String> spec) {
        String s = spec.get(SAMPLES);
        return s == null ? DEFAULT_SAMPLES : Integer.parseInt(s);
    }

    /** Built once per driver: building the whole command line for each of a hundred runs took most of a minute. */
    private transient CommandLine checker;

    /** The specification must make a valid {@code train} command line and a valid sample count. */
    @Override
    public void check(RunTask t) {
        String baseline = t.spec().get(BASELINE);
        List<String> args = new ArrayList<>(baseline == null ? List.of("train") : List.of("baseline", "fit", baseline));
        args.addAll(trainOptions(t.spec()));
        if (baseline != null) args.addAll(List.of("--out", t.runDir().toString())); // required there; parsed, not used
        try {
            if (checker == null) checker = SpiqganCli.commandLine();
            checker.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw org.spiqgan.BadInputException.of(null, "run " + t.runId() + " " + t.spec(), "is not a valid " + (baseline == null ? "train" : "baseline fit")
                    + " command line: " + e.getMessage());
        }
        String s = t.spec().get(SAMPLES);
        if (s != null && !s.matches("[1-9][0-9]{0,8}")) {
            throw org.spiqgan.BadInputException.of(null, "run " + t.runId() + ".samples", "expected a positive integer, got " + s);
        }
    }

    @Override
    public RunResult run(RunTask task) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
        long wall0 = System.nanoTime();
        Path dir = task.runDir();
        Files.createDirectories(dir);
        ThreadRoutedOutput.install();
        try (OutputStream logFile = Files.newOutputStream(dir.resolve("log.txt"), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             PrintStream log = new PrintStream(logFile, true, StandardCharsets.UTF_8)) {
            ThreadRoutedOutput.route(log);
            try {
                String baseline = task.spec().get(BASELINE);
                if (baseline == null) train(task, dir, log); else fit(task, baseline, dir, log);
                Path samples = dir.resolve("samples.npy");
                Files.deleteIfExists(samples);
                Files.deleteIfExists(dir.resolve("samples.npy.json"));
                List<String> generate = new ArrayList<>(baseline == null ? List.of("generate") : List.of("baseline", "generate"));
                generate.addAll(List.of(dir.toString(), "--samples", Integer.toString(samples(task.spec())),
                        "--seed", Long.toString(task.seed()), "--out", samples.toString()));
                cli(log, generate.toArray(String[]::new));
                Path evaluation = dir.resolve("evaluation.json");
                Files.deleteIfExists(evaluation);
                List<String> eval = new ArrayList<>(List.of("evaluate"));
                String data = task.spec().get("data");
                if (data != null) {
                    eval.add("--real");
                    eval.add(data);
                } else if (!"true".equals(task.spec().get("synthetic"))) {
                    eval.add("--synthetic");
                }
                for (Map.Entry<String, String> e : task.spec().entrySet()) {
                    if (DATA_OPTIONS.contains(e.getKey())) addOption(eval, e.getKey(), e.getValue());
                }
                eval.addAll(List.of("--generated", samples.toString(), "--json", evaluation.toString()));
                cli(log, eval.toArray(String[]::new));
                RunResult r = RunResult.of(task);
                readEvaluation(evaluation, r);
                r.trainableParameters = trainableParameters(dir.resolve("model.json"));
                r.wallSeconds = (System.nanoTime() - wall0) / 1e9;
                r.cpuSeconds = mx.isCurrentThreadCpuTimeSupported() ? (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 : Double.NaN;
                r.status = "ok";
                return r;
            } finally {
                ThreadRoutedOutput.clear();
            }
        }
    }

    /** Trains, resumes the checkpoint of an interrupted attempt, or does nothing when training finished. */
    private static void train(RunTask task, Path dir, PrintStream log) throws IOException {
        Path model = dir.resolve("model.json");
        if (Files.exists(model)) {
            String status = JsonParser.parseString(Files.readString(model)).getAsJsonObject().get("status").getAsString();
            if ("finished".equals(status)) {
                log.println("spiqgan sweep: training finished earlier; not retrained");
                return;
            }
            log.println("spiqgan sweep: resuming from the checkpoint in " + model);
            cli(log, "train", "--resume", dir.toString(), "--threads", "1");
            return;
        }
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(trainOptions(task.spec()));
        args.addAll(List.of("--seed", Long.toString(task.seed()), "--threads", "1", "--out", dir.toString()));
        cli(log, args.toArray(String[]::new));
    }

    /** Fits a classical baseline, or does nothing when an earlier attempt wrote its model (written atomically). */
    private static void fit(RunTask task, String baseline, Path dir, PrintStream log) {
        if (Files.exists(dir.resolve("model.json"))) {
            log.println("spiqgan sweep: baseline fitted earlier; not refitted");
            return;
        }
        List<String> args = new ArrayList<>(List.of("baseline", "fit", baseline));
        args.addAll(trainOptions(task.spec()));
        args.addAll(List.of("--out", dir.toString()));
        cli(log, args.toArray(String[]::new));
    }

    private static void cli(PrintStream log, String... args) {
        log.println("spiqgan sweep: spiqgan " + String.join(" ", args));
        CommandLine cl = SpiqganCli.commandLine();
        PrintWriter w = new PrintWriter(log, true);
        cl.setOut(w);
        cl.setErr(w);
        int status = cl.execute(args);
        w.flush();
        if (status != 0) {
            throw new IllegalStateException("spiqgan " + args[0] + " exited with status " + status + " (see the run's log.txt)");
        }
    }

    private static void readEvaluation(Path evaluation, RunResult r) throws IOException {
        JsonObject model = JsonParser.parseString(Files.readString(evaluation)).getAsJsonObject()
                .getAsJsonArray("models").get(0).getAsJsonObject();
        for (String s : RunResult.STATISTICS) {
            r.errors.put(s, number(model.getAsJsonObject("errors").get(s)));
            r.ratios.put(s, number(model.getAsJsonObject("ratios").get(s)));
        }
    }

    private static Double number(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsDouble();
    }

    /** Quantum parameters the model trains (stationary: trainableParameters; patch: quantumParameters). */
    private static Long trainableParameters(Path model) throws IOException {
        JsonObject m = JsonParser.parseString(Files.readString(model)).getAsJsonObject();
        for (String k : new String[] {"trainableParameters", "quantumParameters"}) {
            if (m.has(k) && m.get(k).isJsonPrimitive()) return m.get(k).getAsLong();
        }
        return null;
    }

    /** Writes {@code text} to {@code file} through a temporary file and a rename: never half a file. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
