package org.spiqgan.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** "key: value" lines of {@link SpikeModel#info()}: records and JSON objects, one member a line, indented. */
public final class InfoLines {
    private InfoLines() {}

    /** One line per component of a record. */
    public static void record(List<String> out, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(r);
                out.add(String.format(Locale.ROOT, "  %s: %s", c.getName(), v instanceof double[] a ? Arrays.toString(a) : v));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One line per member of a JSON object; nested objects indented below their name. */
    public static void json(List<String> out, JsonObject j) {
        json(out, j, "  ");
    }

    private static void json(List<String> out, JsonObject j, String indent) {
        for (var e : j.entrySet()) {
            JsonElement v = e.getValue();
            if (v.isJsonObject()) {
                out.add(indent + e.getKey() + ":");
                json(out, v.getAsJsonObject(), indent + "  ");
            } else {
                out.add(String.format(Locale.ROOT, "%s%s: %s", indent, e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString()));
            }
        }
    }

    /** Status, best validation and the validation at the best step of an adversarially trained model. */
    public static void training(List<String> out, String status, TrainerState s, long steps) {
        out.add(String.format(Locale.ROOT, "status: %s at step %d of %d (%.1f s of training)", status, s.step, steps, s.seconds));
        out.add(String.format(Locale.ROOT, "best validation score: %s at step %d", s.bestStep < 0 ? "n/a"
                : String.format(Locale.ROOT, "%.5g", s.bestScore), s.bestStep));
        if (s.lastValidation != null) {
            out.add("last validation:");
            json(out, s.lastValidation);
        }
        for (var row : s.metrics) {
            if (row.has("best") && row.get("best").getAsBoolean() && row.get("step").getAsLong() == s.bestStep
                    && row.has("validation") && row.get("validation").isJsonObject()) {
                out.add("validation at the best step:");
                json(out, row.getAsJsonObject("validation"));
            }
        }
    }
}
