package org.spiqgan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.RasterWriters;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.data.Segment;
import org.spiqgan.data.SpikeRaster;
import org.spiqgan.data.Split;
import org.spiqgan.data.Splits;
import org.spiqgan.data.SyntheticRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spiqgan data inspect|windows|convert|synthetic}: look at, cut and convert recordings. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Read, inspect, window and convert spike recordings.",
        subcommands = {DataCommand.Inspect.class, DataCommand.WindowsCmd.class, DataCommand.Convert.class, DataCommand.Synthetic.class})
public final class DataCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Neurons, bins, bin width, segments, splits and firing probabilities of a recording.")
    static final class Inspect implements Runnable {
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The recording (omit for the synthetic one).")
        Path file;
        @Mixin RecordingOption recording = new RecordingOption();
        @Mixin DataOptions data;

        @Override
        public void run() {
            file = recording.file(file);
            data.rejectGiven("it describes every neuron and bin", "--neurons", "--timesteps", "--split", "--stride");
            PrintWriter out = spec.commandLine().getOut();
            SpikeRaster r = data.raster(file);
            Splits splits = data.splits(r);
            out.println("source:      " + data.sourceName(file));
            out.println("neurons:     " + r.neurons());
            out.printf(Locale.ROOT, "bins:        %d (%.1f s)%n", r.bins(), r.bins() * r.binMs() / 1000.0);
            out.printf(Locale.ROOT, "bin width:   %s ms%n", fmt(r.binMs()));
            List<Segment> segs = r.segments();
            if (segs.isEmpty()) {
                out.println("segments:    none (splits are contiguous blocks of bins)");
            } else {
                int min = segs.stream().mapToInt(Segment::length).min().orElse(0);
                int max = segs.stream().mapToInt(Segment::length).max().orElse(0);
                out.println("segments:    " + segs.size() + (min == max ? " of " + min + " bins" : " of " + min + ".." + max + " bins"));
            }
            for (Split s : List.of(splits.train(), splits.fit(), splits.validation(), splits.test())) {
                out.printf(Locale.ROOT, "  %-11s %d %s, %d bins%n", s.name() + ":", s.segments().size(),
                        r.hasSegments() ? "segments" : "block", s.bins());
            }
            out.printf(Locale.ROOT, "firing probability per bin: mean %.6f (%.2f Hz)%n", r.meanFiringProbability(),
                    r.meanFiringProbability() / (r.binMs() / 1000.0));
            if (r.countsKnown()) {
                out.printf(Locale.ROOT, "bins with more than one spike: %.6f of all neuron-bins%n",
                        r.multiSpikeBins() / ((double) r.neurons() * r.bins()));
            } else {
                out.println("bins with more than one spike: n/a (binary data, no counts)");
            }
            List<Integer> order = new ArrayList<>();
            double[] p = new double[r.neurons()];
            for (int i = 0; i < r.neurons(); i++) {
                p[i] = r.firingProbability(i);
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingDouble(i -> -p[i]).thenComparingInt(i -> i));
            int k = Math.min(10, r.neurons());
            out.println("most active neurons (index, id, probability):");
            for (int j = 0; j < k; j++) row(out, r, order.get(j), p);
            if (r.neurons() > 10) {
                out.println("least active neurons:");
                for (int j = Math.max(k, r.neurons() - 10); j < r.neurons(); j++) row(out, r, order.get(j), p);
            }
        }

        private static void row(PrintWriter out, SpikeRaster r, int i, double[] p) {
            out.printf(Locale.ROOT, "  %5d  %7d  %.6f%n", i, r.neuronId(i), p[i]);
        }
    }

    @Command(name = "windows", mixinStandardHelpOptions = true,
            description = "Write the samples (S, N, T) of a split: windows of T bins inside segments (.npy, .csv, .tsv or .mat).")
    static final class WindowsCmd implements java.util.concurrent.Callable<Integer> {
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The recording (omit for the synthetic one).")
        Path file;
        @Mixin RecordingOption recording = new RecordingOption();
        @Mixin DataOptions data;
        @Option(names = {"--out", "-o"}, required = true, paramLabel = "OUT", description = "Output file (.npy, .csv, .tsv, .mat).")
        Path out;

        @Override
        public Integer call() throws IOException {
            file = recording.file(file);
            SampleSetIO.checkWritableFormat(out, "--out");
            OutputChecks.file(out, "--out");
            PreparedData d = data.prepare(file);
            String split = data.splitName("train");
            int stride = data.stride(d, split);
            SampleSet s = data.samples(d, "train");
            SampleSetIO.write(out, s);
            int[] ids = d.neurons();
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < ids.length; k++) sb.append(k == 0 ? "" : ",").append(ids[k]);
            spec.commandLine().getErr().println("spiqgan: wrote " + s.shape() + " samples of split " + split + " (stride " + stride
                    + ", neurons " + sb + ") to " + out);
            return 0;
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Convert a recording to another format, chosen by the extension of --out: .npy, .csv, .tsv, .mat (v5), .h5, .nwb.")
    static final class Convert implements java.util.concurrent.Callable<Integer> {
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The recording (or --data FILE).")
        Path file;
        @Mixin RecordingOption recording = new RecordingOption();
        @Mixin DataOptions data;
        @Option(names = {"--out", "-o"}, required = true, paramLabel = "OUT", description = "Output file.")
        Path out;

        @Override
        public Integer call() throws IOException {
            file = recording.file(file);
            if (file == null) throw org.spiqgan.BadInputException.of(null, "FILE", "the recording to convert is required (FILE or --data FILE)");
            OutputChecks.file(out, "--out");
            data.rejectGiven("it converts the whole recording", "--neurons", "--timesteps", "--split", "--stride",
                    "--train-fraction", "--validation-fraction", "--synthetic", "--synthetic-seed");
            SpikeRaster r = data.raster(file);
            RasterWriters.write(out, r);
            spec.commandLine().getErr().println("spiqgan: wrote " + r + " to " + out);
            return 0;
        }
    }

    @Command(name = "synthetic", mixinStandardHelpOptions = true,
            description = "Write the built-in synthetic recording (see docs/data.md for its model).")
    static final class Synthetic implements java.util.concurrent.Callable<Integer> {
        @Spec picocli.CommandLine.Model.CommandSpec spec;
        @Option(names = {"--out", "-o"}, required = true, paramLabel = "OUT", description = "Output file (.npy, .csv, .tsv, .mat, .h5, .nwb).")
        Path out;
        @Option(names = "--seed", defaultValue = "" + SyntheticRecording.DEFAULT_SEED, description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;
        @Option(names = "--neurons", defaultValue = "20", description = "Neurons. Default: ${DEFAULT-VALUE}.")
        int neurons;
        @Option(names = "--segments", defaultValue = "60", description = "Repeats. Default: ${DEFAULT-VALUE}.")
        int segments;
        @Option(names = "--segment-length", defaultValue = "500", description = "Bins per repeat. Default: ${DEFAULT-VALUE}.")
        int segmentBins;

        @Override
        public Integer call() throws IOException {
            if (neurons <= 0 || segments <= 0 || segmentBins <= 0 || (long) segments * segmentBins > 100_000_000L) {
                throw org.spiqgan.BadInputException.of(null, "--neurons/--segments/--segment-length",
                        "must be positive, with at most 10^8 bins in all");
            }
            OutputChecks.file(out, "--out");
            SpikeRaster r = SyntheticRecording.generate(seed, neurons, segments, segmentBins);
            RasterWriters.write(out, r);
            spec.commandLine().getErr().printf(Locale.ROOT, "spiqgan: wrote %s, mean firing probability %.4f, to %s%n",
                    r, r.meanFiringProbability(), out);
            return 0;
        }
    }

    static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
