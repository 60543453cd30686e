package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop during {@code generate} says in one line that nothing was written, and leaves no file, not even a hidden one. */
class OutputNoticeTest {
    @TempDir
    Path dir;

    @Test
    void aStopBeforeTheWriteSaysNothingWasWritten() {
        StringWriter text = new StringWriter();
        try (OutputNotice n = new OutputNotice(new PrintWriter(text), Path.of("g.npy"))) {
            n.onStop();
        }
        assertEquals(String.format("%nspiqgan: interrupted; nothing was written to g.npy%n"), text.toString());
    }

    @Test
    void aStopDuringTheWriteWaitsForItAndThenSaysNothing() throws Exception {
        StringWriter text = new StringWriter();
        try (OutputNotice n = new OutputNotice(new PrintWriter(text), Path.of("g.npy"))) {
            n.writing();
            Thread stop = new Thread(n::onStop);
            stop.start();
            stop.join(300);
            assertTrue(stop.isAlive(), "the stop must wait for the write that has begun");
            n.written();
            stop.join(10_000);
            assertFalse(stop.isAlive());
        }
        assertEquals("", text.toString());
    }

    @Test
    void sigtermDuringGenerationLeavesNoFile() throws Exception {
        Path run = dir.resolve("run");
        var cl = SpiqganCli.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("train", "--synthetic", "--neurons", "first:3", "--timesteps", "4",
                "--likelihood-steps", "1", "--refine-steps", "0", "--validation-samples", "64", "--quiet", "--out", run.toString()));
        Path outDir = Files.createDirectory(dir.resolve("out")), log = dir.resolve("log");
        List<String> cmd = List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), "org.spiqgan.cli.SpiqganCli", "generate", run.toString(),
                "--samples", "2000000", "--threads", "1", "--out", outDir.resolve("g.npy").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log).contains("generate")) {
            assertTrue(p.isAlive(), "ended early: " + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no progress within 120 s: " + Files.readString(log));
            Thread.sleep(20);
        }
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Files.readString(log).contains("spiqgan: interrupted; nothing was written to " + outDir.resolve("g.npy")),
                Files.readString(log));
        try (Stream<Path> left = Files.list(outDir)) {
            assertEquals(List.of(), left.toList(), "nothing may be left in the output folder");
        }
    }
}
