package org.spiqgan.stats;

/** MSE of the lag-1 cross-covariances (statistic 5); needs T >= 2 (said once, by the autocorrelogram). */
final class LagCovarianceStatistic implements Statistic {
    @Override
    public double error(Statistics m, Statistics r) { return Divergences.mse(m.lagCovarianceFlat(), r.lagCovarianceFlat()); }
}
