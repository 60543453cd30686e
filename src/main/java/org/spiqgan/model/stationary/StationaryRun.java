package org.spiqgan.model.stationary;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spiqgan.BadInputException;
import org.spiqgan.data.AtomicFile;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.DataFingerprint;
import org.spiqgan.nn.BatchExecutor;

/**
 * The run directory of a stationary generator: {@code RUNDIR/model.json} in the common run schema
 * ({@code format} spiqgan-model/1, {@code kind} spiqgan/stationary, neurons, timesteps,
 * trainableParameters) holding the architecture, the training settings, the data fingerprint and the whole
 * training state, so that the file is both the model and the checkpoint; plus {@code metrics.jsonl}.
 * Doubles are written in their shortest round-trip form, so a resumed run continues bit for bit.
 */
public final class StationaryRun {
    public static final String FORMAT = "spiqgan-model/1";
    public static final String KIND = "spiqgan/stationary";
    public static final String FILE_NAME = "model.json";

    public String format = FORMAT;
    public String kind = KIND;
    public String spiqgan;
    public int neurons;
    public int timesteps;
    public long trainableParameters;
    /** The run's specification (data, architecture, training); null in runs written before it was stored. */
    public org.spiqgan.model.TrainSpec spec;
    public StationaryConfig generator;
    public StationaryTraining training;
    public DataFingerprint data;
    public double[] trainingRates;
    /** Where the initial parameters came from, when the run fine-tunes another ({@code null}: the data-informed start). */
    public String initialisedFrom;
    /** Initial parameters taken from another run; used once to start, not stored. */
    public transient double[] initialParameters;
    public String status;
    public StationaryState state;

    private static Gson gson() {
        return new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
    }

    public static Path path(Path dir) { return dir.resolve(FILE_NAME); }

    public void write(Path dir) throws IOException {
        AtomicFile.writeString(path(dir), gson().toJson(this) + "\n");
    }

    /** Writes the training record, one JSON object per step. */
    public void writeMetrics(Path dir) throws IOException {
        Gson g = new Gson();
        StringBuilder sb = new StringBuilder();
        for (StationaryState.Metric m : state.metrics) sb.append(g.toJson(m)).append('\n');
        AtomicFile.writeString(dir.resolve("metrics.jsonl"), sb.toString());
    }

    public static boolean isStationary(Path dirOrFile) {
        Path f = Files.isDirectory(dirOrFile) ? path(dirOrFile) : dirOrFile;
        try {
            JsonObject o = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
            return o.has("kind") && KIND.equals(o.get("kind").getAsString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static StationaryRun read(Path dirOrFile) {
        Path f = Files.isDirectory(dirOrFile) ? path(dirOrFile) : dirOrFile;
        StationaryRun r;
        try {
            r = gson().fromJson(Files.readString(f, StandardCharsets.UTF_8), StationaryRun.class);
        } catch (IOException e) {
            throw BadInputException.of(f, "file", "cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw BadInputException.of(f, "json", "damaged model file (" + e.getMessage() + ")");
        }
        if (r == null || !KIND.equals(r.kind)) throw BadInputException.of(f, "kind", "expected \"" + KIND + "\"");
        if (r.generator == null) throw BadInputException.of(f, "generator", "missing");
        if (r.training == null) throw BadInputException.of(f, "training", "missing");
        if (r.state == null || r.state.params == null) throw BadInputException.of(f, "state.params", "missing");
        int np = r.generator.parameterCount();
        check(f, r.state.params, np, "state.params");
        check(f, r.state.ema, np, "state.ema");
        if (r.state.best != null) check(f, r.state.best, np, "state.best");
        if (r.state.metrics == null) r.state.metrics = new java.util.ArrayList<>();
        return r;
    }

    private static void check(Path f, double[] a, int n, String field) {
        if (a == null) throw BadInputException.of(f, field, "missing");
        if (a.length != n) throw BadInputException.of(f, field, "has " + a.length + " values, expected " + n);
        for (double x : a) if (!Double.isFinite(x)) throw BadInputException.of(f, field, "holds a non-finite value");
    }

    /** The parameters generation uses: the best validation checkpoint's moving average, or the last one. */
    public double[] parameters(boolean last) {
        return last || state.best == null ? state.ema : state.best;
    }

    /** {@code count} windows (count, N, T), reproducible from the seed for any thread count. */
    public SampleSet generate(int count, long seed, boolean last, int threads) {
        return generate(count, seed, last, threads, 0);
    }

    /** Windows first .. first + count - 1 of the generation with this seed (first a multiple of 32): parts of one call, bit for bit. */
    public SampleSet generate(int count, long seed, boolean last, int threads, long first) {
        SequenceEngine e = new SequenceEngine(new StationaryGenerator(generator));
        try (BatchExecutor ex = new BatchExecutor(threads)) {
            double[] z = new double[count * generator.latent()];
            return e.generate(parameters(last), count, generator.burnIn() + timesteps, seed, z, ex, first).dropFirstUnits(generator.hidden())
                    .lastBins(timesteps);
        }
    }
}
