package org.spiqgan.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.spiqgan.data.AtomicFile;

/**
 * Training curves of a run: the losses and the validation numbers recorded at every validation step
 * ({@code metrics.jsonl} rows), as figures (PNG) and a self-contained {@code index.html}.
 */
public final class TrainingCurves {
    private TrainingCurves() {}

    static final String[][] LOSSES = {
        {"lossC", "critic loss"}, {"lossG", "generator loss (total)"}, {"wasserstein", "Wasserstein estimate"},
        {"adversarial", "generator adversarial term"}, {"kLoss", "K-loss"}, {"acgLoss", "temporal loss"},
        {"nll", "likelihood: NLL per bin"}, {"momentLoss", "free-running moment loss"},
    };

    static final String[][] VALIDATION = {
        {"score", "validation score"}, {"stateJs", "state JS (bits)"}, {"kMse", "k-probability MSE"}, {"rateMse", "rate MSE"},
    };

    /** The figures of the given metrics rows (step, losses, optional "validation" object). */
    public static List<Figure> figures(List<JsonObject> rows) {
        return figures(rows, null);
    }

    /** As above, with the likelihood pre-training's NLL per step (null or empty: no such figure). */
    public static List<Figure> figures(List<JsonObject> rows, double[] pretrainNll) {
        List<Figure> out = new ArrayList<>();
        XYChart losses = chart("Losses over generator steps (adversarial phase)", "generator step", "loss");
        int n = 0;
        for (String[] k : LOSSES) n += add(losses, rows, null, k[0], k[1], false);
        if (n > 0) out.add(new Figure("01-losses", "Training", "Critic and generator losses at every validation step.", losses));
        XYChart val = chart("Validation over generator steps", "generator step", "value (log scale)");
        val.getStyler().setYAxisLogarithmic(true);
        n = 0;
        for (String[] k : VALIDATION) n += add(val, rows, "validation", k[0], k[1], true);
        if (n > 0) {
            out.add(new Figure("02-validation", "Training", "Validation numbers of the EMA generator against the validation "
                    + "windows (positive values only, log scale); the best step is the one with the lowest score.", val));
        }
        if (pretrainNll != null && pretrainNll.length > 0) {
            XYChart pre = chart("Likelihood pre-training", "pre-training step", "NLL (nats per window)");
            double[] x = new double[pretrainNll.length];
            for (int k = 0; k < x.length; k++) x[k] = k + 1;
            pre.addSeries("NLL per step", x, pretrainNll).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            out.add(new Figure("03-pretrain", "Training", "Mean negative log-likelihood of the fit windows at every step of "
                    + "the likelihood pre-training (before the adversarial phase).", pre));
        }
        return out;
    }

    /** Writes DIR/figures/*.png and DIR/index.html; returns the index. */
    public static Path write(Path dir, List<JsonObject> rows, String title) throws IOException {
        return write(dir, rows, null, title);
    }

    /** As above, with the likelihood pre-training's NLL per step (may be null). */
    public static Path write(Path dir, List<JsonObject> rows, double[] pretrainNll, String title) throws IOException {
        List<Figure> figs = figures(rows, pretrainNll);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(HtmlReport.esc(title)).append("</title></head><body>\n<h1>").append(HtmlReport.esc(title)).append("</h1>\n");
        if (figs.isEmpty()) html.append("<p>No metrics recorded yet.</p>\n");
        for (Figure f : figs) {
            byte[] png = HtmlReport.png(f);
            AtomicFile.write(dir.resolve("figures").resolve(f.id() + ".png"), o -> o.write(png));
            html.append("<figure><img alt=\"").append(HtmlReport.esc(f.chart().getTitle())).append("\" style=\"max-width:100%\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(HtmlReport.esc(f.caption()))
                    .append("</figcaption></figure>\n");
        }
        html.append("</body></html>\n");
        Path index = dir.resolve("index.html");
        AtomicFile.writeString(index, html.toString());
        return index;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        Palette.style(c.getStyler());
        c.setTitle(title);
        c.setXAxisTitle(x);
        c.setYAxisTitle(y);
        c.getStyler().setMarkerSize(6);
        return c;
    }

    private static int add(XYChart c, List<JsonObject> rows, String inside, String key, String label, boolean positive) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (JsonObject r : rows) {
            JsonObject o = inside == null ? r : r.has(inside) && r.get(inside).isJsonObject() ? r.getAsJsonObject(inside) : null;
            if (o == null || !r.has("step")) continue;
            JsonElement v = o.get(key);
            if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) continue;
            double y = v.getAsDouble();
            if (!Double.isFinite(y) || (positive && y <= 0)) continue;
            xs.add(r.get("step").getAsDouble());
            ys.add(y);
        }
        if (xs.isEmpty()) return 0;
        XYSeries s = c.addSeries(label, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return 1;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
