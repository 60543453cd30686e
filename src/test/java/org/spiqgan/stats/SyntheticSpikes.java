package org.spiqgan.stats;

import java.util.SplittableRandom;
import org.spiqgan.data.SampleSet;

/** Seeded spike samples for tests: each neuron a two-state Markov chain, with a drive shared across neurons. */
public final class SyntheticSpikes {
    private SyntheticSpikes() {}

    public static SampleSet markov(long seed, int s, int n, int t, double pOn, double pStay) {
        SplittableRandom rng = new SplittableRandom(seed);
        SampleSet out = SampleSet.zeros(s, n, t);
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) rate[i] = pOn * (0.3 + 1.4 * i / Math.max(1, n - 1));
        for (int k = 0; k < s; k++) {
            for (int b = 0; b < t; b++) {
                boolean drive = rng.nextDouble() < 0.2;
                for (int i = 0; i < n; i++) {
                    boolean prev = b > 0 && out.get(k, i, b - 1) != 0;
                    double p = prev ? pStay : (drive ? 3 * rate[i] : rate[i]);
                    if (rng.nextDouble() < p) out.set(k, i, b, 1);
                }
            }
        }
        return out;
    }

    public static SampleSet bernoulli(long seed, int s, int n, int t, double p) {
        SplittableRandom rng = new SplittableRandom(seed);
        SampleSet out = SampleSet.zeros(s, n, t);
        byte[] v = out.values();
        for (int k = 0; k < v.length; k++) v[k] = (byte) (rng.nextDouble() < p ? 1 : 0);
        return out;
    }
}
