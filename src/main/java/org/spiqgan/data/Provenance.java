package org.spiqgan.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.spiqgan.BadInputException;

/**
 * Where a file of generated samples comes from: a sidecar {@code G.npy.json} beside every generated file,
 * naming the model, its run directory and checkpoint, the neurons (indices into the recording), the window
 * length T, the bin width, the training data (source and SHA-256, or {@code synthetic:SEED}) and the seed.
 * An evaluation checks it against the data it compares the samples with.
 */
public record Provenance(String model, String run, String checkpoint, int[] neurons, int timesteps, double binMs,
        String dataSource, String dataSha256, long seed, long samples, String command) {

    public static final String FORMAT = "spiqgan-samples/1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    /** The sidecar of a samples file: the same name with {@code .json} appended. */
    public static Path sidecar(Path samplesFile) {
        return samplesFile.resolveSibling(samplesFile.getFileName() + ".json");
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        JsonObject body = GSON.toJsonTree(this).getAsJsonObject();
        for (var e : body.entrySet()) o.add(e.getKey(), e.getValue());
        return o;
    }

    /** Writes the sidecar of {@code samplesFile} atomically. */
    public void write(Path samplesFile) throws IOException {
        AtomicFile.writeString(sidecar(samplesFile), GSON.toJson(toJson()) + "\n");
    }

    /** The sidecar of {@code samplesFile}, or null when there is none. */
    public static Provenance read(Path samplesFile) {
        Path f = sidecar(samplesFile);
        if (!Files.isRegularFile(f)) return null;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) throw BadInputException.of(f, "json", "not a JSON object");
            JsonObject o = e.getAsJsonObject();
            if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
                throw BadInputException.of(f, "format", "expected \"" + FORMAT + "\"");
            }
            Provenance p = GSON.fromJson(o, Provenance.class);
            if (p.neurons == null || p.timesteps <= 0) throw BadInputException.of(f, "neurons", "missing neurons or timesteps");
            return p;
        } catch (IOException ex) {
            throw BadInputException.of(f, "file", "cannot read: " + ex.getMessage());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException ex) {
            throw BadInputException.of(f, "json", "damaged: " + ex.getMessage());
        }
    }

    /**
     * Checks that these samples were generated for the given neurons, window length, bin width and data;
     * a one-line error naming the sidecar and the field otherwise. A null {@code sha256} skips the data check.
     */
    public void check(Path samplesFile, int[] expectNeurons, int expectT, double expectBinMs, String expectSha256) {
        Path f = sidecar(samplesFile);
        boolean known = Arrays.stream(neurons).allMatch(i -> i >= 0);
        if (known && !Arrays.equals(neurons, expectNeurons)) {
            throw BadInputException.of(f, "neurons", "the samples are of recording neurons " + Arrays.toString(neurons)
                    + " (" + model + ", " + run + ") but the evaluated neurons are " + Arrays.toString(expectNeurons));
        }
        if (timesteps != expectT) {
            throw BadInputException.of(f, "timesteps", "the samples have T = " + timesteps + " but the evaluated windows have T = " + expectT);
        }
        if (binMs > 0 && expectBinMs > 0 && Math.abs(binMs - expectBinMs) > 1e-9 * Math.max(1, binMs)) {
            throw BadInputException.of(f, "binMs", "the samples have " + binMs + " ms bins but the data has " + expectBinMs + " ms bins");
        }
        if (expectSha256 != null && dataSha256 != null && !dataSha256.equals(expectSha256)) {
            throw BadInputException.of(f, "dataSha256", "the model was trained on " + dataSource + " (sha256 " + abbrev(dataSha256)
                    + ") but the evaluated data is another recording (sha256 " + abbrev(expectSha256) + ")");
        }
    }

    private static String abbrev(String sha) {
        return sha.length() > 16 ? sha.substring(0, 16) + "..." : sha;
    }
}
