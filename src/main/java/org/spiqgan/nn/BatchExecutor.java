package org.spiqgan.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the chunks of a batch on a fixed number of threads. A batch is always cut into chunks of
 * {@link #CHUNK} consecutive samples, whatever the thread count; each chunk accumulates into its own
 * buffers and the caller reduces the chunks in index order, so results are bitwise identical for any
 * number of threads.
 */
public final class BatchExecutor implements AutoCloseable {

    /** Samples per chunk; part of the summation order, so changing it changes results in the last bits. */
    public static final int CHUNK = 8;

    private static final BatchExecutor SERIAL = new BatchExecutor(1);

    private final int threads;
    private final ExecutorService pool;

    public BatchExecutor(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spiqgan-nn-batch");
            t.setDaemon(true);
            return t;
        });
    }

    /** The shared single-threaded executor (runs everything in the calling thread). */
    public static BatchExecutor serial() {
        return SERIAL;
    }

    public int threads() {
        return threads;
    }

    public static int chunks(int batch) {
        return (batch + CHUNK - 1) / CHUNK;
    }

    /** Calls {@code task.accept(c)} once for every chunk index c in [0, chunks) and waits for all. */
    public void run(int chunks, IntConsumer task) {
        if (pool == null || chunks <= 1) {
            for (int c = 0; c < chunks; c++) task.accept(c);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(threads, chunks);
        List<Future<?>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) task.accept(c);
            }));
        }
        try {
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            for (Future<?> f : futures) f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
