package org.spiqgan.spark;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.spiqgan.report.ColourScales;

/**
 * The figures of SPEC section 7 from a reproduction's results and run directories, as PNG + SVG in
 * {@code DIR/figures} and one {@code DIR/index.html}: Fig. 2 (state-distribution bars, JS divergence over
 * training), Fig. 3 (firing probability, covariance, P(k) and autocorrelogram panels, generated rasters), Fig. S1/S2
 * (heat maps of log10 MSE of P(k) and of the firing rate; the paper model's K-loss, standard and their difference
 * log10(K) - log10(standard), negative where the K-loss is better), and the parameter table.
 */
public final class ReproduceReport {
    private final Path dir;
    private final String target;
    private final List<String> models;
    private final Map<String, RunResult> byId = new HashMap<>();
    private final StringBuilder html = new StringBuilder();
    private int figure;
    private FigureWriter figures;
    /** Figures drawn and left unchanged by the last {@link #write()}. */
    private int drawn, unchanged;

    public ReproduceReport(Path dir, String target, List<String> models, List<RunResult> rows) {
        this.dir = dir;
        this.target = target;
        this.models = models;
        for (RunResult r : rows) byId.put(r.runId, r);
    }

    /** Charts drawn at once: the machine's cores, at most 2 (drawing is a short burst after the sweep). */
    static final int DRAWING_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    public Path write() throws IOException {
        try (FigureWriter w = new FigureWriter(dir.resolve("figures"), DRAWING_THREADS, ReproduceReport.class)) {
            figures = w;
            page();
            figures = null;
            w.close();
            drawn = w.drawn();
            unchanged = w.unchanged();
        }
        Path index = dir.resolve("index.html");
        CliRunExecutor.writeAtomically(index, html.toString());
        return index;
    }

    int drawn() { return drawn; }

    int unchanged() { return unchanged; }

    private void page() throws IOException {
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>SpiQGAN: SPEC section 7</title><style>")
                .append("body{font-family:sans-serif;max-width:1400px;margin:auto}img{max-width:32%;margin:2px}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #999;padding:2px 6px;text-align:right}</style></head><body>")
                .append("<h1>SpiQGAN: the paper's experiments (SPEC section 7)</h1><p>Every run: <a href=\"results.csv\">results.csv</a>, ")
                .append("<a href=\"results.json\">results.json</a>; run directories in <code>runs/</code>. Models: ").append(String.join(", ", models))
                .append(".</p>");
        if (target.equals("all") || target.equals("fig2")) fig2();
        if (target.equals("all") || target.equals("fig3")) fig3();
        if (target.equals("all") || target.equals("s1")) heatMaps("S1", "kProbabilityMse", "MSE of the k-probability P(k)");
        if (target.equals("all") || target.equals("s2")) heatMaps("S2", "rateMse", "MSE of the firing rate");
        if (target.equals("all") || target.equals("params")) params();
        html.append("</body></html>\n");
    }

    /** Run ids of the first seed of a cell for each model/loss variant present. */
    private List<String[]> variants(int n, int t) {
        List<String[]> v = new ArrayList<>();
        for (String m : models) {
            for (String loss : m.equals("paper") ? new String[] {"-k", "-standard"} : new String[] {""}) {
                String base = String.format(Locale.ROOT, "%s-N%02d-T%02d%s", m, n, t, loss);
                String id = byId.containsKey(base) ? base : base + "-s1";
                String label = m.equals("paper") ? "paper " + (loss.equals("-k") ? "K-loss" : "standard") : "best (stationary)";
                if (byId.containsKey(id) && byId.get(id).ok()) v.add(new String[] {id, label});
            }
        }
        return v;
    }

