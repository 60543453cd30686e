package org.spiqgan.model.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;
import org.spiqgan.stats.SyntheticSpikes;

class FreeRunningMomentsTest {
    /**
     * The reward-to-go weight of a window's first bin holds every bin's term, so it must equal the plain
     * score-function weight; later bins hold only their own and later terms (checked through bin 0 of a
     * window whose earlier bins are all burn-in).
     */
    @Test
    void rewardToGoOfTheFirstBinEqualsTheWholeWindowWeight() {
        SampleSet data = SyntheticSpikes.markov(4, 300, 5, 9, 0.1, 0.4);
        SampleSet gen = SyntheticSpikes.markov(5, 40, 5, 9, 0.15, 0.3);
        FreeRunningMoments m = new FreeRunningMoments(data, new double[] {1, 0.5, 2, 3, 0.7});
        double[] w = new double[gen.samples()];
        double loss = m.weights(gen, w);
        int leading = 3, bins = leading + gen.timesteps();
        double[] u = new double[gen.samples() * bins];
        double loss2 = m.rewardToGoWeights(gen, leading, u);
        assertEquals(loss, loss2, 1e-15);
        for (int s = 0; s < gen.samples(); s++) {
            for (int b = 0; b <= leading; b++) assertEquals(w[s], u[s * bins + b], 1e-12, "window " + s + " bin " + b);
        }
        // the last bin's weight holds only the last bin's terms: it differs from the whole-window weight
        double diff = 0;
        for (int s = 0; s < gen.samples(); s++) diff += Math.abs(u[s * bins + bins - 1] - w[s]);
        assertEquals(true, diff > 1e-6);
    }
}
