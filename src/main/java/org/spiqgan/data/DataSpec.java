package org.spiqgan.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;
import org.spiqgan.BadInputException;

/**
 * Every data choice of a run as named, typed fields: which recording, how to read it, how to split it, which
 * neurons and which windows. {@link #prepare} reads, splits and selects; the command line, tests and sweep
 * runners all describe data this way, and run files store it (JSON, {@link #toJson}/{@link #fromJson}).
 * Validation messages name the field ({@code neurons: ...}), never a command-line option.
 */
public final class DataSpec {
    /** Default window length in bins (SPEC section 2). */
    public static final int DEFAULT_TIMESTEPS = 30;
    /** Default neuron selection. */
    public static final String DEFAULT_NEURONS = "top:10";

    /** The recording (any format {@link RasterReaders} reads); null = the built-in synthetic recording. */
    public String file;
    /** Seed of the synthetic recording (used when {@link #file} is null). */
    public long syntheticSeed = SyntheticRecording.DEFAULT_SEED;
    /** Variable / dataset / array holding the raster (MAT, HDF5, NPZ); null = 'data' or the only matrix. */
    public String variable;
    /** Which matrix dimension is time. */
    public Layout layout = Layout.AUTO;
    /** Bin width in ms; null = the file's, else {@link ReadOptions#DEFAULT_BIN_MS}. */
    public Double binMs;
    /** Equal segments (trials / stimulus repeats) of this many bins; null = the file's own segments, if any. */
    public Integer segmentLength;
    /** Spike times: start of the first bin in seconds; null = 0. */
    public Double start;
    /** Spike times: end of the last bin in seconds; null = the data's end. */
    public Double stop;
    /** Accept counts above 1 (a bin with any spike counts as 1). */
    public boolean binarize;
    /** Neuron selection: top:N, first:N, all, or indices like 3,7,12 ({@link NeuronSelection}). */
    public String neurons = DEFAULT_NEURONS;
    /** Window length in bins. */
    public int timesteps = DEFAULT_TIMESTEPS;
    /** Fraction of segments (or bins) in the training split. */
    public double trainFraction = Splits.DEFAULT_TRAIN_FRACTION;
    /** Fraction of the training segments, from its end, held out for validation. */
    public double validationFraction = Splits.DEFAULT_VALIDATION_FRACTION;
    /** The split whose windows a command uses; null = the command's own choice. */
    public String split;
    /** Window stride in bins; null = the split's default (1 for train/fit, T otherwise). */
    public Integer stride;

    /** The defaults: the synthetic recording, top:10 neurons, T = 30, 80/10/10 split. */
    public static DataSpec defaults() { return new DataSpec(); }

    /** The same recording given as a file (absolute path), or the synthetic one for null. */
    public DataSpec withFile(Path f) {
        DataSpec s = copy();
        s.file = f == null ? null : f.toAbsolutePath().normalize().toString();
        return s;
    }

    public DataSpec copy() { return fromJson(toJson()); }

    public boolean synthetic() { return file == null; }

    public Path path() { return file == null ? null : Path.of(file); }

