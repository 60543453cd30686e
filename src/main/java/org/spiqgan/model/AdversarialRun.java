package org.spiqgan.model;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.spiqgan.BadInputException;
import org.spiqgan.data.AtomicFile;
import org.spiqgan.nn.WganGpResult;

/**
 * One adversarial training in a run directory, for every generator: the model file (also the checkpoint)
 * written atomically by the caller's {@link Checkpoint} every {@code checkpointEvery} steps, at the end, and
 * when the caller asks to stop (the current step finishes, the checkpoint is written, {@link Outcome#INTERRUPTED});
 * {@code metrics.jsonl} rewritten with every validation. A diverging run stops with a message and leaves the
 * last good checkpoint in place. Console concerns (progress bars, Ctrl-C) are the caller's, fed by a
 * {@link Listener}, so that one JVM can run several trainings.
 */
public final class AdversarialRun {
    public static final String METRICS_FILE = "metrics.jsonl";

    public enum Outcome { FINISHED, INTERRUPTED }

    /** What a run reports while it trains. */
    public interface Listener {
        /** A line of a pre-training phase. */
        default void log(String line) {}

        /** The adversarial phase starts at {@code step} of {@code total}. */
        default void started(long step, long total) {}

        /** A generator step ended; {@code summary} holds its losses and the last validation. */
        default void step(long step, String summary) {}

        /** A validation ended; {@code summary} holds its numbers. */
        default void validated(long step, String summary) {}
    }

    /** Writes the run's model file (atomically) with the state and a status: running, interrupted or finished. */
    public interface Checkpoint {
        void write(TrainerState state, String status) throws IOException;
    }

    private AdversarialRun() {}

    /** Trains {@code s} until {@code steps} or until {@code stop} says so (checked between steps). */
    public static Outcome run(Path runDir, AdversarialTrainer trainer, TrainerState s, long steps, long checkpointEvery,
            Checkpoint checkpoint, Listener listener, BooleanSupplier stop) throws IOException {
        Files.createDirectories(runDir);
        if (s.step == 0) checkpoint.write(s, "running");
        listener.started(s.step, steps);
        try {
            trainer.run(s, new AdversarialTrainer.Listener() {
                String lastVal = "";

                @Override
                public void step(TrainerState st, AdversarialTrainer.Losses g, WganGpResult c) {
                    listener.step(st.step, String.format(Locale.ROOT, "C %.3g G %.3g K %.2g%s", c.loss(), g.total(), g.kLoss(), lastVal));
                }

                @Override
                public void validated(TrainerState st, JsonObject m) {
                    JsonObject v = m.has("validation") ? m.getAsJsonObject("validation") : null;
                    if (v != null) {
                        lastVal = String.format(Locale.ROOT, " | val@%d score %s JS %s kMSE %s rMSE %s", st.step, num(v, "score"),
                                num(v, "stateJs"), num(v, "kMse"), num(v, "rateMse"));
                    }
                    try {
                        writeMetrics(runDir, st.metrics);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    listener.validated(st.step, lastVal);
                }

                @Override
                public void afterStep(TrainerState st) {
                    if (st.step % checkpointEvery == 0 && st.step < steps) {
                        try {
                            checkpoint.write(st, "running");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }, stop);
        } catch (DivergenceException e) {
            throw new BadInputException(e.getMessage() + "; kept the last good checkpoint in " + runDir
                    + " (try a lower field lrG and field lrC, or a larger field batch)");
        }
        boolean done = s.step >= steps;
        checkpoint.write(s, done ? "finished" : "interrupted");
        writeMetrics(runDir, s.metrics);
        return done ? Outcome.FINISHED : Outcome.INTERRUPTED;
    }

    private static String num(JsonObject v, String k) {
        return v.get(k) == null || v.get(k).isJsonNull() ? "n/a" : String.format(Locale.ROOT, "%.3g", v.get(k).getAsDouble());
    }

    private static void writeMetrics(Path runDir, List<JsonObject> metrics) throws IOException {
        Gson g = new Gson();
        StringBuilder sb = new StringBuilder();
        for (JsonObject m : metrics) sb.append(g.toJson(m)).append('\n');
        AtomicFile.writeString(runDir.resolve(METRICS_FILE), sb.toString());
    }
}
