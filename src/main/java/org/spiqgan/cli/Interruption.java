package org.spiqgan.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Ctrl-C and SIGTERM during training: a shutdown hook asks the training to stop (it checks
 * {@link #requested()} between steps), then holds the JVM until {@link #close()} says the checkpoint is
 * written and the last message printed (at most two minutes). The library trains; this is the console's part.
 */
final class Interruption implements AutoCloseable {
    private final CountDownLatch saved = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    Interruption() {
        hook = new Thread(() -> {
            requested = true;
            try {
                saved.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spiqgan-checkpoint-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once a stop was asked for. */
    boolean requested() { return requested; }

    /** Lets a pending shutdown go on: call after the checkpoint and the messages. */
    @Override
    public void close() {
        saved.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and has just been released
        }
    }

    /** The training progress bar on standard error, starting at {@code step} of {@code total}. */
    static ProgressBar trainingBar(long step, long total) {
        return new ProgressBarBuilder().setTaskName("train").setInitialMax(total).setUnit(" steps", 1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(System.err, 160))
                .startsFrom(step, java.time.Duration.ZERO).build();
    }
}
