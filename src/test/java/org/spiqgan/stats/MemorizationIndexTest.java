package org.spiqgan.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;

/** The hash table against a plain set of strings, across rehashes and multi-word patterns. */
class MemorizationIndexTest {

    @Test
    void agreesWithAPlainSetOfPatterns() {
        int[][] shapes = {{10, 30}, {3, 2}, {7, 13}, {1, 64}, {1, 65}};
        for (int[] nt : shapes) {
            SampleSet train = SyntheticSpikes.bernoulli(nt[0] + 31L * nt[1], 5000, nt[0], nt[1], 0.02);
            SampleSet other = SyntheticSpikes.bernoulli(nt[0] + 97L * nt[1], 3000, nt[0], nt[1], 0.02);
            MemorizationIndex index = new MemorizationIndex(nt[0], nt[1]).add(train);
            Set<String> plain = new HashSet<>();
            for (int s = 0; s < train.samples(); s++) plain.add(text(train, s));
            long expected = 0;
            for (int s = 0; s < other.samples(); s++) if (plain.contains(text(other, s))) expected++;
            String what = "N=" + nt[0] + " T=" + nt[1];
            assertEquals(plain.size(), index.distinctPatterns(), what);
            assertEquals(expected, index.countFound(other), what);
            assertEquals(train.samples(), index.countFound(train), what);
        }
    }

    private static String text(SampleSet s, int k) {
        int per = s.neurons() * s.timesteps();
        StringBuilder sb = new StringBuilder(per);
        for (int j = 0; j < per; j++) sb.append((char) ('0' + s.values()[k * per + j]));
        return sb.toString();
    }
}
