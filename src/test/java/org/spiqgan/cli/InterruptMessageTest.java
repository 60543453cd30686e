package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 6: the "interrupted ..." line is printed every time a run is stopped with SIGTERM (as
 * Ctrl-C), during the likelihood pre-training and during the GAN; it raced with the JVM's exit before.
 */
class InterruptMessageTest {
    @TempDir
    Path dir;

    private Process start(Path out, Path log, String pretrain) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), "org.spiqgan.cli.SpiqganCli",
                "train", "--model", "patch", "--synthetic", "--neurons", "top:3", "--timesteps", "2", "--layers", "2", "--batch", "8",
                "--critic", "mlp:8", "--steps", "1000000", "--eval-every", "1000", "--checkpoint-every", "2",
                "--validation-samples", "64", "--threads", "1", "--pretrain", pretrain, "--quiet", "--out", out.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitFor(Process p, Path log, java.util.function.BooleanSupplier ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ready.getAsBoolean()) {
            assertTrue(p.isAlive(), "ended early: " + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "not ready within 120 s: " + Files.readString(log));
            Thread.sleep(10);
        }
    }

    @Test
    void theMessageAppearsEveryTimeDuringTheGan() throws Exception {
        for (int k = 0; k < 3; k++) {
            Path out = dir.resolve("gan" + k), log = dir.resolve("gan" + k + ".log");
            Process p = start(out, log, "0");
            waitFor(p, log, () -> Files.exists(out.resolve("model.json")));
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String text = Files.readString(log);
            assertTrue(text.contains("spiqgan: interrupted at step ") && text.contains("--resume " + out), "run " + k + ": " + text);
        }
    }

    @Test
    void theMessageAppearsEveryTimeDuringPretraining() throws Exception {
        for (int k = 0; k < 3; k++) {
            Path out = dir.resolve("pre" + k), log = dir.resolve("pre" + k + ".log");
            Process p = start(out, log, "100000000");
            waitFor(p, log, () -> {
                try {
                    return Files.readString(log).contains("pretrain step");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String text = Files.readString(log);
            assertTrue(text.contains("spiqgan: interrupted during the likelihood pre-training"), "run " + k + ": " + text);
            assertEquals(false, Files.exists(out), "no empty run directory");
        }
    }
}
