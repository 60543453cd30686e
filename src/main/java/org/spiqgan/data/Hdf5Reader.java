package org.spiqgan.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.spiqgan.BadInputException;

/**
 * HDF5 files: a named 2-D dataset (plain HDF5, MATLAB v7.3 MAT), or the units table of an NWB 2.x file.
 *
 * <p>MATLAB v7.3 stores arrays column-major, so a MATLAB B x N matrix appears in HDF5 with dimensions
 * [N][B]. Files with a MATLAB user block, or datasets with a {@code MATLAB_class} attribute, are
 * therefore read transposed: rows and columns mean what they mean in MATLAB, as for v5 files.
 *
 * <p>NWB: {@code units/spike_times} (seconds) with the ragged index {@code units/spike_times_index}
 * (end offset of each unit's spikes) and {@code units/id}; spikes are binned from time 0 in bins of
 * {@code --bin-ms} (default 20 ms). When {@code intervals/trials} (or {@code trials}) is present, each
 * trial [start_time, stop_time) becomes a segment (without stop_time: up to the next trial's start).
 */
final class Hdf5Reader {
    private Hdf5Reader() {}

    static SpikeRaster read(Path file, ReadOptions opts) {
        try (HdfFile hdf = new HdfFile(file)) {
            boolean matlab = isMatlab(hdf);
            if (opts.variable() == null && hasUnits(hdf)) return readNwb(file, hdf, opts);
            String name = chooseDataset(file, hdf, opts.variable());
            Dataset ds = hdf.getDatasetByPath(name);
            boolean transposed = matlab || ds.getAttribute("MATLAB_class") != null;
            SpikeRaster r = readMatrix(file, name, ds, transposed, opts);
            r = withAttributes(r, file, ds, opts);
            return name.equals("data") && !transposed ? withSideDatasets(r, file, hdf, opts) : r;
        }
    }

    private static boolean isMatlab(HdfFile hdf) {
        if (hdf.getUserBlockSize() <= 0) return false;
        ByteBuffer ub = hdf.getUserBlockBuffer();
        byte[] head = new byte[Math.min(6, ub.remaining())];
        ub.get(head);
        return new String(head, StandardCharsets.ISO_8859_1).equals("MATLAB");
    }

    private static boolean hasUnits(HdfFile hdf) {
        Node units = hdf.getChildren().get("units");
        return units instanceof Group g && g.getChildren().containsKey("spike_times");
    }

    private static String chooseDataset(Path file, HdfFile hdf, String variable) {
        List<String> names = new ArrayList<>();
        collectDatasets(hdf, names, 0);
        if (variable != null) {
            String path = variable.startsWith("/") ? variable.substring(1) : variable;
            if (!names.contains(path)) {
                throw BadInputException.of(file, variable, "no such dataset; present: " + String.join(", ", names));
            }
            return path;
        }
        if (names.contains("data")) return "data";
        List<String> matrices = new ArrayList<>();
        for (String n : names) {
            int[] d = hdf.getDatasetByPath(n).getDimensions();
            if (d.length == 2 && d[0] > 1 && d[1] > 1) matrices.add(n);
        }
        if (matrices.size() == 1) return matrices.get(0);
        if (names.isEmpty()) throw BadInputException.of(file, null, "the HDF5 file holds no datasets");
        throw BadInputException.of(file, null, (matrices.isEmpty() ? "no 2-D dataset among (" : "several 2-D datasets (")
                + String.join(", ", matrices.isEmpty() ? names : matrices) + "); choose one with field variable");
    }

    private static void collectDatasets(Group g, List<String> out, int depth) {
        if (depth > 16) return;
        for (Node n : g.getChildren().values()) {
            if (n.getName().startsWith("#")) continue; // MATLAB's #refs# and #subsystem#
            if (n instanceof Dataset) out.add(n.getPath().startsWith("/") ? n.getPath().substring(1) : n.getPath());
            else if (n instanceof Group child && !n.isLink()) collectDatasets(child, out, depth + 1);
        }
    }

