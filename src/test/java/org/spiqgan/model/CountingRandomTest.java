package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The counting wrapper draws exactly what SplittableRandom draws, and a skip restores a saved position. */
class CountingRandomTest {
    private static void draw(RandomGenerator r, StringBuilder sb) {
        for (int k = 0; k < 200; k++) {
            sb.append(r.nextInt(7 + k)).append(' ').append(r.nextDouble()).append(' ').append(r.nextGaussian()).append(' ')
                    .append(r.nextLong()).append(' ').append(r.nextInt()).append('\n');
        }
    }

    @Test
    void drawsTheSameNumbersAsTheWrappedGenerator() {
        StringBuilder raw = new StringBuilder(), counted = new StringBuilder();
        draw(new SplittableRandom(5).split(), raw);
        draw(new CountingRandom(new SplittableRandom(5).split()), counted);
        assertEquals(raw.toString(), counted.toString());
    }

    @Test
    void skippingToASavedPositionContinuesTheSequence() {
        CountingRandom a = new CountingRandom(new SplittableRandom(9));
        draw(a, new StringBuilder());
        long position = a.draws();
        StringBuilder rest = new StringBuilder(), resumed = new StringBuilder();
        draw(a, rest);
        CountingRandom b = new CountingRandom(new SplittableRandom(9));
        b.skip(position);
        draw(b, resumed);
        assertEquals(rest.toString(), resumed.toString());
    }

    @Test
    void sequentialStreamsRestoreTheirPositions() {
        SequentialStreams s = new SequentialStreams(3);
        for (int k = 0; k < 50; k++) s.noise(k, 0).nextGaussian();
        s.data(1, 0).nextInt(17);
        s.validation(4);
        long[] saved = s.positions();
        String expected = s.noise(9, 0).nextDouble() + " " + s.data(9, 0).nextInt(33) + " " + s.validation(9).nextLong();
        SequentialStreams t = new SequentialStreams(3);
        t.restore(saved);
        assertEquals(expected, t.noise(9, 0).nextDouble() + " " + t.data(9, 0).nextInt(33) + " " + t.validation(9).nextLong());
    }
}
