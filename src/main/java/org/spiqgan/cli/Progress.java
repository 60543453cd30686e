package org.spiqgan.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spiqgan.data.SampleSet;

/** Progress of long generation steps, so that no step runs silently for more than a few seconds. */
final class Progress {
    private Progress() {}

    /** Makes samples first .. first + count - 1 of a sequence that does not depend on how it is cut. */
    @FunctionalInterface
    interface Chunk {
        SampleSet make(long first, int count);
    }

    /** Samples per part: a multiple of the generator's block of 1024, so parts give the bits of one call. */
    static final int PART = 8192;

    /**
     * Draws {@code samples} samples in parts with a progress bar on standard error (ETA included), then a
     * line with the time taken. The parts are concatenated, so the result equals one call of {@code chunk}.
     */
    static SampleSet generate(PrintWriter err, String task, int samples, Chunk chunk) {
        long t0 = System.nanoTime();
        SampleSet result = null;
        byte[] all = null;
        int n = 0, t = 0;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(samples).setUnit(" samples", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            for (int first = 0; first < samples; first += PART) {
                int count = Math.min(PART, samples - first);
                SampleSet part = chunk.make(first, count);
                if (count == samples) {
                    result = part;
                } else {
                    if (all == null) {
                        n = part.neurons();
                        t = part.timesteps();
                        all = new byte[Math.multiplyExact(Math.multiplyExact(samples, n), t)];
                    }
                    System.arraycopy(part.values(), 0, all, first * n * t, part.values().length);
                }
                bar.stepTo(first + count);
            }
        }
        if (result == null) result = new SampleSet(samples, n, t, all);
        err.printf(Locale.ROOT, "spiqgan: %s: %d samples in %.1f s%n", task, samples, (System.nanoTime() - t0) / 1e9);
        err.flush();
        return result;
    }

    /** A step that cannot be cut into parts: a line before it starts and one with the time it took. */
    static <T> T step(PrintWriter err, String what, java.util.function.Supplier<T> work) {
        err.printf(Locale.ROOT, "spiqgan: %s ...%n", what);
        err.flush();
        long t0 = System.nanoTime();
        T r = work.get();
        err.printf(Locale.ROOT, "spiqgan: %s: done in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
        err.flush();
        return r;
    }
}
