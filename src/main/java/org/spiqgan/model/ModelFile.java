package org.spiqgan.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spiqgan.BadInputException;
import org.spiqgan.data.AtomicFile;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.nn.CriticSpec;

/**
 * The patch model's file {@code RUNDIR/model.json} ({@link RunFile}: format spiqgan-model/1, kind spiqgan/patch;
 * files of the older format spiqgan-model version 1 still read): the run's {@link TrainSpec} (older
 * runs: the command that trained it), the resolved generator and trainer configuration, the training data's fingerprint and statistics, and the whole
 * trainer state (parameters of generator, EMA, best checkpoint and critic, Adam moments, step, metrics).
 * Doubles are written in Java's shortest round-trip form, so reading restores them bit for bit.
 */
public final class ModelFile {
    public static final String FORMAT = RunFile.FORMAT;
    /** The version of the patch model's files written before the shared schema ({@link RunFile#LEGACY_PATCH_FORMAT}). */
    public static final int LEGACY_VERSION = 1;
    public static final String FILE_NAME = RunFile.FILE_NAME;

    public String format = FORMAT;
    public String kind = RunFile.PATCH_KIND;
    /** Only in files of the legacy format; null (not written) in the shared schema. */
    public Integer version;
    public String spiqgan;
    /** The run's specification (data, architecture, training): what {@code --resume} reads back. */
    public TrainSpec spec;
    /** Runs written before {@link #spec} existed stored their command line instead; null in newer runs. */
    public List<String> command;
    public GeneratorConfig generator;
    public TrainConfig training;
    public DataFingerprint data;
    public double[] kData;
    public double[] acgData;
    public long quantumParameters;
    public long criticParameters;
    public String status;
    public TrainerState state;

    static Gson gson() {
        return new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().disableHtmlEscaping().create();
    }

    public static Path path(Path runDir) {
        return runDir.resolve(FILE_NAME);
    }

    public void write(Path file) throws IOException {
        AtomicFile.writeString(file, gson().toJson(this) + "\n");
    }

    /** Deserializes a model file without the trainer's critic and optimizer state: those fields are skipped, not parsed. */
    private static final Gson MODEL_ONLY = new GsonBuilder().serializeSpecialFloatingPointValues()
            .addDeserializationExclusionStrategy(new com.google.gson.ExclusionStrategy() {
                @Override
                public boolean shouldSkipField(com.google.gson.FieldAttributes f) {
                    return f.getDeclaringClass() == TrainerState.class
                            && (f.getName().equals("critic") || f.getName().equals("adamG") || f.getName().equals("adamC"));
                }

                @Override
                public boolean shouldSkipClass(Class<?> c) {
                    return false;
                }
            })
            .create();

    /**
     * As {@link #read}, for commands that sample or describe the model (generate, info, compare, export-qasm): the
     * trainer's critic and optimizer state (state.critic, state.adamG, state.adamC; four fifths of the numbers of a
     * run at N = 10, T = 30) are skipped rather than parsed and left null, which saves about half a second of a cold
     * JVM's start. A file that does not read cleanly this way is read by {@link #read}, which names what is wrong.
     */
    public static ModelFile readModel(Path fileOrDir) {
        Path file = Files.isDirectory(fileOrDir) ? path(fileOrDir) : fileOrDir;
        ModelFile m;
        try {
            m = MODEL_ONLY.fromJson(Files.readString(file, StandardCharsets.UTF_8), ModelFile.class);
        } catch (IOException | RuntimeException e) {
            m = null;
        }
        boolean shared = m != null && FORMAT.equals(m.format) && RunFile.PATCH_KIND.equals(m.kind);
        boolean legacy = m != null && RunFile.LEGACY_PATCH_FORMAT.equals(m.format) && m.version != null
                && m.version == LEGACY_VERSION;
        if (!shared && !legacy) return read(fileOrDir);
        m.check(file, false);
        m.format = FORMAT;
        m.kind = RunFile.PATCH_KIND;
        m.version = null;
        return m;
    }

