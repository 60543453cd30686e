package org.spiqgan.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spiqgan.data.SampleSet;
import org.spiqgan.stats.Evaluation;
import org.spiqgan.stats.Evaluation.Side;
import org.spiqgan.stats.Statistics;

/** The report's charts (issue 4): one method per figure, all built from an {@link Evaluation}. */
public final class Figures {
    static final int WIDTH = 760;
    static final int HEIGHT = 500;
    /** Raster plots show about this many bins of consecutive samples. */
    static final int RASTER_BINS = 300;
    /** States shown in the rank plot and in the zoom. */
    static final int STATE_RANKS = 512;
    static final int STATE_ZOOM = 12;
    /** At most this many neuron labels on a heat map's axis (more would overlap). */
    static final int HEAT_ROW_LABELS = 20;

    private Figures() {}

    /** Every figure of the report, in page order. */
    public static List<Figure> all(Evaluation e) {
        List<Figure> out = new ArrayList<>();
        out.add(firingProbability(e));
        if (e.neurons() > 1) out.add(covariance(e));
        if (e.timesteps() > 1) out.add(lagCovariance(e));
        out.add(kProbability(e));
        if (e.timesteps() > 1) out.add(autocorrelogram(e));
        out.add(spikeCounts(e));
        if (e.test().statistics().hasStates()) {
            for (int k = 0; k < e.models().size(); k++) {
                out.add(stateRanks(e, k));
                out.add(stateZoom(e, k));
            }
        }
        out.add(raster("raster-real", "real (test split)", e.test().preview(), -1, e));
        for (int k = 0; k < e.models().size(); k++) {
            out.add(raster("raster-" + (k + 1), e.models().get(k).name(), e.models().get(k).preview(), k, e));
        }
        double max = 0;
        for (Side s : sides(e, true)) for (double[] row : s.statistics().timeCourse()) for (double v : row) max = Math.max(max, v);
        out.add(timeCourse("time-course-real", e.test(), max, e));
        for (int k = 0; k < e.models().size(); k++) {
            out.add(timeCourse("time-course-" + (k + 1), e.models().get(k), max, e));
        }
        List<Figure> numbered = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            Figure f = out.get(k);
            numbered.add(new Figure(String.format(Locale.ROOT, "%02d-%s", k + 1, f.id()), f.section(), f.caption(), f.chart()));
        }
        return numbered;
    }

    // ---- scatter plots: model (and training split) against the test split ----

    static Figure firingProbability(Evaluation e) {
        boolean hz = Double.isFinite(e.binMs());
        String unit = hz ? "firing rate (Hz)" : "firing probability (spikes per bin)";
        XYChart c = scatter("Firing rate per neuron, model vs data" + binNote(e), "real test data: " + unit,
                "model: " + unit);
        double[] x = hzOrProbability(e, e.test().statistics());
        List<double[]> ys = new ArrayList<>();
        for (Side s : sides(e, false)) ys.add(hzOrProbability(e, s.statistics()));
        addScatterSeries(c, e, x, ys);
        return new Figure("firing-probability", "Rates and correlations", "Firing rate of each neuron, generated (or training "
                + "split) against the held-out test split; the line is y = x.", c);
    }

    static Figure covariance(Evaluation e) {
        XYChart c = scatter("Pairwise covariance, model vs data", "real test data: covariance (per bin)",
                "model: covariance (per bin)");
        double[] x = upper(e.test().statistics().covariance());
        List<double[]> ys = new ArrayList<>();
        for (Side s : sides(e, false)) ys.add(upper(s.statistics().covariance()));
        addScatterSeries(c, e, x, ys);
        return new Figure("covariance", "Rates and correlations", "Covariance of every pair of neurons within a bin "
                + "(N(N-1)/2 points), against the test split.", c);
    }

    static Figure lagCovariance(Evaluation e) {
        XYChart c = scatter("Lag-1 cross-covariance, model vs data", "real test data: cov(x_i(t), x_j(t+1))",
                "model: cov(x_i(t), x_j(t+1))");
        double[] x = flat(e.test().statistics().lagCovariance());
        List<double[]> ys = new ArrayList<>();
        for (Side s : sides(e, false)) ys.add(flat(s.statistics().lagCovariance()));
        addScatterSeries(c, e, x, ys);
        return new Figure("lag-covariance", "Rates and correlations", "Covariance between neuron i at bin t and neuron j at "
                + "bin t+1, all N^2 pairs, against the test split.", c);
    }

    private static void addScatterSeries(XYChart c, Evaluation e, double[] x, List<double[]> ys) {
        double lo = min(x), hi = max(x);
        for (double[] y : ys) {
            lo = Math.min(lo, min(y));
            hi = Math.max(hi, max(y));
        }
        double pad = (hi - lo) * 0.04 + 1e-12;
        lo -= pad;
        hi += pad;
        XYSeries id = c.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        id.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        id.setMarker(SeriesMarkers.NONE);
        id.setLineColor(Palette.TEST);
        id.setLineStyle(new java.awt.BasicStroke(1.2f));
        List<Side> sides = sides(e, false);
        for (int k = 0; k < sides.size(); k++) {
            XYSeries s = c.addSeries(sides.get(k).name(), x, ys.get(k));
            style(s, k - 1, true);
        }
        c.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(lo).setYAxisMax(hi);
        String pattern = hi - lo < 0.02 ? "0.0000" : hi - lo < 0.2 ? "0.000" : hi - lo < 2 ? "0.00" : "0.#";
        c.getStyler().setXAxisDecimalPattern(pattern).setYAxisDecimalPattern(pattern);
    }

    // ---- curves ----

    static Figure kProbability(Evaluation e) {
        XYChart c = lines("Probability that k neurons fire together", "k (active neurons in a bin)",
                "P(k) (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<Side> all = sides(e, true);
        for (int k = 0; k < all.size(); k++) {
            double[] p = all.get(k).statistics().kProbability();
            addPositive(c, all.get(k).name(), index(p.length, 0, 1), p, k - 2);
        }
        return new Figure("k-probability", "Population activity and time", "Fraction of bins in which exactly k of the N "
                + "neurons fire (zeros are not drawn on the log scale).", c);
    }

    static Figure autocorrelogram(Evaluation e) {
        boolean ms = Double.isFinite(e.binMs());
        XYChart c = lines("Autocorrelogram (pooled over neurons)", ms ? "lag (ms)" : "lag (bins)",
                "P(spike at t + lag | spike at t)");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisDecimalPattern("0.00");
        List<Side> all = sides(e, true);
        for (int k = 0; k < all.size(); k++) {
            double[] a = all.get(k).statistics().autocorrelogram();
            double[] lag = index(a.length, 1, ms ? e.binMs() : 1);
            XYSeries s = c.addSeries(all.get(k).name(), lag, a);
            style(s, k - 2, false);
        }
        // Chance: without temporal correlation a spike is followed by a spike with the firing probability itself.
        double chance = java.util.Arrays.stream(e.test().statistics().firingProbability()).average().orElse(Double.NaN);
        double[] a0 = all.get(0).statistics().autocorrelogram();
        if (Double.isFinite(chance) && a0.length > 0) {
            double[] lag = index(a0.length, 1, ms ? e.binMs() : 1);
            XYSeries s = c.addSeries("chance (mean firing probability of the test data)", new double[] {lag[0], lag[lag.length - 1]},
                    new double[] {chance, chance});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(java.awt.Color.GRAY);
            s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        return new Figure("autocorrelogram", "Population activity and time", "Probability of a spike a given lag after a spike "
                + "of the same neuron, within windows; the dashed line is chance (the test data's mean firing probability), "
                + "what independent bins would give.", c);
    }

    static Figure spikeCounts(Evaluation e) {
        XYChart c = lines("Spike-count distribution per sample", "spikes in a sample (N x T bins)",
                "fraction of samples (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<Side> all = sides(e, true);
        int last = 0;
        for (Side s : all) {
            double[] d = s.statistics().spikeCountDistribution();
            for (int k = 0; k < d.length; k++) if (d[k] > 0) last = Math.max(last, k);
        }
        for (int k = 0; k < all.size(); k++) {
            double[] d = Arrays.copyOf(all.get(k).statistics().spikeCountDistribution(), last + 1);
            addPositive(c, all.get(k).name(), index(d.length, 0, 1), d, k - 2);
        }
        return new Figure("spike-counts", "Population activity and time", "Histogram of the total number of spikes in one "
                + "sample (N neurons x T bins).", c);
    }

    // ---- spiking states ----

    static Figure stateRanks(Evaluation e, int model) {
        Side m = e.models().get(model);
        double[] real = e.test().statistics().stateDistribution();
        int[] order = rankOrder(real);
        int shown = Math.min(STATE_RANKS, order.length);
        XYChart c = lines(String.format(Locale.ROOT, "Spiking states: %s, JS = %s bits", m.name(),
                sci(m.errors().stateJsBits())), "state rank in the real test data (1 = most frequent)",
                "probability per bin (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        Side[] sides = {e.test(), e.train(), m};
        int[] styles = {-2, -1, model};
        for (int k = 0; k < sides.length; k++) {
            double[] p = sides[k].statistics().stateDistribution();
            double[] x = new double[shown];
            double[] y = new double[shown];
            for (int r = 0; r < shown; r++) {
                x[r] = r + 1;
                y[r] = p[order[r]];
            }
            XYSeries s = addPositive(c, sides[k].name(), x, y, styles[k]);
            if (s != null && k > 0) s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        return new Figure("states-" + (model + 1), "Spiking states", String.format(Locale.ROOT,
                "Probability of each spiking pattern (2^%d states), ordered by frequency in the test split; "
                + "the %d most frequent are shown. Noise floor JS = %s bits.", e.neurons(), shown,
                sci(e.train().errors().stateJsBits())), c);
    }

    static Figure stateZoom(Evaluation e, int model) {
        Side m = e.models().get(model);
        double[] real = e.test().statistics().stateDistribution();
        int[] order = rankOrder(real);
        int shown = Math.min(STATE_ZOOM, order.length);
        CategoryChart c = new CategoryChart(WIDTH, HEIGHT);
        Palette.style(c.getStyler());
        c.setTitle(String.format(Locale.ROOT, "Most frequent states: %s, JS = %s bits", m.name(),
                sci(m.errors().stateJsBits())));
        c.setXAxisTitle("spiking state (active neurons; {} = silence)");
        c.setYAxisTitle("probability per bin (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setXAxisLabelRotation(35);
        c.getStyler().setOverlapped(false);
        c.getStyler().setAvailableSpaceFill(0.8);
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < shown; r++) labels.add(pattern(order[r], e.neurons()));
        Side[] sides = {e.test(), m};
        java.awt.Color[] colors = {Palette.TEST, Palette.model(model)};
        double floor = Double.MAX_VALUE;
        for (Side s : sides) {
            for (int r = 0; r < shown; r++) {
                double v = s.statistics().stateDistribution()[order[r]];
                if (v > 0) floor = Math.min(floor, v);
            }
        }
        for (int k = 0; k < sides.length; k++) {
            List<Double> y = new ArrayList<>();
            // Log-scale bars cannot start at 0: an absent state is drawn at a tenth of the smallest shown.
            for (int r = 0; r < shown; r++) {
                double v = sides[k].statistics().stateDistribution()[order[r]];
                y.add(v > 0 ? v : floor / 10);
            }
            CategorySeries s = c.addSeries(sides[k].name(), labels, y);
            s.setFillColor(colors[k]);
            s.setLineColor(java.awt.Color.BLACK);
        }
        c.getStyler().setYAxisMin(floor / 10);
        return new Figure("states-zoom-" + (model + 1), "Spiking states", "Zoom on the " + shown
                + " most frequent states of the test split, labelled by their active neurons.", c);
    }

    // ---- rasters and time course ----

    static Figure raster(String id, String name, SampleSet s, int style, Evaluation e) {
        int t = e.timesteps();
        int count = Math.max(1, Math.min(s.samples(), (RASTER_BINS + t - 1) / t));
        boolean ms = Double.isFinite(e.binMs());
        double scale = ms ? e.binMs() / 1000.0 : 1;
        int[] ids = e.neuronIds();
        XYChart c = new RasterChart(WIDTH, HEIGHT, ids);
        Palette.style(c.getStyler());
        c.setTitle("Raster: " + name + " (" + count + (count == 1 ? " sample" : " samples") + ")");
        String order = style < 0 ? "consecutive windows" : "independent samples side by side";
        c.setXAxisTitle(ms ? "time (s), " + order : "time (bins), " + order);
        c.setYAxisTitle("neuron (recording index)");
        c.getStyler().setLegendVisible(false);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(Math.max(3, Math.min(7, 200 / Math.max(1, e.neurons()))));
        // Row i is drawn at y = i, labelled with its recording index by RasterChart; no padding rows.
        c.getStyler().setXAxisMin(0.0).setXAxisMax(count * t * scale);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < Math.min(count, s.samples()); k++) {
            for (int i = 0; i < e.neurons(); i++) {
                for (int b = 0; b < t; b++) {
                    if (s.get(k, i, b) != 0) {
                        xs.add((k * t + b + 0.5) * scale);
                        ys.add((double) i);
                    }
                }
            }
        }
        if (t > 1) {
            for (int k = 1; k < count; k++) {
                XYSeries sep = c.addSeries("boundary " + k, new double[] {k * t * scale, k * t * scale},
                        new double[] {-0.5, e.neurons() - 0.5});
                sep.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                sep.setMarker(SeriesMarkers.NONE);
                sep.setLineColor(new java.awt.Color(0xCC, 0xCC, 0xCC));
                sep.setLineStyle(new java.awt.BasicStroke(1f));
            }
        }
        if (xs.isEmpty()) {
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
        XYSeries spikes = c.addSeries("spikes", xs, ys);
        spikes.setMarker(SeriesMarkers.SQUARE);
        spikes.setMarkerColor(style < 0 ? Palette.TEST : Palette.model(style));
        String what = style < 0 ? count + " consecutive windows of the recording"
                : count + " independent samples drawn side by side on one time axis (not a continuous recording: "
                        + "nothing links the end of one sample to the start of the next)";
        return new Figure(id, "Raster plots", "Spikes of " + name + ": " + what
                + (t > 1 ? " (grey lines separate samples)" : "") + "; each square is one spike in one bin; rows are the "
                + "evaluated neurons, labelled with their recording indices.", c);
    }

    /**
     * Heat-map row labels: the recording index of every k-th neuron, k chosen so that at most {@code max}
     * are labelled; the other rows get blank labels (of varying width, as for the bins).
     */
    static List<String> neuronLabels(int[] ids, int max) {
        int every = Math.max(1, (ids.length + max - 1) / max);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) out.add(i % every == 0 ? String.valueOf(ids[i]) : " ".repeat(1 + i % every));
        return out;
    }

    static Figure timeCourse(String id, Side side, double max, Evaluation e) {
        Statistics st = side.statistics();
        HeatMapChart c = new HeatMapChart(WIDTH, HEIGHT, Styler.ChartTheme.XChart);
        Palette.style(c.getStyler());
        c.setTitle("Firing probability over the window: " + side.name());
        c.setXAxisTitle("bin in the window (t)");
        c.setYAxisTitle("neuron (recording index)");
        c.getStyler().setRangeColors(Palette.HEAT);
        c.getStyler().setMin(0);
        c.getStyler().setMax(niceCeiling(max));
        c.getStyler().setShowValue(false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setHeatMapValueDecimalPattern("0.000");
        c.getStyler().setXAxisLabelRotation(0);
        // Long windows: label every fifth bin (unique blank labels keep the other columns).
        List<String> xs = new ArrayList<>();
        int every = st.timesteps() > 15 ? 5 : 1;
        for (int b = 0; b < st.timesteps(); b++) xs.add(b % every == 0 ? String.valueOf(b) : " ".repeat(1 + b % every));
        List<String> ys = neuronLabels(e.neuronIds(), HEAT_ROW_LABELS);
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < st.neurons(); i++) {
            for (int b = 0; b < st.timesteps(); b++) cells.add(new Number[] {b, i, st.timeCourse()[i][b]});
        }
        c.addSeries("firing probability", xs, ys, cells);
        return new Figure(id, "Time course", "Mean of X[s,i,t] over samples: firing probability of each neuron at "
                + "each position in the window (colour scale shared across the heat maps). Real data need not be flat over "
                + "the window: windows of stimulus-locked recordings start at fixed times of the stimulus.", c);
    }

    // ---- helpers ----

    /** The training split first, then the models (the test split is the x axis of scatters). */
    static List<Side> sides(Evaluation e, boolean withTest) {
        List<Side> out = new ArrayList<>();
        if (withTest) out.add(e.test());
        out.add(e.train());
        out.addAll(e.models());
        return out;
    }

    /** Style k: -2 real test data, -1 training split, 0.. models. */
    private static void style(XYSeries s, int k, boolean scatter) {
        if (k == -2) {
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Palette.TEST);
            s.setLineColor(Palette.TEST);
            s.setLineStyle(Palette.solid());
        } else if (k == -1) {
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(Palette.TRAIN);
            s.setLineColor(Palette.TRAIN);
            s.setLineStyle(Palette.dashed());
        } else {
            s.setMarker(Palette.modelMarker(k));
            s.setMarkerColor(Palette.model(k));
            s.setLineColor(Palette.model(k));
            s.setLineStyle(Palette.modelLine(k));
        }
        if (scatter) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            // Slightly translucent, so that points of several sides on the same spot stay visible.
            java.awt.Color c = (java.awt.Color) s.getMarkerColor();
            s.setMarkerColor(new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 190));
        }
    }

    private static XYSeries addPositive(XYChart c, String name, double[] x, double[] y, int style) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < y.length; k++) {
            if (y[k] > 0) {
                xs.add(x[k]);
                ys.add(y[k]);
            }
        }
        if (xs.isEmpty()) return null;
        XYSeries s = c.addSeries(name, xs, ys);
        style(s, style, false);
        return s;
    }

    private static XYChart scatter(String title, String x, String y) {
        XYChart c = new XYChart(WIDTH, HEIGHT);
        Palette.style(c.getStyler());
        c.setTitle(title);
        c.setXAxisTitle(x);
        c.setYAxisTitle(y);
        c.getStyler().setMarkerSize(9);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return c;
    }

    private static XYChart lines(String title, String x, String y) {
        XYChart c = new XYChart(WIDTH, HEIGHT);
        Palette.style(c.getStyler());
        c.setTitle(title);
        c.setXAxisTitle(x);
        c.setYAxisTitle(y);
        c.getStyler().setMarkerSize(8);
        return c;
    }

    private static String binNote(Evaluation e) {
        return Double.isFinite(e.binMs()) ? String.format(Locale.ROOT, " (%s ms bins)", trim(e.binMs())) : "";
    }

    private static double[] hzOrProbability(Evaluation e, Statistics s) {
        return Double.isFinite(e.binMs()) ? s.firingRateHz(e.binMs()) : s.firingProbability();
    }

    static int[] rankOrder(double[] p) {
        Integer[] idx = new Integer[p.length];
        for (int k = 0; k < p.length; k++) idx[k] = k;
        Arrays.sort(idx, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        int[] out = new int[p.length];
        for (int k = 0; k < p.length; k++) out[k] = idx[k];
        return out;
    }

    static String pattern(int code, int n) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            if ((code >> i & 1) != 0) {
                if (sb.length() > 1) sb.append(',');
                sb.append(i);
            }
        }
        return sb.append('}').toString();
    }

    static String sci(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2e", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** A round upper end for a colour scale: 0.2433 becomes 0.25. */
    static double niceCeiling(double max) {
        if (!(max > 0)) return 1;
        double unit = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * unit >= max * (1 - 1e-12)) return step * unit;
        }
        return 10 * unit;
    }

    private static double[] upper(double[][] m) {
        int n = m.length;
        double[] out = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) out[k++] = m[i][j];
        return out;
    }

    private static double[] flat(double[][] m) {
        double[] out = new double[m.length * m.length];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * m.length, m.length);
        return out;
    }

    private static double[] index(int n, double first, double step) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) out[k] = (first + k) * step;
        return out;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) if (!Double.isNaN(x)) m = Math.min(m, x);
        return m == Double.POSITIVE_INFINITY ? 0 : m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) if (!Double.isNaN(x)) m = Math.max(m, x);
        return m == Double.NEGATIVE_INFINITY ? 1 : m;
    }
}
