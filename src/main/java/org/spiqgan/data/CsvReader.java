package org.spiqgan.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.spiqgan.BadInputException;

/**
 * Text tables, separated by tabs, commas, semicolons or spaces (from the first data line); lines
 * starting with '#' are comments. Two kinds:
 * <ul>
 *   <li>a 0/1 (or count) matrix, with an optional header line (any non-numeric cell makes the first
 *       line a header; header cells ending in a number give the neuron ids);</li>
 *   <li>spike times: a header naming a {@code time} column (and a {@code unit}/{@code neuron}/{@code
 *       cell}/{@code id} column), or, without header, exactly two columns whose second holds a
 *       non-integer. Times are in seconds, binned from 0 in bins of {@code --bin-ms}; units are
 *       integer ids, sorted ascending into neurons 0..N-1.</li>
 * </ul>
 */
final class CsvReader {
    private static final Pattern TRAILING_INT = Pattern.compile(".*?(-?\\d+)$");

    private CsvReader() {}

    static SpikeRaster read(Path file, ReadOptions opts) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            return parse(in, file, opts);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw BadInputException.of(file, null, "not a text table (binary content) and no known binary format");
        }
    }

    private static SpikeRaster parse(BufferedReader in, Path file, ReadOptions opts) throws IOException {
        String line;
        long lineNo = 0;
        String first = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (!skip(line)) {
                first = line;
                break;
            }
        }
        if (first == null) throw BadInputException.of(file, null, "empty table");
        String sep = first.contains("\t") ? "\t" : first.contains(",") ? "," : first.contains(";") ? ";" : null;
        String[] cells = split(first, sep);
        boolean header = false;
        for (String c : cells) if (!isNumber(c)) header = true;
        int timeCol = -1, unitCol = -1;
        if (header) {
            for (int k = 0; k < cells.length; k++) {
                String h = cells[k].strip().toLowerCase(Locale.ROOT).replace("\"", "");
                if (h.equals("time") || h.equals("t") || h.equals("spike_time") || h.equals("spike_times") || h.startsWith("time")) timeCol = k;
                else if (h.equals("unit") || h.equals("neuron") || h.equals("cell") || h.equals("id") || h.equals("unit_id")
                        || h.equals("neuron_id") || h.equals("cluster")) unitCol = k;
            }
            if (timeCol >= 0 && unitCol < 0) {
                throw BadInputException.of(file, "header", "a 'time' column but no 'unit' (or neuron/cell/id) column");
            }
        }
        List<String[]> pending = new ArrayList<>();
        if (!header) pending.add(cells);
        if (timeCol >= 0) return spikeTimes(in, file, opts, sep, pending, lineNo, unitCol, timeCol, cells.length);
        if (!header && cells.length == 2) {
            // Without a header, two columns are spike times when the second is not a 0/1 count.
            List<String[]> lookahead = new ArrayList<>(pending);
            boolean times = false;
            long ln = lineNo;
            for (int k = 0; k < 1000 && (line = in.readLine()) != null; k++) {
                ln++;
                if (skip(line)) continue;
                lookahead.add(split(line, sep));
            }
            for (String[] row : lookahead) {
                if (row.length == 2 && isNumber(row[1]) && !isInteger(row[1])) times = true;
            }
            if (times) return spikeTimes(in, file, opts, sep, lookahead, lineNo, 0, 1, 2);
            return matrix(in, file, opts, sep, lookahead, lineNo, null, 2, header);
        }
        return matrix(in, file, opts, sep, pending, lineNo, header ? cells : null, cells.length, header);
    }

    private static boolean skip(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    private static String[] split(String line, String sep) {
        String s = line.strip();
        String[] parts = sep == null ? s.split("\\s+") : s.split(Pattern.quote(sep), -1);
        for (int k = 0; k < parts.length; k++) {
            String c = parts[k].strip();
            if (c.length() >= 2 && c.charAt(0) == '"' && c.charAt(c.length() - 1) == '"') c = c.substring(1, c.length() - 1).strip();
            parts[k] = c;
        }
        return parts;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        if (s.equalsIgnoreCase("nan")) return true;
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isInteger(String s) {
        try {
            double v = Double.parseDouble(s);
            return v == Math.rint(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(Path file, long lineNo, int col, String s) {
        if (s.equalsIgnoreCase("nan")) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw BadInputException.of(file, "line " + lineNo + ", column " + (col + 1), "not a number: '" + abbreviate(s) + "'");
        }
    }

    private static String abbreviate(String s) { return s.length() > 40 ? s.substring(0, 40) + "..." : s; }

    /** Rows of counts, kept as bytes until the shape is known. */
    private static SpikeRaster matrix(BufferedReader in, Path file, ReadOptions opts, String sep, List<String[]> firstRows,
            long firstLine, String[] header, int cols, boolean hasHeader) throws IOException {
        ByteList values = new ByteList();
        long rows = 0;
        long lineNo = firstLine - (hasHeader ? 0 : 1);
        long nonBinary = 0;
        double largest = 0;
        java.util.Iterator<String[]> pre = firstRows.iterator();
        String line = null;
        while (true) {
            String[] row;
            if (pre.hasNext()) {
                row = pre.next();
                lineNo++;
            } else {
                line = in.readLine();
                if (line == null) break;
                lineNo++;
                if (skip(line)) continue;
                row = split(line, sep);
            }
            if (row.length != cols) {
                throw BadInputException.of(file, "line " + lineNo, row.length + " cells where the table has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                double v = number(file, lineNo, c, row[c]);
                String where = "line " + lineNo + ", column " + (c + 1);
                if (Double.isNaN(v)) throw BadInputException.of(file, where, "NaN");
                if (v < 0) throw BadInputException.of(file, where, "negative value " + row[c]);
                if (v != Math.rint(v)) throw BadInputException.of(file, where, "value " + row[c] + " is not a spike count (0, 1, 2, ...)");
                if (v > 1) {
                    nonBinary++;
                    largest = Math.max(largest, v);
                }
                values.add((byte) Math.min(v, 255));
            }
            rows++;
        }
        if (rows == 0) throw BadInputException.of(file, null, "empty table: a header but no rows");
        if (nonBinary > 0 && !opts.binarize()) {
            throw BadInputException.of(file, "values", nonBinary + " values are not 0/1 (largest " + RasterAssembler.fmt(largest)
                    + "); set field binarize to count a bin with any spikes as 1");
        }
        RasterAssembler asm = new RasterAssembler(file, "table", rows, cols, opts.withBinarize(true));
        byte[] v = values.array();
        for (long r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) asm.acceptLong(r, c, v[(int) (r * cols + c)] & 0xFF);
        }
        SpikeRaster raster = asm.finish();
        if (header != null && opts.layout().binsAreRows(rows, cols)) {
            int[] ids = new int[cols];
            for (int c = 0; c < cols; c++) {
                var m = TRAILING_INT.matcher(header[c].replace("\"", "").strip());
                if (!m.matches()) return raster;
                try {
                    ids[c] = Integer.parseInt(m.group(1));
                } catch (NumberFormatException e) {
                    return raster;
                }
            }
            raster = raster.withNeuronIds(ids);
        }
        return raster;
    }

    private static SpikeRaster spikeTimes(BufferedReader in, Path file, ReadOptions opts, String sep, List<String[]> firstRows,
            long firstLine, int unitCol, int timeCol, int cols) throws IOException {
        List<Long> units = new ArrayList<>();
        DoubleList times = new DoubleList();
        TreeMap<Long, Integer> ids = new TreeMap<>();
        long lineNo = firstLine - (firstRows.isEmpty() ? 0 : 1);
        java.util.Iterator<String[]> pre = firstRows.iterator();
        while (true) {
            String[] row;
            if (pre.hasNext()) {
                row = pre.next();
                lineNo++;
            } else {
                String line = in.readLine();
                if (line == null) break;
                lineNo++;
                if (skip(line)) continue;
                row = split(line, sep);
            }
            if (row.length != cols) throw BadInputException.of(file, "line " + lineNo, row.length + " cells where the table has " + cols);
            double u = number(file, lineNo, unitCol, row[unitCol]);
            double t = number(file, lineNo, timeCol, row[timeCol]);
            String where = "line " + lineNo + ", time";
            if (Double.isNaN(t)) throw BadInputException.of(file, where, "NaN");
            if (t < 0) throw BadInputException.of(file, where, "negative spike time " + row[timeCol]);
            if (Double.isInfinite(t)) throw BadInputException.of(file, where, "infinite spike time");
            if (Double.isNaN(u) || u != Math.rint(u) || Math.abs(u) > Integer.MAX_VALUE) {
                throw BadInputException.of(file, "line " + lineNo + ", unit", "unit id must be an integer: '" + abbreviate(row[unitCol]) + "'");
            }
            units.add((long) u);
            ids.put((long) u, 0);
            times.add(t);
        }
        if (times.size() == 0) throw BadInputException.of(file, null, "no spikes in the table");
        int[] idArray = new int[ids.size()];
        int i = 0;
        for (var e : ids.entrySet()) {
            e.setValue(i);
            idArray[i++] = (int) (long) e.getKey();
        }
        int[] unit = new int[times.size()];
        double[] t = new double[times.size()];
        for (int k = 0; k < times.size(); k++) {
            unit[k] = ids.get(units.get(k));
            t[k] = times.get(k);
        }
        return SpikeTrains.bin(file, "time", unit, t, idArray, opts.binMsOr(ReadOptions.DEFAULT_BIN_MS), List.of(),
                opts.startSec(), opts.stopSec());
    }

    static final class ByteList {
        private byte[] a = new byte[1 << 12];
        private int n;

        void add(byte v) {
            if (n == a.length) {
                if (a.length == Integer.MAX_VALUE - 16) throw new IllegalStateException("table too large");
                a = Arrays.copyOf(a, (int) Math.min((long) a.length * 2, Integer.MAX_VALUE - 16));
            }
            a[n++] = v;
        }

        byte[] array() { return a; }
    }

    static final class DoubleList {
        private double[] a = new double[1 << 10];
        private int n;

        void add(double v) {
            if (n == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }

        int size() { return n; }
        double get(int k) { return a[k]; }
    }
}
