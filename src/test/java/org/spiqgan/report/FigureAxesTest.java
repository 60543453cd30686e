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
        assertEquals("3", Figures.rowLabel(ids, 0.0));
        assertEquals("40", Figures.rowLabel(ids, 2.0));
        assertEquals("", Figures.rowLabel(ids, -1.0));
        assertEquals("", Figures.rowLabel(ids, 3.0));
        assertEquals("", Figures.rowLabel(ids, 0.5));
        assertTrue(HtmlReport.png(f).length > 1000);
    }
}