    /** Reads and checks a model file (or RUNDIR/model.json when given a directory). */
    public static ModelFile read(Path fileOrDir) {
        Path file = Files.isDirectory(fileOrDir) ? path(fileOrDir) : fileOrDir;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw BadInputException.of(file, "file", "no such model file (expected RUNDIR/" + FILE_NAME + " written by 'spiqgan train')");
        } catch (IOException e) {
            throw BadInputException.of(file, "file", "cannot read: " + e.getMessage());
        }
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) throw BadInputException.of(file, "json", "not a JSON object");
            root = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw BadInputException.of(file, "json", "damaged or truncated JSON (" + firstLine(e) + ")");
        }
        JsonElement fmt = root.get("format");
        String f = fmt != null && fmt.isJsonPrimitive() ? fmt.getAsString() : null;
        if (FORMAT.equals(f)) {
            JsonElement k = root.get("kind");
            if (k == null || !k.isJsonPrimitive() || !RunFile.PATCH_KIND.equals(k.getAsString())) {
                throw BadInputException.of(file, "kind", "expected \"" + RunFile.PATCH_KIND + "\" (a patch-model run), got " + (k == null ? "nothing" : k));
            }
        } else if (RunFile.LEGACY_PATCH_FORMAT.equals(f)) {
            JsonElement ver = root.get("version");
            int v;
            try {
                v = ver == null ? -1 : ver.getAsInt();
            } catch (RuntimeException e) {
                v = -1;
            }
            if (v != LEGACY_VERSION) {
                throw BadInputException.of(file, "version", "unsupported model file version " + (ver == null ? "(missing)" : ver)
                        + "; this spiqgan reads version " + LEGACY_VERSION + " of format " + RunFile.LEGACY_PATCH_FORMAT);
            }
        } else {
            throw BadInputException.of(file, "format", "expected \"" + FORMAT + "\", got " + (fmt == null ? "nothing" : fmt));
        }
        ModelFile m;
        try {
            m = gson().fromJson(root, ModelFile.class);
        } catch (RuntimeException e) {
            String field = locate(root, ModelFile.class, "");
            throw BadInputException.of(file, field.isEmpty() ? fieldOf(e) : field, "damaged: " + firstLine(e));
        }
        m.check(file, true);
        // read as the shared schema: written back (a resumed run) in it
        m.format = FORMAT;
        m.kind = RunFile.PATCH_KIND;
        m.version = null;
        return m;
    }

    /** The dotted path of the first field that does not read as its declared type ("" if none found). */
    private static String locate(JsonElement e, Class<?> type, String prefix) {
        if (!e.isJsonObject()) return "";
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
            JsonElement child = e.getAsJsonObject().get(f.getName());
            if (child == null || child.isJsonNull()) continue;
            String path = prefix + f.getName();
            try {
                gson().fromJson(child, f.getGenericType());
            } catch (RuntimeException ex) {
                String deeper = f.getType().isPrimitive() || f.getType().isArray() || f.getType().isEnum()
                        || f.getType().getName().startsWith("java.") ? "" : locate(child, f.getType(), path + ".");
                return deeper.isEmpty() ? path : deeper;
            }
        }
        return "";
    }

    private static String fieldOf(RuntimeException e) {
        String s = String.valueOf(e.getMessage());
        int i = s.indexOf("path $.");
        if (i >= 0) {
            String p = s.substring(i + 7);
            int sp = p.indexOf(' ');
            return sp > 0 ? p.substring(0, sp) : p;
        }
        return "json";
    }

    private static String firstLine(Throwable e) {
        Throwable t = e.getCause() != null && e.getCause() != e && e.getMessage() == null ? e.getCause() : e;
        String s = String.valueOf(t.getMessage());
        int nl = s.indexOf('\n');
        s = nl >= 0 ? s.substring(0, nl) : s;
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** Checks what the model needs, and with trainerState the critic and optimizer state too. */
    private void check(Path file, boolean trainerState) {
        require(file, generator, "generator");
        require(file, training, "training");
        require(file, data, "data");
        require(file, state, "state");
        require(file, generator.encoding(), "generator.encoding");
        require(file, generator.latent(), "generator.latent");
        require(file, generator.rotations(), "generator.rotations");
        require(file, generator.entangler(), "generator.entangler");
        require(file, generator.sampling(), "generator.sampling");
        require(file, training.criticInput(), "training.criticInput");
        long np = generator.parameterCount();
        checkLength(file, state.theta, np, "state.theta");
        checkLength(file, state.ema, np, "state.ema");
        if (state.bestParams != null) checkLength(file, state.bestParams, np, "state.bestParams");
        CriticSpec spec;
        try {
            spec = CriticSpec.parse(training.critic(), "training.critic");
        } catch (BadInputException e) {
            throw BadInputException.of(file, null, e.getMessage());
        }
        if (state.metrics == null) state.metrics = new ArrayList<>();
        if (!trainerState) return;
        long nc = spec.parameterCount(generator.neurons(), generator.timesteps());
        checkLength(file, state.critic, nc, "state.critic");
        require(file, state.adamG, "state.adamG");
        require(file, state.adamC, "state.adamC");
        checkLength(file, state.adamG.m, np, "state.adamG.m");
        checkLength(file, state.adamG.v, np, "state.adamG.v");
        checkLength(file, state.adamC.m, nc, "state.adamC.m");
        checkLength(file, state.adamC.v, nc, "state.adamC.v");
    }

    private static void require(Path file, Object o, String field) {
        if (o == null) throw BadInputException.of(file, field, "missing");
    }

    private static void checkLength(Path file, double[] a, long n, String field) {
        if (a == null) throw BadInputException.of(file, field, "missing");
        if (a.length != n) throw BadInputException.of(file, field, "has " + a.length + " values, expected " + n);
        for (double x : a) if (!Double.isFinite(x)) throw BadInputException.of(file, field, "holds a non-finite value");
    }

    /** The parameters generation uses: the best checkpoint's EMA ("best"), or the last EMA ("last"). */
    public double[] generatorParams(String which) {
        if ("last".equals(which) || state.bestParams == null) return state.ema;
        return state.bestParams;
    }

    /**
     * Samples from this model: generator g (this model's, possibly with another sampling mode) at the
     * parameters {@link #generatorParams} picks, on the given number of threads.
     */
    public SampleSet generate(GeneratorConfig g, String which, int samples, long seed, int threads) {
        return generate(g, which, samples, seed, threads, 0);
    }

    /** Samples {@code first .. first + samples - 1} of what {@link #generate(GeneratorConfig, String, int, long, int)} draws. */
    public SampleSet generate(GeneratorConfig g, String which, int samples, long seed, int threads, long first) {
        PatchGenerator gen = new PatchGenerator(g);
        try (BatchExecutor ex = new BatchExecutor(threads)) {
            return GeneratorObjective.sample(gen, generatorParams(which), first, samples, seed, ex);
        }
    }
}
