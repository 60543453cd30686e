package org.spiqgan.stats;

/** MSE of the firing probabilities per neuron and bin (statistic 1). */
final class RateStatistic implements Statistic {
    @Override
    public double error(Statistics m, Statistics r) { return Divergences.mse(m.firingProbability(), r.firingProbability()); }
}
