package org.spiqgan.cli;

import java.nio.file.Path;
import org.spiqgan.BadInputException;
import org.spiqgan.data.Layout;
import org.spiqgan.data.NeuronSelection;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.RasterReaders;
import org.spiqgan.data.ReadOptions;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SpikeRaster;
import org.spiqgan.data.Splits;
import org.spiqgan.data.SyntheticRecording;
import picocli.CommandLine.Option;

/**
 * Every data option, as a picocli mixin ({@code @Mixin DataOptions data;}) so that {@code data windows},
 * {@code train}, {@code evaluate} and {@code baseline} read, split, select and window recordings the
 * same way. Typical use: {@code PreparedData d = data.prepare(file);} then {@code d.samples("fit")}.
 * A null file, or {@code --synthetic}, means the built-in synthetic recording.
 */
public final class DataOptions {
    @Option(names = "--var", paramLabel = "NAME",
            description = "Variable / dataset / array holding the raster (MAT, HDF5, NPZ). Default: 'data' or the only matrix.")
    String variable;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto",
            description = "bins-by-neurons (rows are bins), neurons-by-bins, or auto (the longer side is time). Default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--bin-ms", paramLabel = "MS",
            description = "Bin width in ms (of a matrix, or to bin spike times). Default: the file's, else 20.")
    Double binMs;

    @Option(names = "--segment-length", paramLabel = "BINS",
            description = "Cut the recording into equal segments of BINS bins (trials / stimulus repeats), e.g. 953 for the retina recording.")
    Integer segmentLength;

    @Option(names = "--start", paramLabel = "SEC",
            description = "Spike times (NWB, unit,time tables): start of the first bin in seconds. Default: 0.")
    Double startSec;

    @Option(names = "--stop", paramLabel = "SEC",
            description = "Spike times: end of the last bin in seconds; later spikes are left out. Default: the last spike or trial end.")
    Double stopSec;

    @Option(names = "--binarize", description = "Accept spike counts above 1 (a bin with any spike counts as 1).")
    boolean binarize;

    @Option(names = "--neurons", paramLabel = "SEL", defaultValue = "top:10",
            description = "top:N (most active on the training split), first:N, all, or indices like 3,7,12. Default: ${DEFAULT-VALUE}.")
    String neurons;

    @Option(names = {"--timesteps", "-T"}, paramLabel = "T", defaultValue = "30",
            description = "Window length in bins. Default: ${DEFAULT-VALUE}.")
    int timesteps;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "train (first 80%% of segments), fit (train minus validation), validation (last 10%% of train), test, or all. Default: the command's (data windows: train).")
    String split;

    @Option(names = "--stride", paramLabel = "S",
            description = "Window stride in bins. Default: 1 for train/fit, T otherwise.")
    Integer stride;

    @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "0.8",
            description = "Fraction of segments (or bins) in the training split. Default: ${DEFAULT-VALUE}.")
    double trainFraction;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.1",
            description = "Fraction of the training segments, from its end, held out for validation. Default: ${DEFAULT-VALUE}.")
    double validationFraction;

    @Option(names = "--synthetic", description = "Use the built-in synthetic recording (also when no data file is given).")
    boolean synthetic;

    @Option(names = "--synthetic-seed", paramLabel = "SEED", defaultValue = "" + SyntheticRecording.DEFAULT_SEED,
            description = "Seed of the synthetic recording. Default: ${DEFAULT-VALUE}.")
    long syntheticSeed;

    /** The command this mixin belongs to (for warnings and for the options the user gave). */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** A warning line on the command's standard error. */
    void warn(String message) {
        java.io.PrintWriter err = mixee != null ? mixee.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
        err.println("spiqgan: warning: " + message);
        err.flush();
    }

    /** Fails with a one-line error when the user gave one of these options, which the command does not use. */
    void rejectGiven(String why, String... names) {
        if (mixee == null || mixee.commandLine().getParseResult() == null) return;
        var pr = mixee.commandLine().getParseResult();
        for (String name : names) {
            if (pr.hasMatchedOption(name)) throw BadInputException.of(null, name, "not used by " + mixee.qualifiedName() + " (" + why + ")");
        }
    }

    public ReadOptions readOptions() {
        Layout l;
        try {
            l = Layout.parse(layout);
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(null, "--layout", e.getMessage());
        }
        if (binMs != null && !(binMs > 0 && binMs < Double.POSITIVE_INFINITY)) {
            throw BadInputException.of(null, "--bin-ms", "must be a positive number of ms, not " + binMs);
        }
        if (segmentLength != null && segmentLength <= 0) {
            throw BadInputException.of(null, "--segment-length", "must be a positive number of bins, not " + segmentLength);
        }
        if (startSec != null && !(startSec >= 0 && startSec < Double.POSITIVE_INFINITY)) {
            throw BadInputException.of(null, "--start", "must be a non-negative number of seconds, not " + startSec);
        }
        if (stopSec != null && !(stopSec > (startSec == null ? 0 : startSec) && stopSec < Double.POSITIVE_INFINITY)) {
            throw BadInputException.of(null, "--stop", "must be a number of seconds after the start, not " + stopSec);
        }
        return new ReadOptions(variable, l, binMs, segmentLength, binarize, startSec, stopSec);
    }

    /** True when the synthetic recording stands in for a file. */
    public boolean usesSynthetic(Path file) { return synthetic || file == null; }

    /** The raster of the file, or of the synthetic recording. */
    public SpikeRaster raster(Path file) {
        ReadOptions opts = readOptions();
        if (usesSynthetic(file)) {
            SpikeRaster r = SyntheticRecording.generate(syntheticSeed);
            if (opts.binMs() != null) r = r.withBinMs(opts.binMs());
            if (opts.segmentLength() != null) r = r.withSegmentLength(opts.segmentLength());
            warnUnevenSegments(r, sourceName(file));
            return r;
        }
        SpikeRaster r = RasterReaders.read(file, opts);
        warnUnevenSegments(r, file.toString());
        return r;
    }

    private void warnUnevenSegments(SpikeRaster r, String source) {
        if (segmentLength != null && r.bins() % segmentLength != 0) {
            warn(source + ": --segment-length " + segmentLength + " does not divide the recording's " + r.bins()
                    + " bins: the last segment has " + r.bins() % segmentLength + " bins");
        }
    }

    /** The checksum that identifies the data: the file's SHA-256, or {@code synthetic:SEED}. */
    public String sha256(Path file) {
        return usesSynthetic(file) ? "synthetic:" + syntheticSeed : org.spiqgan.model.DataFingerprint.sha256(file);
    }

    public String sourceName(Path file) {
        return usesSynthetic(file) ? "synthetic(seed=" + syntheticSeed + ")" : file.toString();
    }

    public Splits splits(SpikeRaster raster) {
        if (!(trainFraction > 0 && trainFraction <= 1)) throw BadInputException.of(null, "--train-fraction", "must be in (0, 1], not " + trainFraction);
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw BadInputException.of(null, "--validation-fraction", "must be in [0, 1), not " + validationFraction);
        }
        return Splits.of(raster, trainFraction, validationFraction);
    }

    public NeuronSelection neuronSelection() {
        try {
            return NeuronSelection.parse(neurons);
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(null, "--neurons", e.getMessage());
        }
    }

    /** Reads the recording, splits it, selects neurons (ranked on the training split). */
    public PreparedData prepare(Path file) {
        if (timesteps <= 0) throw BadInputException.of(null, "--timesteps", "must be positive, not " + timesteps);
        SpikeRaster raster = raster(file);
        Splits splits = splits(raster);
        int[] chosen;
        try {
            chosen = neuronSelection().select(raster, splits.train());
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(file, "--neurons", e.getMessage());
        }
        return new PreparedData(sourceName(file), raster, splits, chosen, timesteps);
    }

    /** The split named by --split, or {@code fallback} when the option is absent. */
    public String splitName(String fallback) {
        String s = split != null ? split : fallback;
        if (!Splits.NAMES.contains(s.toLowerCase(java.util.Locale.ROOT))) {
            throw BadInputException.of(null, "--split", "must be one of " + String.join(", ", Splits.NAMES) + ", not '" + s + "'");
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    /** --stride, or the default of the split (1 for train/fit, T otherwise). */
    public int stride(PreparedData d, String splitName) {
        if (stride != null) {
            if (stride <= 0) throw BadInputException.of(null, "--stride", "must be positive, not " + stride);
            return stride;
        }
        return d.defaultStride(splitName);
    }

    /** The samples of the requested split (--split, else {@code fallbackSplit}) with the requested stride. */
    public SampleSet samples(PreparedData d, String fallbackSplit) {
        String s = splitName(fallbackSplit);
        try {
            return d.samples(s, stride(d, s));
        } catch (BadInputException e) {
            throw new BadInputException(d.source() + ": " + e.getMessage(), e);
        }
    }

    /** From a file path to the samples of the requested split. */
    public SampleSet samples(Path file, String fallbackSplit) { return samples(prepare(file), fallbackSplit); }

    public int timesteps() { return timesteps; }
    public String neuronsText() { return neurons; }
    public String requestedSplit() { return split; }
}
