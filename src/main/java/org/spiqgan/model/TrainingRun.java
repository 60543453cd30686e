package org.spiqgan.model;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.spiqgan.BadInputException;
import org.spiqgan.data.AtomicFile;

/**
 * One training run in a run directory: {@code model.json} (the model file, also the checkpoint) written
 * atomically every {@code checkpointEvery} steps, at the end, and when the caller asks to stop (the current
 * step finishes, the checkpoint is written, {@link #run} returns {@link Outcome#INTERRUPTED});
 * {@code metrics.jsonl} rewritten with every validation. A diverging run stops with a message and leaves
 * the last good checkpoint in place. Console concerns (progress bars, Ctrl-C) are the caller's, fed by a
 * {@link Listener}, so that one JVM can run several trainings.
 */
public final class TrainingRun {
    private final Path runDir;
    private final ModelFile model;
    private final TrainingData data;
    private final int threads;

    public enum Outcome { FINISHED, INTERRUPTED }

    /** What a run reports while it trains. */
    public interface Listener {
        /** A line of the likelihood pre-training. */
        default void log(String line) {}

        /** The adversarial phase starts at {@code step} of {@code total}. */
        default void started(long step, long total) {}

        /** A generator step ended; {@code summary} holds its losses and the last validation. */
        default void step(long step, String summary) {}

        /** A validation ended; {@code summary} holds its numbers. */
        default void validated(long step, String summary) {}
    }

    /** @param model configuration and (initial or resumed) state; its {@code state} may be null for a new run */
    public TrainingRun(Path runDir, ModelFile model, TrainingData data, int threads) {
        this.runDir = runDir;
        this.model = model;
        this.data = data;
        this.threads = threads;
    }

    public ModelFile model() { return model; }

    /** Trains until the spec's steps or until {@code stop} says so (checked between steps). */
    public Outcome run(Listener listener, BooleanSupplier stop) throws IOException {
        Files.createDirectories(runDir);
        Path file = ModelFile.path(runDir);
        TrainConfig tc = model.training;
        try (Trainer trainer = new Trainer(model.generator, tc, data, threads)) {
            if (model.state == null) {
                model.state = trainer.initialState(listener::log, stop);
                if (model.state == null) {
                    // Stopped during pre-training: no checkpoint exists yet, so leave no empty run directory.
                    try {
                        Files.deleteIfExists(runDir);
                    } catch (java.nio.file.DirectoryNotEmptyException keep) {
                        // The user's own files are there; keep them.
                    }
                    return Outcome.INTERRUPTED;
                }
            }
            TrainerState s = model.state;
            model.quantumParameters = trainer.generator().parameterCount();
            model.criticParameters = trainer.critic().parameterCount();
            model.status = "running";
            if (s.step == 0) checkpoint(file);
            listener.started(s.step, tc.steps());
            try {
                trainer.run(s, new Trainer.Listener() {
                    String lastVal = "";

                    @Override
                    public void step(TrainerState st, GeneratorObjective.Losses g, org.spiqgan.nn.WganGpResult c) {
                        listener.step(st.step, String.format(Locale.ROOT, "C %.3g G %.3g K %.2g%s", c.loss(), g.total(), g.kLoss(), lastVal));
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
                        listener.validated(st.step, lastVal);
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
                }, stop);
            } catch (DivergenceException e) {
                throw new BadInputException(e.getMessage() + "; kept the last good checkpoint " + file
                        + " (try a lower field lrG and field lrC, or a larger field batch)");
            }
            boolean done = s.step >= tc.steps();
            model.status = done ? "finished" : "interrupted";
            checkpoint(file);
            writeMetrics(s.metrics);
            return done ? Outcome.FINISHED : Outcome.INTERRUPTED;
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
