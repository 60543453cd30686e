package org.spiqgan.data;

import me.tongfei.progressbar.ProgressBar;

/** A progress bar on stderr for reads big enough to take seconds; silent otherwise (tests, small files). */
final class ReadProgress implements AutoCloseable {
    /** Elements above which a read shows progress (about a second of work). */
    static final long THRESHOLD = 50_000_000L;

    private final ProgressBar bar;

    private ReadProgress(ProgressBar bar) { this.bar = bar; }

    static ReadProgress start(String task, long max) {
        return new ReadProgress(max >= THRESHOLD ? new ProgressBar(task, max) : null);
    }

    void stepTo(long n) {
        if (bar != null) bar.stepTo(n);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
