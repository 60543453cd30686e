package org.spiqgan.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;

/** The bit-packed and the sparse accumulation agree exactly, and bad use fails loudly. */
class AccumulatorPathsTest {

    @Test
    void packedAndSparsePathsGiveIdenticalStatistics() {
        int[][] shapes = {{64, 64}, {3, 64}, {20, 11}, {1, 5}, {7, 2}};
        for (int[] nt : shapes) {
            for (double p : new double[] {0.02, 0.5, 0.97}) {
                SampleSet s = SyntheticSpikes.markov(nt[0] * 1000L + nt[1], 40, nt[0], nt[1], p, Math.min(0.99, p + 0.2));
                Statistics a = new StatisticsAccumulator(nt[0], nt[1], true).add(s).result();
                Statistics b = new StatisticsAccumulator(nt[0], nt[1], false).add(s).result();
                String what = "N=" + nt[0] + " T=" + nt[1] + " p=" + p;
                assertArrayEquals(b.firingProbability(), a.firingProbability(), what);
                for (int i = 0; i < nt[0]; i++) {
                    assertArrayEquals(b.covariance()[i], a.covariance()[i], what);
                    assertArrayEquals(b.lagCovariance()[i], a.lagCovariance()[i], what);
                    assertArrayEquals(b.timeCourse()[i], a.timeCourse()[i], what);
                }
                assertArrayEquals(b.kProbability(), a.kProbability(), what);
                assertArrayEquals(b.autocorrelogram(), a.autocorrelogram(), what);
                assertArrayEquals(b.spikeCountDistribution(), a.spikeCountDistribution(), what);
                if (nt[0] <= 20) assertArrayEquals(b.stateDistribution(), a.stateDistribution(), what);
            }
        }
    }

    @Test
    void longWindowsUseTheSparsePathAndStillCountLags() {
        // T = 70 > 64: two spikes of one neuron 10 bins apart, one 3 bins apart.
        SampleSet s = SampleSet.zeros(1, 2, 70);
        s.set(0, 0, 60, 1);
        s.set(0, 0, 63, 1);
        s.set(0, 1, 69, 1);
        Statistics st = new StatisticsAccumulator(2, 70).add(s).result();
        assertEquals(10, st.autocorrelogram().length);
        // Denominators: spikes with t < 70 - tau; tau = 3 has both neuron-0 spikes and finds one pair.
        assertEquals(0.5, st.autocorrelogram()[2], 0);
        assertEquals(3.0 / 70, st.firingProbability()[0] + st.firingProbability()[1], 1e-15);
    }

    @Test
    void shapeMismatchAndEmptyResultAreRejected() {
        StatisticsAccumulator acc = new StatisticsAccumulator(3, 4);
        assertThrows(IllegalStateException.class, acc::result);
        assertThrows(IllegalArgumentException.class, () -> acc.add(SampleSet.zeros(2, 3, 5)));
    }
}
