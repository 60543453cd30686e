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
        // The calling thread works too (see run), so the pool has one thread fewer.
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
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
        // The caller takes chunks alongside the helpers instead of waiting for them: one hand-off fewer per
        // call, and its core stays busy (a patch-model training step makes about 20 calls, a third of 8 chunks).
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            try {
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) task.accept(c);
            } catch (RuntimeException | Error e) {
                next.set(chunks); // after a failure anywhere, no thread takes a new chunk
                throw e;
            }
        };
        int helpers = Math.min(threads, chunks) - 1;
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int w = 0; w < helpers; w++) futures.add(pool.submit(loop));
        Throwable failure = null;
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            // Wait for every helper even after a failure, so no chunk of this call runs into the next one.
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    next.set(chunks);
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            if (failure == null) throw new IllegalStateException("interrupted while evaluating a batch");
        }
        if (failure instanceof RuntimeException) throw (RuntimeException) failure;
        if (failure instanceof Error) throw (Error) failure;
        if (failure != null) throw new IllegalStateException(failure);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
