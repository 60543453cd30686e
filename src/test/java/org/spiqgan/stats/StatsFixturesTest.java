package org.spiqgan.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spiqgan.data.SampleSet;

/**
 * Compares every statistic and error with the independent NumPy/SciPy implementation in
 * bench/peers/stats_fixtures.py, on the seeded arrays stored in the fixtures.
 */
class StatsFixturesTest {
    private static final double TOL = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"s200_n5_t8", "s50_n12_t1", "s300_n3_t30", "s80_n22_t3", "s400_n2_t2"})
    void statisticsAndErrorsMatchNumPy(String name) throws Exception {
        JsonObject doc = load(name);
        JsonArray shape = doc.getAsJsonArray("shape");
        int n = shape.get(1).getAsInt();
        int t = shape.get(2).getAsInt();
        SampleSet model = samples(doc.getAsJsonObject("model"), n, t);
        SampleSet reference = samples(doc.getAsJsonObject("reference"), n, t);
        SampleSet train = samples(doc.getAsJsonObject("train"), n, t);

        Statistics ms = accumulateInBatches(model, 7);
        Statistics rs = new StatisticsAccumulator(n, t).add(reference).result();
        check(doc.getAsJsonObject("modelStatistics"), ms, name + " model");
        check(doc.getAsJsonObject("referenceStatistics"), rs, name + " reference");
        // The general (sparse) path, used for T > 64 or N > 64, must agree as well.
        check(doc.getAsJsonObject("modelStatistics"), new StatisticsAccumulator(n, t, false).add(model).result(),
                name + " model, sparse path");

        Comparison c = Comparison.of(ms, rs);
        JsonObject e = doc.getAsJsonObject("errors");
        for (Comparison.Error err : Comparison.Error.values()) {
            assertClose(e.get(err.key), c.get(err), name + " " + err.key);
        }
        if (!ms.hasStates()) assertTrue(c.notes().stream().anyMatch(s -> s.contains("state distribution skipped")));

        MemorizationIndex index = new MemorizationIndex(n, t).add(train);
        JsonObject mem = doc.getAsJsonObject("memorization");
        assertEquals(mem.get("model").getAsDouble(), index.fractionFound(model), TOL, name + " memorization model");
        assertEquals(mem.get("reference").getAsDouble(), index.fractionFound(reference), TOL, name + " memorization ref");
    }

    /** Streaming must not change anything: feed the samples in uneven batches. */
    private static Statistics accumulateInBatches(SampleSet all, int batch) {
        StatisticsAccumulator acc = new StatisticsAccumulator(all.neurons(), all.timesteps());
        int per = all.neurons() * all.timesteps();
        for (int s = 0; s < all.samples(); s += batch) {
            int m = Math.min(batch, all.samples() - s);
            byte[] part = java.util.Arrays.copyOfRange(all.values(), s * per, (s + m) * per);
            acc.add(new SampleSet(m, all.neurons(), all.timesteps(), part));
        }
        return acc.result();
    }

    private static void check(JsonObject expected, Statistics s, String what) {
        assertArray(expected.get("firingProbability"), s.firingProbability(), what + " rate");
        assertMatrix(expected.get("covariance"), s.covariance(), what + " covariance");
        assertArray(expected.get("kProbability"), s.kProbability(), what + " P(k)");
        assertArray(expected.get("autocorrelogram"), s.autocorrelogram(), what + " ACG");
        assertMatrix(expected.get("lagCovariance"), s.lagCovariance(), what + " lag covariance");
        assertMatrix(expected.get("timeCourse"), s.timeCourse(), what + " time course");
        assertArray(expected.get("spikeCountDistribution"), s.spikeCountDistribution(), what + " spike counts");
        if (expected.get("stateDistribution").isJsonNull()) {
            assertNull(s.stateDistribution(), what + " states should be skipped");
        } else {
            assertNotNull(s.stateDistribution(), what + " states");
            assertArray(expected.get("stateDistribution"), s.stateDistribution(), what + " states");
        }
    }

    private static void assertMatrix(JsonElement expected, double[][] actual, String what) {
        JsonArray rows = expected.getAsJsonArray();
        assertEquals(rows.size(), actual.length, what + " rows");
        for (int i = 0; i < actual.length; i++) assertArray(rows.get(i), actual[i], what + " row " + i);
    }

    private static void assertArray(JsonElement expected, double[] actual, String what) {
        JsonArray a = expected.getAsJsonArray();
        assertEquals(a.size(), actual.length, what + " length");
        for (int k = 0; k < actual.length; k++) assertClose(a.get(k), actual[k], what + "[" + k + "]");
    }

    private static void assertClose(JsonElement expected, double actual, String what) {
        if (expected.isJsonNull()) {
            assertTrue(Double.isNaN(actual), what + ": expected undefined (NaN), got " + actual);
        } else {
            assertEquals(expected.getAsDouble(), actual, TOL, what);
        }
    }

    private static SampleSet samples(JsonObject o, int n, int t) {
        int s = o.get("samples").getAsInt();
        String bits = o.get("bits").getAsString();
        byte[] v = new byte[bits.length()];
        for (int k = 0; k < v.length; k++) v[k] = (byte) (bits.charAt(k) - '0');
        return new SampleSet(s, n, t, v);
    }

    private static JsonObject load(String name) throws Exception {
        String path = "/fixtures/stats/" + name + ".json";
        try (InputStream in = StatsFixturesTest.class.getResourceAsStream(path)) {
            assertNotNull(in, "missing fixture " + path + " (run bench/peers/stats_fixtures.py)");
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }
}
