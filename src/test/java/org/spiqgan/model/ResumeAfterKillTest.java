package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.SpiqganCli;

/**
 * A run killed with a real signal in a separate JVM and resumed ends with exactly the parameters of an
 * uninterrupted run with the same seed and thread count: SIGTERM (the shutdown hook writes a checkpoint
 * after the current step) and SIGKILL (the periodic checkpoint is all there is).
 */
class ResumeAfterKillTest {
    private static final int STEPS = 400;

    @TempDir
    static Path dir;

    static ModelFile reference;

    private static List<String> trainArgs(Path out) {
        return List.of("train", "--model", "patch", "--synthetic", "--neurons", "top:3", "--timesteps", "2", "--layers", "2", "--batch", "8",
                "--critic", "mlp:16", "--steps", Integer.toString(STEPS), "--eval-every", "20", "--checkpoint-every", "5",
                "--validation-samples", "256", "--threads", "2", "--seed", "7", "--quiet", "--out", out.toString());
    }

    @BeforeAll
    static void uninterruptedRun() {
        Path out = dir.resolve("reference");
        int code = SpiqganCli.commandLine().execute(trainArgs(out).toArray(new String[0]));
        assertEquals(0, code);
        reference = ModelFile.read(out);
        assertEquals(STEPS, reference.state.step);
    }

    @Test
    void sigtermWritesACheckpointAndResumeIsBitwiseIdentical() throws Exception {
        killAndResume("term", false);
    }

    @Test
    void sigkillResumesFromThePeriodicCheckpointBitwiseIdentical() throws Exception {
        killAndResume("kill", true);
    }

    private void killAndResume(String name, boolean forcibly) throws Exception {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "org.spiqgan.cli.SpiqganCli"));
        cmd.addAll(trainArgs(out));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Wait for a checkpoint past step 0, then kill.
        while (stepOnDisk(out) < 10) {
            assertTrue(p.isAlive(), "training ended before it could be killed: " + Files.readString(dir.resolve(name + ".log")));
            assertTrue(System.nanoTime() < deadline, "no checkpoint within 120 s");
            Thread.sleep(20);
        }
        if (forcibly) p.destroyForcibly();
        else p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process did not stop");
        ModelFile killed = ModelFile.read(out);
        assertTrue(killed.state.step < STEPS, "killed too late to test anything (step " + killed.state.step + ")");
        if (!forcibly) {
            // The JVM ends with 143 (128 + SIGTERM) after the shutdown hook has written the checkpoint.
            assertEquals("interrupted", killed.status, Files.readString(dir.resolve(name + ".log")));
        }
        int code = SpiqganCli.commandLine().execute("train", "--resume", out.toString());
        assertEquals(0, code);
        ModelFile resumed = ModelFile.read(out);
        assertEquals(STEPS, resumed.state.step);
        assertArrayEquals(reference.state.theta, resumed.state.theta);
        assertArrayEquals(reference.state.ema, resumed.state.ema);
        assertArrayEquals(reference.state.critic, resumed.state.critic);
        assertArrayEquals(reference.state.bestParams, resumed.state.bestParams);
        assertEquals(reference.state.bestStep, resumed.state.bestStep);
        assertEquals(reference.state.adamG, resumed.state.adamG);
        assertEquals(reference.state.adamC, resumed.state.adamC);
        assertEquals(reference.state.metrics.size(), resumed.state.metrics.size());
    }

    private static long stepOnDisk(Path out) {
        Path f = ModelFile.path(out);
        if (!Files.exists(f)) return -1;
        try {
            return ModelFile.read(out).state.step;
        } catch (RuntimeException e) {
            return -1; // being replaced right now
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

}
