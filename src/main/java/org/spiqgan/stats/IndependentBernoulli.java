package org.spiqgan.stats;

import java.util.SplittableRandom;
import org.spiqgan.data.SampleSet;

/**
 * The reference row every model must beat (SPEC.md sections 5 and 6): each neuron fires independently in
 * every bin with its training firing probability. Seeded, so a table that contains it is reproducible.
 */
public final class IndependentBernoulli {
    private IndependentBernoulli() {}

    public static SampleSet sample(double[] rates, int samples, int timesteps, long seed) {
        int n = rates.length;
        SplittableRandom rng = new SplittableRandom(seed);
        SampleSet out = SampleSet.zeros(samples, n, timesteps);
        byte[] v = out.values();
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                int row = (s * n + i) * timesteps;
                for (int t = 0; t < timesteps; t++) v[row + t] = (byte) (rng.nextDouble() < rates[i] ? 1 : 0);
            }
        }
        return out;
    }
}
