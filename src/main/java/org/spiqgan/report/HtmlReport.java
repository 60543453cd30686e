package org.spiqgan.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.spiqgan.data.AtomicFile;
import org.spiqgan.stats.Evaluation;
import org.spiqgan.stats.Evaluation.Side;

/**
 * Writes the evaluation report: every figure as PNG and SVG under {@code DIR/figures/}, and one
 * self-contained {@code DIR/index.html} (figures inlined as PNG data URIs) with the table, the notes,
 * the command line and the versions.
 */
public final class HtmlReport {
    /** PNGs are drawn at this multiple of the chart size, so they stay sharp on high-density screens. */
    static final int PNG_SCALE = 2;

    private HtmlReport() {}

    /** Writes the report; returns the path of index.html. */
    public static Path write(Path dir, Evaluation e, String commandLine, String version) throws IOException {
        List<Figure> figures = Figures.all(e);
        Map<Figure, String> inlined = new LinkedHashMap<>();
        for (Figure f : figures) {
            byte[] png = png(f);
            AtomicFile.write(dir.resolve("figures").resolve(f.id() + ".png"), out -> out.write(png));
            AtomicFile.write(dir.resolve("figures").resolve(f.id() + ".svg"),
                    out -> VectorGraphicsEncoder.saveVectorGraphic(f.chart(), out,
                            VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
            inlined.put(f, Base64.getEncoder().encodeToString(png));
        }
        Path index = dir.resolve("index.html");
        AtomicFile.writeString(index, html(e, inlined, commandLine, version));
        return index;
    }

    static byte[] png(Figure f) throws IOException {
        int w = f.chart().getWidth();
        int h = f.chart().getHeight();
        BufferedImage img = new BufferedImage(w * PNG_SCALE, h * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            f.chart().paint(g, w, h);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String html(Evaluation e, Map<Figure, String> figures, String commandLine, String version) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .append("<link rel=\"icon\" href=\"data:,\">\n")
         .append("<title>SpiQGAN evaluation: N = ").append(e.neurons()).append(", T = ").append(e.timesteps())
         .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>SpiQGAN evaluation</h1>\n<p class=\"lead\">");
        h.append(e.neurons()).append(" neurons &times; ").append(e.timesteps()).append(" bins per sample");
        if (Double.isFinite(e.binMs())) h.append(String.format(Locale.ROOT, " (%s ms bins)", num(e.binMs())));
        h.append(". Every model is compared with the held-out <b>test split</b>; the <b>noise floor</b> is the same "
                + "error for the training split of the real data, i.e. how close any model can be expected to get. "
                + "Ratio = model error / noise floor (about 1 is as good as real data).</p>\n");

        h.append("<h2>Samples</h2>\n<table class=\"samples\">\n<tr><th>side</th><th>samples</th><th>source</th></tr>\n");
        List<Side> all = new ArrayList<>();
        all.add(e.test());
        all.add(e.train());
        all.addAll(e.models());
        for (Side s : all) {
            h.append("<tr><td>").append(esc(s.name())).append("</td><td class=\"num\">").append(s.statistics().samples())
             .append("</td><td><code>").append(esc(s.source())).append("</code></td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Errors against the test split</h2>\n<table class=\"errors\">\n");
        List<String[]> cells = EvaluationTable.cells(e);
        for (int r = 0; r < cells.size(); r++) {
            h.append("<tr>");
            String[] row = cells.get(r);
            for (int c = 0; c < row.length; c++) {
                String tag = r == 0 ? "th" : "td";
                String cls = c == 0 ? "" : " class=\"num" + (r > 0 && c >= 3 && (c - 3) % 2 == 0 ? " ratio" : "") + "\"";
                h.append('<').append(tag).append(cls).append('>').append(esc(row[c])).append("</").append(tag).append('>');
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p><b>Reading the ratios</b> (bold: error / noise floor, the same error between the training and "
                + "the test split of the real data): up to 3 is good (about as close as held-out recordings of the same cells are "
                + "to each other), up to 10 fair, beyond that poor; independent neurons at the training rates, when shown, say what "
                + "no correlation at all scores.</p>\n<p class=\"small\">MSE over: the N firing probabilities; the N(N&minus;1) off-diagonal "
                + "covariances; the N+1 values of P(k); the autocorrelogram at lags 1..min(10, T&minus;1); all N&sup2; "
                + "lag-1 cross-covariances. State JS: Jensen-Shannon divergence of the 2<sup>N</sup>-state "
                + "distributions in bits. Memorized: fraction of samples identical to some training sample "
                + "(noise-floor column: held-out real samples).</p>\n");

        List<String> notes = new ArrayList<>(e.notes());
        for (Side m : e.models()) for (String n : m.errors().notes()) if (!notes.contains(n)) notes.add(n);
        for (String n : e.train().errors().notes()) if (!notes.contains(n)) notes.add(n);
        if (!notes.isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>\n");
            for (String n : notes) h.append("<li>").append(esc(n)).append("</li>\n");
            h.append("</ul>\n");
        }

        String section = null;
        for (Map.Entry<Figure, String> en : figures.entrySet()) {
            Figure f = en.getKey();
            if (!f.section().equals(section)) {
                if (section != null) h.append("</div>\n");
                section = f.section();
                h.append("<h2>").append(esc(section)).append("</h2>\n<div class=\"grid\">\n");
            }
            h.append("<figure id=\"").append(esc(f.id())).append("\"><img src=\"data:image/png;base64,")
             .append(en.getValue()).append("\" width=\"").append(f.chart().getWidth()).append("\" height=\"")
             .append(f.chart().getHeight()).append("\" alt=\"").append(esc(f.chart().getTitle())).append("\">")
             .append("<figcaption>").append(esc(f.caption())).append(" <a href=\"figures/").append(esc(f.id()))
             .append(".svg\">SVG</a> &middot; <a href=\"figures/").append(esc(f.id())).append(".png\">PNG</a>")
             .append("</figcaption></figure>\n");
        }
        if (section != null) h.append("</div>\n");

        h.append("<h2>Provenance</h2>\n<p>Command line:</p>\n<pre>").append(esc(commandLine)).append("</pre>\n<p>")
         .append(esc(version)).append(" &middot; Java ").append(esc(System.getProperty("java.version")))
         .append(" (").append(esc(System.getProperty("java.vm.name"))).append(") &middot; XChart ")
         .append(esc(xchartVersion())).append(" &middot; written ")
         .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("</p>\n");
        h.append("</main>\n<script>\n").append(CHECK).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Marks on the body how many figures decoded, so a headless browser test can read it from the DOM. */
    static final String CHECK =
            "window.addEventListener('load', function () {\n"
            + "  var imgs = document.images, ok = 0;\n"
            + "  for (var i = 0; i < imgs.length; i++) if (imgs[i].complete && imgs[i].naturalWidth > 0) ok++;\n"
            + "  document.body.setAttribute('data-figures-ok', ok + '/' + imgs.length);\n"
            + "});\n";

    private static final String CSS = String.join("\n",
            "body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; color: #111; background: #fff;"
                    + " margin: 0; line-height: 1.45; }",
            "main { max-width: 1720px; margin: 0 auto; padding: 16px 28px 40px; }",
            "h1 { font-size: 28px; margin: 8px 0 4px; }",
            "h2 { font-size: 21px; margin: 28px 0 10px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }",
            ".lead { font-size: 16px; max-width: 1100px; }",
            ".small { font-size: 13px; color: #333; max-width: 1100px; }",
            "table { border-collapse: collapse; font-size: 15px; }",
            "th, td { border: 1px solid #bbb; padding: 5px 12px; text-align: left; }",
            "th { background: #eee; }",
            "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }",
            "td.ratio { font-weight: bold; }",
            ".grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 18px; }",
            "figure { margin: 0; border: 1px solid #ddd; padding: 8px; background: #fff; }",
            "figure img { width: 100%; height: auto; display: block; }",
            "figcaption { font-size: 13.5px; color: #222; margin-top: 6px; }",
            "pre { background: #f4f4f4; padding: 10px; white-space: pre-wrap; word-break: break-all; font-size: 13px; }",
            "code { font-size: 13px; }",
            "");

    private static String xchartVersion() {
        Package p = org.knowm.xchart.XYChart.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "3.8.8" : v;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
