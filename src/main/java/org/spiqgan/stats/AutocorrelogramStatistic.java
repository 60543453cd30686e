package org.spiqgan.stats;

/** MSE of the autocorrelogram (statistic 4); needs T >= 2. */
final class AutocorrelogramStatistic implements Statistic {
    @Override
    public double error(Statistics m, Statistics r) { return Divergences.mse(m.autocorrelogram(), r.autocorrelogram()); }

    @Override
    public String unavailable(Statistics m, Statistics r) {
        return m.timesteps() < 2 ? "autocorrelogram and lag-1 covariance need T >= 2" : null;
    }
}
