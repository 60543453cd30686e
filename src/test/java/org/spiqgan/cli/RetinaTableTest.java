package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.stats.Comparison;
import org.spiqgan.testutil.SharedData;

/**
 * Reproduces the table of SPEC.md section 5 from the shared retina recording and the two shipped model
 * sample files, through the evaluate command (see docs/evaluation.md for the command and the windowing).
 */
class RetinaTableTest {
    @TempDir
    Path dir;

    private static final Comparison.Error[] COLUMNS = {
        Comparison.Error.RATE, Comparison.Error.COVARIANCE, Comparison.Error.K_PROBABILITY, Comparison.Error.ACG,
        Comparison.Error.LAG_COVARIANCE, Comparison.Error.STATE_JS,
    };
    private static final double[] FLOOR = {2.7e-5, 1.2e-6, 1.7e-5, 2.6e-5, 1.5e-6, 4.4e-3};
    private static final double[] DICHOTOMIZED_GAUSSIAN = {2.1e-5, 7.5e-7, 1.3e-5, 4.5e-4, 9.1e-6, 4.0e-3};
    private static final double[] K_PAIRWISE = {3.6e-5, 7.8e-7, 4.4e-5, 4.6e-2, 2.0e-4, 1.0e-2};
    private static final double[] BERNOULLI = {2.6e-5, 8.4e-5, 3.7e-3, 4.5e-2, 2.0e-4, 6.2e-2};

    @Test
    void specTableIsReproduced() throws Exception {
        Path original = SharedData.retina50("original.mat");
        Path dg = SharedData.retina50("dichotomized_gaussian.mat");
        Path kp = SharedData.retina50("k_pairwise.mat");
        Path json = dir.resolve("retina.json");
        EvaluateCommandTest.Result r = EvaluateCommandTest.run("evaluate", "--real", original.toString(),
                "--segment-length", "953", "--generated-raster", dg.toString(), "--generated-raster", kp.toString(),
                "--bernoulli", "--json", json.toString());
        assertEquals(0, r.code, r.err);
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();

        assertEquals(10, o.get("neurons").getAsInt());
        assertEquals(30, o.get("timesteps").getAsInt());
        assertEquals(59 * 31, o.getAsJsonObject("test").get("samples").getAsInt(), "test windows: repeats 238..296");
        assertEquals(238 * 31, o.getAsJsonObject("train").get("samples").getAsInt(), "train windows: repeats 0..237");
        assertTrue(r.out.contains("5,10,19,25,28,30,31,38,42,46"), "top-10 neurons by train-split rate\n" + r.out);

        JsonArray models = o.getAsJsonArray("models");
        assertEquals(297 * 31, models.get(0).getAsJsonObject().get("samples").getAsInt());
        // k_pairwise.mat has 283032 = 297 x 953 - 9 rows: its last repeat is 944 bins, still 31 windows.
        assertEquals(297 * 31, models.get(1).getAsJsonObject().get("samples").getAsInt());

        JsonObject floor = o.getAsJsonObject("train").getAsJsonObject("errors");
        for (int c = 0; c < COLUMNS.length; c++) {
            assertTwoDigits(FLOOR[c], value(floor, c), "noise floor " + COLUMNS[c].key);
            assertTwoDigits(DICHOTOMIZED_GAUSSIAN[c], value(errors(models, 0), c), "dichotomized Gaussian " + COLUMNS[c].key);
            if (COLUMNS[c] == Comparison.Error.COVARIANCE) {
                // 7.87e-7 here (NumPy gives the same); the table prints 7.8e-7: 1% apart, see docs/evaluation.md.
                assertEquals(K_PAIRWISE[c], value(errors(models, 1), c), 0.02 * K_PAIRWISE[c], "k-pairwise cov");
            } else {
                assertTwoDigits(K_PAIRWISE[c], value(errors(models, 1), c), "k-pairwise " + COLUMNS[c].key);
            }
            // Stochastic row: only roughly equal.
            double b = value(errors(models, 2), c);
            assertTrue(b > BERNOULLI[c] / 1.5 && b < BERNOULLI[c] * 1.5,
                    "independent Bernoulli " + COLUMNS[c].key + ": " + b + " vs " + BERNOULLI[c]);
        }
    }

    private static JsonObject errors(JsonArray models, int k) {
        return models.get(k).getAsJsonObject().getAsJsonObject("errors");
    }

    private static double value(JsonObject errors, int c) {
        return errors.get(COLUMNS[c].key).getAsDouble();
    }

    /**
     * The printed value is {@code actual} rounded to two significant digits, allowing for a rounding
     * boundary: the noise-floor covariance MSE is 1.14989e-6 here (NumPy agrees), printed as 1.2e-6.
     */
    private static void assertTwoDigits(double expected, double actual, String what) {
        double rounded = new BigDecimal(actual).round(new MathContext(2)).doubleValue();
        double halfUnit = 0.5 * Math.pow(10, Math.floor(Math.log10(expected)) - 1);
        assertTrue(Math.abs(rounded - expected) <= expected * 1e-9 || Math.abs(actual - expected) <= halfUnit * 1.01,
                what + ": " + actual + " does not print as " + expected);
    }
}
