package org.spiqgan.model;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spiqgan.BadInputException;
import org.spiqgan.data.AtomicFile;

/**
 * One training run in a run directory: {@code model.json} (the model file, also the checkpoint) written
 * atomically every {@code checkpointEvery} steps, at the end, and on SIGTERM / Ctrl-C (a shutdown hook
 * lets the current step finish, writes the checkpoint, then lets the JVM exit); {@code metrics.jsonl}
 * rewritten with every validation. A diverging run stops with a message and leaves the last good
 * checkpoint in place.
 */
public final class TrainingRun {
    private final Path runDir;
    private final ModelFile model;
    private final TrainingData data;
    private final int threads;
    private final boolean progressBar;
    private volatile boolean stopRequested;

    public enum Outcome { FINISHED, INTERRUPTED }

    /** @param model configuration and (initial or resumed) state; its {@code state} may be null for a new run */
    public TrainingRun(Path runDir, ModelFile model, TrainingData data, int threads, boolean progressBar) {
        this.runDir = runDir;
        this.model = model;
        this.data = data;
        this.threads = threads;
        this.progressBar = progressBar;
    }

    public ModelFile model() { return model; }

    private java.util.function.Consumer<Outcome> onEnd;

    /**
     * Called with the outcome before a pending JVM shutdown (Ctrl-C, SIGTERM) is let go on, so that what it
     * prints is printed every time; the JVM may exit as soon as {@link #run} returns.
     */
    public TrainingRun onEnd(java.util.function.Consumer<Outcome> action) {
        this.onEnd = action;
        return this;
    }

    public Outcome run(PrintWriter err) throws IOException {
        Files.createDirectories(runDir);
        Path file = ModelFile.path(runDir);
        TrainConfig tc = model.training;
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested = true;
            try {
                saved.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spiqgan-checkpoint-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        Outcome[] outcome = {null};
        try (Trainer trainer = new Trainer(model.generator, tc, data, threads)) {
            if (model.state == null) {
                model.state = trainer.initialState(err == null ? null : line -> {
                    err.println(line);
                    err.flush();
                }, () -> stopRequested);
                if (model.state == null) {
                    // Stopped during pre-training: no checkpoint exists yet, so leave no empty run directory.
                    try {
                        Files.deleteIfExists(runDir);
                    } catch (java.nio.file.DirectoryNotEmptyException keep) {
                        // The user's own files are there; keep them.
                    }
                    return outcome[0] = Outcome.INTERRUPTED;
                }
            }
            TrainerState s = model.state;
            model.quantumParameters = trainer.generator().parameterCount();
            model.criticParameters = trainer.critic().parameterCount();
            model.status = "running";
            if (s.step == 0) checkpoint(file);
            ProgressBar bar = progressBar ? new ProgressBarBuilder().setTaskName("train").setInitialMax(tc.steps())
                    .setUnit(" steps", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, 160)).startsFrom(s.step, java.time.Duration.ZERO)
                    .build() : null;
            try {
                trainer.run(s, new Trainer.Listener() {
                    String lastVal = "";

                    @Override
                    public void step(TrainerState st, GeneratorObjective.Losses g, org.spiqgan.nn.WganGpResult c) {
                        if (bar != null) {
                            bar.stepTo(st.step);
                            bar.setExtraMessage(String.format(Locale.ROOT, "C %.3g G %.3g K %.2g%s", c.loss(), g.total(),
                                    g.kLoss(), lastVal));
                        }
                    }

                    @Override
                    public void validated(TrainerState st, JsonObject m) {
                        JsonObject v = m.has("validation") ? m.getAsJsonObject("validation") : null;
                        if (v != null) {
                            lastVal = String.format(Locale.ROOT, " | val@%d JS %s kMSE %s rMSE %s", st.step, num(v, "stateJs"),
                                    num(v, "kMse"), num(v, "rateMse"));
                        }
                        try {
                            writeMetrics(st.metrics);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        if (bar == null && err != null) {
                            err.println("step " + st.step + lastVal);
                            err.flush();
                        }
                    }

                    @Override
                    public void afterStep(TrainerState st) {
                        if (st.step % tc.checkpointEvery() == 0 && st.step < tc.steps()) {
                            try {
                                checkpoint(file);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                }, () -> stopRequested);
            } catch (DivergenceException e) {
                if (bar != null) bar.close();
                throw new BadInputException(e.getMessage() + "; kept the last good checkpoint " + file
                        + " (try lower --lr-g/--lr-c or a larger --batch)");
            } finally {
                if (bar != null) bar.close();
            }
            boolean done = s.step >= tc.steps();
            model.status = done ? "finished" : "interrupted";
            checkpoint(file);
            writeMetrics(s.metrics);
            return outcome[0] = done ? Outcome.FINISHED : Outcome.INTERRUPTED;
        } finally {
            try {
                if (onEnd != null && outcome[0] != null) onEnd.accept(outcome[0]);
            } finally {
                saved.countDown();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and has just been released
            }
        }
    }

    private static String num(JsonObject v, String k) {
        return v.get(k) == null || v.get(k).isJsonNull() ? "n/a" : String.format(Locale.ROOT, "%.3g", v.get(k).getAsDouble());
    }

    private void checkpoint(Path file) throws IOException {
        model.write(file);
    }

    private void writeMetrics(List<JsonObject> metrics) throws IOException {
        Gson g = new Gson();
        StringBuilder sb = new StringBuilder();
        for (JsonObject m : metrics) sb.append(g.toJson(m)).append('\n');
        AtomicFile.writeString(runDir.resolve("metrics.jsonl"), sb.toString());
    }
}
