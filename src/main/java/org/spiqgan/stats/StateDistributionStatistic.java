package org.spiqgan.stats;

/** Jensen-Shannon divergence (bits) of the spiking-state distributions; needs N <= the state cap. */
final class StateDistributionStatistic implements Statistic {
    @Override
    public double error(Statistics m, Statistics r) {
        return m.hasStates() && r.hasStates() ? Divergences.jensenShannonBits(m.stateDistribution(), r.stateDistribution()) : Double.NaN;
    }

    @Override
    public String unavailable(Statistics m, Statistics r) {
        return m.hasStates() && r.hasStates() ? null
                : "state distribution skipped: N = " + m.neurons() + " > " + StatisticsAccumulator.MAX_STATE_NEURONS + " (2^N states)";
    }
}
