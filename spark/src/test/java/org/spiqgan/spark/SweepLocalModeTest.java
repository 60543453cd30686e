package org.spiqgan.spark;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 4-run grid of real training runs on Spark local mode with 2 cores, against the same runs one by one. */
class SweepLocalModeTest {
    static final String GRID = "{\"seed\": 11, \"fixed\": {\"likelihood-steps\": 20, \"refine-steps\": 0, \"samples\": 1000},"
            + " \"fields\": {\"neurons\": [\"top:2\", \"top:3\"], \"timesteps\": [1, 3]}}";

    @Test
    void fourRunsOnTwoCoresEqualTheSameRunsOneByOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        List<RunTask> tasks = Grid.expand(Path.of("grid.json"), JsonParser.parseString(GRID).getAsJsonObject(), 1, out.toString());
        assertEquals(4, tasks.size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Sweep.Outcome o = new Sweep(tasks, out, "local[2]", new CliRunExecutor(), 3, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Spark local mode") && log.contains("2 task slots"), log);
        assertEquals(4, o.ranNow());
        assertEquals(0, o.failed());
        assertEquals(5, Files.readString(out.resolve("results.csv")).lines().count());

        Path alone = dir.resolve("alone");
        for (int i = 0; i < 4; i++) {
            RunTask t = tasks.get(i);
            RunResult swept = o.rows().get(i);
            assertTrue(Files.exists(out.resolve("runs").resolve(t.runId()).resolve("model.json")), "an ordinary run directory");
            RunResult single = new CliRunExecutor().run(new RunTask(t.runId(), t.spec(), t.seed(), alone.toString()));
            assertEquals("ok", swept.status);
            assertEquals(t.spec(), swept.spec);
            assertEquals(single.trainableParameters, swept.trainableParameters, t.runId());
            assertEquals(single.errors, swept.errors, t.runId() + ": errors");
            assertEquals(single.ratios, swept.ratios, t.runId() + ": ratios");
            assertNotNull(swept.errors.get("rateMse"));
            assertTrue(swept.wallSeconds > 0 && swept.cpuSeconds > 0);
        }
        // different seeds give different runs (the comparison above is not trivially true)
        assertNotEquals(o.rows().get(0).seed, o.rows().get(2).seed);

        // again: nothing runs, the same table
        String csv = Files.readString(out.resolve("results.csv"));
        Sweep.Outcome again = new Sweep(tasks, out, "local[2]", new CliRunExecutor(), 3, new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(0, again.ranNow());
        assertEquals(csv, Files.readString(out.resolve("results.csv")));
    }
}
