package org.spiqgan.spark;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code results.csv}/{@code results.json}: the run's id, specification and seed, trainable
 * parameters, every statistic's error and its ratio to the noise floor, wall and CPU time, attempts and status
 * ({@code ok} or {@code failed}, with the error message).
 */
public final class RunResult implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Gson GSON = new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues().create();

    /** The statistics in the order of SPEC section 5 (names as {@code evaluate --json} writes them). */
    public static final String[] STATISTICS = {"rateMse", "covarianceMse", "kProbabilityMse", "autocorrelogramMse",
        "lagCovarianceMse", "stateJsBits"};

    public String runId;
    public LinkedHashMap<String, String> spec = new LinkedHashMap<>();
    public long seed;
    public Long trainableParameters;
    public LinkedHashMap<String, Double> errors = new LinkedHashMap<>();
    public LinkedHashMap<String, Double> ratios = new LinkedHashMap<>();
    public double wallSeconds;
    public double cpuSeconds;
    public int attempts;
    public String status;
    public String message;

    public static RunResult of(RunTask task) {
        RunResult r = new RunResult();
        r.runId = task.runId();
        r.spec.putAll(task.spec());
        r.seed = task.seed();
        return r;
    }

    /** The row of a run that failed on its last attempt: reported, never dropped. */
    public static RunResult failed(RunTask task, Throwable error, int attempts) {
        RunResult r = of(task);
        r.status = "failed";
        r.attempts = attempts;
        String m = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        r.message = m.strip().replaceAll("\\s*\\R\\s*", " ");
        return r;
    }

    public boolean ok() { return "ok".equals(status); }

    public String toJson() { return GSON.toJson(this); }

    public static RunResult fromJson(String json) { return GSON.fromJson(json, RunResult.class); }

    /** Every statistic's value, null where it does not apply (e.g. autocorrelogram at T = 1). */
    static Map<String, Double> ordered(Map<String, Double> m) {
        LinkedHashMap<String, Double> o = new LinkedHashMap<>();
        for (String s : STATISTICS) o.put(s, m == null ? null : m.get(s));
        return o;
    }
}
