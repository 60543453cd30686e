package org.spiqgan.stats;

/** MSE of P(k), the distribution of the number of neurons spiking in a bin (statistic 3, the K-loss's target). */
final class KProbabilityStatistic implements Statistic {
    @Override
    public double error(Statistics m, Statistics r) { return Divergences.mse(m.kProbability(), r.kProbability()); }
}
