package org.spiqgan.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.spiqgan.data.AtomicFile;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.Evaluation;
import org.spiqgan.stats.Evaluation.Side;
import org.spiqgan.stats.Statistics;

/**
 * The evaluation as JSON (schema {@value #SCHEMA}, documented in docs/evaluation.md): every statistic of
 * every side and every error. Undefined numbers (NaN) are written as null.
 */
public final class EvaluationJson {
    public static final String SCHEMA = "spiqgan-evaluation/1";

    private EvaluationJson() {}

    public static JsonObject toJson(Evaluation e, String commandLine, String version) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", SCHEMA);
        root.addProperty("version", version);
        root.addProperty("command", commandLine);
        root.addProperty("neurons", e.neurons());
        root.addProperty("timesteps", e.timesteps());
        root.add("binMs", number(e.binMs()));
        root.add("notes", strings(e.notes()));
        root.add("test", side(e.test(), e));
        root.add("train", side(e.train(), e));
        JsonArray models = new JsonArray();
        for (Side m : e.models()) models.add(side(m, e));
        root.add("models", models);
        return root;
    }

    public static void write(Path file, Evaluation e, String commandLine, String version) throws IOException {
        String text = new GsonBuilder().serializeNulls().setPrettyPrinting().create()
                .toJson(toJson(e, commandLine, version));
        AtomicFile.writeString(file, text + "\n");
    }

    private static JsonObject side(Side s, Evaluation e) {
        JsonObject o = new JsonObject();
        o.addProperty("name", s.name());
        o.addProperty("source", s.source());
        o.addProperty("samples", s.statistics().samples());
        o.add("memorized", number(s.memorized()));
        o.add("statistics", statistics(s.statistics(), e.binMs()));
        if (s.errors() != null) {
            JsonObject err = new JsonObject();
            JsonObject ratio = new JsonObject();
            for (Comparison.Error k : Comparison.Error.values()) {
                double v = s.errors().get(k);
                err.add(k.key, number(v));
                if (s != e.train()) {
                    double floor = e.train().errors().get(k);
                    ratio.add(k.key, number(floor == 0 ? Double.NaN : v / floor));
                }
            }
            o.add("errors", err);
            if (s != e.train()) o.add("ratios", ratio);
            o.add("notes", strings(s.errors().notes()));
        }
        return o;
    }

    static JsonObject statistics(Statistics s, double binMs) {
        JsonObject o = new JsonObject();
        o.add("firingProbability", array(s.firingProbability()));
        if (Double.isFinite(binMs)) o.add("firingRateHz", array(s.firingRateHz(binMs)));
        o.add("covariance", matrix(s.covariance()));
        o.add("kProbability", array(s.kProbability()));
        o.add("autocorrelogram", array(s.autocorrelogram()));
        o.add("lagCovariance", matrix(s.lagCovariance()));
        o.add("timeCourse", matrix(s.timeCourse()));
        o.add("spikeCountDistribution", array(s.spikeCountDistribution()));
        o.add("stateDistribution", s.hasStates() ? array(s.stateDistribution()) : JsonNull.INSTANCE);
        return o;
    }

    private static JsonElement number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? JsonNull.INSTANCE : new JsonPrimitive(v);
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray(v.length);
        for (double x : v) a.add(number(x));
        return a;
    }

    private static JsonArray matrix(double[][] m) {
        JsonArray a = new JsonArray(m.length);
        for (double[] row : m) a.add(array(row));
        return a;
    }

    private static JsonArray strings(List<String> v) {
        JsonArray a = new JsonArray();
        for (String s : v) a.add(s);
        return a;
    }
}