    /** Every finished run of the cell of {@code id} (its seeds {@code -s1}, {@code -s2}, ... or the one run). */
    private List<String> seedsOf(String id) {
        if (!id.endsWith("-s1")) return List.of(id);
        String base = id.substring(0, id.length() - 3);
        List<String> ids = new ArrayList<>();
        for (int k = 1; byId.containsKey(base + "-s" + k); k++) if (byId.get(base + "-s" + k).ok()) ids.add(base + "-s" + k);
        return ids;
    }

    private double[] generatedStateDistribution(String id) throws IOException {
        return doubles(evaluation(id).getAsJsonArray("models").get(0).getAsJsonObject().getAsJsonObject("statistics").get("stateDistribution"));
    }

    private JsonObject evaluation(String id) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("runs").resolve(id).resolve("evaluation.json"))).getAsJsonObject();
    }

    private static double[] doubles(JsonElement e) {
        if (e == null || e.isJsonNull()) return new double[0];
        JsonArray a = e.getAsJsonArray();
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).isJsonNull() ? Double.NaN : a.get(i).getAsDouble();
        return d;
    }

    private static double[] range(int from, int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) x[i] = from + i;
        return x;
    }

    private void fig2() throws IOException {
        html.append("<h2>Fig. 2: spiking-state distributions (T = 1) and JS divergence over training</h2>");
        for (int n : PaperGrid.FIG2_N) {
            List<String[]> v = variants(n, 1);
            if (v.isEmpty()) continue;
            CategoryChart c = new CategoryChartBuilder().width(600).height(360).title("N = " + n + ": spiking states").xAxisTitle("state code")
                    .yAxisTitle("probability").build();
            c.getStyler().setXAxisLabelRotation(90);
            double[] real = doubles(evaluation(v.get(0)[0]).getAsJsonObject("test").getAsJsonObject("statistics").get("stateDistribution"));
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < real.length; i++) codes.add(i);
            c.addSeries("real (test)", codes, toList(real));
            boolean spread = false;
            for (String[] r : v) {
                List<String> seeds = seedsOf(r[0]);
                if (seeds.size() < 2) {
                    c.addSeries(r[1], codes, toList(generatedStateDistribution(r[0])));
                    continue;
                }
                // several seeds: the mean over seeds with error bars of one standard deviation (the spread)
                double[] mean = new double[real.length], sq = new double[real.length];
                for (String id : seeds) {
                    double[] g = generatedStateDistribution(id);
                    for (int i = 0; i < mean.length && i < g.length; i++) { mean[i] += g[i] / seeds.size(); sq[i] += g[i] * g[i] / seeds.size(); }
                }
                double[] sd = new double[mean.length];
                for (int i = 0; i < sd.length; i++) sd[i] = Math.sqrt(Math.max(0, sq[i] - mean[i] * mean[i]));
                c.addSeries(r[1] + " (" + seeds.size() + " seeds)", codes, toList(mean), toList(sd));
                spread = true;
            }
            emit(c, "fig2-states-N" + n, "N = " + n + ", T = 1: probability of each spiking state, real test split against each model"
                    + (spread ? " (mean over seeds; error bars: one standard deviation between seeds)." : "."));
            XYChart js = new XYChartBuilder().width(600).height(360).title("N = " + n + ": JS divergence during training").xAxisTitle("step")
                    .yAxisTitle("state JS / noise floor").build();
            js.getStyler().setYAxisLogarithmic(true);
            for (String[] r : v) for (String id : seedsOf(r[0])) {
                List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
                String label = seedsOf(r[0]).size() < 2 ? r[1] : r[1] + " seed " + id.substring(id.lastIndexOf("-s") + 2);
                for (String line : Files.readAllLines(dir.resolve("runs").resolve(id).resolve("metrics.jsonl"))) {
                    if (line.isBlank()) continue;
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    JsonObject val = o.has("validation") ? o.getAsJsonObject("validation") : null;
                    if (val != null && val.has("ratios") && val.getAsJsonObject("ratios").has("stateJsBits")) {
                        xs.add(o.get("step").getAsDouble());
                        ys.add(val.getAsJsonObject("ratios").get("stateJsBits").getAsDouble());
                    } else if (o.has("ratios") && o.getAsJsonArray("ratios").size() == 6 && !o.getAsJsonArray("ratios").get(5).isJsonNull()) {
                        xs.add(o.get("step").getAsDouble());
                        ys.add(o.getAsJsonArray("ratios").get(5).getAsDouble());
                    }
                }
                for (int i = ys.size() - 1; i >= 0; i--) if (!(ys.get(i) > 0)) { xs.remove(i); ys.remove(i); } // a log axis
                if (!xs.isEmpty()) js.addSeries(label, xs, ys).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
            if (!js.getSeriesMap().isEmpty()) {
                emit(js, "fig2-js-N" + n, "N = " + n + ": validation JS divergence over training, as a ratio to the noise floor (log scale; one line per seed).");
            }
        }
    }

    private void fig3() throws IOException {
        html.append("<h2>Fig. 3: firing probability, covariance, P(k), autocorrelogram, rasters</h2>");
        for (int n : PaperGrid.FIG3_N) {
            for (int t : PaperGrid.FIG3_T) {
                List<String[]> v = variants(n, t);
                if (v.isEmpty()) continue;
                html.append("<h3>N = ").append(n).append(", T = ").append(t).append("</h3>");
                JsonObject test = evaluation(v.get(0)[0]).getAsJsonObject("test").getAsJsonObject("statistics");
                String[][] panels = {{"firingProbability", "firing probability", "neuron"}, {"kProbability", "P(k)", "k"},
                    {"autocorrelogram", "autocorrelogram", "lag (bins)"}};
                for (String[] p : panels) {
                    double[] real = doubles(test.get(p[0]));
                    if (real.length == 0) continue;
                    XYChart c = new XYChartBuilder().width(480).height(340).title(p[1] + " (N = " + n + ", T = " + t + ")").xAxisTitle(p[2]).build();
                    int from = p[0].equals("autocorrelogram") ? 1 : 0;
                    c.addSeries("real (test)", range(from, real.length), real);
                    for (String[] r : v) {
                        double[] g = doubles(evaluation(r[0]).getAsJsonArray("models").get(0).getAsJsonObject().getAsJsonObject("statistics").get(p[0]));
                        c.addSeries(r[1], range(from, g.length), g);
                    }
                    emit(c, "fig3-" + p[0] + "-N" + n + "-T" + t, p[1] + ", real test split against each model.");
                }
                XYChart cov = new XYChartBuilder().width(480).height(340).title("covariances (N = " + n + ", T = " + t + ")")
                        .xAxisTitle("real").yAxisTitle("generated").build();
                cov.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                double[] realCov = offDiagonal(test.getAsJsonArray("covariance"));
                for (String[] r : v) {
                    double[] g = offDiagonal(evaluation(r[0]).getAsJsonArray("models").get(0).getAsJsonObject().getAsJsonObject("statistics").getAsJsonArray("covariance"));
                    if (realCov.length > 0) cov.addSeries(r[1], realCov, g);
                }
                if (!cov.getSeriesMap().isEmpty()) emit(cov, "fig3-covariance-N" + n + "-T" + t, "off-diagonal covariances, generated against real.");
                for (String[] r : v) raster(r, n, t);
            }
        }
    }

    private static double[] offDiagonal(JsonArray m) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            JsonArray row = m.get(i).getAsJsonArray();
            for (int j = 0; j < row.size(); j++) if (i != j) d.add(row.get(j).getAsDouble());
        }
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Spikes of the first generated windows laid end to end (neuron against bin). */
    private void raster(String[] r, int n, int t) throws IOException {
        org.spiqgan.data.SampleSet s = org.spiqgan.data.SampleSetIO.read(dir.resolve("runs").resolve(r[0]).resolve("samples.npy"));
        int windows = Math.max(1, Math.min(s.samples(), 300 / t));
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        byte[] v = s.values();
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < s.neurons(); i++) {
                for (int b = 0; b < s.timesteps(); b++) {
                    if (v[(w * s.neurons() + i) * s.timesteps() + b] != 0) {
                        xs.add((double) (w * s.timesteps() + b));
                        ys.add((double) i);
                    }
                }
            }
        }
        if (xs.isEmpty()) { xs.add(0.0); ys.add(-1.0); }
        XYChart c = new XYChartBuilder().width(480).height(200).title("raster: " + r[1] + " (N = " + n + ", T = " + t + ")").xAxisTitle("bin")
                .yAxisTitle("neuron").build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerSize(3).setLegendVisible(false);
        c.addSeries("spikes", xs, ys);
        emit(c, "fig3-raster-" + r[0], "generated spikes of the first " + windows + " windows, end to end (" + r[1] + ").");
    }

    private void heatMaps(String name, String statistic, String what) throws IOException {
        html.append("<h2>Fig. ").append(name).append(": ").append(what).append(" over N x T (log10)</h2>");
        String prefix = "fig" + name.toLowerCase(Locale.ROOT) + "-";
        // Every model's map first, so that they share one colour range and read against each other.
        Map<String, double[][]> maps = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (String m : models) {
            for (String loss : m.equals("paper") ? new String[] {"-k", "-standard"} : new String[] {""}) {
                double[][] z = new double[PaperGrid.NEURONS.length][PaperGrid.TIMESTEPS.length];
                for (int i = 0; i < z.length; i++) {
                    for (int j = 0; j < z[i].length; j++) z[i][j] = meanLog10(m, PaperGrid.NEURONS[i], PaperGrid.TIMESTEPS[j], loss, statistic);
                }
                maps.put(m + loss, z);
                labels.put(m + loss, m.equals("paper") ? "paper, " + (loss.equals("-k") ? "K-loss" : "standard loss") : "best (stationary)");
            }
        }
        double[] range = colourRange(maps.values(), false);
        for (Map.Entry<String, double[][]> e : maps.entrySet()) {
            String key = e.getKey(), label = labels.get(key);
            String m = key.startsWith("paper") ? "paper" : key, loss = key.substring(m.length());
            heat(name + " " + label, e.getValue(), range, ColourScales.sequentialLight(), prefix + key,
                    "log10 " + what + ", " + label + " (mean over seeds; one colour scale for every model).");
            double[][] sd = new double[PaperGrid.NEURONS.length][PaperGrid.TIMESTEPS.length];
            boolean seeds = false;
            for (int i = 0; i < sd.length; i++) {
                for (int j = 0; j < sd[i].length; j++) {
                    double[] v = log10s(m, PaperGrid.NEURONS[i], PaperGrid.TIMESTEPS[j], loss, statistic);
                    sd[i][j] = v.length < 2 ? Double.NaN : sd(v);
                    seeds |= v.length >= 2;
                }
            }
            if (seeds) {
                heat(name + " " + label + ": spread over seeds", sd, new double[] {0, colourRange(List.<double[][]>of(sd), false)[1]}, ColourScales.sequentialLight(),
                        prefix + key + "-spread", "standard deviation over seeds of log10 " + what + ", " + label + " (0.3 is a factor of 2).");
            }
        }
        double[][] k = maps.get("paper-k"), s = maps.get("paper-standard");
        if (k != null && s != null) {
            double[][] d = new double[k.length][k[0].length];
            for (int i = 0; i < d.length; i++) for (int j = 0; j < d[i].length; j++) d[i][j] = k[i][j] - s[i][j];
            heat(name + " difference: K-loss - standard", d, colourRange(List.<double[][]>of(d), true), ColourScales.diverging(), prefix + "paper-difference",
                    "log10 MSE(K-loss) - log10 MSE(standard): blue (negative) where the K-loss is better, red where the standard loss is; "
                            + "white is no difference.");
        }
    }

    /**
     * The colour range of heat maps: the smallest and largest finite value over all maps, widened to tenths; with
     * {@code symmetric}, [-a, a] for the largest magnitude a, so that white (the middle colour) is zero.
     */
    static double[] colourRange(Iterable<double[][]> maps, boolean symmetric) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[][] z : maps) {
            for (double[] row : z) {
                for (double v : row) {
                    if (Double.isNaN(v) || Double.isInfinite(v)) continue;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) return new double[] {0, 1};
        if (symmetric) {
            double a = Math.max(0.1, Math.ceil(Math.max(Math.abs(lo), Math.abs(hi)) * 10) / 10);
            return new double[] {-a, a};
        }
        lo = Math.floor(lo * 10) / 10;
        hi = Math.ceil(hi * 10) / 10;
        return hi > lo ? new double[] {lo, hi} : new double[] {lo - 0.1, hi + 0.1};
    }

    private double meanLog10(String m, int n, int t, String loss, String statistic) {
        double[] v = log10s(m, n, t, loss, statistic);
        if (v.length == 0) return Double.NaN;
        double sum = 0;
        for (double x : v) sum += x;
        return sum / v.length;
    }

    /** log10 of the statistic's error in every finished seed of a cell. */
    private double[] log10s(String m, int n, int t, String loss, String statistic) {
        List<Double> v = new ArrayList<>();
        String base = String.format(Locale.ROOT, "%s-N%02d-T%02d%s", m, n, t, loss);
        for (RunResult r : byId.values()) {
            if (!(r.runId.equals(base) || r.runId.matches(java.util.regex.Pattern.quote(base) + "-s[0-9]+")) || !r.ok()) continue;
            Double e = r.errors.get(statistic);
            if (e != null && e > 0) v.add(Math.log10(e));
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Sample standard deviation. */
    static double sd(double[] v) {
        double mean = 0, ss = 0;
        for (double x : v) mean += x / v.length;
        for (double x : v) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / (v.length - 1));
    }

    private void heat(String title, double[][] z, double[] range, java.awt.Color[] colours, String id, String caption) throws IOException {
        HeatMapChart c = new HeatMapChartBuilder().width(520).height(420).title(title).xAxisTitle("T").yAxisTitle("N").build();
        // An explicit range: XChart's own starts its maximum at Double.MIN_VALUE, which an all-negative log10 map
        // never exceeds (its legend then read 4.9E-324).
        c.getStyler().setMin(range[0]).setMax(range[1]).setRangeColors(colours);
        c.getStyler().setShowValue(true);
        List<Integer> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int t : PaperGrid.TIMESTEPS) xs.add(t);
        for (int n : PaperGrid.NEURONS) ys.add(n);
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) if (!Double.isNaN(z[i][j])) cells.add(new Number[] {j, i, Math.round(z[i][j] * 100) / 100.0}); // two decimals: readable cells
        }
        if (cells.isEmpty()) return;
        c.addSeries("log10 MSE", xs, ys, cells);
        emit(c, id, caption);
    }

    /** Classical GAN widths shown in the parameters table (there is no default width; RESULTS.md trains W = 4..256). */
    static final int SPIKEGAN_WIDTH = 16, MLP_WIDTH = 64;

    /** The baseline command's default latent dimension, read from its option (not copied). */
    static int defaultLatent() {
        picocli.CommandLine train = org.spiqgan.cli.SpiqganCli.commandLine().getSubcommands().get("baseline").getSubcommands().get("train");
        return Integer.parseInt(train.getCommandSpec().findOption("--latent").defaultValue());
    }

    private void params() throws IOException {
        int latent = defaultLatent();
        html.append("<h2>Trainable parameters against classical generators</h2><p>Quantum models: trainable parameters from each run's "
                + "model file; quality: geometric mean of the error ratios to the noise floor (statistics that apply; 1 is as good as "
                + "a second sample of the real data). Classical models: parameter counts computed by the library's models for each N, T: "
                + "independent Bernoulli neurons, the stationary dichotomized Gaussian (DG), the pairwise and k-pairwise maximum-entropy "
                + "models, and the Spike-GAN and MLP GAN generators at width ").append(SPIKEGAN_WIDTH).append(" and ").append(MLP_WIDTH)
                .append(" with latent dimension ").append(latent).append(" (the baseline command's default). The second table fits the cheap "
                + "baselines at the Fig. 3 cells and judges them on the same test split.</p><table><tr><th>N</th><th>T</th>");
        List<String[]> columns = new ArrayList<>();
        for (String m : models) {
            for (String loss : m.equals("paper") ? new String[] {"-k", "-standard"} : new String[] {""}) {
                columns.add(new String[] {m, loss});
                String label = m.equals("paper") ? "paper " + (loss.equals("-k") ? "K-loss" : "standard") : "best";
                html.append("<th>").append(label).append(" parameters</th><th>").append(label).append(" quality</th>");
            }
        }
        html.append("<th>independent</th><th>DG</th><th>maxent pairwise</th><th>maxent k-pairwise</th><th>Spike-GAN W=").append(SPIKEGAN_WIDTH)
                .append("</th><th>MLP GAN W=").append(MLP_WIDTH).append("</th></tr>");
        for (int n : PaperGrid.NEURONS) {
            for (int t : PaperGrid.TIMESTEPS) {
                StringBuilder row = new StringBuilder();
                boolean any = false;
                for (String[] c : columns) {
                    String base = String.format(Locale.ROOT, "%s-N%02d-T%02d%s", c[0], n, t, c[1]);
                    RunResult r = byId.containsKey(base) ? byId.get(base) : byId.get(base + "-s1");
                    if (r != null && r.ok()) {
                        any = true;
                        row.append("<td>").append(r.trainableParameters).append("</td><td>").append(String.format(Locale.ROOT, "%.3g", quality(r))).append("</td>");
                    } else {
                        row.append("<td></td><td></td>");
                    }
                }
                if (!any) continue;
                html.append("<tr><td>").append(n).append("</td><td>").append(t).append("</td>").append(row);
                for (long count : classicalCounts(n, t, latent)) html.append("<td>").append(count).append("</td>");
                html.append("</tr>");
            }
        }
        html.append("</table>");
        baselineTable(latent);
    }

    /** Parameter counts of the classical models at N, T, each from the library's model (fitted counts equal these). */
    static long[] classicalCounts(int n, int t, int latent) {
        return new long[] {new org.spiqgan.baseline.IndependentBernoulliBaseline(new double[n], t).parameterCount(),
            org.spiqgan.baseline.DichotomizedGaussian.parameterCount(n, t),
            org.spiqgan.baseline.MaxEntLayout.parameterCount(org.spiqgan.baseline.MaxEntLayout.Model.PAIRWISE, n, 0),
            org.spiqgan.baseline.MaxEntLayout.parameterCount(org.spiqgan.baseline.MaxEntLayout.Model.K_PAIRWISE, n, 0),
            org.spiqgan.baseline.Generator.parameterCount(org.spiqgan.baseline.Generator.Kind.SPIKEGAN, n, t, latent, SPIKEGAN_WIDTH),
            org.spiqgan.baseline.Generator.parameterCount(org.spiqgan.baseline.Generator.Kind.MLP, n, t, latent, MLP_WIDTH)};
    }

    /** Fitted baselines and quantum models at the same cells: parameters and errors on the same test split, plus a scatter. */
    private void baselineTable(int latent) throws IOException {
        StringBuilder t = new StringBuilder("<h3>Quantum models against fitted classical baselines (same test split)</h3><table><tr><th>N</th><th>T</th>"
                + "<th>model</th><th>parameters</th><th>quality</th><th>MSE P(k)</th><th>MSE rate</th><th>state JS (bits)</th></tr>");
        Map<String, List<double[]>> scatter = new java.util.LinkedHashMap<>();
        boolean any = false;
        for (int n : PaperGrid.FIG3_N) {
            for (int tt : PaperGrid.FIG3_T) {
                List<String[]> rows = new ArrayList<>(variants(n, tt));
                for (String b : PaperGrid.BASELINES.keySet()) {
                    String id = String.format(Locale.ROOT, "base-%s-N%02d-T%02d", b, n, tt);
                    if (byId.containsKey(id) && byId.get(id).ok()) rows.add(new String[] {id, b});
                }
                if (rows.stream().noneMatch(r -> r[0].startsWith("base-"))) continue;
                any = true;
                for (String[] r : rows) {
                    RunResult res = byId.get(r[0]);
                    t.append("<tr><td>").append(n).append("</td><td>").append(tt).append("</td><td style=\"text-align:left\">").append(r[1]).append("</td><td>")
                            .append(res.trainableParameters).append("</td><td>").append(String.format(Locale.ROOT, "%.3g", quality(res))).append("</td>");
                    for (String stat : new String[] {"kProbabilityMse", "rateMse", "stateJsBits"}) {
                        Double e = res.errors.get(stat);
                        t.append("<td>").append(e == null ? "" : String.format(Locale.ROOT, "%.3g", e)).append("</td>");
                    }
                    t.append("</tr>");
                    if (res.trainableParameters != null && quality(res) > 0) {
                        scatter.computeIfAbsent(r[1], k -> new ArrayList<>()).add(new double[] {res.trainableParameters, quality(res)});
                    }
                }
                long[] c = classicalCounts(n, tt, latent);
                t.append("<tr><td>").append(n).append("</td><td>").append(tt).append("</td><td style=\"text-align:left\">Spike-GAN W=").append(SPIKEGAN_WIDTH)
                        .append(" (not trained here)</td><td>").append(c[4]).append("</td><td></td><td></td><td></td><td></td></tr>");
                t.append("<tr><td>").append(n).append("</td><td>").append(tt).append("</td><td style=\"text-align:left\">MLP GAN W=").append(MLP_WIDTH)
                        .append(" (not trained here)</td><td>").append(c[5]).append("</td><td></td><td></td><td></td><td></td></tr>");
            }
        }
        if (!any) return;
        html.append(t).append("</table>");
        XYChart c = new XYChartBuilder().width(600).height(420).title("quality against trainable parameters (Fig. 3 cells)")
                .xAxisTitle("trainable parameters").yAxisTitle("geometric mean error ratio to the noise floor").build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        for (Map.Entry<String, List<double[]>> e : scatter.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray(), y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            c.addSeries(e.getKey(), x, y);
        }
        if (!scatter.isEmpty()) emit(c, "params-quality", "quality (lower is better) against trainable parameters, every model at the Fig. 3 cells.");
    }

    static double quality(RunResult r) {
        double s = 0;
        int c = 0;
        for (Double v : r.ratios.values()) {
            if (v != null && v > 0) { s += Math.log(v); c++; }
        }
        return c == 0 ? Double.NaN : Math.exp(s / c);
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double d : a) l.add(d);
        return l;
    }

    private void emit(Chart<?, ?> chart, String id, String caption) throws IOException {
        String stem = String.format(Locale.ROOT, "%03d-%s", ++figure, id);
        figures.write(chart, stem);
        html.append("<figure style=\"display:inline-block;width:32%\"><a href=\"figures/").append(stem).append(".svg\"><img style=\"max-width:100%\" src=\"figures/")
                .append(stem).append(".png\" alt=\"").append(id).append("\"></a><figcaption>").append(caption).append("</figcaption></figure>");
    }
}
