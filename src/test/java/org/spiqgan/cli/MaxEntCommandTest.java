package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.data.SampleSetIO;

class MaxEntCommandTest {
    @TempDir Path dir;

    private static String[] concat(String[] a, String[] b, String... c) {
        String[] o = new String[a.length + b.length + c.length];
        System.arraycopy(a, 0, o, 0, a.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        System.arraycopy(c, 0, o, a.length + b.length, c.length);
        return o;
    }

    @Test
    void fitGenerateInfoAndCompareThroughTheCli() throws Exception {
        String[] data = {"--synthetic", "--neurons", "top:4", "-T", "6"};
        Path kpw = dir.resolve("kpw"), st = dir.resolve("st"), g = dir.resolve("g.npy");
        EvaluateCommandTest.Result r = EvaluateCommandTest.run(concat(new String[] {"baseline", "fit", "maxent", "--model", "k-pairwise"}, data,
                "--out", kpw.toString(), "--generate", "30", "--generated", g.toString()));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("baseline/maxent-k-pairwise") && r.out.contains("14 parameters"), r.out);
        assertTrue(r.err.contains("log-likelihood per bin"), r.err);
        JsonObject m = JsonParser.parseString(Files.readString(kpw.resolve("model.json"))).getAsJsonObject();
        assertEquals("k-pairwise", m.get("model").getAsString());
        JsonObject fit = m.getAsJsonObject("fit");
        assertEquals("exact", fit.get("method").getAsString());
        assertTrue(fit.get("logLikelihoodTestPerBin").getAsDouble() < 0);
        assertTrue(fit.get("entropyBitsPerBin").getAsDouble() > 0);
        assertEquals("(30, 4, 6)", SampleSetIO.read(g).shape());

        r = EvaluateCommandTest.run(concat(new String[] {"baseline", "fit", "maxent", "--model", "spatiotemporal", "--lags", "2"}, data,
                "--out", st.toString()));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("42 parameters"), r.out); // 4 + 6 + 2 x 16

        Path g2 = dir.resolve("g2.npy");
        r = EvaluateCommandTest.run("generate", st.toString(), "--samples", "20", "--out", g2.toString());
        assertEquals(0, r.code, r.err);
        assertEquals("(20, 4, 6)", SampleSetIO.read(g2).shape());
        r = EvaluateCommandTest.run("info", kpw.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("baseline/maxent-k-pairwise") && r.out.contains("entropyBitsPerBin"), r.out);

        Path cmp = dir.resolve("cmp");
        r = EvaluateCommandTest.run(concat(new String[] {"compare", kpw.toString(), st.toString()}, data, "--count", "200", "--out", cmp.toString()));
        assertEquals(0, r.code, r.err);
        String table = Files.readString(cmp.resolve("table.txt"));
        assertTrue(table.contains("fitted statistical models") && table.contains("42"), table);
    }

    @Test
    void badOptionsAreOneLineErrorsAndWriteNothing() {
        String[] data = {"--synthetic", "--neurons", "top:4", "-T", "1"};
        String[][] bad = {
            {"baseline", "fit", "maxent"},
            {"baseline", "fit", "maxent", "--model", "triplet"},
            {"baseline", "fit", "maxent", "--model", "pairwise", "--l2", "-1"},
            {"baseline", "fit", "maxent", "--model", "pairwise", "--method", "sometimes"},
            {"baseline", "fit", "maxent", "--model", "spatiotemporal", "--lags", "0"},
            {"baseline", "fit", "maxent", "--model", "pairwise", "--stimulus-locked"},
            {"baseline", "fit", "dg", "--model", "pairwise"},
        };
        String[] fields = {"--model", "--model", "--l2", "--method", "--lags", "--stimulus-locked", "--model"};
        for (int k = 0; k < bad.length; k++) {
            Path out = dir.resolve("bad" + k);
            EvaluateCommandTest.Result r = EvaluateCommandTest.run(concat(bad[k], data, "--out", out.toString()));
            assertEquals(2, r.code, String.join(" ", bad[k]) + ": " + r.err);
            assertTrue(r.err.contains(fields[k]) && r.err.strip().lines().count() == 1, r.err);
            assertFalse(Files.exists(out));
        }
    }
}
