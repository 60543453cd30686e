package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.baseline.Baselines;
import org.spiqgan.baseline.ClassicalGan;
import org.spiqgan.model.TrainerState;

/**
 * {@code baseline train} survives interruption like {@code train}: a run stopped with SIGTERM (as Ctrl-C) in a
 * separate JVM writes its checkpoint and says how to resume in one line; {@code --resume} then ends with exactly
 * the state of an uninterrupted run with the same seed (generator, EMA, best parameters, critic, Adam moments,
 * validation history), and the model file and metrics.jsonl are those of a finished run.
 */
class BaselineResumeTest {
    private static final int STEPS = 400;

    @TempDir
    static Path dir;

    static ClassicalGan reference;

    private static List<String> trainArgs(Path out) {
        return List.of("baseline", "train", "mlp", "--synthetic", "--neurons", "top:4", "-T", "6", "--width", "16", "--latent", "8",
                "--steps", Integer.toString(STEPS), "--batch", "16", "--critic", "mlp:16", "--critic-input", "gumbel",
                "--eval-every", "40", "--checkpoint-every", "5", "--validation-samples", "300", "--seed", "5", "--quiet",
                "--out", out.toString());
    }

    @BeforeAll
    static void uninterruptedRun() {
        Path out = dir.resolve("reference");
        assertEquals(0, SpiqganCli.commandLine().execute(trainArgs(out).toArray(new String[0])));
        reference = (ClassicalGan) Baselines.load(out);
        assertEquals(STEPS, reference.state().step);
        assertEquals("finished", reference.status());
    }

    @Test
    void sigtermWritesACheckpointAndResumeIsBitwiseIdentical() throws Exception {
        Path out = dir.resolve("term"), log = dir.resolve("term.log");
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), "org.spiqgan.cli.SpiqganCli"));
        cmd.addAll(trainArgs(out));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (stepOnDisk(out) < 10) {
            assertTrue(p.isAlive(), "training ended before it could be stopped: " + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no checkpoint within 120 s");
            Thread.sleep(10);
        }
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process did not stop");
        ClassicalGan stopped = (ClassicalGan) Baselines.load(out);
        String text = Files.readString(log);
        assertTrue(stopped.state().step < STEPS, "stopped too late to test anything (step " + stopped.state().step + ")");
        assertEquals("interrupted", stopped.status(), text);
        assertTrue(text.contains("spiqgan: interrupted at step " + stopped.state().step) && text.contains("--resume " + out), text);

        assertEquals(0, SpiqganCli.commandLine().execute("baseline", "train", "--resume", out.toString(), "--quiet"));
        ClassicalGan resumed = (ClassicalGan) Baselines.load(out);
        TrainerState a = reference.state(), b = resumed.state();
        assertEquals("finished", resumed.status());
        assertEquals(STEPS, b.step);
        assertArrayEquals(a.theta, b.theta);
        assertArrayEquals(a.ema, b.ema);
        assertArrayEquals(a.bestParams, b.bestParams);
        assertArrayEquals(a.critic, b.critic);
        assertArrayEquals(a.adamG.m, b.adamG.m);
        assertArrayEquals(a.adamC.v, b.adamC.v);
        assertArrayEquals(a.streams, b.streams);
        assertEquals(a.bestStep, b.bestStep);
        assertArrayEquals(reference.generator().params(), resumed.generator().params());
        assertEquals(scores(a), scores(b));
        assertEquals(STEPS / 40, Files.readAllLines(out.resolve("metrics.jsonl")).size());
    }

    @Test
    void resumeRefusesOptionsTheRunFixes() {
        EvaluateCommandTest.Result r = EvaluateCommandTest.run("baseline", "train", "--resume", dir.resolve("reference").toString(),
                "--width", "3");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("--width") && r.err.contains("cannot change when resuming"), r.err);
    }

    private static String scores(TrainerState s) {
        StringBuilder sb = new StringBuilder();
        for (JsonObject m : s.metrics) sb.append(m.get("step")).append(' ').append(m.getAsJsonObject("validation").get("score")).append(' ')
                .append(m.get("wasserstein")).append('\n');
        return sb.toString();
    }

    private static long stepOnDisk(Path out) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(out.resolve("model.json"))).getAsJsonObject();
            return o.getAsJsonObject("state").get("step").getAsLong();
        } catch (Exception e) {
            return -1;
        }
    }
}
