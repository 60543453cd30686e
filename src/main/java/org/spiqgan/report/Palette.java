package org.spiqgan.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Series styles that stay distinguishable in grey-scale print: real data black, the training split mid
 * grey, models in Okabe-Ito colours of clearly different lightness, each also with its own marker
 * shape and line dash.
 */
final class Palette {
    private Palette() {}

    static final Color TEST = new Color(0x00, 0x00, 0x00);
    static final Color TRAIN = new Color(0x88, 0x88, 0x88);
    private static final Color[] MODELS = {
        new Color(0x00, 0x72, 0xB2), // blue, dark
        new Color(0xE6, 0x9F, 0x00), // orange, light
        new Color(0xCC, 0x79, 0xA7), // pink, medium
        new Color(0x00, 0x9E, 0x73), // green, medium-dark
        new Color(0x56, 0xB4, 0xE9), // sky, light
        new Color(0xD5, 0x5E, 0x00), // vermillion, medium
    };
    private static final Marker[] MODEL_MARKERS = {
        SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.CROSS, SeriesMarkers.TRIANGLE_DOWN,
        SeriesMarkers.PLUS, SeriesMarkers.OVAL,
    };
    private static final float[][] MODEL_DASHES = {{8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {5f, 5f}, {1f, 2f}, {12f, 4f}};

    /** The sequential heat-map scale (viridis). */
    static final Color[] HEAT = ColourScales.sequential();

    static Color model(int k) { return MODELS[k % MODELS.length]; }
    static Marker modelMarker(int k) { return MODEL_MARKERS[k % MODEL_MARKERS.length]; }

    static BasicStroke modelLine(int k) {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                MODEL_DASHES[k % MODEL_DASHES.length], 0f);
    }

    static BasicStroke solid() { return new BasicStroke(2.2f); }

    static BasicStroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** Readable at 100% zoom: larger fonts than XChart's defaults, white background, light grid. */
    static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x55, 0x55, 0x55));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        s.setChartTitleBoxVisible(false);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setLegendBorderColor(new Color(0xBB, 0xBB, 0xBB));
        if (!(s instanceof org.knowm.xchart.style.HeatMapStyler)) s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setAntiAlias(true);
        s.setChartPadding(12);
        if (s instanceof AxesChartStyler) {
            AxesChartStyler a = (AxesChartStyler) s;
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            a.setPlotGridLinesColor(new Color(0xE2, 0xE2, 0xE2));
            a.setAxisTickLabelsColor(Color.BLACK);
            a.setLocale(java.util.Locale.ROOT);
        }
    }
}
