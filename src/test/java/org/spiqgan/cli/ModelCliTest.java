package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.model.ModelFile;
import org.spiqgan.model.PatchGenerator;
import org.spiqgan.quantum.Circuit;
import org.spiqgan.quantum.Qasm;

/** train / generate / info / export-qasm through the command line, and their bad-input errors. */
class ModelCliTest {
    @TempDir
    static Path dir;

    static Path run;

    private record Result(int code, String out, String err) {}

    private static Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = SpiqganCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void train() throws Exception {
        run = dir.resolve("run");
        Result r = cli("train", "--model", "patch", "--synthetic", "--neurons", "top:5", "--timesteps", "2", "--group-size", "3", "--ancillas", "1",
                "--layers", "2", "--batch", "8", "--steps", "6", "--eval-every", "3", "--validation-samples", "100",
                "--critic", "mlp:8", "--quiet", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        // groups of 3 and 2 neurons + 1 ancilla: (4 + 3) qubits x 2 layers x 4 per qubit x 2 timesteps
        assertTrue(r.out().contains("trainable quantum parameters: 112 "), r.out());
        assertTrue(r.out().contains("critic mlp:8: " + (10 * 8 + 8 + 8 * 8 + 8 + 8 + 1) + " parameters"), r.out());
        assertTrue(Files.readString(run.resolve("metrics.jsonl")).lines().count() == 2);
    }

    @Test
    void generateWritesSamplesOfTheModelShape() {
        Path g = dir.resolve("g.npy");
        Result r = cli("generate", run.toString(), "--samples", "50", "--seed", "3", "--out", g.toString());
        assertEquals(0, r.code(), r.err());
        SampleSet s = SampleSetIO.read(g);
        assertEquals(50, s.samples());
        assertEquals(5, s.neurons());
        assertEquals(2, s.timesteps());
        Path g2 = dir.resolve("g2.npy");
        assertEquals(0, cli("generate", run.toString(), "--samples", "50", "--seed", "3", "--threads", "1", "--out", g2.toString()).code());
        assertArrayEquals(s.values(), SampleSetIO.read(g2).values(), "same seed, same samples, any thread count");
        Path g3 = dir.resolve("g3.csv");
        assertEquals(0, cli("generate", run.toString(), "--samples", "7", "--sampling", "bernoulli", "--checkpoint", "last",
                "--out", g3.toString()).code());
        assertEquals(7, SampleSetIO.read(g3).samples());
    }

    @Test
    void infoShowsConfigurationCountsAndData() {
        Result r = cli("info", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trainable quantum parameters: 112"), r.out());
        assertTrue(r.out().contains("synthetic:20240607"), r.out());
        assertTrue(r.out().contains("status: finished at step 6 of 6"), r.out());
    }

    @Test
    void exportedQasm2ReproducesTheTrainedSubGenerator() throws Exception {
        Result r = cli("export-qasm", run.toString(), "--patch", "1,1", "--format", "2", "--z", "0.1,0.2,0.3");
        assertEquals(0, r.code(), r.err());
        Circuit back = Qasm.parseQasm2(r.out(), "export");
        ModelFile m = ModelFile.read(run);
        PatchGenerator gen = new PatchGenerator(m.generator);
        double[] expected = gen.circuit(1).probabilities(gen.patchParams(m.generatorParams("best"), 1 * 2 + 1),
                new double[] {0.1, 0.2, 0.3});
        double[] got = back.probabilities(new double[0], new double[0]);
        for (int k = 0; k < expected.length; k++) assertEquals(expected[k], got[k], 1e-12);
        Result q3 = cli("export-qasm", run.toString(), "--patch", "0,0");
        assertEquals(0, q3.code());
        assertTrue(q3.out().contains("OPENQASM 3"), q3.out());
        assertTrue(q3.out().contains("input float[64] z3;"), q3.out());
    }

    @Test
    void trainingIsTheSameForEveryThreadCount() {
        ModelFile[] m = new ModelFile[2];
        String[] threads = {"1", "3"};
        for (int k = 0; k < 2; k++) {
            Path d = dir.resolve("threads" + threads[k]);
            Result r = cli("train", "--model", "patch", "--synthetic", "--neurons", "top:4", "--timesteps", "3", "--group-size", "2", "--layers", "2",
                    "--batch", "12", "--steps", "4", "--eval-every", "2", "--validation-samples", "50", "--critic", "mlp:8",
                    "--lambda-acg", "5", "--autoregressive", "--threads", threads[k], "--quiet", "--out", d.toString());
            assertEquals(0, r.code(), r.err());
            m[k] = ModelFile.read(d);
        }
        assertArrayEquals(m[0].state.theta, m[1].state.theta);
        assertArrayEquals(m[0].state.critic, m[1].state.critic);
        assertArrayEquals(m[0].state.bestParams, m[1].state.bestParams);
    }

    @Test
    void divergenceStopsNamingTheStepAndKeepsTheLastGoodCheckpoint() {
        Path d = dir.resolve("diverge");
        Result r = cli("train", "--model", "patch", "--synthetic", "--neurons", "top:2", "--timesteps", "1", "--layers", "1", "--batch", "4",
                "--steps", "50", "--checkpoint-every", "1", "--critic", "mlp:4", "--lr-c", "1e300", "--quiet", "--out", d.toString());
        assertEquals(2, r.code(), r.err());
        // Progress lines (pre-training, validations) may come first; the error is one line of its own.
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("spiqgan: training diverged at step ")), r.err());
        assertTrue(r.err().contains("kept the last good checkpoint"), r.err());
        ModelFile m = ModelFile.read(d); // still readable: every value finite
        assertTrue(m.state.step < 50);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        String[][] bad = {
            {"train", "--model", "patch", "--synthetic", "--neurons", "top:3", "--timesteps", "1", "--out", run.toString()},
            {"train", "--model", "patch", "--synthetic", "--neurons", "top:3", "--timesteps", "1", "--sampling", "coin", "--out", dir.resolve("x").toString()},
            {"train", "--model", "patch", "--synthetic", "--neurons", "top:3", "--timesteps", "1", "--betas", "0.5", "--out", dir.resolve("x").toString()},
            {"train", "--model", "patch", "--synthetic", "--neurons", "top:3", "--timesteps", "1", "--critic", "tree", "--out", dir.resolve("x").toString()},
            {"generate", run.toString(), "--samples", "0", "--out", dir.resolve("y.npy").toString()},
            {"generate", dir.resolve("nothing").toString(), "--samples", "3", "--out", dir.resolve("y.npy").toString()},
            {"generate", run.toString(), "--samples", "3", "--out", dir.resolve("y.txt").toString()},
            {"export-qasm", run.toString(), "--patch", "2,0"},
            {"export-qasm", run.toString(), "--patch", "0,0", "--format", "2", "--z", "1,2"},
            {"info", dir.resolve("nothing").toString()},
        };
        for (String[] args : bad) {
            Result r = cli(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("spiqgan: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertFalse(Files.exists(dir.resolve("y.npy")));
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
