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
import org.spiqgan.baseline.Baselines;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;

class BaselineCommandTest {
    @TempDir Path dir;

    static EvaluateCommandTest.Result run(String... args) {
        return EvaluateCommandTest.run(args);
    }

    @Test
    void fitTrainGenerateAndCompareOnTheSyntheticRecording() throws Exception {
        String[] data = {"--synthetic", "--neurons", "top:4", "-T", "6"};
        Path bern = dir.resolve("bern"), dg = dir.resolve("dg"), mlp = dir.resolve("mlp");
        EvaluateCommandTest.Result r = run(concat(new String[] {"baseline", "fit", "bernoulli"}, data, "--out", bern.toString()));
        assertEquals(0, r.code, r.err);
        r = run(concat(new String[] {"baseline", "fit", "dg"}, data, "--out", dg.toString()));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("baseline/dg"), r.out);
        r = run(concat(new String[] {"baseline", "train", "mlp"}, data, "--width", "8", "--latent", "4", "--steps", "6",
                "--batch", "8", "--critic", "mlp:8", "--validate-every", "3", "--validation-samples", "100", "--out", mlp.toString()));
        assertEquals(0, r.code, r.err);
        JsonObject m = JsonParser.parseString(Files.readString(mlp.resolve("model.json"))).getAsJsonObject();
        assertEquals("baseline/mlp", m.get("kind").getAsString());
        assertEquals(4 * 8 + 8 + 64 + 8 + 8 * 24 + 24, m.get("trainableParameters").getAsLong());
        assertEquals("spiqgan-model/1", m.get("format").getAsString());

        Path g = dir.resolve("g.npy");
        r = run("baseline", "generate", dg.toString(), "--samples", "40", "--seed", "2", "--out", g.toString());
        assertEquals(0, r.code, r.err);
        SampleSet s = SampleSetIO.read(g);
        assertEquals("(40, 4, 6)", s.shape());
        assertEquals(s.shape(), Baselines.load(dg).generate(40, 2).shape());

