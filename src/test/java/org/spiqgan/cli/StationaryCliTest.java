package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.model.stationary.StationaryRun;

/** The stationary generator through the command line: train (the default model), generate, info, resume, bad input. */
class StationaryCliTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = SpiqganCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] train(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--synthetic", "--neurons", "top:4", "--timesteps", "5", "--history", "2",
                "--batch", "4", "--draws", "2", "--moment-samples", "8", "--eval-every", "5", "--validation-samples", "64",
                "--checkpoint-every", "3", "--quiet", "--threads", "2", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void trainGenerateInfo() throws Exception {
        Path run = dir.resolve("run");
        Result r = cli(train(run, "--likelihood-steps", "6", "--refine-steps", "4"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stationary autoregressive"), r.out());
        // default feedback mixed: 4 qubits x 2 layers x (1 + 4 latent + 4 previous-bin + 1 own older-bin weights) + 2 x 6 CRY angles
        assertTrue(r.out().contains("; 92 trainable parameters"), r.out());
        assertTrue(StationaryRun.isStationary(run));
        StationaryRun m = StationaryRun.read(run);
        assertEquals(10, m.state.step);
        assertEquals(10, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        Path g = dir.resolve("g.npy");
        r = cli("generate", run.toString(), "--samples", "30", "--seed", "4", "--out", g.toString());
        assertEquals(0, r.code(), r.err());
        SampleSet s = SampleSetIO.read(g);
        assertEquals("(30, 4, 5)", s.shape());
        r = cli("info", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kind spiqgan/stationary") && r.out().contains("trainable parameters: 92"), r.out());
    }

    @Test
    void singleBinWindowsTrain() {
        Path run = dir.resolve("t1");
        Result r = cli("train", "--synthetic", "--neurons", "top:3", "--timesteps", "1", "--likelihood-steps", "10", "--batch", "4",
                "--eval-every", "5", "--validation-samples", "64", "--quiet", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("autocorrelogramMse n/a"), r.out());
        assertEquals(0, cli("info", run.toString()).code());
    }

    @Test
    void resumedRunContinuesBitForBit() {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, cli(train(a, "--likelihood-steps", "6", "--refine-steps", "4")).code());
        assertEquals(0, cli(train(b, "--likelihood-steps", "6", "--refine-steps", "0")).code());
        Result r = cli("train", "--resume", b.toString(), "--refine-steps", "4", "--quiet", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("resuming"), r.err());
        StationaryRun ra = StationaryRun.read(a), rb = StationaryRun.read(b);
        assertEquals(10, rb.state.step);
        assertArrayEquals(ra.state.params, rb.state.params, "parameters after resume");
        assertArrayEquals(ra.state.ema, rb.state.ema, "moving average after resume");
    }

    @Test
    void resumeRefusesFixedOptionsAndFindsAMovedRecordingByChecksum() throws Exception {
        Path rec = dir.resolve("rec.npy"), moved = dir.resolve("moved.npy"), run = dir.resolve("r");
        assertEquals(0, cli("data", "synthetic", "--out", rec.toString()).code());
        Result r = cli("train", "--data", rec.toString(), "--neurons", "top:3", "--timesteps", "4", "--likelihood-steps", "4",
                "--refine-steps", "0", "--batch", "4", "--eval-every", "2", "--validation-samples", "32", "--quiet", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(StationaryRun.read(run).data.source().startsWith("/"), "absolute data path");
        r = cli("train", "--resume", run.toString(), "--likelihood-steps", "6", "--history", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--history") && r.err().contains("cannot change"), r.err());
        Files.move(rec, moved);
        r = cli("train", "--resume", run.toString(), "--likelihood-steps", "6", "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--data"), r.err());
        Files.writeString(dir.resolve("other.csv"), "n0,n1\n0,1\n");
        r = cli("train", "--resume", run.toString(), "--likelihood-steps", "6", "--quiet", "--data", dir.resolve("other.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not the run's recording"), r.err());
        r = cli("train", "--resume", run.toString(), "--likelihood-steps", "6", "--quiet", "--data", moved.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(6, StationaryRun.read(run).state.step);
    }

    @Test
    void badOptionsAreOneLineErrorsAndWriteNothing() {
        String[][] bad = {
            {"--ansatz", "cnot-ladder"},
            {"--latent-dim", "-1"},
            {"--lambda-moments", "1,2"},
            {"--burn-in", "-3"},
            {"--model", "tree"},
            {"--preset", "fast"},
            {"--steps", "5"},
            {"--ancillas", "2"},
        };
        for (String[] extra : bad) {
            Path out = dir.resolve("bad");
            Result r = cli(train(out, extra));
            assertEquals(2, r.code(), String.join(" ", extra) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(extra[0]), "names the option: " + r.err());
            assertFalse(Files.exists(out), "wrote nothing for " + String.join(" ", extra));
        }
    }
}
