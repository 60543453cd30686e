package org.spiqgan.spark;

import java.io.Serializable;

/**
 * Runs one {@link RunTask} to the end (training, resumed when its directory holds a checkpoint; generation;
 * evaluation) and returns its row of the results. Throws when the run fails, so that Spark retries it.
 * Serializable: the driver ships it to the executors.
 */
public interface RunExecutor extends Serializable {
    RunResult run(RunTask task) throws Exception;
}
