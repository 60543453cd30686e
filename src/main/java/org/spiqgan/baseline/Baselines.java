package org.spiqgan.baseline;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import org.spiqgan.BadInputException;
import org.spiqgan.data.AtomicFile;

/**
 * Run directories of the classical baselines: {@code RUNDIR/model.json} in the shared schema
 * ({@link org.spiqgan.model.RunFile}, format {@code spiqgan-model/1}), with {@code kind} ({@code baseline/bernoulli}, {@code baseline/dg},
 * {@code baseline/spikegan}, {@code baseline/mlp}), {@code neurons}, {@code timesteps},
 * {@code trainableParameters}, {@code data} (where the model was fitted: source, neuron indices, split)
 * and the model's own fields.
 */
public final class Baselines {
    public static final String FORMAT = org.spiqgan.model.RunFile.FORMAT;
    public static final String MODEL_FILE = org.spiqgan.model.RunFile.FILE_NAME;
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private Baselines() {}

    /** Writes {@code rundir/model.json} atomically. {@code data} describes the training data (may be null). */
    public static Path save(Path rundir, Baseline model, JsonObject data) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("kind", model.kind());
        o.addProperty("neurons", model.neurons());
        o.addProperty("timesteps", model.timesteps());
        o.addProperty("trainableParameters", model.parameterCount());
        if (data != null) o.add("data", data);
        for (var e : model.toJson().entrySet()) o.add(e.getKey(), e.getValue());
        Path file = rundir.resolve(MODEL_FILE);
        AtomicFile.writeString(file, GSON.toJson(o));
        return file;
    }

    /** Reads a baseline run directory; SpiQGAN runs (kind "spiqgan...") are not baselines and are refused. */
    public static Baseline load(Path rundir) {
        JsonObject o = read(rundir);
        String file = rundir.resolve(MODEL_FILE).toString();
        String kind = string(o, "kind", file);
        int n = positiveInt(o, "neurons", file);
        int t = positiveInt(o, "timesteps", file);
        Baseline b;
        switch (kind) {
            case IndependentBernoulliBaseline.KIND -> b = IndependentBernoulliBaseline.fromJson(o, file, t);
            case DichotomizedGaussian.KIND -> b = DichotomizedGaussian.fromJson(o, file);
            case "baseline/spikegan", "baseline/mlp" -> b = ClassicalGan.fromJson(o, file, n, t);
            case "baseline/maxent-independent", "baseline/maxent-pairwise", "baseline/maxent-k-pairwise",
                 "baseline/maxent-spatiotemporal" -> b = MaxEntModel.fromJson(o, file, n, t);
            default -> throw BadInputException.of(file, "kind", "'" + kind + "' is not a classical baseline "
                    + "(expected baseline/bernoulli, baseline/dg, baseline/spikegan, baseline/mlp or baseline/maxent-*)");
        }
        if (b.neurons() != n || b.timesteps() != t) {
            throw BadInputException.of(file, "neurons", "the model holds N = " + b.neurons() + ", T = " + b.timesteps()
                    + " but the file says N = " + n + ", T = " + t);
        }
        return b;
    }

    /** A baseline run directory as a model that also knows the data description its file holds (for {@code info}). */
    public static Baseline open(Path rundir) {
        return new SavedBaseline(load(rundir), dataOf(rundir));
    }

    /** The {@code data} member of a run's model file, or null. */
    public static JsonObject dataOf(Path rundir) {
        JsonObject o = read(rundir);
        return o.has("data") && o.get("data").isJsonObject() ? o.getAsJsonObject("data") : null;
    }

    static JsonObject read(Path rundir) {
        return read(rundir, true);
    }

    static JsonObject read(Path rundir, boolean checkFormat) {
        Path file = org.spiqgan.model.RunFile.path(rundir);
        JsonObject o = org.spiqgan.model.RunFile.readObject(rundir);
        if (checkFormat && o.has("format") && !FORMAT.equals(o.get("format").getAsString())) {
            throw BadInputException.of(file, "format", "'" + o.get("format").getAsString() + "' is not " + FORMAT);
        }
        return o;
    }

    static JsonElement member(JsonObject o, String name, String file) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) throw BadInputException.of(file, name, "missing");
        return e;
    }

    static String string(JsonObject o, String name, String file) {
        JsonElement e = member(o, name, file);
        if (!e.isJsonPrimitive()) throw BadInputException.of(file, name, "must be a string");
        return e.getAsString();
    }

    static int positiveInt(JsonObject o, String name, String file) {
        JsonElement e = member(o, name, file);
        try {
            int v = e.getAsInt();
            if (v <= 0 || v != e.getAsDouble()) throw new NumberFormatException();
            return v;
        } catch (RuntimeException ex) {
            throw BadInputException.of(file, name, "must be a positive integer, not " + e);
        }
    }

    static double[] doubles(JsonObject o, String name, String file) {
        JsonElement e = member(o, name, file);
        if (!e.isJsonArray()) throw BadInputException.of(file, name, "must be an array of numbers");
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[a.size()];
        for (int k = 0; k < v.length; k++) {
            try {
                v[k] = a.get(k).getAsDouble();
            } catch (RuntimeException ex) {
                throw BadInputException.of(file, name, "entry " + k + " is not a number: " + a.get(k));
            }
            if (Double.isNaN(v[k])) throw BadInputException.of(file, name, "entry " + k + " is NaN");
        }
        return v;
    }

    static double[][] matrix(JsonElement e, int rows, int cols, String file, String name) {
        if (!e.isJsonArray() || e.getAsJsonArray().size() != rows) {
            throw BadInputException.of(file, name, "expected " + rows + " rows of " + cols + " numbers");
        }
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            JsonObject holder = new JsonObject();
            holder.add(name, e.getAsJsonArray().get(r));
            m[r] = doubles(holder, name, file);
            if (m[r].length != cols) throw BadInputException.of(file, name, "row " + r + " has " + m[r].length + " values, expected " + cols);
            for (double v : m[r]) if (!(v >= -1 && v <= 1)) throw BadInputException.of(file, name, "correlations must be in [-1, 1], not " + v);
        }
        return m;
    }

    static JsonArray array(double[] v) {
        JsonArray a = new JsonArray(v.length);
        for (double x : v) a.add(x);
        return a;
    }

    static JsonArray matrix(double[][] m) {
        JsonArray a = new JsonArray(m.length);
        for (double[] row : m) a.add(array(row));
        return a;
    }
}