    private static SpikeRaster readMatrix(Path file, String name, Dataset ds, boolean transposed, ReadOptions opts) {
        if (ds.isCompound() || ds.isVariableLength()) throw BadInputException.of(file, name, "not a numeric dataset");
        int[] d = ds.getDimensions();
        if (d.length != 2) {
            throw BadInputException.of(file, name, "expected a 2-D dataset, found " + d.length + "-D " + java.util.Arrays.toString(d));
        }
        if (ds.isEmpty() || d[0] == 0 || d[1] == 0) throw BadInputException.of(file, name, "empty dataset");
        // HDF5 order is C: element (i, j) of [d0][d1] is at i * d1 + j. MATLAB sees the transpose.
        long rows = transposed ? d[1] : d[0];
        long cols = transposed ? d[0] : d[1];
        RasterAssembler asm = new RasterAssembler(file, name, rows, cols, opts);
        long total = (long) d[0] * d[1];
        // Large datasets are read in blocks of rows: jhdf widens unsigned types (uint8 -> short), so a
        // whole 2 GB dataset would need 4 GB at once.
        int blockRows = (int) Math.max(1, Math.min(d[0], sliceElements / d[1]));
        try (ReadProgress progress = ReadProgress.start("reading " + name, total)) {
            for (int r0 = 0; r0 < d[0]; r0 += blockRows) {
                int nr = Math.min(blockRows, d[0] - r0);
                NumberArray values = NumberArray.of(nr == d[0] ? ds.getDataFlat() : flatten(ds.getData(new long[] {r0, 0}, new int[] {nr, d[1]})),
                        file, name);
                if (values.length() != (long) nr * d[1]) throw BadInputException.of(file, name, "data size does not match its shape");
                int n = values.length();
                for (int k = 0; k < n; k++) {
                    long i = r0 + k / d[1], j = k % d[1];
                    if (transposed) asm.accept(j, i, values.get(k)); else asm.accept(i, j, values.get(k));
                }
                progress.stepTo((long) (r0 + nr) * d[1]);
            }
        }
        return asm.finish();
    }

    /** Elements per block when reading a large 2-D dataset (a field so tests can force blocks). */
    static long sliceElements = 1L << 24;

    /** A 2-D Java array (rows of primitives) as one flat primitive array of the same element type. */
    private static Object flatten(Object twoD) {
        int n = java.lang.reflect.Array.getLength(twoD);
        if (n == 0) return new double[0];
        Object first = java.lang.reflect.Array.get(twoD, 0);
        int w = java.lang.reflect.Array.getLength(first);
        Object out = java.lang.reflect.Array.newInstance(first.getClass().getComponentType(), n * w);
        for (int r = 0; r < n; r++) System.arraycopy(java.lang.reflect.Array.get(twoD, r), 0, out, r * w, w);
        return out;
    }

    private static SpikeRaster withAttributes(SpikeRaster r, Path file, Dataset ds, ReadOptions opts) {
        Attribute bin = ds.getAttribute("bin_ms");
        if (bin != null && opts.binMs() == null) {
            double ms = NumberArray.of(scalarArray(bin.getData()), file, "bin_ms").get(0);
            if (!(ms > 0) || Double.isInfinite(ms)) throw BadInputException.of(file, "bin_ms", "bin width must be positive, found " + ms);
            r = r.withBinMs(ms);
        }
        return r;
    }

