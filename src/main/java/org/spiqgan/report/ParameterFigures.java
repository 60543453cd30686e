package org.spiqgan.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.Evaluation;

/**
 * Quality against size: for each statistic, every model's error against its trainable-parameter count
 * (log-log), one series per family (quantum generators, classical generators, fitted statistical
 * models), with the noise floor as a dashed line.
 */
public final class ParameterFigures {
    private ParameterFigures() {}

    /** {@code families[k]} and {@code parameters[k]} describe {@code e.models().get(k)}. */
    public static List<Figure> all(Evaluation e, long[] parameters, String[] families) {
        List<String> order = new ArrayList<>();
        for (String f : families) if (!order.contains(f)) order.add(f);
        List<Figure> out = new ArrayList<>();
        int num = 1;
        for (Comparison.Error err : Comparison.Error.values()) {
            double floor = e.train().errors().get(err);
            if (!Double.isFinite(floor)) continue;
            XYChart c = new XYChartBuilder().width(Figures.WIDTH).height(Figures.HEIGHT)
                    .title(err.label + " against trainable parameters").xAxisTitle("trainable parameters (log scale)")
                    .yAxisTitle(err.label + " vs test split (log scale)").build();
            c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                    .setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal)
                    .setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE);
            double xmin = Double.POSITIVE_INFINITY, xmax = 0;
            double ymin = floor > 0 ? floor : Double.POSITIVE_INFINITY, ymax = floor > 0 ? floor : 0;
            int s = 0;
            // One series per model, so that every point has its own legend entry; the marker shape is the family.
            for (String fam : order) {
                for (int k = 0; k < families.length; k++) {
                    double v = e.models().get(k).errors().get(err);
                    if (!families[k].equals(fam) || !(v > 0) || parameters[k] <= 0) continue;
                    xmin = Math.min(xmin, parameters[k]);
                    xmax = Math.max(xmax, parameters[k]);
                    ymin = Math.min(ymin, v);
                    ymax = Math.max(ymax, v);
                    XYSeries series = c.addSeries(e.models().get(k).name() + " (" + fam + ")",
                            new double[] {parameters[k]}, new double[] {v});
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    int style = styleOf(fam);
                    series.setMarker(switch (style) {
                        case 0 -> SeriesMarkers.DIAMOND;
                        case 1 -> SeriesMarkers.CIRCLE;
                        case 2 -> SeriesMarkers.SQUARE;
                        default -> SeriesMarkers.TRIANGLE_UP;
                    });
                    series.setMarkerColor(Palette.model(s));
                    s++;
                }
            }
            if (s == 0) continue;
            if (!(xmax > 0)) continue;
            // Whole decades on both log axes, so that each has at least two labelled ticks.
            double[] xr = decades(xmin / 2, xmax * 2);
            double[] yr = decades(ymin, ymax);
            c.getStyler().setXAxisMin(xr[0]).setXAxisMax(xr[1]).setYAxisMin(yr[0]).setYAxisMax(yr[1]);
            XYSeries fl = c.addSeries("noise floor", new double[] {xmin / 2, xmax * 2}, new double[] {floor, floor});
            fl.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            fl.setMarker(SeriesMarkers.NONE);
            fl.setLineColor(Color.GRAY);
            fl.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            String id = String.format(java.util.Locale.ROOT, "%02d-params-%s", num++, err.key);
            out.add(new Figure(id, "Quality against trainable parameters",
                    err.label + " of each model against the test split, by trainable-parameter count; dashed: the noise floor.", c));
        }
        return out;
    }

    /** The decades enclosing [lo, hi], at least one decade apart. */
    static double[] decades(double lo, double hi) {
        double a = Math.pow(10, Math.floor(Math.log10(lo) + 1e-9));
        double b = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9));
        if (b <= a) b = a * 10;
        return new double[] {a, b};
    }

    /** Fixed styles per family, so that figures of different comparisons read alike. */
    private static int styleOf(String family) {
        return switch (family) {
            case "fitted statistical models" -> 0;
            case "classical generators" -> 1;
            case "quantum generators" -> 2;
            default -> 3;
        };
    }

    /** PNG bytes of a figure (drawn at twice its size). */
    public static byte[] png(Figure f) throws java.io.IOException {
        return HtmlReport.png(f);
    }
}
