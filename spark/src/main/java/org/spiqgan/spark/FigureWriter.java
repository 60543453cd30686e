package org.spiqgan.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeriesCategory;
import org.knowm.xchart.internal.series.AxesChartSeriesNumericalNoErrorBars;
import org.knowm.xchart.internal.series.Series;

/**
 * Writes a report's charts as PNG + SVG, skipping those that did not change since the last call and drawing the
 * rest on a few threads. Drawing (PNG and SVG encoding) was most of a finished reproduction's rerun (BENCHMARKS.md),
 * and a rerun that retrains nothing usually changes no figure.
 *
 * <p>A chart's fingerprint is a SHA-256 of everything it shows (size, titles, every series' name, render style and
 * data) and of the drawing code (the class files of the report and of this writer, so a change of style redraws
 * everything); {@code figures/fingerprints.json} keeps the fingerprint of each figure written. A figure whose
 * fingerprint is unchanged and whose PNG and SVG both exist is not drawn again; a figure the last report wrote and
 * this one does not is deleted.
 */
final class FigureWriter implements AutoCloseable {
    static final String FINGERPRINTS = "fingerprints.json";

    private final Path figures;
    private final Map<String, String> before = new TreeMap<>();
    private final Map<String, String> after = new TreeMap<>();
    private final ExecutorService pool;
    private final List<Future<?>> pending = new ArrayList<>();
    private final String codeHash;
    private int drawn;
    private int unchanged;
    private boolean closed;

    /** {@code threads}: charts drawn at once (each on one thread; Java2D renders separate images independently). */
    FigureWriter(Path figures, int threads, Class<?> drawingCode) throws IOException {
        this.figures = figures;
        Files.createDirectories(figures);
        Path f = figures.resolve(FINGERPRINTS);
        if (Files.exists(f)) {
            try {
                JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
                for (var e : o.entrySet()) before.put(e.getKey(), e.getValue().getAsString());
            } catch (RuntimeException e) {
                before.clear(); // unreadable: draw everything again
            }
        }
        codeHash = hex(digest(classBytes(drawingCode), classBytes(FigureWriter.class)));
        pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "spiqgan-figures");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes {@code stem.png} and {@code stem.svg} unless they exist and show exactly this chart already. */
    void write(Chart<?, ?> chart, String stem) {
        String print = fingerprint(chart);
        after.put(stem, print);
        if (print.equals(before.get(stem)) && Files.exists(figures.resolve(stem + ".png")) && Files.exists(figures.resolve(stem + ".svg"))) {
            unchanged++;
            return;
        }
        drawn++;
        pending.add(pool.submit(() -> {
            BitmapEncoder.saveBitmap(chart, figures.resolve(stem + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, figures.resolve(stem).toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return null;
        }));
    }

    int drawn() { return drawn; }

    int unchanged() { return unchanged; }

    /** Waits for every drawing, then records the fingerprints (only of figures that now exist). */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            for (Future<?> f : pending) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing figures", e);
        } catch (ExecutionException e) {
            throw new IOException("drawing a figure failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        // Figures of an earlier report that this one no longer has (a figure renumbered or gone) would be stale
        // beside the index: remove them. Only names the fingerprint file lists, so nothing else in the folder.
        for (String stem : before.keySet()) {
            if (after.containsKey(stem)) continue;
            Files.deleteIfExists(figures.resolve(stem + ".png"));
            Files.deleteIfExists(figures.resolve(stem + ".svg"));
        }
        JsonObject o = new JsonObject();
        after.forEach(o::addProperty);
        CliRunExecutor.writeAtomically(figures.resolve(FINGERPRINTS), RunResult.GSON.toJson(o) + "\n");
    }

    /** Everything a chart shows, hashed: size, titles, and each series' class, name, style and data. */
    String fingerprint(Chart<?, ?> chart) {
        StringBuilder sb = new StringBuilder(codeHash).append('|').append(chart.getClass().getName()).append('|')
                .append(chart.getWidth()).append('x').append(chart.getHeight()).append('|').append(chart.getTitle()).append('|')
                .append(chart.getXAxisTitle()).append('|').append(chart.getYAxisTitle());
        if (chart instanceof HeatMapChart h) {
            HeatMapSeries s = h.getHeatMapSeries();
            if (s != null) {
                // the colour range too: it is shared with other maps, so it can change when this map's data does not
                sb.append("|heat:").append(s.getName()).append(s.getXData()).append(s.getYData()).append(h.getStyler().getMin())
                        .append(',').append(h.getStyler().getMax()).append(java.util.Arrays.toString(h.getStyler().getRangeColors()));
                for (Number[] cell : s.getHeatData()) sb.append(java.util.Arrays.toString(cell));
            }
        }
        for (Map.Entry<String, ? extends Series> e : chart.getSeriesMap().entrySet()) {
            Series s = e.getValue();
            sb.append("|series:").append(e.getKey()).append(':').append(s.getClass().getSimpleName());
            if (s instanceof org.knowm.xchart.XYSeries xy) sb.append(':').append(xy.getXYSeriesRenderStyle());
            if (s instanceof org.knowm.xchart.CategorySeries c) sb.append(':').append(c.getChartCategorySeriesRenderStyle());
            if (s instanceof AxesChartSeriesNumericalNoErrorBars n) {
                sb.append(java.util.Arrays.toString(n.getXData())).append(java.util.Arrays.toString(n.getYData()))
                        .append(java.util.Arrays.toString(n.getExtraValues()));
            } else if (s instanceof AxesChartSeriesCategory c) {
                sb.append(c.getXData()).append(c.getYData()).append(c.getExtraValues());
            }
        }
        return hex(digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] classBytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    private static byte[] digest(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) md.update(p);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