    /** neuron_ids and segments (K x 2 start/end bins) beside {@code data}, as {@link RasterWriters} writes them. */
    private static SpikeRaster withSideDatasets(SpikeRaster r, Path file, HdfFile hdf, ReadOptions opts) {
        if (hdf.getChildren().get("neuron_ids") instanceof Dataset ids && ids.getDimensions().length == 1
                && ids.getDimensions()[0] == r.neurons()) {
            NumberArray v = NumberArray.of(ids.getDataFlat(), file, "neuron_ids");
            int[] a = new int[r.neurons()];
            for (int i = 0; i < a.length; i++) a[i] = (int) v.get(i);
            r = r.withNeuronIds(a);
        }
        if (opts.segmentLength() == null && hdf.getChildren().get("segments") instanceof Dataset seg) {
            int[] d = seg.getDimensions();
            if (d.length != 2 || d[1] != 2) throw BadInputException.of(file, "segments", "expected K x 2 (start, end) bins");
            NumberArray v = NumberArray.of(seg.getDataFlat(), file, "segments");
            if (v.length() != 2L * d[0]) throw BadInputException.of(file, "segments", "data size does not match its shape");
            r = segmentsFrom(r, file, "segments", d[0], k -> v.get(2 * k), k -> v.get(2 * k + 1));
        }
        return r;
    }

    private static Object scalarArray(Object o) {
        if (o instanceof Number n) return new double[] {n.doubleValue()};
        return o;
    }

    private static SpikeRaster readNwb(Path file, HdfFile hdf, ReadOptions opts) {
        Group units = (Group) hdf.getChildren().get("units");
        NumberArray times = vector(file, units, "units/spike_times", true);
        NumberArray index = vector(file, units, "units/spike_times_index", true);
        NumberArray ids = units.getChildren().containsKey("id") ? vector(file, units, "units/id", false) : null;
        int nUnits = index.length();
        if (nUnits == 0) throw BadInputException.of(file, "units/spike_times_index", "empty: no units");
        if (ids != null && ids.length() != nUnits) {
            throw BadInputException.of(file, "units/id", ids.length() + " ids for " + nUnits + " units");
        }
        double binMs = opts.binMsOr(ReadOptions.DEFAULT_BIN_MS);
        Attribute ownBin = units.getAttribute("bin_ms"); // written by RasterWriters, not part of NWB
        if (opts.binMs() == null && ownBin != null) {
            binMs = NumberArray.of(scalarArray(ownBin.getData()), file, "units/bin_ms").get(0);
            if (!(binMs > 0) || Double.isInfinite(binMs)) throw BadInputException.of(file, "units/bin_ms", "bin width must be positive");
        }
        long prev = 0;
        long[] ends = new long[nUnits];
        for (int u = 0; u < nUnits; u++) {
            double e = index.get(u);
            if (Double.isNaN(e) || e != Math.rint(e) || e < prev || e > times.length()) {
                throw BadInputException.of(file, "units/spike_times_index", "entry " + u + " = " + RasterAssembler.fmt(e)
                        + " is out of range (must be non-decreasing within 0.." + times.length() + ")");
            }
            ends[u] = (long) e;
            prev = ends[u];
        }
        int[] unit = new int[times.length()];
        double[] t = new double[times.length()];
        long start = 0;
        for (int u = 0; u < nUnits; u++) {
            double last = Double.NEGATIVE_INFINITY;
            for (long k = start; k < ends[u]; k++) {
                double v = times.get((int) k);
                checkTime(file, "units/spike_times", k, v);
                if (v < last) {
                    throw BadInputException.of(file, "units/spike_times", "unsorted spike times of unit " + u + " at element " + k
                            + " (" + v + " after " + last + ")");
                }
                last = v;
                unit[(int) k] = u;
                t[(int) k] = v;
            }
            start = ends[u];
        }
        int used = (int) start; // spikes after the last unit's end offset belong to no unit
        int[] idArray = new int[nUnits];
        for (int u = 0; u < nUnits; u++) idArray[u] = ids != null ? (int) ids.get(u) : u;
        return SpikeTrains.bin(file, "units/spike_times", java.util.Arrays.copyOf(unit, used), java.util.Arrays.copyOf(t, used),
                idArray, binMs, readTrials(file, hdf), opts.startSec(), opts.stopSec());
    }

