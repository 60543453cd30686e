package org.spiqgan.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spiqgan.BadInputException;

/**
 * The one model-file schema of every run directory, {@code RUNDIR/model.json}: a JSON object with
 * {@code "format": "spiqgan-model/1"} (schema name and version) and {@code "kind"} (what wrote it:
 * {@value #PATCH_KIND}, {@code spiqgan/stationary}, {@code baseline/spikegan}, {@code baseline/mlp},
 * {@code baseline/dg}, ...), then the kind's own members. Patch-model files written before the schema was
 * shared say {@code "format": "spiqgan-model", "version": 1} and carry no kind; they read as {@value #PATCH_KIND}.
 */
public final class RunFile {
    public static final String FORMAT = "spiqgan-model/1";
    public static final String FILE_NAME = "model.json";
    /** The patch model's kind. */
    public static final String PATCH_KIND = "spiqgan/patch";
    /** The format name of patch-model files written before the shared schema (no kind, a version member). */
    public static final String LEGACY_PATCH_FORMAT = "spiqgan-model";

    private RunFile() {}

    /** RUNDIR/model.json for a directory, else the file itself. */
    public static Path path(Path dirOrFile) {
        return Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE_NAME) : dirOrFile;
    }

    /**
     * A run's model file (RUNDIR/model.json, or the file itself) as a JSON object, or a one-line error naming the file:
     * missing, unreadable, binary (e.g. a samples file given where a run is expected), not JSON, not an object.
     */
    public static JsonObject readObject(Path dirOrFile) {
        Path file = path(dirOrFile);
        if (!Files.isRegularFile(file)) throw BadInputException.of(file, null, "no model file (expected RUNDIR/" + FILE_NAME + ")");
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) throw BadInputException.of(file, null, "not a JSON object");
            return e.getAsJsonObject();
        } catch (java.nio.charset.CharacterCodingException ex) {
            // say what was expected, not the decoder's words
            throw BadInputException.of(file, null, "binary content, not a model file (expected RUNDIR/" + FILE_NAME + ", JSON text)");
        } catch (IOException ex) {
            throw BadInputException.of(file, null, "cannot read: " + ex.getMessage());
        } catch (BadInputException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw BadInputException.of(file, null, "not valid JSON: " + String.valueOf(ex.getMessage()).replace('\n', ' '));
        }
    }

    /** The kind of a run's model file, or a one-line error naming the file. */
    public static String kindOf(Path dirOrFile) {
        Path file = path(dirOrFile);
        String[] fields = scanKind(file);
        if (fields == null) {
            // not clean JSON: the tree parser's own one-line error
            JsonObject o = readObject(dirOrFile);
            JsonElement kind = o.get("kind"), format = o.get("format");
            fields = new String[] {kind != null && kind.isJsonPrimitive() ? kind.getAsString() : null,
                format != null && format.isJsonPrimitive() ? format.getAsString() : null};
        }
        if (fields[0] != null) return fields[0];
        if (LEGACY_PATCH_FORMAT.equals(fields[1])) return PATCH_KIND;
        throw BadInputException.of(file, "kind", "missing (expected a model file of format " + FORMAT + ")");
    }

    /**
     * The top-level "kind" and "format" strings of a model file (null where absent) by a streaming pass that builds
     * no tree: the whole file is still checked to be one JSON object, but its numbers are skipped, not parsed (a
     * patch run's file holds over half a million, and a tree of them cost a cold start a fifth of a second).
     * Null when the file is not clean JSON, for {@link #readObject} to say why.
     */
    private static String[] scanKind(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try (com.google.gson.stream.JsonReader r = new com.google.gson.stream.JsonReader(
                new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            r.setStrictness(com.google.gson.Strictness.LENIENT);
            String kind = null, format = null;
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                com.google.gson.stream.JsonToken t = r.peek();
                boolean text = t == com.google.gson.stream.JsonToken.STRING || t == com.google.gson.stream.JsonToken.NUMBER;
                if (name.equals("kind") && text) kind = r.nextString();
                else if (name.equals("format") && text) format = r.nextString();
                else r.skipValue();
            }
            r.endObject();
            if (r.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) return null;
            return new String[] {kind, format};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a kind is one of SpiQGAN's own quantum runs (patch or stationary). */
    public static boolean quantum(String kind) {
        return kind.startsWith("spiqgan");
    }
}
