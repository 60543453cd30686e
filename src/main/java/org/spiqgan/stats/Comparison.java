package org.spiqgan.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Errors of one set of statistics against a reference (SPEC.md section 5): the MSE of statistics 1-5
 * and the Jensen-Shannon divergence (bits) of the spiking-state distributions. An error that cannot be
 * computed (no lags when T = 1, no states when N > 20) is NaN, and {@link #notes()} says why.
 */
public final class Comparison {
    /**
     * The registered statistics in table order, with the names used in tables and JSON. A new statistic is
     * one {@link Statistic} class and one line here; tables, JSON and figures iterate this list.
     */
    public enum Error {
        RATE("rate MSE", "rateMse", new RateStatistic()),
        COVARIANCE("cov MSE", "covarianceMse", new CovarianceStatistic()),
        K_PROBABILITY("P(k) MSE", "kProbabilityMse", new KProbabilityStatistic()),
        ACG("ACG MSE", "autocorrelogramMse", new AutocorrelogramStatistic()),
        LAG_COVARIANCE("lag-cov MSE", "lagCovarianceMse", new LagCovarianceStatistic()),
        STATE_JS("state JS (bits)", "stateJsBits", new StateDistributionStatistic());

        public final String label;
        public final String key;
        public final Statistic statistic;

        Error(String label, String key, Statistic statistic) {
            this.label = label;
            this.key = key;
            this.statistic = statistic;
        }
    }

    private final double[] values = new double[Error.values().length];
    private final List<String> notes = new ArrayList<>();

    private Comparison() {}

    public static Comparison of(Statistics model, Statistics reference) {
        if (model.neurons() != reference.neurons() || model.timesteps() != reference.timesteps()) {
            throw new IllegalArgumentException("shapes differ: N = " + model.neurons() + ", T = " + model.timesteps()
                    + " vs N = " + reference.neurons() + ", T = " + reference.timesteps());
        }
        Comparison c = new Comparison();
        for (Error e : Error.values()) {
            c.set(e, e.statistic.error(model, reference));
            String why = e.statistic.unavailable(model, reference);
            if (why != null) c.notes.add(why);
        }
        return c;
    }

    private void set(Error e, double v) { values[e.ordinal()] = v; }

    public double get(Error e) { return values[e.ordinal()]; }

    public double rateMse() { return get(Error.RATE); }
    public double covarianceMse() { return get(Error.COVARIANCE); }
    public double kProbabilityMse() { return get(Error.K_PROBABILITY); }
    public double acgMse() { return get(Error.ACG); }
    public double lagCovarianceMse() { return get(Error.LAG_COVARIANCE); }
    public double stateJsBits() { return get(Error.STATE_JS); }

    /** Why some errors are NaN (empty when all were computed). */
    public List<String> notes() { return Collections.unmodifiableList(notes); }
}
