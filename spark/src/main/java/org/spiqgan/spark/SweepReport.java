package org.spiqgan.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * {@code DIR/index.html} of a plain {@code spiqgan sweep}: a table of every run (the fields that vary, trainable
 * parameters, quality, each statistic's ratio to the noise floor, wall time, status) and, per statistic, the ratio
 * of every cell with one point per seed, so that {@code --seeds K} shows the spread between seeds. Cells are runs
 * with equal specifications (the replicates of {@code --seeds}). Figures as PNG + SVG in {@code DIR/figures}, drawn
 * by {@link FigureWriter} (unchanged figures are not drawn again).
 */
final class SweepReport {
    private final Path dir;
    private final List<RunResult> rows;
    private int drawn, unchanged;

    SweepReport(Path dir, List<RunResult> rows) {
        this.dir = dir;
        this.rows = List.copyOf(rows);
    }

    int drawn() { return drawn; }

    int unchanged() { return unchanged; }

    Path write() throws IOException {
        // cells in order of first appearance; each holds its replicates in grid order
        Map<Map<String, String>, List<RunResult>> cells = new LinkedHashMap<>();
        for (RunResult r : rows) cells.computeIfAbsent(r.spec, k -> new ArrayList<>()).add(r);
        List<String> varying = varyingFields();
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>SpiQGAN sweep</title><style>")
                .append("body{font-family:sans-serif;max-width:1400px;margin:auto}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #999;padding:2px 6px;text-align:right}</style></head><body><h1>SpiQGAN sweep: ")
                .append(rows.size()).append(" runs in ").append(cells.size()).append(" cells</h1><p>Every run: <a href=\"results.csv\">results.csv</a>, ")
                .append("<a href=\"results.json\">results.json</a>; run directories in <code>runs/</code>. Ratios are errors over the noise "
                        + "floor (1: as close as a second sample of the real data); quality is their geometric mean.</p>");
        html.append("<table><tr><th>cell</th><th>run</th>");
        for (String f : varying) html.append("<th>").append(esc(f)).append("</th>");
        html.append("<th>seed</th><th>parameters</th><th>quality</th>");
        for (String s : RunResult.STATISTICS) html.append("<th>").append(s).append(" ratio</th>");
        html.append("<th>wall s</th><th>status</th></tr>");
        int c = 0;
        for (List<RunResult> runs : cells.values()) {
            c++;
            for (RunResult r : runs) {
                html.append("<tr><td>").append(c).append("</td><td>").append(esc(r.runId)).append("</td>");
                for (String f : varying) html.append("<td>").append(esc(r.spec.getOrDefault(f, ""))).append("</td>");
                html.append("<td>").append(r.seed).append("</td><td>").append(r.trainableParameters == null ? "" : r.trainableParameters)
                        .append("</td><td>").append(r.ok() ? fmt(ReproduceReport.quality(r)) : "").append("</td>");
                for (String s : RunResult.STATISTICS) html.append("<td>").append(r.ok() ? fmt(r.ratios.get(s)) : "").append("</td>");
                html.append("<td>").append(String.format(Locale.ROOT, "%.1f", r.wallSeconds)).append("</td><td>").append(esc(r.status))
                        .append(r.ok() ? "" : ": " + esc(r.message)).append("</td></tr>");
            }
        }
        html.append("</table><h2>Ratio to the noise floor per cell (one point per seed)</h2>");
        try (FigureWriter w = new FigureWriter(dir.resolve("figures"), ReproduceReport.DRAWING_THREADS, SweepReport.class)) {
            List<String> names = new ArrayList<>(List.of("quality"));
            names.addAll(List.of(RunResult.STATISTICS));
            int figure = 0;
            for (String stat : names) {
                XYChart chart = new XYChartBuilder().width(560).height(360).title(stat.equals("quality") ? "quality (geometric mean of the ratios)" : stat + " ratio")
                        .xAxisTitle("cell").yAxisTitle("error / noise floor").build();
                chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setYAxisLogarithmic(true);
                Map<Integer, List<double[]>> byReplicate = new LinkedHashMap<>();
                int cell = 0;
                for (List<RunResult> runs : cells.values()) {
                    cell++;
                    for (int k = 0; k < runs.size(); k++) {
                        RunResult r = runs.get(k);
                        if (!r.ok()) continue;
                        Double v = stat.equals("quality") ? (Double) ReproduceReport.quality(r) : r.ratios.get(stat);
                        if (v != null && v > 0 && Double.isFinite(v)) byReplicate.computeIfAbsent(k + 1, x -> new ArrayList<>()).add(new double[] {cell, v});
                    }
                }
                if (byReplicate.isEmpty()) continue;
                for (Map.Entry<Integer, List<double[]>> e : byReplicate.entrySet()) {
                    chart.addSeries(byReplicate.size() == 1 ? "runs" : "seed " + e.getKey(), e.getValue().stream().mapToDouble(p -> p[0]).toArray(),
                            e.getValue().stream().mapToDouble(p -> p[1]).toArray());
                }
                String stem = String.format(Locale.ROOT, "sweep-%02d-%s", ++figure, stat);
                w.write(chart, stem);
                html.append("<figure style=\"display:inline-block;width:32%\"><a href=\"figures/").append(stem).append(".svg\"><img style=\"max-width:100%\" src=\"figures/")
                        .append(stem).append(".png\" alt=\"").append(stem).append("\"></a><figcaption>").append(stat)
                        .append(" of each cell (numbered as in the table), one point per seed.</figcaption></figure>");
            }
            w.close();
            drawn = w.drawn();
            unchanged = w.unchanged();
        }
        html.append("</body></html>\n");
        Path index = dir.resolve("index.html");
        CliRunExecutor.writeAtomically(index, html.toString());
        return index;
    }

    /** Specification fields whose value differs between runs (all fields when there is one run). */
    private List<String> varyingFields() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (RunResult r : rows) all.addAll(r.spec.keySet());
        List<String> varying = new ArrayList<>();
        for (String f : all) {
            long distinct = rows.stream().map(r -> r.spec.getOrDefault(f, "")).distinct().count();
            if (distinct > 1 || rows.size() == 1) varying.add(f);
        }
        return varying;
    }

    private static String fmt(Double d) {
        return d == null || d.isNaN() ? "" : String.format(Locale.ROOT, "%.3g", d);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
