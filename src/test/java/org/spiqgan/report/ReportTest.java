package org.spiqgan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.Evaluation;
import org.spiqgan.stats.EvaluationBuilder;
import org.spiqgan.stats.SyntheticSpikes;

class ReportTest {

    static Evaluation example(int n, int t) {
        return new EvaluationBuilder(20)
                .test("synthetic test", SyntheticSpikes.markov(1, 400, n, t, 0.05, 0.4))
                .train("synthetic train", SyntheticSpikes.markov(2, 1200, n, t, 0.05, 0.4))
                .model("markov model", "synthetic markov", SyntheticSpikes.markov(3, 500, n, t, 0.06, 0.3))
                .model("Bernoulli", "synthetic bernoulli", SyntheticSpikes.bernoulli(4, 500, n, t, 0.05))
                .build();
    }

    @Test
    void writesEveryFigureAsPngAndSvgAndInlinesThemInOnePage() throws Exception {
        Evaluation e = example(6, 12);
        Path dir = Paths.get("target", "report-test");
        Path index = HtmlReport.write(dir, e, "spiqgan evaluate --real x.mat", "spiqgan test");
        List<Figure> figures = Figures.all(e);
        // 6 common figures, 2 state figures per model, rasters and heat maps for real + each model.
        assertEquals(6 + 2 * 2 + 3 + 3, figures.size());
        String html = Files.readString(index);
        for (Figure f : figures) {
            assertTrue(Files.size(dir.resolve("figures/" + f.id() + ".png")) > 1000, f.id());
            String svg = Files.readString(dir.resolve("figures/" + f.id() + ".svg"));
            assertTrue(svg.contains("<svg"), f.id());
            assertTrue(html.contains("id=\"" + f.id() + "\""), f.id());
        }
        assertEquals(figures.size(), html.split("<img src=\"data:image/png;base64,", -1).length - 1);
        assertTrue(html.contains("spiqgan evaluate --real x.mat"));
        assertTrue(html.contains("state JS (bits)"));
        assertFalse(html.contains("src=\"figures/"), "figures must be inlined, not linked");
    }

    @Test
    void jsonHoldsEveryStatisticAndError() throws Exception {
        Evaluation e = example(4, 5);
        Path file = Paths.get("target", "report-test", "evaluation.json");
        EvaluationJson.write(file, e, "cmd", "v");
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(EvaluationJson.SCHEMA, o.get("schema").getAsString());
        assertEquals(2, o.getAsJsonArray("models").size());
        JsonObject m = o.getAsJsonArray("models").get(1).getAsJsonObject();
        for (Comparison.Error err : Comparison.Error.values()) {
            assertEquals(e.models().get(1).errors().get(err), m.getAsJsonObject("errors").get(err.key).getAsDouble(), 0);
            double ratio = e.models().get(1).errors().get(err) / e.train().errors().get(err);
            assertEquals(ratio, m.getAsJsonObject("ratios").get(err.key).getAsDouble(), 1e-12 * ratio);
        }
        assertEquals(16, m.getAsJsonObject("statistics").getAsJsonArray("stateDistribution").size());
        assertEquals(4, o.getAsJsonObject("test").getAsJsonObject("statistics").getAsJsonArray("covariance").size());
        assertTrue(o.getAsJsonObject("train").getAsJsonObject("errors").has("stateJsBits"));
        assertTrue(o.getAsJsonObject("train").get("memorized").isJsonNull(), "undefined values are written as null");
    }

    @Test
    void manyNeuronsSkipStatesWithANoteAndOneBinSkipsLags() throws Exception {
        Evaluation wide = example(22, 3);
        assertTrue(Double.isNaN(wide.models().get(0).errors().stateJsBits()));
        assertTrue(wide.notes().stream().anyMatch(s -> s.contains("spiking-state distribution skipped")));
        String html = HtmlReport.html(wide, new java.util.LinkedHashMap<>(), "cmd", "v");
        assertTrue(html.contains("spiking-state distribution skipped"));
        assertTrue(EvaluationTable.text(wide).contains("n/a"));
        assertTrue(Figures.all(wide).stream().noneMatch(f -> f.id().contains("states")));

        Evaluation single = example(5, 1);
        assertTrue(Double.isNaN(single.models().get(0).errors().acgMse()));
        assertTrue(Figures.all(single).stream().noneMatch(f -> f.id().contains("autocorrelogram")));
        for (Figure f : Figures.all(single)) assertTrue(HtmlReport.png(f).length > 1000, f.id());
    }

    @Test
    void textTableHasOneRowPerStatisticAndModelsSideBySide() {
        Evaluation e = example(4, 5);
        String[] lines = EvaluationTable.text(e).split("\\R");
        assertEquals(2 + Comparison.Error.values().length + 1, lines.length);
        assertTrue(lines[0].contains("noise floor") && lines[0].contains("markov model") && lines[0].contains("Bernoulli"));
        String rate = lines[2];
        assertTrue(rate.startsWith("rate MSE"));
        assertTrue(rate.contains(EvaluationTable.sci(e.train().errors().rateMse())));
        assertTrue(rate.contains(EvaluationTable.ratio(e.models().get(1).errors().rateMse(), e.train().errors().rateMse())));
    }
}
