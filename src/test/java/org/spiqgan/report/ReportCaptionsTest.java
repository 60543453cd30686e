package org.spiqgan.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.spiqgan.stats.Evaluation;

/** Issue 15 item 11: captions that do not mislead, a chance line on the autocorrelogram. */
class ReportCaptionsTest {
    @Test
    void captionsSayWhatIsDrawn() {
        Evaluation e = ReportTest.example(6, 12);
        List<Figure> figs = Figures.all(e);
        for (Figure f : figs) assertFalse(f.caption().contains("real data is stationary"), f.caption());
        Figure acg = figs.stream().filter(f -> f.id().contains("autocorrelogram")).findFirst().orElseThrow();
        assertTrue(((XYChart) acg.chart()).getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("chance")),
                ((XYChart) acg.chart()).getSeriesMap().keySet().toString());
        assertTrue(acg.caption().contains("chance"), acg.caption());
        Figure real = figs.stream().filter(f -> f.id().endsWith("raster-real")).findFirst().orElseThrow();
        assertTrue(real.caption().contains("consecutive windows"), real.caption());
        Figure model = figs.stream().filter(f -> f.id().endsWith("raster-1")).findFirst().orElseThrow();
        assertTrue(model.caption().contains("independent samples") && !model.caption().contains("consecutive"), model.caption());
        assertTrue(((XYChart) model.chart()).getXAxisTitle().contains("independent samples"));
    }
}
