package org.spiqgan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.spiqgan.stats.Evaluation;
import org.spiqgan.stats.EvaluationBuilder;
import org.spiqgan.stats.SyntheticSpikes;

/** Axis labels of the report's figures (issue 15). */
class FigureAxesTest {

    /** The y-axis labels drawn on a raster: text left of the plot, within its height, as (label, screen y). */
    static java.util.List<Object[]> rowLabelsInSvg(Figure f) throws Exception {
        java.io.ByteArrayOutputStream svg = new java.io.ByteArrayOutputStream();
        org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(f.chart(), svg, org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        RasterChart c = (RasterChart) f.chart();
        java.awt.geom.Rectangle2D plot = c.plotBounds();
        var m = java.util.regex.Pattern.compile("<text[^>]*? x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"[^>]*>([^<]*)</text>")
                .matcher(svg.toString(java.nio.charset.StandardCharsets.UTF_8));
        java.util.List<Object[]> out = new java.util.ArrayList<>();
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            if (x < plot.getX() && y > plot.getY() && y < plot.getMaxY() + 4) out.add(new Object[] {m.group(3).strip(), y});
        }
        return out;
    }

    @Test
    void rasterRowsAreLabelledWithRecordingIndicesWithoutPaddingRows() throws Exception {
        int[] ids = {5, 10, 19, 25, 28, 30, 31, 38, 42, 46};
        Evaluation e = new EvaluationBuilder(20).neuronIds(ids)
                .test("t", SyntheticSpikes.markov(1, 50, ids.length, 4, 0.1, 0.4))
                .train("tr", SyntheticSpikes.markov(2, 50, ids.length, 4, 0.1, 0.4))
                .build();
        Figure f = Figures.raster("raster-real", "real", e.test().preview(), -1, e);
        XYChart c = (XYChart) f.chart();
        assertEquals(-0.5, c.getStyler().getYAxisMin(), 1e-12);
        assertEquals(ids.length - 0.5, c.getStyler().getYAxisMax(), 1e-12);
        assertEquals("neuron (recording index)", c.getYAxisTitle());
        assertTrue(HtmlReport.png(f).length > 1000);
        // every row carries its recording index, at the row's height, bottom to top
        java.util.List<Object[]> labels = rowLabelsInSvg(f);
        assertEquals(ids.length, labels.size(), "one label per row");
        RasterChart rc = (RasterChart) c;
        for (int i = 0; i < ids.length; i++) {
            int row = i;
            Object[] l = labels.stream().filter(x -> x[0].equals(String.valueOf(ids[row]))).findFirst()
                    .orElseThrow(() -> new AssertionError("no label " + ids[row]));
            // the text baseline sits about half a cap height below the row centre
            assertEquals(rc.rowY(i), (double) l[1], 8, "label " + ids[i]);
        }
        // no padding rows: nothing labelled -1, or 0..N-1 in place of the recording indices
        assertTrue(labels.stream().noneMatch(x -> x[0].equals("-1") || x[0].equals("0") || x[0].equals("9")));
    }

    @Test
    void rasterOfFiftyNeuronsLabelsEveryKthRowWithoutOverlap() throws Exception {
        int n = 50;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = 1000 + 3 * i;
        Evaluation e = new EvaluationBuilder(20).neuronIds(ids)
                .test("t", SyntheticSpikes.markov(1, 40, n, 3, 0.1, 0.4))
                .train("tr", SyntheticSpikes.markov(2, 40, n, 3, 0.1, 0.4))
                .build();
        Figure f = Figures.raster("raster-1", "model", e.test().preview(), 0, e);
        java.util.List<Object[]> labels = rowLabelsInSvg(f);
        assertTrue(labels.size() >= 10 && labels.size() < n, "labelled " + labels.size());
        assertEquals("1000", labels.get(0)[0]);
        double last = Double.POSITIVE_INFINITY;
        for (Object[] l : labels) {
            double y = (double) l[1];
            assertTrue(last - y >= 10, "labels overlap at " + l[0]);
            last = y;
        }
        assertEquals(1, RasterChart.labelStep(10, 400, 12));
        assertEquals(2, RasterChart.labelStep(50, 400, 12));
    }

    @Test
    void heatMapLabelsEveryKthNeuronAtFiftyNeurons() throws Exception {
        int n = 50;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = 100 + 2 * i;
        Evaluation e = new EvaluationBuilder(20).neuronIds(ids)
                .test("t", SyntheticSpikes.markov(1, 40, n, 3, 0.1, 0.4))
                .train("tr", SyntheticSpikes.markov(2, 40, n, 3, 0.1, 0.4))
                .build();
        double max = 1;
        Figure f = Figures.timeCourse("time-course-real", e.test(), max, e);
        java.util.List<?> ys = ((org.knowm.xchart.HeatMapChart) f.chart()).getHeatMapSeries().getYData();
        assertEquals(n, ys.size());
        long labelled = ys.stream().filter(y -> !y.toString().isBlank()).count();
        // 500 px high: at most 20 labels fit without overlapping; every 3rd neuron at N = 50.
        assertTrue(labelled <= Figures.HEAT_ROW_LABELS && labelled >= 10, "labelled " + labelled);
        assertEquals("100", ys.get(0).toString());
        assertEquals("106", ys.get(3).toString());
        assertTrue(ys.get(1).toString().isBlank());
        assertEquals(java.util.List.of("7", "9"), Figures.neuronLabels(new int[] {7, 9}, 20));
        assertTrue(HtmlReport.png(f).length > 1000);
    }
}
