package org.spiqgan.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain sweep's index.html (one point per seed) and --budget (added where a run sets nothing itself); no Spark. */
class SweepReportTest {
    private static RunResult row(String id, Map<String, String> spec, long seed, double rateRatio) {
        RunResult r = RunResult.of(new RunTask(id, spec, seed, "/x"));
        r.status = "ok";
        r.trainableParameters = 42L;
        for (String s : RunResult.STATISTICS) { r.errors.put(s, null); r.ratios.put(s, null); }
        r.errors.put("rateMse", rateRatio / 1000);
        r.ratios.put("rateMse", rateRatio);
        r.ratios.put("kProbabilityMse", 2 * rateRatio);
        return r;
    }

    @Test
    void indexShowsEveryRunAndOnePointPerSeedAndRedrawsNothingTheSecondTime(@TempDir Path dir) throws Exception {
        List<RunResult> rows = new ArrayList<>();
        Map<String, String> a = new LinkedHashMap<>(Map.of("neurons", "top:2")), b = new LinkedHashMap<>(Map.of("neurons", "top:4"));
        rows.add(row("r0001", a, 11, 3.0));
        rows.add(row("r0002", a, 12, 5.0));
        rows.add(row("r0003", b, 13, 7.0));
        rows.add(row("r0004", b, 14, 9.0));
        SweepReport report = new SweepReport(dir, rows);
        String html = Files.readString(report.write());
        assertTrue(html.contains("4 runs in 2 cells"), html);
        assertTrue(html.contains("<td>r0004</td><td>top:4</td>"), "the varying field is a column");
        for (String stem : new String[] {"sweep-01-quality", "sweep-02-rateMse", "sweep-03-kProbabilityMse"}) {
            assertTrue(Files.exists(dir.resolve("figures").resolve(stem + ".png")), stem);
            assertTrue(Files.exists(dir.resolve("figures").resolve(stem + ".svg")), stem);
        }
        assertFalse(html.contains("covarianceMse-"), "no figure for a statistic without values");
        assertEquals(3, report.drawn());

        SweepReport again = new SweepReport(dir, rows);
        again.write();
        assertEquals(0, again.drawn());
        assertEquals(3, again.unchanged());
        rows.set(3, row("r0004", b, 14, 90.0));
        SweepReport changed = new SweepReport(dir, rows);
        changed.write();
        assertEquals(3, changed.drawn(), "every figure showing r0004 changed (quality, rate, P(k))");
    }

    @Test
    void budgetFillsOnlyWhatARunLeavesOpen() {
        List<RunTask> tasks = List.of(new RunTask("r0001", Map.of("neurons", "top:2", "likelihood-steps", "7"), 1, "/x"),
                new RunTask("r0002", Map.of("neurons", "top:2", "preset", "paper"), 2, "/x"),
                new RunTask("r0003", Map.of("neurons", "top:2", CliRunExecutor.BASELINE, "dg"), 3, "/x"));
        List<RunTask> b = SweepCli.SweepCommand.withBudget(tasks, "smoke");
        assertEquals("7", b.get(0).spec().get("likelihood-steps"), "the grid's own value wins");
        assertEquals(PaperGrid.budget("best", "smoke").get("refine-steps"), b.get(0).spec().get("refine-steps"));
        assertEquals(PaperGrid.budget("paper", "smoke").get("steps"), b.get(1).spec().get("steps"));
        assertFalse(b.get(1).spec().containsKey("likelihood-steps"));
        assertEquals(Map.of("neurons", "top:2", CliRunExecutor.BASELINE, "dg", CliRunExecutor.SAMPLES,
                PaperGrid.budget("best", "smoke").get(CliRunExecutor.SAMPLES)), b.get(2).spec());
        assertEquals(1, b.get(0).seed());
    }
}
