package org.spiqgan.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.XYChart;

/**
 * A raster: row i (y = i, from -0.5 to N - 0.5) is neuron i, labelled on the left with its recording index.
 *
 * <p>XChart 3.8.8 draws no ticks at all with a custom y tick formatter on this axis (its tick calculator asks the
 * formatter for the axis ends only, and hangs when they differ), so the labels are drawn here, after the chart,
 * with the chart's tick font and colour, at the rows' screen positions: every k-th row, k the smallest step at
 * which labels do not overlap. XChart still lays out a y axis of numbers (made invisible) whose width is that of
 * the widest index, so the labels have their room. The plot content fills the plot area, so that screen y is
 * plot top + height x (N - 0.5 - i) / N exactly. Both the PNG and the SVG encoders go through {@link #paint}.
 */
final class RasterChart extends XYChart {
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);
    private final int[] ids;
    private Rectangle2D plotBounds;

    RasterChart(int width, int height, int[] ids) {
        super(width, height);
        this.ids = ids.clone();
        int digits = 1;
        for (int id : ids) digits = Math.max(digits, String.valueOf(id).length());
        getStyler().setYAxisDecimalPattern("0".repeat(digits + 1));
        getStyler().setYAxisGroupTickLabelsColorMap(0, INVISIBLE);
        getStyler().setYAxisGroupTickMarksColorMap(0, INVISIBLE);
        getStyler().setPlotGridHorizontalLinesVisible(false);
        getStyler().setPlotContentSize(1.0);
        getStyler().setYAxisMin(-0.5).setYAxisMax(ids.length - 0.5);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
        plotBounds = plot.getBounds();
        g.setFont(getStyler().getAxisTickLabelsFont());
        g.setColor(getStyler().getAxisTickLabelsColor());
        FontMetrics fm = g.getFontMetrics();
        int every = labelStep(ids.length, plotBounds.getHeight(), fm.getAscent() + 2);
        for (int i = 0; i < ids.length; i += every) {
            String s = String.valueOf(ids[i]);
            double y = rowY(i);
            g.drawString(s, (float) (plotBounds.getX() - getStyler().getAxisTickPadding() - fm.stringWidth(s)),
                    (float) (y + fm.getAscent() / 2.0 - 1));
        }
    }

    /** The screen y of row i in the last paint. */
    double rowY(int i) {
        return plotBounds.getY() + plotBounds.getHeight() * (ids.length - 0.5 - i) / ids.length;
    }

    /** The plot area of the last paint (null before the first). */
    Rectangle2D plotBounds() { return plotBounds; }

    /** Label every k-th row, k the smallest step whose rows are at least {@code labelHeight} apart. */
    static int labelStep(int rows, double plotHeight, double labelHeight) {
        double rowHeight = plotHeight / Math.max(1, rows);
        return Math.max(1, (int) Math.ceil(labelHeight / rowHeight));
    }
}
