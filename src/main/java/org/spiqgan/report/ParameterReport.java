package org.spiqgan.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.spiqgan.data.AtomicFile;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.Evaluation;

/**
 * The output of {@code spiqgan compare}: a table of every model's errors with the noise floor and
 * trainable-parameter counts ({@code table.txt}, {@code compare.json}), the quality-against-parameters
 * figures ({@code figures/}) and one self-contained {@code index.html}; the full evaluation report of
 * the same models goes to {@code report/}.
 */
public final class ParameterReport {
    private ParameterReport() {}

    /** The table with one column per model: error, ratio to the floor; and rows for parameters and family. */
    public static String text(Evaluation e, long[] parameters, String[] families) {
        List<String[]> rows = EvaluationTable.cells(e);
        String[] p = new String[rows.get(0).length];
        String[] f = new String[p.length];
        p[0] = "trainable parameters";
        f[0] = "family";
        p[1] = "";
        f[1] = "";
        for (int k = 0; k < parameters.length; k++) {
            p[2 + 2 * k] = Long.toString(parameters[k]);
            p[3 + 2 * k] = "";
            f[2 + 2 * k] = families[k];
            f[3 + 2 * k] = "";
        }
        rows.add(p);
        rows.add(f);
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) for (int c = 0; c < cols; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols; c++) {
                String v = rows.get(r)[c];
                if (c == 0) sb.append(String.format(Locale.ROOT, "%-" + width[c] + "s", v));
                else sb.append("  ").append(String.format(Locale.ROOT, "%" + width[c] + "s", v));
            }
            sb.append('\n');
            if (r == 0) sb.append("-".repeat(sb.length() - 1)).append('\n');
        }
        return sb.toString();
    }

    public static Path write(Path dir, Evaluation e, long[] parameters, String[] families, String command, String version)
            throws IOException {
        String table = text(e, parameters, families);
        AtomicFile.writeString(dir.resolve("table.txt"), table);
        JsonObject json = EvaluationJson.toJson(e, command, version);
        JsonArray models = json.getAsJsonArray("models");
        for (int k = 0; k < models.size(); k++) {
            models.get(k).getAsJsonObject().addProperty("trainableParameters", parameters[k]);
            models.get(k).getAsJsonObject().addProperty("family", families[k]);
        }
        json.addProperty("schema", "spiqgan-compare/1");
        AtomicFile.writeString(dir.resolve("compare.json"), new GsonBuilder().serializeNulls().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(json));
        List<Figure> figs = ParameterFigures.all(e, parameters, families);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n")
         .append("<title>SpiQGAN comparison: N = ").append(e.neurons()).append(", T = ").append(e.timesteps()).append("</title>\n")
         .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;font-size:13px}"
                 + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:first-child,th:first-child{text-align:left}"
                 + "img{max-width:100%}code,pre{background:#f4f4f4}</style>\n</head>\n<body>\n");
        h.append("<h1>Quality against trainable parameters</h1>\n<p>").append(e.neurons()).append(" neurons &times; ")
         .append(e.timesteps()).append(" bins. Every model is compared with the held-out test split; the noise floor is the same "
                 + "error for the training split. Ratio = error / noise floor.</p>\n<table>\n");
        List<String[]> rows = EvaluationTable.cells(e);
        for (int r = 0; r < rows.size(); r++) {
            h.append("<tr>");
            for (String c : rows.get(r)) h.append(r == 0 ? "<th>" : "<td>").append(HtmlReport.esc(c)).append(r == 0 ? "</th>" : "</td>");
            h.append("</tr>\n");
        }
        h.append("<tr><td>trainable parameters</td><td></td>");
        for (long p : parameters) h.append("<td>").append(p).append("</td><td></td>");
        h.append("</tr>\n<tr><td>family</td><td></td>");
        for (String f : families) h.append("<td>").append(HtmlReport.esc(f)).append("</td><td></td>");
        h.append("</tr>\n</table>\n<h2>Models</h2>\n<ul>\n");
        for (Evaluation.Side m : e.models()) {
            h.append("<li><b>").append(HtmlReport.esc(m.name())).append("</b>: ").append(HtmlReport.esc(m.source())).append("</li>\n");
        }
        h.append("</ul>\n<h2>Figures</h2>\n");
        for (Figure f : figs) {
            byte[] png = HtmlReport.png(f);
            AtomicFile.write(dir.resolve("figures").resolve(f.id() + ".png"), out -> out.write(png));
            AtomicFile.write(dir.resolve("figures").resolve(f.id() + ".svg"),
                    out -> VectorGraphicsEncoder.saveVectorGraphic(f.chart(), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
            h.append("<figure><img alt=\"").append(HtmlReport.esc(f.caption())).append("\" src=\"data:image/png;base64,")
             .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(HtmlReport.esc(f.caption()))
             .append("</figcaption></figure>\n");
        }
        h.append("<p>All statistics and figures of these models: <a href=\"report/index.html\">report/index.html</a>.</p>\n");
        h.append("<h2>Command</h2>\n<pre>").append(HtmlReport.esc(command)).append("</pre>\n<p>").append(HtmlReport.esc(version))
         .append("</p>\n</body>\n</html>\n");
        Path index = dir.resolve("index.html");
        AtomicFile.writeString(index, h.toString());
        HtmlReport.write(dir.resolve("report"), e, command, version);
        return index;
    }

    /** Errors as a key -> value map, for callers that print their own summaries. */
    public static double error(Evaluation.Side s, Comparison.Error err) {
        return s.errors().get(err);
    }
}
