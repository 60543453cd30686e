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

    @Test
    void rasterRowsAreLabelledWithRecordingIndicesWithoutPaddingRows() throws Exception {
        int[] ids = {3, 17, 40};
        Evaluation e = new EvaluationBuilder(20).neuronIds(ids)
                .test("t", SyntheticSpikes.markov(1, 50, 3, 4, 0.1, 0.4))
                .train("tr", SyntheticSpikes.markov(2, 50, 3, 4, 0.1, 0.4))
                .build();
        assertEquals(17, e.neuronIds()[1]);
        Figure f = Figures.raster("raster-real", "real", e.test().preview(), -1, e);
        XYChart c = (XYChart) f.chart();
        assertEquals(-0.5, c.getStyler().getYAxisMin(), 1e-12);
        assertEquals(2.5, c.getStyler().getYAxisMax(), 1e-12);
        assertEquals("neurons (bottom to top: 3, 17, 40)", c.getYAxisTitle());
        assertEquals("neurons (bottom to top: 0, 1, 2, 3, ..., 9)", Figures.rowTitle(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertEquals("3", Figures.rowLabel(ids, 0.0));
        assertEquals("40", Figures.rowLabel(ids, 2.0));
        assertEquals("", Figures.rowLabel(ids, -1.0));
        assertEquals("", Figures.rowLabel(ids, 3.0));
        assertEquals("", Figures.rowLabel(ids, 0.5));
        assertTrue(HtmlReport.png(f).length > 1000);
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