    private static void checkTime(Path file, String field, long k, double t) {
        if (Double.isNaN(t)) throw BadInputException.of(file, field, "NaN at element " + k);
        if (t < 0) throw BadInputException.of(file, field, "negative spike time " + t + " at element " + k);
        if (Double.isInfinite(t)) throw BadInputException.of(file, field, "infinite spike time at element " + k);
    }

    /** Trials as [start, stop] seconds; stop = next start (or start) where the file has no stop_time. */
    private static List<double[]> readTrials(Path file, HdfFile hdf) {
        Group trials = null;
        String where = null;
        Node intervals = hdf.getChildren().get("intervals");
        if (intervals instanceof Group ig && ig.getChildren().get("trials") instanceof Group tg) {
            trials = tg;
            where = "intervals/trials";
        } else if (hdf.getChildren().get("trials") instanceof Group tg) {
            trials = tg;
            where = "trials";
        }
        List<double[]> out = new ArrayList<>();
        if (trials == null || !trials.getChildren().containsKey("start_time")) return out;
        NumberArray starts = vector(file, trials, where + "/start_time", true);
        NumberArray stops = trials.getChildren().containsKey("stop_time") ? vector(file, trials, where + "/stop_time", true) : null;
        if (stops != null && stops.length() != starts.length()) {
            throw BadInputException.of(file, where + "/stop_time", stops.length() + " stop times for " + starts.length() + " trials");
        }
        for (int k = 0; k < starts.length(); k++) {
            double s = starts.get(k);
            checkTime(file, where + "/start_time", k, s);
            double e;
            if (stops != null) {
                e = stops.get(k);
                checkTime(file, where + "/stop_time", k, e);
                if (e < s) throw BadInputException.of(file, where + "/stop_time", "trial " + k + " stops before it starts");
            } else {
                e = Double.NaN; // to the next trial's start, the last one to the end
            }
            out.add(new double[] {s, e});
        }
        return out;
    }

    /** Segments from K (start, end) bin pairs; checked: in range, increasing, disjoint. */
    static SpikeRaster segmentsFrom(SpikeRaster r, Path file, String field, int k, IntToDoubleFunction start, IntToDoubleFunction end) {
        List<Segment> list = new ArrayList<>();
        int prevEnd = 0;
        for (int i = 0; i < k; i++) {
            double s = start.applyAsDouble(i), e = end.applyAsDouble(i);
            if (i == k - 1 && e == s) e = r.bins();
            if (Double.isNaN(s) || Double.isNaN(e) || s != Math.rint(s) || e != Math.rint(e) || s < prevEnd || e < s) {
                throw BadInputException.of(file, field, "segment " + i + " [" + RasterAssembler.fmt(s) + ", "
                        + RasterAssembler.fmt(e) + ") is out of order or overlaps the previous one");
            }
            e = Math.min(e, r.bins());
            if (s >= r.bins()) throw BadInputException.of(file, field, "segment " + i + " starts after the recording ends");
            list.add(new Segment((int) s, (int) e));
            prevEnd = (int) e;
        }
        return r.withSegments(list);
    }

    private static NumberArray vector(Path file, Group g, String path, boolean required) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Node n = g.getChildren().get(name);
        if (!(n instanceof Dataset ds)) {
            if (required) throw BadInputException.of(file, path, "missing dataset");
            return null;
        }
        if (ds.isCompound() || ds.isVariableLength()) throw BadInputException.of(file, path, "not a numeric dataset");
        if (ds.getDimensions().length > 1) throw BadInputException.of(file, path, "expected a 1-D dataset");
        if (ds.isEmpty() || ds.getSize() == 0) return NumberArray.of(new double[0], file, path);
        return NumberArray.of(scalarArray(ds.getDataFlat()), file, path);
    }
}
