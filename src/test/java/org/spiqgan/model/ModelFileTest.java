package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.BadInputException;
import org.spiqgan.nn.Adam;
import org.spiqgan.model.ReuploadingAnsatz;

class ModelFileTest {
    @TempDir
    Path dir;

    static ModelFile sample() {
        GeneratorConfig g = new GeneratorConfig(5, 3, 2, 3, 1, true, ReuploadingAnsatz.Encoding.RX,
                ReuploadingAnsatz.Latent.PER_LAYER, ReuploadingAnsatz.Rotations.RY_RZ,
                ReuploadingAnsatz.Entangler.CZ, true, false, GeneratorConfig.Sampling.BERNOULLI, 0.5);
        TrainConfig t = new TrainConfig("mlp:8", CriticInput.STRAIGHT_THROUGH, 0.3, "k", 7, 2, 10, 5, 0.01, 0.001, 0.5,
                0.9, 0.99, 500, 16, 100, 42, 10, 10, 0, 10, 0.1, 0, 0.01);
        ModelFile m = new ModelFile();
        m.spiqgan = "spiqgan test";
        m.command = List.of("--synthetic", "--neurons", "top:5");
        m.generator = g;
        m.training = t;
        m.data = new DataFingerprint("synthetic(seed=1)", "synthetic:1", new int[] {1, 2, 3, 4, 5}, new int[] {1, 2, 3, 4, 5},
                20.0, 3, null, 0.8, 0.1);
        m.kData = new double[] {0.5, 0.3, 0.1, 0.05, 0.03, 0.02};
        m.acgData = new double[] {0.4, 0.3};
        SplittableRandom r = new SplittableRandom(3);
        int np = (int) g.parameterCount(), nc = 5 * 3 * 8 + 8 + 8 * 8 + 8 + 8 + 1;
        TrainerState s = new TrainerState();
        s.step = 17;
        s.theta = r.doubles(np).map(x -> x * 1e-7 + Math.PI * x).toArray();
        s.ema = r.doubles(np).toArray();
        s.bestParams = r.doubles(np).toArray();
        s.critic = r.doubles(nc).map(x -> x / 3).toArray();
        s.adamG = new Adam.State(17, r.doubles(np).toArray(), r.doubles(np).toArray());
        s.adamC = new Adam.State(85, r.doubles(nc).toArray(), r.doubles(nc).toArray());
        s.bestScore = 0.0123456789012345;
        s.bestStep = 10;
        m.state = s;
        m.status = "running";
        return m;
    }

    @Test
    void parameterCountIsTheClosedForm() {
        ModelFile m = sample();
        // groups of 3 and 2 neurons, +1 ancilla: n = 4 and 3 qubits; RY RZ + input weight = 3 per qubit; T = 3 sets each
        assertEquals(3 * 2 * (4 + 3) * 3, m.generator.parameterCount());
        assertEquals(m.generator.parameterCount(), new PatchGenerator(m.generator).parameterCount());
        GeneratorConfig d = GeneratorConfig.defaults(10, 30, 5);
        assertEquals(30L * 5 * 10 * 4, d.parameterCount()); // SPEC: patches x l x n x (3 + 1)
        assertEquals(30L * 5 * 10 * 4 / 30, new GeneratorConfig(10, 30, 5, 10, 0, true, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RZ_RY_RZ, ReuploadingAnsatz.Entangler.CNOT,
                false, true, GeneratorConfig.Sampling.BORN, Math.PI).parameterCount());
        assertEquals(4L * 3 * 6 * 1, new GeneratorConfig(6, 4, 3, 6, 0, false, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RY, ReuploadingAnsatz.Entangler.NONE,
                false, false, GeneratorConfig.Sampling.BORN, Math.PI).parameterCount());
        // Every parameter index is used by exactly its circuit.
        PatchGenerator gen = new PatchGenerator(d);
        assertEquals(gen.circuit(0).paramCount() * 30, gen.parameterCount());
    }

