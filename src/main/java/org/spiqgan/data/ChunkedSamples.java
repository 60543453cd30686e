package org.spiqgan.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spiqgan.BadInputException;

/**
 * Draws any number of samples from a seeded sampler into one {@code .npy} file in chunks of about
 * {@link #CHUNK_VALUES} values, so that neither one array nor the heap has to hold them all
 * ({@link NpyStreamWriter}: atomic, nothing left behind on failure). Chunk 0 uses the seed itself, so up to one
 * chunk the file equals the in-memory {@code sampler.draw(S, seed)} written by {@link SampleSetIO#writeNpy};
 * chunk k &gt; 0 uses {@link #chunkSeed}, so a long file is reproducible from the seed too.
 */
public final class ChunkedSamples {
    /** Values (S x N x T) per chunk: 16 MiB of uint8. */
    public static final long CHUNK_VALUES = 1L << 24;

    private ChunkedSamples() {}

    /** A seeded sampler: {@code count} windows (count, N, T), reproducible from the seed. */
    @FunctionalInterface
    public interface Sampler {
        SampleSet draw(int count, long seed);
    }

    /** Samples per chunk for windows of N x T values (at least 1). */
    public static int chunkSamples(int neurons, int timesteps) {
        return (int) Math.max(1, CHUNK_VALUES / ((long) neurons * timesteps));
    }

    /** The seed of chunk k: the seed itself for k = 0, else a SplitMix64 mix of seed and k. */
    public static long chunkSeed(long seed, long chunk) {
        if (chunk == 0) return seed;
        long z = seed + chunk * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Fails with bad input (field {@code output}) unless the file system of {@code out} has room for the file. */
    public static void checkSpace(Path out, long samples, int neurons, int timesteps) {
        Path dir = out.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent();
        long free = Long.MAX_VALUE; // unknown: the write itself will tell
        if (dir != null) {
            try {
                free = Files.getFileStore(dir).getUsableSpace();
            } catch (IOException e) {
                // keep unknown
            }
        }
        checkSpace(out, samples, neurons, timesteps, free);
    }

    static void checkSpace(Path out, long samples, int neurons, int timesteps, long freeBytes) {
        long bytes;
        try {
            bytes = NpyStreamWriter.fileBytes(samples, neurons, timesteps);
        } catch (ArithmeticException e) {
            throw BadInputException.of(out, "output", samples + " samples of N = " + neurons + " x T = " + timesteps + " do not fit in one file");
        }
        if (bytes > freeBytes) {
            throw BadInputException.of(out, "output", String.format(Locale.ROOT, "%d samples of N = %d x T = %d need %.1f GB but its file system "
                    + "has %.1f GB free", samples, neurons, timesteps, bytes / 1e9, freeBytes / 1e9));
        }
    }

    /**
     * Writes {@code samples} windows drawn chunk by chunk into {@code out} (.npy). With a task name, a progress
     * bar (samples, ETA) on standard error; with null, silent.
     */
    public static void writeNpy(Path out, long samples, int neurons, int timesteps, long seed, Sampler sampler, String task) throws IOException {
        writeNpy(out, samples, neurons, timesteps, seed, sampler, task, chunkSamples(neurons, timesteps), () -> { });
    }

    /** Runs just before the finished file is renamed into place (a caller that must know when the file appears). */
    @FunctionalInterface
    public interface BeforeCommit {
        void run() throws InterruptedException;
    }

    /** As {@link #writeNpy(Path, long, int, int, long, Sampler, String)}, calling {@code beforeCommit} before the rename. */
    public static void writeNpy(Path out, long samples, int neurons, int timesteps, long seed, Sampler sampler, String task,
            BeforeCommit beforeCommit) throws IOException, InterruptedException {
        writeNpy(out, samples, neurons, timesteps, seed, sampler, task, chunkSamples(neurons, timesteps), beforeCommit);
    }

    static void writeNpy(Path out, long samples, int neurons, int timesteps, long seed, Sampler sampler, String task, int per)
            throws IOException {
        writeNpy(out, samples, neurons, timesteps, seed, sampler, task, per, () -> { });
    }

    private static void writeNpy(Path out, long samples, int neurons, int timesteps, long seed, Sampler sampler, String task, int per,
            BeforeCommit beforeCommit) throws IOException {
        try (NpyStreamWriter w = NpyStreamWriter.open(out, samples, neurons, timesteps);
             ProgressBar bar = task == null ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(samples)
                     .setUnit(" samples", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                     .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            long chunk = 0;
            while (w.written() < samples) {
                int count = (int) Math.min(per, samples - w.written());
                SampleSet part = sampler.draw(count, chunkSeed(seed, chunk++));
                if (part.samples() != count || part.neurons() != neurons || part.timesteps() != timesteps) {
                    throw new IllegalStateException("sampler gave " + part.shape() + " for (" + count + ", " + neurons + ", " + timesteps + ")");
                }
                w.append(part);
                if (bar != null) bar.stepTo(w.written());
            }
            try {
                beforeCommit.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted before " + out + " was complete");
            }
            w.commit();
        }
    }
}
