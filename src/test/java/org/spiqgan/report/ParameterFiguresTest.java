package org.spiqgan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.spiqgan.stats.Evaluation;

/** Compare figures (issue 15): every point named, whole decades on the log axes. */
class ParameterFiguresTest {

    @Test
    void everyPointHasALegendEntryAndLogAxesSpanWholeDecades() throws Exception {
        Evaluation e = ReportTest.example(4, 3);
        List<Figure> figs = ParameterFigures.all(e, new long[] {30, 45},
                new String[] {"quantum generators", "fitted statistical models"});
        assertFalse(figs.isEmpty());
        for (Figure f : figs) {
            XYChart c = (XYChart) f.chart();
            assertTrue(c.getSeriesMap().containsKey("markov model (quantum generators)"), f.id());
            assertTrue(c.getSeriesMap().containsKey("Bernoulli (fitted statistical models)"), f.id());
            // Parameters 30 and 45 lie within one decade: the axis still runs over at least two labelled decades.
            double lo = c.getStyler().getXAxisMin(), hi = c.getStyler().getXAxisMax();
            assertEquals(10.0, lo, 1e-9, f.id());
            assertEquals(100.0, hi, 1e-9, f.id());
            double ylo = c.getStyler().getYAxisMin(), yhi = c.getStyler().getYAxisMax();
            assertEquals(0, Math.log10(ylo) % 1, 1e-9, f.id());
            assertTrue(yhi / ylo >= 10 - 1e-9, f.id());
            assertTrue(HtmlReport.png(f).length > 1000, f.id());
        }
        assertEquals(10.0, ParameterFigures.decades(12, 15)[0], 1e-12);
        assertEquals(100.0, ParameterFigures.decades(12, 15)[1], 1e-12);
        assertEquals(1000.0, ParameterFigures.decades(100, 100)[1], 1e-12);
    }
}
