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
    /** The compared quantities in table order, with the names used in tables and JSON. */
    public enum Error {
        RATE("rate MSE", "rateMse"),
        COVARIANCE("cov MSE", "covarianceMse"),
        K_PROBABILITY("P(k) MSE", "kProbabilityMse"),
        ACG("ACG MSE", "autocorrelogramMse"),
        LAG_COVARIANCE("lag-cov MSE", "lagCovarianceMse"),
        STATE_JS("state JS (bits)", "stateJsBits");

        public final String label;
        public final String key;

        Error(String label, String key) {
            this.label = label;
            this.key = key;
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
        c.set(Error.RATE, Divergences.mse(model.firingProbability(), reference.firingProbability()));
        c.set(Error.COVARIANCE, model.neurons() < 2 ? Double.NaN
                : Divergences.mse(model.offDiagonalCovariances(), reference.offDiagonalCovariances()));
        if (model.neurons() < 2) c.notes.add("covariance needs N >= 2");
        c.set(Error.K_PROBABILITY, Divergences.mse(model.kProbability(), reference.kProbability()));
        c.set(Error.ACG, Divergences.mse(model.autocorrelogram(), reference.autocorrelogram()));
        c.set(Error.LAG_COVARIANCE, Divergences.mse(model.lagCovarianceFlat(), reference.lagCovarianceFlat()));
        if (model.timesteps() < 2) c.notes.add("autocorrelogram and lag-1 covariance need T >= 2");
        if (model.hasStates() && reference.hasStates()) {
            c.set(Error.STATE_JS, Divergences.jensenShannonBits(model.stateDistribution(), reference.stateDistribution()));
        } else {
            c.set(Error.STATE_JS, Double.NaN);
            c.notes.add("state distribution skipped: N = " + model.neurons() + " > "
                    + StatisticsAccumulator.MAX_STATE_NEURONS + " (2^N states)");
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
