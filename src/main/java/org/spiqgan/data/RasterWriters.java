package org.spiqgan.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.spiqgan.BadInputException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sinks;

/**
 * Writes a raster (counts where known, else 0/1) in the format of the file's extension. All layouts are
 * bins x neurons (rows = bins), as the retina recording, and every write is atomic.
 * <ul>
 *   <li>{@code .npy}: uint8 (B, N), C order.</li>
 *   <li>{@code .csv} / {@code .tsv}: header {@code n<id>,...}, then one line of 0/1 (counts) per bin.</li>
 *   <li>{@code .mat}: MATLAB v5, {@code data} (B x N uint8), {@code bin_ms}, {@code neuron_ids} and, with
 *       segments, {@code segments} (K x 2 double: start bin, end bin exclusive, 0-based).</li>
 *   <li>{@code .h5} / {@code .hdf5}: dataset {@code data} [B][N] (int8, int16 for counts above 127) with
 *       attribute {@code bin_ms}, and {@code segments} [K][2] when there are segments.</li>
 *   <li>{@code .nwb}: an NWB-style units table (spike times at evenly spaced points inside each spiking
 *       bin, so reading back bins them into the same bins) and, with segments, {@code intervals/trials}.</li>
 * </ul>
 */
public final class RasterWriters {
    private RasterWriters() {}

