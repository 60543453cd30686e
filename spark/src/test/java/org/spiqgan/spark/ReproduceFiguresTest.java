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
import org.spiqgan.baseline.DichotomizedGaussian;

/**
 * The figure families beyond Fig. 2 on a tiny part of the reproduction's own grid (the command's runs, names and
 * seeds: N = 2, the stationary model at T = 1 and 5 with two seeds, the paper model's two losses and the baselines at T = 5): Fig. 3 panels and
 * rasters, the S1/S2 heat maps with the K-loss difference and the spread over seeds, and the parameters table
 * against fitted baselines whose counts come from the library. Then the report again: nothing is redrawn.
 */
class ReproduceFiguresTest {
    @Test
    void fig3HeatMapsAndParametersFromATinyGridThenNothingRedrawn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("repro");
        ReproduceCommand cmd = new ReproduceCommand();
        cmd.target = "all";
        cmd.budget = "smoke";
        cmd.seeds = 2;
        List<RunTask> tiny = cmd.tasks(out, List.of("paper", "best")).stream()
                .filter(t -> t.spec().get("neurons").equals("top:2") && List.of("1", "5").contains(t.spec().get("timesteps")))
                .filter(t -> t.runId().startsWith("best-") || (t.runId().startsWith("paper-") && t.runId().contains("T05") && t.runId().endsWith("-s1"))
                        || (t.runId().startsWith("base-") && t.runId().endsWith("T05")))
                .toList();
        assertEquals(2 + 4 + PaperGrid.BASELINES.size(), tiny.size(), tiny.toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Sweep.Outcome o = new Sweep(tiny, out, "local[2]", new CliRunExecutor(), 1, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertEquals(0, o.failed(), log.toString(StandardCharsets.UTF_8));

        ReproduceReport report = new ReproduceReport(out, "all", List.of("paper", "best"), o.rows());
        String html = Files.readString(report.write());
        for (String fig : new String[] {"fig3-firingProbability-N2-T5", "fig3-kProbability-N2-T5", "fig3-autocorrelogram-N2-T5",
            "fig3-covariance-N2-T5", "fig3-raster-best-N02-T05-s1", "fig3-raster-paper-N02-T05-k-s1",
            "figs1-paper-k", "figs1-paper-standard", "figs1-paper-difference", "figs1-best", "figs1-best-spread",
            "figs2-paper-difference", "figs2-best-spread", "fig2-states-N2", "params-quality"}) {
            assertTrue(html.contains("alt=\"" + fig + "\""), fig + " missing");
            assertTrue(Files.exists(out.resolve("figures").resolve(stem(html, fig) + ".png")), fig);
            assertTrue(Files.exists(out.resolve("figures").resolve(stem(html, fig) + ".svg")), fig);
        }
        assertTrue(html.contains("mean over seeds; error bars"), "Fig. 2 shows the spread of the two stationary seeds");
        assertFalse(html.contains("fig3-kProbability-N10"), "only cells that ran are drawn");

        // the baselines' parameter counts are the fitted models' own (model.json), equal to the library's counts
        Map<String, RunResult> byId = new java.util.HashMap<>();
        for (RunResult r : o.rows()) byId.put(r.runId, r);
        assertEquals(2L, byId.get("base-bernoulli-N02-T05").trainableParameters);
        assertEquals(DichotomizedGaussian.parameterCount(2, 5), byId.get("base-dg-N02-T05").trainableParameters);
        assertEquals(3L, byId.get("base-maxent-pairwise-N02-T05").trainableParameters, "2 fields + 1 coupling");
        assertEquals(5L, byId.get("base-maxent-k-pairwise-N02-T05").trainableParameters, "2 fields + 1 coupling + V(1), V(2)");
        for (String b : PaperGrid.BASELINES.keySet()) {
            RunResult r = byId.get("base-" + b + "-N02-T05");
            assertTrue(r.errors.get("rateMse") != null && r.errors.get("kProbabilityMse") != null, b + " judged on the test split");
            assertTrue(html.contains(">" + b + "</td><td>" + r.trainableParameters + "</td>"), b + " row in the parameters table");
        }
        long[] counts = ReproduceReport.classicalCounts(2, 5, ReproduceReport.defaultLatent());
        assertEquals(2L, counts[0]);
        assertEquals(DichotomizedGaussian.parameterCount(2, 5), counts[1]);
        assertEquals(3L, counts[2]);
        assertEquals(5L, counts[3]);
        assertTrue(counts[4] > 1000 && counts[5] > 1000, "GAN generators have thousands of parameters at their widths");

        ReproduceReport again = new ReproduceReport(out, "all", List.of("paper", "best"), o.rows());
        assertEquals(html, Files.readString(again.write()));
        assertEquals(0, again.drawn());
        assertEquals(report.drawn(), again.unchanged());
        assertTrue(report.drawn() >= 15, "drawn " + report.drawn());

        // a report with fewer figures (fig2 only) removes the figures it no longer has, and nothing else
        Path mine = out.resolve("figures").resolve("notes.txt");
        Files.writeString(mine, "a user's file");
        String fewer = Files.readString(new ReproduceReport(out, "fig2", List.of("paper", "best"), o.rows()).write());
        try (var files = Files.list(out.resolve("figures"))) {
            List<String> pngs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
            assertEquals(fewer.split("<img", -1).length - 1, pngs.size(), pngs.toString());
            for (String png : pngs) assertTrue(fewer.contains("src=\"figures/" + png + "\""), png + " is stale");
        }
        assertTrue(Files.exists(mine), "only figures the last report listed are removed");
    }

    @Test
    void heatMapsShareOneColourRangeAndDifferencesAreCentredOnZero() {
        double[][] best = {{-3.56, -4.17}, {Double.NaN, -3.3}}, paper = {{-1.41, -2.2}};
        assertArrayEquals(new double[] {-4.2, -1.4}, ReproduceReport.colourRange(List.of(best, paper), false), 1e-12);
        assertArrayEquals(new double[] {-1.2, 1.2}, ReproduceReport.colourRange(List.<double[][]>of(new double[][] {{0.81, -1.14}}), true), 1e-12);
        assertArrayEquals(new double[] {-0.1, 0.1}, ReproduceReport.colourRange(List.<double[][]>of(new double[][] {{0, 0}}), true), 1e-12);
    }

    private static String stem(String html, String id) {
        int at = html.indexOf("alt=\"" + id + "\"");
        int src = html.lastIndexOf("src=\"figures/", at) + "src=\"figures/".length();
        return html.substring(src, html.indexOf(".png", src));
    }
}
