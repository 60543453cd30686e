package org.spiqgan.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep, the unit of work of a Spark task: an id (its directory name), its specification (option
 * name without the dashes -> value, in grid order), its seed and the sweep's output folder. The run writes an
 * ordinary run directory {@code outDir/runs/runId}.
 *
 * <p>The specification is deliberately a plain ordered map of training options: when the library's run
 * specification exists, only {@link CliRunExecutor} changes.
 */
public final class RunTask implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final LinkedHashMap<String, String> spec;
    private final long seed;
    private final String outDir;

    public RunTask(String runId, Map<String, String> spec, long seed, String outDir) {
        this.runId = runId;
        this.spec = new LinkedHashMap<>(spec);
        this.seed = seed;
        this.outDir = outDir;
    }

    public String runId() { return runId; }
    public Map<String, String> spec() { return Collections.unmodifiableMap(spec); }
    public long seed() { return seed; }
    public String outDir() { return outDir; }

    /** The run's own directory: {@code outDir/runs/runId}. */
    public Path runDir() { return Path.of(outDir, "runs", runId); }

    @Override
    public String toString() { return runId + " " + spec + " seed " + seed; }
}
