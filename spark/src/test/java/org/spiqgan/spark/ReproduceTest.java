package org.spiqgan.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce fig2 --budget smoke --model both} end to end on Spark local mode (12 runs), then again: the
 * second call runs nothing and gives the same table. (The whole {@code all} grid at the smoke budget is measured
 * in BENCHMARKS.md, not run here: it takes longer than CI should.)
 */
class ReproduceTest {
    private static int reproduce(ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return SweepCli.commandLine().execute(args);
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void fig2SmokeWritesTheFiguresAndASecondCallRetrainsNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("repro");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, reproduce(err, "reproduce", "fig2", "--budget", "smoke", "--model", "both", "--out", out.toString()), err.toString());
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Spark local mode"), log);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 4 * 2 + 4, csv.size(), "N = 2, 4, 6, 8 at T = 1: paper K-loss and standard, best");
        assertTrue(csv.stream().skip(1).allMatch(l -> l.contains(",ok,")));
        String html = Files.readString(out.resolve("index.html"));
        for (int n : new int[] {2, 4, 6, 8}) {
            assertTrue(html.contains("fig2-states-N" + n), html);
            assertTrue(html.contains("fig2-js-N" + n), html);
        }
        try (Stream<Path> s = Files.list(out.resolve("figures"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().filter(x -> x.endsWith(".png")).count() >= 8);
            assertEquals(names.stream().filter(x -> x.endsWith(".png")).count(), names.stream().filter(x -> x.endsWith(".svg")).count());
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, reproduce(again, "reproduce", "fig2", "--budget", "smoke", "--model", "both", "--out", out.toString()));
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("nothing to run, Spark not started"), again.toString());
        assertEquals(csv, Files.readAllLines(out.resolve("results.csv")));
    }

    @Test
    void paperBudgetAsksForYesBeforeAnyWork(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, reproduce(err, "reproduce", "all", "--budget", "paper", "--out", dir.resolve("x").toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("CPU hours") && text.contains("--yes"), text);
        assertFalse(Files.exists(dir.resolve("x")));
        assertEquals(2, reproduce(new ByteArrayOutputStream(), "reproduce", "fig9", "--budget", "smoke", "--out", dir.resolve("x").toString()));
    }
}
