package org.spiqgan.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The built-in recording must make every SPEC section 5 statistic non-trivial. */
class SyntheticRecordingTest {
    private static final SpikeRaster R = SyntheticRecording.generate(SyntheticRecording.DEFAULT_SEED);

    @Test
    void shapeSegmentsAndDeterminism() {
        assertEquals(20, R.neurons());
        assertEquals(30000, R.bins());
        assertEquals(60, R.segments().size());
        assertEquals(500, R.segments().get(0).length());
        assertEquals(20.0, R.binMs());
        assertTrue(R.sameAs(SyntheticRecording.generate(SyntheticRecording.DEFAULT_SEED)));
        assertFalse(R.sameAs(SyntheticRecording.generate(SyntheticRecording.DEFAULT_SEED + 1)));
    }

    @Test
    void ratesBetweenOneAndFifteenPercent() {
        for (int i = 0; i < R.neurons(); i++) {
            double p = R.firingProbability(i);
            assertTrue(p >= 0.01 && p <= 0.15, "neuron " + i + " fires with probability " + p);
        }
        double mean = R.meanFiringProbability();
        assertTrue(mean > 0.03 && mean < 0.08, "mean " + mean);
    }

    @Test
    void pairwiseCovariancesClearlyPositive() {
        int n = R.neurons(), b = R.bins();
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) mean[i] = R.firingProbability(i);
        int positive = 0, pairs = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double c = 0;
                for (int t = 0; t < b; t++) c += (R.get(i, t) - mean[i]) * (R.get(j, t) - mean[j]);
                c /= b - 1;
                sum += c;
                pairs++;
                if (c > 0) positive++;
            }
        }
        assertTrue(positive >= 0.9 * pairs, positive + " of " + pairs + " covariances are positive");
        assertTrue(sum / pairs > 1e-3, "mean covariance " + sum / pairs);
    }

    @Test
    void autocorrelogramWellAboveTheRateAndDecaying() {
        double[] acg = new double[11];
        for (int lag = 1; lag <= 10; lag++) {
            long num = 0, den = 0;
            for (Segment s : R.segments()) {
                for (int i = 0; i < R.neurons(); i++) {
                    for (int t = s.start(); t + lag < s.end(); t++) {
                        if (R.get(i, t) == 1) {
                            den++;
                            num += R.get(i, t + lag);
                        }
                    }
                }
            }
            acg[lag] = num / (double) den;
        }
        double rate = R.meanFiringProbability();
        assertTrue(acg[1] > 0.35 && acg[1] < 0.6, "P(spike t+1 | spike t) = " + acg[1]);
        assertTrue(acg[1] > 5 * rate, "ACG(1) " + acg[1] + " vs rate " + rate);
        assertTrue(acg[1] > acg[3] && acg[3] > acg[10], "decays over a few bins");
        assertTrue(acg[10] > rate, "stimulus locking keeps it above the rate");
    }

    @Test
    void populationCountsSpreadBeyondIndependence() {
        // P(k): with positive correlations, large k is far more likely than for independent neurons.
        int n = R.neurons(), b = R.bins();
        long atLeast4 = 0;
        for (int t = 0; t < b; t++) {
            int k = 0;
            for (int i = 0; i < n; i++) k += R.get(i, t);
            if (k >= 4) atLeast4++;
        }
        // Independent Bernoulli at the same rates (Poisson-binomial tail by dynamic programming).
        double[] dist = new double[n + 1];
        dist[0] = 1;
        for (int i = 0; i < n; i++) {
            double p = R.firingProbability(i);
            for (int k = i + 1; k >= 1; k--) dist[k] = dist[k] * (1 - p) + dist[k - 1] * p;
            dist[0] *= 1 - p;
        }
        double indep = 0;
        for (int k = 4; k <= n; k++) indep += dist[k];
        assertTrue(atLeast4 / (double) b > 2 * indep, "P(k>=4) " + atLeast4 / (double) b + " vs independent " + indep);
    }
}
