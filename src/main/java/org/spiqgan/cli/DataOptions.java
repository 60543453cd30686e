package org.spiqgan.cli;

import java.nio.file.Path;
import org.spiqgan.BadInputException;
import org.spiqgan.data.DataSpec;
import org.spiqgan.data.Layout;
import org.spiqgan.data.NeuronSelection;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.ReadOptions;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SpikeRaster;
import org.spiqgan.data.Splits;
import org.spiqgan.data.SyntheticRecording;
import picocli.CommandLine.Option;

/**
 * Every data option, as a picocli mixin ({@code @Mixin DataOptions data;}): the command line's view of a
 * {@link DataSpec} ({@link #spec}), which does the reading, splitting and selecting. Typical use:
 * {@code PreparedData d = data.prepare(file);} then {@code d.samples("fit")}. A null file, or
 * {@code --synthetic}, means the built-in synthetic recording.
 */
public final class DataOptions {
    @Option(names = "--var", paramLabel = "NAME",
            description = "Variable / dataset / array holding the raster (MAT, HDF5, NPZ). Default: 'data' or the only matrix.")
    String variable;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto", converter = Choices.LayoutChoice.class,
            description = "bins-by-neurons (rows are bins), neurons-by-bins, or auto (the longer side is time). Default: ${DEFAULT-VALUE}.")
    Layout layout = Layout.AUTO;

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

    /**
     * The data specification these options describe, for the recording {@code file} (null, or --synthetic:
     * the synthetic recording). Checked here, so that a bad value fails before any work.
     */
    public DataSpec spec(Path file) {
        DataSpec s = DataSpec.defaults();
        s.file = usesSynthetic(file) ? null : file.toAbsolutePath().normalize().toString();
        s.syntheticSeed = syntheticSeed;
        s.variable = variable;
        s.layout = layout;
        s.binMs = binMs;
        s.segmentLength = segmentLength;
        s.start = startSec;
        s.stop = stopSec;
        s.binarize = binarize;
        s.neurons = neurons;
        s.timesteps = timesteps;
        s.trainFraction = trainFraction;
        s.validationFraction = validationFraction;
        s.split = split;
        s.stride = stride;
        return s;
    }

    /** Sets these options from a stored specification (a run's data), so that a resumed run reads the same data. */
    void set(DataSpec s) {
        syntheticSeed = s.syntheticSeed;
        variable = s.variable;
        layout = s.layout;
        binMs = s.binMs;
        segmentLength = s.segmentLength;
        startSec = s.start;
        stopSec = s.stop;
        binarize = s.binarize;
        neurons = s.neurons;
        timesteps = s.timesteps;
        trainFraction = s.trainFraction;
        validationFraction = s.validationFraction;
        split = s.split;
        stride = s.stride;
        synthetic = s.synthetic();
    }

    /** Warnings of the library, with its field names shown as the options that set them. */
    java.util.function.Consumer<String> warnings() {
        return w -> warn(SpiqganCli.optionWords(w));
    }

    public ReadOptions readOptions() { return spec(null).readOptions(); }

    /** True when the synthetic recording stands in for a file. */
    public boolean usesSynthetic(Path file) { return synthetic || file == null; }

    /** The raster of the file, or of the synthetic recording. */
    public SpikeRaster raster(Path file) { return spec(file).raster(warnings()); }

    /** The checksum that identifies the data: the file's SHA-256, or {@code synthetic:SEED}. */
    public String sha256(Path file) { return usesSynthetic(file) ? "synthetic:" + syntheticSeed : DataSpec.sha256(file); }

    public String sourceName(Path file) {
        return usesSynthetic(file) ? "synthetic(seed=" + syntheticSeed + ")" : file.toString();
    }

    public Splits splits(SpikeRaster raster) { return spec(null).splits(raster); }

    public NeuronSelection neuronSelection() { return spec(null).neuronSelection(); }

    /** Reads the recording, splits it, selects neurons (ranked on the training split). */
    public PreparedData prepare(Path file) {
        PreparedData d = spec(file).prepare(warnings());
        // the source as the user typed it (messages and provenance), not the absolute path the spec stores
        return usesSynthetic(file) ? d : new PreparedData(sourceName(file), d.raster(), d.splits(), d.neurons(), d.timesteps());
    }

    /** The split named by --split, or {@code fallback} when the option is absent. */
    public String splitName(String fallback) { return DataSpec.splitName(split != null ? split : fallback); }

    /** --stride, or the default of the split (1 for train/fit, T otherwise). */
    public int stride(PreparedData d, String splitName) { return spec(null).strideFor(d, splitName); }

    /** The samples of the requested split (--split, else {@code fallbackSplit}) with the requested stride. */
    public SampleSet samples(PreparedData d, String fallbackSplit) { return spec(null).samples(d, fallbackSplit); }

    /** From a file path to the samples of the requested split. */
    public SampleSet samples(Path file, String fallbackSplit) { return samples(prepare(file), fallbackSplit); }

    public int timesteps() { return timesteps; }
    public String neuronsText() { return neurons; }
    public String requestedSplit() { return split; }
}