    /** Fails with a one-line message naming the first bad field. */
    public DataSpec validate() {
        readOptions();
        if (timesteps <= 0) throw BadInputException.of(null, "timesteps", "must be positive, not " + timesteps);
        if (!(trainFraction > 0 && trainFraction <= 1)) throw BadInputException.of(null, "trainFraction", "must be in (0, 1], not " + trainFraction);
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw BadInputException.of(null, "validationFraction", "must be in [0, 1), not " + validationFraction);
        }
        neuronSelection();
        if (split != null) splitName(split);
        if (stride != null && stride <= 0) throw BadInputException.of(null, "stride", "must be positive, not " + stride);
        return this;
    }

    /** How the reader should read the file. */
    public ReadOptions readOptions() {
        if (layout == null) throw BadInputException.of(null, "layout", "must be bins-by-neurons, neurons-by-bins or auto");
        if (binMs != null && !(binMs > 0 && binMs < Double.POSITIVE_INFINITY)) {
            throw BadInputException.of(null, "binMs", "must be a positive number of ms, not " + binMs);
        }
        if (segmentLength != null && segmentLength <= 0) {
            throw BadInputException.of(null, "segmentLength", "must be a positive number of bins, not " + segmentLength);
        }
        if (start != null && !(start >= 0 && start < Double.POSITIVE_INFINITY)) {
            throw BadInputException.of(null, "start", "must be a non-negative number of seconds, not " + start);
        }
        if (stop != null && !(stop > (start == null ? 0 : start) && stop < Double.POSITIVE_INFINITY)) {
            throw BadInputException.of(null, "stop", "must be a number of seconds after the start, not " + stop);
        }
        return new ReadOptions(variable, layout, binMs, segmentLength, binarize, start, stop);
    }

    public NeuronSelection neuronSelection() {
        try {
            return NeuronSelection.parse(neurons);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw BadInputException.of(null, "neurons", e.getMessage() == null ? "missing" : e.getMessage());
        }
    }

    /** A split name checked against {@link Splits#NAMES}, in lower case. */
    public static String splitName(String s) {
        if (s == null || !Splits.NAMES.contains(s.toLowerCase(Locale.ROOT))) {
            throw BadInputException.of(null, "split", "must be one of " + String.join(", ", Splits.NAMES) + ", not '" + s + "'");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** The split to use: {@link #split}, or {@code fallback} when it is unset. */
    public String splitOr(String fallback) { return splitName(split != null ? split : fallback); }

    /** {@link #stride}, or the split's default. */
    public int strideFor(PreparedData d, String splitName) {
        if (stride != null) {
            if (stride <= 0) throw BadInputException.of(null, "stride", "must be positive, not " + stride);
            return stride;
        }
        return d.defaultStride(splitName);
    }

    /** The recording's name in messages and provenance: its path, or synthetic(seed=SEED). */
    public String sourceName() { return synthetic() ? "synthetic(seed=" + syntheticSeed + ")" : file; }

    /** The checksum that identifies the data: the file's SHA-256, or {@code synthetic:SEED}. */
    public String sha256() { return synthetic() ? "synthetic:" + syntheticSeed : sha256(path()); }

    /** SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r = in.read(buf); r > 0; r = in.read(buf)) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raster of the file or of the synthetic recording; {@code warnings} hears about uneven segments. */
    public SpikeRaster raster(Consumer<String> warnings) {
        ReadOptions opts = readOptions();
        SpikeRaster r;
        if (synthetic()) {
            r = SyntheticRecording.generate(syntheticSeed);
            if (opts.binMs() != null) r = r.withBinMs(opts.binMs());
            if (opts.segmentLength() != null) r = r.withSegmentLength(opts.segmentLength());
        } else {
            r = RasterReaders.read(path(), opts);
        }
        if (segmentLength != null && r.bins() % segmentLength != 0) {
            warnings.accept(sourceName() + ": segmentLength " + segmentLength + " does not divide the recording's " + r.bins()
                    + " bins: the last segment has " + r.bins() % segmentLength + " bins");
        }
        return r;
    }

    public Splits splits(SpikeRaster raster) {
        validate();
        return Splits.of(raster, trainFraction, validationFraction);
    }

    /** Reads the recording, splits it, selects neurons (ranked on the training split). */
    public PreparedData prepare(Consumer<String> warnings) {
        validate();
        SpikeRaster raster = raster(warnings);
        Splits splits = splits(raster);
        int[] chosen;
        try {
            chosen = neuronSelection().select(raster, splits.train());
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(file, "neurons", e.getMessage());
        }
        return new PreparedData(sourceName(), raster, splits, chosen, timesteps);
    }

    /** {@link #prepare(Consumer)} with warnings on standard error. */
    public PreparedData prepare() {
        return prepare(w -> System.err.println("spiqgan: warning: " + w));
    }

    /** The windows of {@link #split} (else {@code fallbackSplit}) with {@link #stride} (else the split's default). */
    public SampleSet samples(PreparedData d, String fallbackSplit) {
        String s = splitOr(fallbackSplit);
        try {
            return d.samples(s, strideFor(d, s));
        } catch (BadInputException e) {
            throw new BadInputException(d.source() + ": " + e.getMessage(), e);
        }
    }

    private static Gson gson() {
        return new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
    }

    public JsonElement toJsonTree() { return gson().toJsonTree(this); }

    public String toJson() { return gson().toJson(this); }

    public static DataSpec fromJson(JsonElement e) {
        try {
            DataSpec s = gson().fromJson(e, DataSpec.class);
            if (s == null) throw BadInputException.of(null, "data", "missing");
            return s;
        } catch (JsonParseException | IllegalStateException | NumberFormatException ex) {
            throw BadInputException.of(null, "data", "not a data specification: " + ex.getMessage());
        }
    }

    public static DataSpec fromJson(String json) {
        try {
            return fromJson(com.google.gson.JsonParser.parseString(json));
        } catch (JsonParseException ex) {
            throw BadInputException.of(null, "data", "not a data specification: " + ex.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) { return o instanceof DataSpec d && d.toJson().equals(toJson()); }

    @Override
    public int hashCode() { return toJson().hashCode(); }

    @Override
    public String toString() { return toJson(); }
}
