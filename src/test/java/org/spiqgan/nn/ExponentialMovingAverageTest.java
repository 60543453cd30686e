package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExponentialMovingAverageTest {

    @Test
    void averagesGeometrically() {
        double[] p = {1.0, -2.0};
        ExponentialMovingAverage ema = new ExponentialMovingAverage(0.9, p, 0, 2);
        assertArrayEquals(new double[] {1.0, -2.0}, ema.average(), 0.0);
        p[0] = 2.0;
        p[1] = 0.0;
        ema.update(p, 0);
        assertEquals(0.9 * 1.0 + 0.1 * 2.0, ema.average()[0], 1e-15);
        assertEquals(0.9 * -2.0, ema.average()[1], 1e-15);
        // at a fixed point the distance shrinks by 0.9 per update
        for (int k = 0; k < 300; k++) ema.update(p, 0);
        assertEquals(2.0, ema.average()[0], 1e-12);
        assertEquals(0.0, ema.average()[1], 1e-12);
    }

    @Test
    void restoreAndRejectBadSizes() {
        ExponentialMovingAverage ema = new ExponentialMovingAverage(0.99, new double[3], 0, 3);
        ema.restore(new double[] {1, 2, 3});
        assertArrayEquals(new double[] {1, 2, 3}, ema.average(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ema.restore(new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialMovingAverage(1.0, new double[1], 0, 1));
    }
}
