package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM in a command that computes for a while and then writes one output: the user is told in
 * one line that nothing was written, and a write that has already begun is let finish first, so the output is
 * either complete or absent (a killed JVM runs no finally block, which would leave the temporary file of an
 * atomic write). Streamed outputs ({@code NpyStreamWriter}) delete their own temporary file and need only the line.
 */
final class OutputNotice implements AutoCloseable {
    /** A write of a file already in memory takes well under a second; this bounds the wait on a stalled disk. */
    private static final long WRITE_WAIT_SECONDS = 60;

    private final PrintWriter err;
    private final Path out;
    private final Thread hook;
    private boolean stopping;
    private boolean writing;
    private boolean written;

    OutputNotice(PrintWriter err, Path out) {
        this.err = err;
        this.out = out;
        this.hook = new Thread(this::onStop, "spiqgan-output-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Marks the start of the write: from here a stop waits until {@link #written()}. If a stop has already been
     * asked for, the line saying nothing was written is out, so this thread must not begin: it waits for the exit.
     */
    synchronized void writing() throws InterruptedException {
        while (stopping) wait();
        writing = true;
    }

    /** The output is complete: a stop from now on prints nothing. */
    synchronized void written() {
        writing = false;
        written = true;
        notifyAll();
    }

    /** The shutdown hook's work; package-private so that a test can run it without stopping the JVM. */
    synchronized void onStop() {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WRITE_WAIT_SECONDS);
        try {
            while (writing && !written) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!written) {
            // a new line first: a progress bar may be mid-line (its own thread is still drawing it)
            err.printf(Locale.ROOT, "%nspiqgan: interrupted; nothing was written to %s%n", out);
            err.flush();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
    }
}
