package org.spiqgan.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Prints the sweep's progress on every task start and end: runs done / running / left and an ETA from the mean
 * time of the runs finished so far, and every failed attempt (which Spark retries).
 */
final class SweepProgress extends SparkListener {
    private final PrintStream log;
    private final List<RunTask> todo;
    private final int earlier;
    private final int total;
    private final int parallelism;
    private final long start = System.nanoTime();
    private int running;
    private int done;
    private int failedAttempts;
    private double finishedSeconds;

    SweepProgress(PrintStream log, List<RunTask> todo, int earlier, int total, int parallelism) {
        this.log = log;
        this.todo = todo;
        this.earlier = earlier;
        this.total = total;
        this.parallelism = Math.max(1, parallelism);
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart e) {
        running++;
        print("started " + runId(e.taskInfo().index()) + (e.taskInfo().attemptNumber() > 0 ? " (attempt " + (e.taskInfo().attemptNumber() + 1) + ")" : ""));
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        running = Math.max(0, running - 1);
        String id = runId(e.taskInfo().index());
        if (e.taskInfo().successful()) {
            done++;
            finishedSeconds += e.taskInfo().duration() / 1000.0;
            print("finished " + id);
        } else {
            failedAttempts++;
            print("attempt " + (e.taskInfo().attemptNumber() + 1) + " of " + id + " failed (" + e.reason().toString().split("\\R", 2)[0] + "); Spark retries it");
        }
    }

    private String runId(int index) {
        return index >= 0 && index < todo.size() ? todo.get(index).runId() : "task " + index;
    }

    private void print(String what) {
        // Spark's listener bus delivers events late and a start may come before the end that freed its slot
        int shown = Math.min(running, parallelism);
        int left = todo.size() - done - shown;
        String eta = "?";
        if (done > 0) {
            double mean = finishedSeconds / done;
            eta = clock(mean * (left + 0.5 * shown) / parallelism);
        }
        log.printf(Locale.ROOT, "spiqgan sweep: %s | %d/%d done, %d running, %d left, elapsed %s, ETA %s%n", what,
                earlier + done, total, shown, left, clock((System.nanoTime() - start) / 1e9), eta);
        log.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    synchronized int failedAttempts() { return failedAttempts; }
}
