package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import org.spiqgan.model.AdversarialRun;

/**
 * The console side of an adversarial training ({@code train} and {@code baseline train}): the Ctrl-C hook,
 * the progress bar (or validation lines with --quiet) and the one-line message of an interrupted run.
 */
final class TrainingConsole {
    private TrainingConsole() {}

    /** A training driven by a listener and a stop flag. */
    interface Training {
        AdversarialRun.Outcome run(AdversarialRun.Listener listener, BooleanSupplier stop) throws Exception;
    }

    /**
     * Runs {@code training}; {@code checkpointStep} gives the step of the written checkpoint after an
     * interruption, or -1 when none was written (stopped in a pre-training phase).
     */
    static AdversarialRun.Outcome run(PrintWriter err, boolean quiet, String resumeCommand, Path dir, Training training,
            LongSupplier checkpointStep) throws Exception {
        AdversarialRun.Outcome o;
        try (Interruption stop = new Interruption()) {
            ProgressBar[] bar = {null};
            try {
                o = training.run(new AdversarialRun.Listener() {
                    @Override
                    public void log(String line) {
                        err.println(line);
                        err.flush();
                    }

                    @Override
                    public void started(long step, long total) {
                        if (!quiet) bar[0] = Interruption.trainingBar(step, total);
                    }

                    @Override
                    public void step(long step, String summary) {
                        if (bar[0] != null) {
                            bar[0].stepTo(step);
                            bar[0].setExtraMessage(summary);
                        }
                    }

                    @Override
                    public void validated(long step, String summary) {
                        if (bar[0] == null) {
                            err.println("step " + step + summary);
                            err.flush();
                        }
                    }
                }, stop::requested);
            } finally {
                if (bar[0] != null) bar[0].close();
            }
            // printed before a pending Ctrl-C lets the JVM exit, so that the message appears every time
            if (o == AdversarialRun.Outcome.INTERRUPTED) {
                long step = checkpointStep.getAsLong();
                if (step < 0) {
                    err.printf(Locale.ROOT, "spiqgan: interrupted during the likelihood pre-training, before the first checkpoint; "
                            + "nothing to resume: start the run again%n");
                } else {
                    err.printf(Locale.ROOT, "spiqgan: interrupted at step %d; checkpoint written to %s (continue with %s %s)%n",
                            step, dir.resolve("model.json"), resumeCommand, dir);
                }
                err.flush();
            }
        }
        return o;
    }
}