    @Test
    void roundTripIsExact() throws Exception {
        ModelFile m = sample();
        Path f = dir.resolve("model.json");
        m.write(f);
        ModelFile r = ModelFile.read(f);
        assertEquals(m.generator, r.generator);
        assertEquals(m.training, r.training);
        assertArrayEquals(m.state.theta, r.state.theta);
        assertArrayEquals(m.state.ema, r.state.ema);
        assertArrayEquals(m.state.bestParams, r.state.bestParams);
        assertArrayEquals(m.state.critic, r.state.critic);
        assertEquals(m.state.adamG, r.state.adamG);
        assertEquals(m.state.adamC, r.state.adamC);
        assertEquals(m.state.bestScore, r.state.bestScore);
        assertArrayEquals(m.data.neuronIndices(), r.data.neuronIndices());
        assertEquals(m.command, r.command);
        // Reading a directory finds RUNDIR/model.json.
        assertEquals(17, ModelFile.read(dir).state.step);
    }

    private BadInputException damaged(String text) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, text);
        BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    /** Files of the format before the shared schema (spiqgan-model, version 1, no kind) read as the same model. */
    @Test
    void legacyFormatStillReads() throws Exception {
        ModelFile m = sample();
        Path good = dir.resolve("new.json");
        m.write(good);
        String text = Files.readString(good);
        assertTrue(text.contains("\"format\": \"spiqgan-model/1\"") && text.contains("\"kind\": \"spiqgan/patch\"")
                && !text.contains("\"version\""), text);
        assertEquals(RunFile.PATCH_KIND, RunFile.kindOf(good));
        Path old = dir.resolve("old.json");
        Files.writeString(old, text.replace("\"format\": \"spiqgan-model/1\",", "\"format\": \"spiqgan-model\", \"version\": 1,")
                .replace("\"kind\": \"spiqgan/patch\",", ""));
        assertEquals(RunFile.PATCH_KIND, RunFile.kindOf(old));
        ModelFile back = ModelFile.read(old);
        assertArrayEquals(m.state.theta, back.state.theta);
        assertEquals(RunFile.FORMAT, back.format);
    }

    @Test
    void damagedFilesGiveOneLineNamingFileAndField() throws Exception {
        ModelFile m = sample();
        Path good = dir.resolve("good.json");
        m.write(good);
        String text = Files.readString(good);
        assertTrue(damaged(text.substring(0, text.length() / 2)).getMessage().contains("json: damaged or truncated"));
        assertTrue(damaged("[1, 2]").getMessage().contains("json: not a JSON object"));
        String legacy = text.replace("\"format\": \"spiqgan-model/1\",", "\"format\": \"spiqgan-model\", \"version\": 1,")
                .replace("\"kind\": \"spiqgan/patch\",", "");
        assertTrue(damaged(legacy.replace("\"version\": 1", "\"version\": 99")).getMessage()
                .contains("version: unsupported model file version 99"));
        assertTrue(damaged(text.replace("\"spiqgan-model/1\"", "\"something\"")).getMessage().contains("format: expected"));
        assertTrue(damaged(text.replace("\"spiqgan/patch\"", "\"baseline/dg\"")).getMessage().contains("kind: expected"));
        String noTheta = text.replaceFirst("\"theta\": \\[[^\\]]*\\]", "\"theta\": [1.0, 2.0]");
        assertTrue(damaged(noTheta).getMessage().contains("state.theta: has 2 values, expected 126"), damaged(noTheta).getMessage());
        assertTrue(damaged(text.replace("\"critic\": \"mlp:8\"", "\"critic\": \"tree:3\"")).getMessage().contains("training.critic"));
        String xs = damaged(text.replaceFirst("\"theta\": \\[", "\"theta\": [\"x\", ")).getMessage();
        assertTrue(xs.contains("state.theta"), xs);
        String coin = damaged(text.replace("\"sampling\": \"BERNOULLI\"", "\"sampling\": \"COIN\"")).getMessage();
        assertTrue(coin.contains("generator.sampling"), coin);
        BadInputException missing = assertThrows(BadInputException.class, () -> ModelFile.read(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("no such model file"), missing.getMessage());
    }
}
