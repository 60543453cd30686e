package org.spiqgan.stats;

/** MSE of the off-diagonal covariances (statistic 2); needs two neurons. */
final class CovarianceStatistic implements Statistic {
    @Override
    public double error(Statistics m, Statistics r) {
        return m.neurons() < 2 ? Double.NaN : Divergences.mse(m.offDiagonalCovariances(), r.offDiagonalCovariances());
    }

    @Override
    public String unavailable(Statistics m, Statistics r) { return m.neurons() < 2 ? "covariance needs N >= 2" : null; }
}
