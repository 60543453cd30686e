package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CircuitFormatTest {
    private static int significantDigits(String s) {
        String m = s.contains("E") ? s.substring(0, s.indexOf('E')) : s;
        String digits = m.replace("-", "").replace(".", "").replaceFirst("^0+", "");
        return digits.isEmpty() ? 17 : digits.length();
    }

    @Test
    void probabilitiesPrintExactlyWithSeventeenSignificantDigits() {
        Random rng = new Random(1);
        for (int k = 0; k < 20000; k++) {
            double p = k % 3 == 0 ? rng.nextDouble() : Math.pow(10, -12 * rng.nextDouble()) * rng.nextDouble();
            String s = CircuitCommand.fmt(p);
            assertEquals(p, Double.parseDouble(s), 0.0, s);
            assertEquals(17, significantDigits(s), s);
        }
        assertEquals("0.50000000000000000", CircuitCommand.fmt(0.5));
        assertEquals("1.0000000000000000", CircuitCommand.fmt(1.0));
        assertEquals("0.0000000000000000", CircuitCommand.fmt(0.0));
        assertEquals("9.5367431640625000E-7", CircuitCommand.fmt(Math.pow(2, -20)));
        assertEquals("0.0012300000000000000", CircuitCommand.fmt(0.00123));
        assertEquals("0101", CircuitCommand.bits(5, 4));
    }
}
