package org.spiqgan.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries and failures on Spark local mode, with stand-in executors (no training). */
class SweepRetryTest {
    /** Fails the first attempt of every run (a marker file remembers it), then succeeds. */
    static final class FlakyOnce implements RunExecutor {
        @Override
        public RunResult run(RunTask task) throws Exception {
            Path marker = task.runDir().resolve("attempted");
            if (!Files.exists(marker)) {
                Files.writeString(marker, "1");
                throw new IllegalStateException("first attempt fails on purpose");
            }
            RunResult r = RunResult.of(task);
            r.status = "ok";
            r.errors.put("rateMse", 1.0 * task.seed());
            return r;
        }
    }

    /** Run "bad" always fails, the others succeed. */
    static final class OneBad implements RunExecutor {
        @Override
        public RunResult run(RunTask task) {
            if ("bad".equals(task.spec().get("kind"))) throw new IllegalStateException("this run always fails");
            RunResult r = RunResult.of(task);
            r.status = "ok";
            return r;
        }
    }

    private static List<RunTask> tasks(Path out, String... kinds) {
        List<RunTask> t = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.length; i++) t.add(new RunTask(String.format("r%04d", i + 1), Map.of("kind", kinds[i]), 10 + i, out.toString()));
        return t;
    }

    @Test
    void failedAttemptsAreRetriedByTheSparkAndRunsThatAlwaysFailAreReportedNotDropped(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path a = dir.resolve("a");
        Sweep.Outcome o = new Sweep(tasks(a, "x", "y", "z"), a, "local[2]", new FlakyOnce(), 3, log).run();
        assertEquals(0, o.failed());
        for (RunResult r : o.rows()) {
            assertEquals("ok", r.status);
            assertEquals(2, r.attempts, "the first attempt failed and Spark ran it again");
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Spark local mode"), text);
        assertTrue(text.contains("Spark retries it"), text);

        Path b = dir.resolve("b");
        o = new Sweep(tasks(b, "x", "bad", "z"), b, "local[2]", new OneBad(), 2, log).run();
        assertEquals(1, o.failed());
        assertEquals(List.of("ok", "failed", "ok"), o.rows().stream().map(r -> r.status).toList());
        assertEquals(2, o.rows().get(1).attempts);
        assertTrue(o.rows().get(1).message.contains("always fails"));
        String csv = Files.readString(b.resolve("results.csv"));
        assertEquals(4, csv.lines().count(), csv);
        assertTrue(csv.contains("r0002,bad,11,,") && csv.contains(",failed,this run always fails"), csv);

        // a rerun skips the finished runs and tries the failed one again
        Sweep.Outcome again = new Sweep(tasks(b, "x", "bad", "z"), b, "local[2]", new OneBad(), 1, log).run();
        assertEquals(1, again.ranNow());
    }
}
