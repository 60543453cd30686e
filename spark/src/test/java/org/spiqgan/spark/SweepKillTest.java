package org.spiqgan.spark;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a sweep's driver (a real child JVM, SIGKILL through destroyForcibly) while a run is between checkpoints,
 * starts it again, and expects the results of an uninterrupted sweep.
 */
class SweepKillTest {
    static final String GRID = "{\"seed\": 5, \"fixed\": {\"likelihood-steps\": 150, \"refine-steps\": 0, \"checkpoint-every\": 10, \"samples\": 1000},"
            + " \"runs\": [{\"neurons\": \"top:3\", \"timesteps\": 5}, {\"neurons\": \"top:2\", \"timesteps\": 4},"
            + " {\"neurons\": \"top:3\", \"timesteps\": 3}]}";

    private static Process sweep(Path grid, Path out, Path log) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx2g");
        cmd.addAll(Arrays.asList(System.getProperty("spark.jvm.opens").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.spiqgan.spark.SweepCli", "sweep", grid.toString(),
                "--out", out.toString(), "--master", "local[2]"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** A run whose training has written a checkpoint but not finished. */
    private static boolean checkpointMidRun(Path out) throws Exception {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) return false;
        try (Stream<Path> s = Files.list(runs)) {
            for (Path r : s.toList()) {
                Path m = r.resolve("model.json");
                if (!Files.exists(m)) continue;
                try {
                    String status = JsonParser.parseString(Files.readString(m)).getAsJsonObject().get("status").getAsString();
                    if (!"finished".equals(status)) return true;
                } catch (RuntimeException | java.io.IOException e) {
                    // being replaced this instant: look again
                }
            }
        }
        return false;
    }

    private static String withoutTimes(String csv) {
        List<String[]> rows = csv.lines().map(l -> l.split(",", -1)).toList();
        List<String> header = Arrays.asList(rows.get(0));
        int wall = header.indexOf("wall_seconds"), cpu = header.indexOf("cpu_seconds");
        assertTrue(wall > 0 && cpu > 0);
        return rows.stream().map(r -> {
            String[] c = r.clone();
            c[wall] = "";
            c[cpu] = "";
            return String.join(",", c);
        }).collect(Collectors.joining("\n"));
    }

    @Test
    void killedDriverRestartedGivesTheResultsOfAnUninterruptedSweep(@TempDir Path dir) throws Exception {
        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, GRID);
        Path killed = dir.resolve("killed");
        Path log = dir.resolve("driver.log");

        Process p = sweep(grid, killed, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        boolean midRun = false;
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (checkpointMidRun(killed)) {
                midRun = true;
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(midRun, "no checkpoint mid-run seen; driver log:\n" + Files.readString(log));
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue(), "killed, not finished");
        assertFalse(Files.exists(killed.resolve("results.csv")), "killed before the end");

        Process again = sweep(grid, killed, log);
        assertTrue(again.waitFor(600, TimeUnit.SECONDS), "restarted sweep did not finish");
        assertEquals(0, again.exitValue(), Files.readString(log));
        String resumedLogs = "";
        try (Stream<Path> s = Files.list(killed.resolve("runs"))) {
            for (Path r : s.toList()) resumedLogs += Files.readString(r.resolve("log.txt"));
        }
        assertTrue(resumedLogs.contains("resuming from the checkpoint"), "a run resumed from its checkpoint");

        Path whole = dir.resolve("whole");
        List<RunTask> tasks = Grid.read(grid, 1, whole.toString());
        new Sweep(tasks, whole, "local[2]", new CliRunExecutor(), 3, new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(withoutTimes(Files.readString(whole.resolve("results.csv"))), withoutTimes(Files.readString(killed.resolve("results.csv"))));
        assertTrue(Files.readString(killed.resolve("results.csv")).lines().skip(1).allMatch(l -> l.contains(",ok,")));
    }

}
