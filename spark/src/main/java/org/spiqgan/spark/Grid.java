package org.spiqgan.spark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spiqgan.BadInputException;

/**
 * A sweep's grid file (docs/sweeps.md):
 *
 * <pre>
 * { "seed": 7,                                    grid seed (default 1)
 *   "fixed":  { "likelihood-steps": 50 },          fields every run has
 *   "fields": { "neurons": ["top:2", "top:4"],     the cartesian product of these lists, first field slowest
 *               "loss": ["k", "standard"] },
 *   "runs":   [ { "neurons": "top:10", "timesteps": 30 } ] }   explicit runs after the product (over "fixed")
 * </pre>
 *
 * Field names are {@code train} options without the dashes (plus {@code samples}); values are strings, numbers
 * or booleans. Run i (in this order; with {@code --seeds K}, replicate k of cell c is run c*K + k) is named
 * {@code r0001...} and seeded by {@link #seed(long, int)} of the grid seed and i.
 */
public final class Grid {
    private Grid() {}

    /** Reads and expands a grid file; a malformed one is a one-line error naming the file and the field. */
    public static List<RunTask> read(Path file, int replicates, String outDir) {
        JsonObject root;
        try {
            root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException e) {
            throw BadInputException.of(file, null, "cannot be read (" + e.getMessage() + ")");
        } catch (JsonParseException | IllegalStateException e) {
            throw BadInputException.of(file, null, "is not a JSON object (" + e.getMessage() + ")");
        }
        return expand(file, root, replicates, outDir);
    }

    static List<RunTask> expand(Path file, JsonObject root, int replicates, String outDir) {
        for (String key : root.keySet()) {
            if (!List.of("seed", "fixed", "fields", "runs", "description").contains(key)) {
                throw BadInputException.of(file, key, "unknown field; expected seed, fixed, fields, runs or description");
            }
        }
        if (replicates < 1) throw BadInputException.of(null, "--seeds", "must be at least 1, not " + replicates);
        long gridSeed = 1;
        if (root.has("seed")) {
            try {
                gridSeed = root.get("seed").getAsLong();
            } catch (RuntimeException e) {
                throw BadInputException.of(file, "seed", "expected an integer, got " + root.get("seed"));
            }
        }
        LinkedHashMap<String, String> fixed = root.has("fixed") ? scalars(file, "fixed", root.get("fixed")) : new LinkedHashMap<>();
        List<LinkedHashMap<String, String>> cells = new ArrayList<>();
        if (root.has("fields")) {
            if (!root.get("fields").isJsonObject()) throw BadInputException.of(file, "fields", "expected an object of lists");
            cells.add(new LinkedHashMap<>(fixed));
            for (Map.Entry<String, JsonElement> f : root.getAsJsonObject("fields").entrySet()) {
                String where = "fields." + f.getKey();
                if (!f.getValue().isJsonArray() || f.getValue().getAsJsonArray().isEmpty()) {
                    throw BadInputException.of(file, where, "expected a non-empty list of values");
                }
                List<LinkedHashMap<String, String>> next = new ArrayList<>();
                for (LinkedHashMap<String, String> c : cells) {
                    for (JsonElement v : f.getValue().getAsJsonArray()) {
                        LinkedHashMap<String, String> n = new LinkedHashMap<>(c);
                        n.put(checkedName(file, where, f.getKey()), scalar(file, where, v));
                        next.add(n);
                    }
                }
                cells = next;
            }
        }
        if (root.has("runs")) {
            if (!root.get("runs").isJsonArray()) throw BadInputException.of(file, "runs", "expected a list of objects");
            int i = 0;
            for (JsonElement r : root.getAsJsonArray("runs")) {
                LinkedHashMap<String, String> n = new LinkedHashMap<>(fixed);
                n.putAll(scalars(file, "runs[" + i++ + "]", r));
                cells.add(n);
            }
        }
        if (cells.isEmpty()) throw BadInputException.of(file, "fields", "the grid has no runs; give fields or runs");
        List<RunTask> tasks = new ArrayList<>();
        int index = 0;
        for (LinkedHashMap<String, String> cell : cells) {
            for (int k = 0; k < replicates; k++) {
                String id = String.format(Locale.ROOT, "r%04d", index + 1);
                tasks.add(new RunTask(id, cell, seed(gridSeed, index), outDir));
                index++;
            }
        }
        return tasks;
    }

    /**
     * The seed of run {@code index}: SplitMix64 of the grid seed and the index, kept positive and below 2^31 so
     * that every command takes it. Depends only on the grid seed and the run's position.
     */
    public static long seed(long gridSeed, int index) {
        long z = gridSeed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 33) + 1;
    }

    private static LinkedHashMap<String, String> scalars(Path file, String where, JsonElement e) {
        if (!e.isJsonObject()) throw BadInputException.of(file, where, "expected an object of field: value");
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> f : e.getAsJsonObject().entrySet()) {
            m.put(checkedName(file, where + "." + f.getKey(), f.getKey()), scalar(file, where + "." + f.getKey(), f.getValue()));
        }
        return m;
    }

    private static String checkedName(Path file, String where, String name) {
        if (CliRunExecutor.RESERVED.contains(name)) {
            throw BadInputException.of(file, where, "is set by the sweep (seeds derive from the grid seed; --out is the sweep's); remove it");
        }
        if (name.startsWith("-")) throw BadInputException.of(file, where, "field names are options without the dashes");
        return name;
    }

    private static String scalar(Path file, String where, JsonElement v) {
        if (!v.isJsonPrimitive()) throw BadInputException.of(file, where, "expected a string, number or boolean, got " + v);
        String s = v.getAsString();
        if (v.getAsJsonPrimitive().isNumber()) {
            // 50 and 50.0 are the same option value; keep integers integral
            double d = v.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e15 && !s.contains("e") && !s.contains("E")) s = Long.toString((long) d);
        }
        return s;
    }
}