        Path out = dir.resolve("cmp");
        r = run(concat(new String[] {"compare", bern.toString(), dg.toString(), mlp.toString(), "--samples", "q=" + g, "--params", "q=120"},
                data, "--out", out.toString()));
        assertEquals(0, r.code, r.err);
        String table = Files.readString(out.resolve("table.txt"));
        assertTrue(table.contains("trainable parameters") && table.contains("120") && table.contains("quantum generators"), table);
        assertTrue(Files.exists(out.resolve("index.html")) && Files.exists(out.resolve("report/index.html")));
        assertTrue(Files.exists(out.resolve("figures/03-params-kProbabilityMse.png")));
        JsonObject c = JsonParser.parseString(Files.readString(out.resolve("compare.json"))).getAsJsonObject();
        assertEquals(4, c.getAsJsonArray("models").size());
        assertEquals(4, c.getAsJsonArray("models").get(0).getAsJsonObject().get("trainableParameters").getAsLong());
    }

    @Test
    void fitCanSampleInTheSameProcessAsGenerateWould() throws Exception {
        String[] data = {"--synthetic", "--neurons", "top:4", "-T", "6"};
        Path dg = dir.resolve("dg"), g = dir.resolve("g.npy"), g2 = dir.resolve("g2.npy");
        EvaluateCommandTest.Result r = run(concat(new String[] {"baseline", "fit", "dg"}, data, "--out", dg.toString(),
                "--generate", "50", "--generated", g.toString(), "--seed", "3"));
        assertEquals(0, r.code, r.err);
        r = run("baseline", "generate", dg.toString(), "--samples", "50", "--seed", "3", "--out", g2.toString());
        assertEquals(0, r.code, r.err);
        assertEquals(java.util.Arrays.toString(SampleSetIO.read(g2).values()), java.util.Arrays.toString(SampleSetIO.read(g).values()));

        r = run(concat(new String[] {"baseline", "fit", "dg"}, data, "--out", dir.resolve("x").toString(), "--generate", "5"));
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--generated"), r.err);
        r = run(concat(new String[] {"baseline", "fit", "dg"}, data, "--out", dir.resolve("y").toString(), "--generate", "5",
                "--generated", dir.resolve("g.parquet").toString()));
        assertEquals(2, r.code);
        assertTrue(r.err.contains("g.parquet") && r.err.contains(".npy"), r.err);
        assertFalse(Files.exists(dir.resolve("y")));
    }

    @Test
    void badInputIsOneLineWithExitStatus2() throws Exception {
        EvaluateCommandTest.Result r = run("baseline", "fit", "gauss", "--synthetic", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("MODEL") && r.err.contains("must be bernoulli, dg or maxent"), r.err); // an enum-typed parameter
        assertFalse(Files.exists(dir.resolve("x")));

        r = run("baseline", "train", "cnn", "--synthetic", "--width", "4", "--out", dir.resolve("y").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("spikegan or mlp"), r.err);

        Path q = dir.resolve("quantum");
        Files.createDirectories(q);
        Files.writeString(q.resolve("model.json"), "{\"format\": \"spiqgan-model/1\", \"kind\": \"spiqgan/patch\", \"neurons\": 4, \"timesteps\": 6}");
        r = run("compare", q.toString(), "--synthetic", "--neurons", "top:4", "-T", "6", "--out", dir.resolve("c").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("model.json"), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);

        Files.writeString(q.resolve("model.json"), "{\"format\": \"spiqgan-model\", \"version\": 1, \"generator\": {\"neurons\": 4}}");
        r = run("compare", q.toString(), "--synthetic", "--neurons", "top:4", "-T", "6", "--out", dir.resolve("c").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("model.json"), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(Files.exists(dir.resolve("c")));

        r = run("compare", "--samples", "q=" + dir.resolve("none.npy"), "--synthetic", "--out", dir.resolve("c").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--params"), r.err);

        Path bern = dir.resolve("bern");
        assertEquals(0, run("baseline", "fit", "bernoulli", "--synthetic", "--neurons", "top:4", "-T", "6", "--out", bern.toString()).code);
        r = run("compare", bern.toString(), "--synthetic", "--neurons", "top:5", "-T", "6", "--out", dir.resolve("c").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("N = 4") && r.err.contains("N = 5"), r.err);
        assertFalse(Files.exists(dir.resolve("c")));
    }

    @Test
    void generateWorksOnBaselineRunDirectories() throws Exception {
        Path bern = dir.resolve("bern-gen");
        assertEquals(0, run("baseline", "fit", "bernoulli", "--synthetic", "--neurons", "top:4", "-T", "5", "--out", bern.toString()).code);
        Path g = dir.resolve("g.npy");
        EvaluateCommandTest.Result r = run("generate", bern.toString(), "--samples", "12", "--seed", "3", "--out", g.toString());
        assertEquals(0, r.code, r.err);
        org.spiqgan.data.SampleSet s = org.spiqgan.data.SampleSetIO.read(g);
        assertEquals("(12, 4, 5)", s.shape());
        r = run("generate", bern.toString(), "--samples", "12", "--sampling", "born", "--out", dir.resolve("h.npy").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--sampling"), r.err);
        assertFalse(Files.exists(dir.resolve("h.npy")));
    }

    @Test
    void compareGeneratesFromASpiqganRunAsAQuantumGenerator() throws Exception {
        Path q = dir.resolve("spiqgan");
        assertEquals(0, run("train", "--model", "patch", "--synthetic", "--neurons", "top:3", "--timesteps", "2", "--layers", "2", "--steps", "3",
                "--batch", "8", "--critic", "mlp:8", "--eval-every", "3", "--validation-samples", "64", "--quiet", "--threads", "1",
                "--out", q.toString()).code);
        Path bern = dir.resolve("bern3");
        assertEquals(0, run("baseline", "fit", "bernoulli", "--synthetic", "--neurons", "top:3", "-T", "2", "--out", bern.toString()).code);
        Path c = dir.resolve("cmp");
        EvaluateCommandTest.Result r = run("compare", q.toString(), bern.toString(), "--synthetic", "--neurons", "top:3", "-T", "2",
                "--count", "500", "--out", c.toString());
        assertEquals(0, r.code, r.err);
        String table = Files.readString(c.resolve("table.txt"));
        // 2 timesteps x 2 layers x 3 qubits x 4 parameters per qubit = 48 trainable quantum parameters.
        assertTrue(table.contains("48"), table);
        String json = Files.readString(c.resolve("compare.json"));
        assertTrue(json.contains("quantum generators"), json);
    }

    private static String[] concat(String[] a, String[] b, String... c) {
        String[] out = new String[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
