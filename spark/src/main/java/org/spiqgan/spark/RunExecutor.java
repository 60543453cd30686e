package org.spiqgan.spark;

import java.io.Serializable;

/**
 * Runs one {@link RunTask} to the end (training, resumed when its directory holds a checkpoint; generation;
 * evaluation) and returns its row of the results. Throws when the run fails, so that Spark retries it.
 * Serializable: the driver ships it to the executors.
 */
public interface RunExecutor extends Serializable {
    RunResult run(RunTask task) throws Exception;

    /** Checks a task's specification before any work (one-line {@link org.spiqgan.BadInputException}). */
    default void check(RunTask task) {}
}