    public static void write(Path file, SpikeRaster r) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) writeNpy(file, r);
        else if (name.endsWith(".csv")) writeCsv(file, r, ',');
        else if (name.endsWith(".tsv") || name.endsWith(".txt")) writeCsv(file, r, '\t');
        else if (name.endsWith(".mat")) writeMat(file, r);
        else if (name.endsWith(".h5") || name.endsWith(".hdf5")) writeHdf5(file, r);
        else if (name.endsWith(".nwb")) writeNwb(file, r);
        else throw BadInputException.of(file, "output", "unknown format; use .npy, .csv, .tsv, .mat, .h5 or .nwb");
    }

    private static void requireBytes(Path file, SpikeRaster r) {
        if ((long) r.neurons() * r.bins() > Integer.MAX_VALUE - 16) {
            throw BadInputException.of(file, "output", "a raster of " + r.neurons() + " x " + r.bins() + " is too large for this format; use .npy");
        }
    }

    public static void writeNpy(Path file, SpikeRaster r) throws IOException {
        int n = r.neurons(), b = r.bins();
        AtomicFile.write(file, out -> {
            out.write(Npy.uint8Header(b, n));
            byte[] row = new byte[n];
            for (int t = 0; t < b; t++) {
                for (int i = 0; i < n; i++) row[i] = (byte) r.count(i, t);
                out.write(row);
            }
        });
    }

    public static void writeCsv(Path file, SpikeRaster r, char sep) throws IOException {
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.neurons(); i++) sb.append(i == 0 ? "" : String.valueOf(sep)).append('n').append(r.neuronId(i));
            w.write(sb.append('\n').toString());
            for (int t = 0; t < r.bins(); t++) {
                sb.setLength(0);
                for (int i = 0; i < r.neurons(); i++) {
                    if (i > 0) sb.append(sep);
                    sb.append(r.count(i, t));
                }
                w.write(sb.append('\n').toString());
            }
            w.flush();
        });
    }

    public static void writeMat(Path file, SpikeRaster r) throws IOException {
        requireBytes(file, r);
        int n = r.neurons(), b = r.bins();
        Matrix data = Mat5.newMatrix(b, n, MatlabType.UInt8);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < b; t++) {
                int c = r.count(i, t);
                if (c != 0) data.setByte(t, i, (byte) c);
            }
        }
        Matrix ids = Mat5.newMatrix(1, n);
        for (int i = 0; i < n; i++) ids.setDouble(i, r.neuronId(i));
        MatFile mat = Mat5.newMatFile().addArray("data", data).addArray("bin_ms", Mat5.newScalar(r.binMs())).addArray("neuron_ids", ids);
        List<Segment> segs = r.segments();
        if (!segs.isEmpty()) {
            Matrix s = Mat5.newMatrix(segs.size(), 2);
            for (int k = 0; k < segs.size(); k++) {
                s.setDouble(k, 0, segs.get(k).start());
                s.setDouble(k, 1, segs.get(k).end());
            }
            mat.addArray("segments", s);
        }
        writeMatFile(file, mat);
    }

    /** MFL needs a seekable sink (it patches sizes of compressed entries): write to memory first. */
    static void writeMatFile(Path file, MatFile mat) throws IOException {
        long size = mat.getUncompressedSerializedSize();
        if (size > Integer.MAX_VALUE - 1024) throw BadInputException.of(file, "output", "too large for a MAT v5 file");
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) size + 1024);
        try (var sink = Sinks.wrap(buf)) {
            mat.writeTo(sink);
        }
        buf.flip();
        AtomicFile.write(file, out -> out.write(buf.array(), 0, buf.limit()));
    }

    public static void writeHdf5(Path file, SpikeRaster r) throws IOException {
        requireBytes(file, r);
        viaTempFile(file, tmp -> {
            try (WritableHdfFile h = HdfFile.write(tmp)) {
                int n = r.neurons(), b = r.bins();
                boolean wide = false;
                for (int i = 0; i < n && !wide; i++) for (int t = 0; t < b; t++) if (r.count(i, t) > 127) { wide = true; break; }
                WritableDataset ds;
                if (wide) {
                    short[][] v = new short[b][n];
                    for (int t = 0; t < b; t++) for (int i = 0; i < n; i++) v[t][i] = (short) r.count(i, t);
                    ds = h.putDataset("data", v);
                } else {
                    byte[][] v = new byte[b][n];
                    for (int t = 0; t < b; t++) for (int i = 0; i < n; i++) v[t][i] = (byte) r.count(i, t);
                    ds = h.putDataset("data", v);
                }
                ds.putAttribute("bin_ms", new double[] {r.binMs()});
                h.putDataset("neuron_ids", r.neuronIds());
                List<Segment> segs = r.segments();
                if (!segs.isEmpty()) {
                    int[][] s = new int[segs.size()][2];
                    for (int k = 0; k < segs.size(); k++) {
                        s[k][0] = segs.get(k).start();
                        s[k][1] = segs.get(k).end();
                    }
                    h.putDataset("segments", s);
                }
            }
        });
    }

    public static void writeNwb(Path file, SpikeRaster r) throws IOException {
        viaTempFile(file, tmp -> {
            double binSec = r.binMs() / 1000.0;
            long total = 0;
            for (int i = 0; i < r.neurons(); i++) for (int t = 0; t < r.bins(); t++) total += r.count(i, t);
            if (total > Integer.MAX_VALUE - 16) throw BadInputException.of(file, "output", "too many spikes for one NWB dataset");
            if (total == 0) throw BadInputException.of(file, "output", "the raster has no spikes; an NWB units table needs at least one");
            double[] times = new double[(int) total];
            long[] index = new long[r.neurons()];
            int k = 0;
            for (int i = 0; i < r.neurons(); i++) {
                for (int t = 0; t < r.bins(); t++) {
                    int c = r.count(i, t);
                    for (int j = 0; j < c; j++) times[k++] = (t + (j + 0.5) / c) * binSec;
                }
                index[i] = k;
            }
            try (WritableHdfFile h = HdfFile.write(tmp)) {
                h.putAttribute("neurodata_type", "NWBFile");
                h.putAttribute("nwb_version", "2.7.0");
                WritableGroup units = h.putGroup("units");
                units.putAttribute("neurodata_type", "Units");
                units.putAttribute("bin_ms", new double[] {r.binMs()});
                units.putDataset("spike_times", times);
                units.putDataset("spike_times_index", index);
                units.putDataset("id", r.neuronIds());
                List<Segment> segs = r.segments();
                if (!segs.isEmpty()) {
                    WritableGroup trials = h.putGroup("intervals").putGroup("trials");
                    trials.putAttribute("neurodata_type", "TimeIntervals");
                    double[] start = new double[segs.size()], stop = new double[segs.size()];
                    for (int s = 0; s < segs.size(); s++) {
                        start[s] = segs.get(s).start() * binSec;
                        stop[s] = segs.get(s).end() * binSec;
                    }
                    trials.putDataset("start_time", start);
                    trials.putDataset("stop_time", stop);
                }
            }
        });
    }

    @FunctionalInterface
    private interface TempWriter {
        void write(Path tmp) throws IOException;
    }

    /** jhdf writes to a path: write a temporary file, then stream it atomically into place. */
    private static void viaTempFile(Path file, TempWriter writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".h5tmp");
        try {
            writer.write(tmp);
            AtomicFile.write(file, out -> Files.copy(tmp, out));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
