package org.spiqgan.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.spiqgan.BadInputException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Sample arrays (S, N, T) on disk. The writer's format comes from the extension:
 * <ul>
 *   <li>{@code .npy}: uint8, shape (S, N, T), C order (NumPy's {@code np.load} gives {@code x[s, i, t]}).</li>
 *   <li>{@code .csv} / {@code .tsv}: one line per (sample, neuron): {@code sample,neuron,t0,...,t(T-1)}
 *       under a header of those names; S x N lines in sample-major order.</li>
 *   <li>{@code .mat}: MATLAB v5, variable {@code samples}, an S x N x T uint8 array
 *       ({@code samples(s+1, i+1, t+1)} is element (s, i, t)).</li>
 * </ul>
 * The reader takes the format from the magic bytes and accepts any integer, bool or float element type
 * whose values are 0 or 1 (npy and npz: the array {@code samples} or the only one). Writes are atomic.
 */
public final class SampleSetIO {
    public static final String MAT_VARIABLE = "samples";

    private SampleSetIO() {}

    /** Fails with bad input (naming the option) unless the file's extension is a format {@link #write} knows. */
    public static void checkWritableFormat(Path file, String option) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".npy") || name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")
                || name.endsWith(".mat"))) {
            throw BadInputException.of(file, option, "unknown sample format; use .npy, .csv, .tsv or .mat");
        }
    }

    public static void write(Path file, SampleSet samples) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) writeNpy(file, samples);
        else if (name.endsWith(".csv")) writeCsv(file, samples, ',');
        else if (name.endsWith(".tsv") || name.endsWith(".txt")) writeCsv(file, samples, '\t');
        else if (name.endsWith(".mat")) writeMat(file, samples);
        else throw BadInputException.of(file, "output", "unknown sample format; use .npy, .csv, .tsv or .mat");
    }

    public static void writeNpy(Path file, SampleSet s) throws IOException {
        AtomicFile.write(file, out -> Npy.writeUint8(out, s.values(), s.samples(), s.neurons(), s.timesteps()));
    }

    public static void writeCsv(Path file, SampleSet s, char sep) throws IOException {
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            StringBuilder sb = new StringBuilder("sample").append(sep).append("neuron");
            for (int t = 0; t < s.timesteps(); t++) sb.append(sep).append('t').append(t);
            w.write(sb.append('\n').toString());
            byte[] v = s.values();
            int T = s.timesteps();
            char[] line = new char[2 * T];
            for (int k = 0; k < s.samples(); k++) {
                for (int i = 0; i < s.neurons(); i++) {
                    w.write(Integer.toString(k));
                    w.write(sep);
                    w.write(Integer.toString(i));
                    int off = (k * s.neurons() + i) * T;
                    for (int t = 0; t < T; t++) {
                        line[2 * t] = sep;
                        line[2 * t + 1] = v[off + t] != 0 ? '1' : '0';
                    }
                    w.write(line);
                    w.write('\n');
                }
            }
            w.flush();
        });
    }

    public static void writeMat(Path file, SampleSet s) throws IOException {
        int S = s.samples(), N = s.neurons(), T = s.timesteps();
        Matrix m = Mat5.newMatrix(new int[] {S, N, T}, MatlabType.UInt8);
        byte[] v = s.values();
        for (int k = 0; k < S; k++) {
            for (int i = 0; i < N; i++) {
                for (int t = 0; t < T; t++) {
                    byte x = v[(k * N + i) * T + t];
                    if (x != 0) m.setByte(k + S * (i + N * t), x);
                }
            }
        }
        MatFile mat = Mat5.newMatFile().addArray(MAT_VARIABLE, m);
        RasterWriters.writeMatFile(file, mat);
    }

    public static SampleSet read(Path file) {
        if (!Files.isRegularFile(file)) throw BadInputException.of(file, null, "no such file");
        RasterReaders.Format f = RasterReaders.detect(file);
        try {
            return switch (f) {
                case NPY -> {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                        yield fromNpy(in, file, "array");
                    }
                }
                case NPZ -> readNpz(file);
                case MAT5 -> readMat(file);
                case TEXT -> readCsv(file);
                case HDF5 -> throw BadInputException.of(file, null, "samples are read from .npy, .npz, .csv/.tsv or MAT v5 files, not HDF5");
            };
        } catch (BadInputException e) {
            throw RasterReaders.printable(e);
        } catch (IOException e) {
            throw BadInputException.of(file, null, "cannot read samples: " + RasterReaders.oneLine(e));
        } catch (OutOfMemoryError e) {
            throw BadInputException.of(file, null, "corrupt or too large: reading it ran out of memory");
        } catch (RuntimeException | StackOverflowError e) {
            throw BadInputException.of(file, null, "corrupt " + f + " file: " + RasterReaders.oneLine(e));
        }
    }

    private static SampleSet readNpz(Path file) throws IOException {
        List<String> names = NpyReader.entryNames(file);
        String wanted = names.contains(MAT_VARIABLE) ? MAT_VARIABLE : NpyReader.chooseEntry(file, names, null);
        try (ZipInputStream zin = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                if (e.getName().equals(wanted + ".npy") || e.getName().equals(wanted)) return fromNpy(zin, file, wanted);
            }
        }
        throw BadInputException.of(file, wanted, "array missing from the archive");
    }

    private static SampleSet fromNpy(InputStream in, Path file, String field) throws IOException {
        Npy.Header h = Npy.readHeader(in, file, field);
        long[] d = h.shape();
        if (d.length != 3) {
            throw BadInputException.of(file, field, "expected a 3-D array (samples, neurons, timesteps), found shape " + java.util.Arrays.toString(d));
        }
        byte[] values = allocate(file, field, d[0], d[1], d[2]);
        int S = (int) d[0], N = (int) d[1], T = (int) d[2];
        BinaryCheck check = new BinaryCheck(file, field);
        if (h.fortran()) {
            Npy.readData(in, h, file, field, (k, v) -> {
                long s = k % S, rest = k / S;
                long i = rest % N, t = rest / N;
                values[(int) ((s * N + i) * T + t)] = check.value(v);
            });
        } else {
            Npy.readData(in, h, file, field, (k, v) -> values[(int) k] = check.value(v));
        }
        check.finish();
        return new SampleSet(S, N, T, values);
    }

    private static byte[] allocate(Path file, String field, long s, long n, long t) {
        if (n == 0 || t == 0) throw BadInputException.of(file, field, "empty sample shape (" + s + ", " + n + ", " + t + ")");
        long total = s * n * t;
        if (s < 0 || total / n / t != s || total > Integer.MAX_VALUE - 16) {
            throw BadInputException.of(file, field, "sample array (" + s + ", " + n + ", " + t + ") is too large");
        }
        return new byte[(int) total];
    }

    private static SampleSet readMat(Path file) throws IOException {
        MatV5Reader.checkEntries(file);
        MatFile mat = Mat5.readFromFile(file.toFile());
        try {
            List<String> names = new ArrayList<>();
            for (MatFile.Entry e : mat.getEntries()) names.add(e.getName());
            String name;
            if (names.contains(MAT_VARIABLE)) name = MAT_VARIABLE;
            else if (names.size() == 1) name = names.get(0);
            else throw BadInputException.of(file, null, "no variable 'samples'; present: " + String.join(", ", names));
            Array a = mat.getArray(name);
            if (!(a instanceof Matrix m) || m.isComplex()) throw BadInputException.of(file, name, "not a real numeric array");
            int[] d = m.getDimensions();
            // MATLAB drops trailing singleton dimensions: an S x N x 1 array is saved as S x N.
            if (d.length == 2) d = new int[] {d[0], d[1], 1};
            if (d.length != 3) {
                throw BadInputException.of(file, name, "expected an S x N x T array, found " + java.util.Arrays.toString(d));
            }
            byte[] values = allocate(file, name, d[0], d[1], d[2]);
            int S = d[0], N = d[1], T = d[2];
            BinaryCheck check = new BinaryCheck(file, name);
            int k = 0;
            for (int t = 0; t < T; t++) {
                for (int i = 0; i < N; i++) {
                    for (int s = 0; s < S; s++) values[(s * N + i) * T + t] = check.value(m.getDouble(k++));
                }
            }
            check.finish();
            return new SampleSet(S, N, T, values);
        } finally {
            mat.close();
        }
    }

    private static SampleSet readCsv(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) throw BadInputException.of(file, null, "empty file");
            char sep = header.indexOf('\t') >= 0 ? '\t' : ',';
            String[] h = header.split(String.valueOf(sep), -1);
            if (h.length < 3 || !h[0].strip().equals("sample") || !h[1].strip().equals("neuron")) {
                throw BadInputException.of(file, "header", "expected 'sample" + sep + "neuron" + sep + "t0" + sep + "...'");
            }
            int T = h.length - 2;
            CsvReader.ByteList values = new CsvReader.ByteList();
            BinaryCheck check = new BinaryCheck(file, "values");
            int N = -1;
            long lines = 0;
            long lineNo = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] c = line.split(String.valueOf(sep), -1);
                if (c.length != T + 2) throw BadInputException.of(file, "line " + lineNo, c.length + " cells where the header has " + (T + 2));
                long s = integer(file, lineNo, c[0]), i = integer(file, lineNo, c[1]);
                if (N < 0 && s > 0) N = (int) lines;
                long expectS = N < 0 ? 0 : lines / N, expectI = N < 0 ? lines : lines % N;
                if (s != expectS || i != expectI) {
                    throw BadInputException.of(file, "line " + lineNo, "expected sample " + expectS + ", neuron " + expectI
                            + " (sample-major order), found " + s + ", " + i);
                }
                for (int t = 0; t < T; t++) {
                    double v;
                    try {
                        v = c[t + 2].strip().equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(c[t + 2].strip());
                    } catch (NumberFormatException e) {
                        throw BadInputException.of(file, "line " + lineNo + ", t" + t, "not a number: '" + c[t + 2] + "'");
                    }
                    values.add(check.value(v));
                }
                lines++;
            }
            if (lines == 0) throw BadInputException.of(file, null, "no samples");
            if (N < 0) N = (int) lines;
            if (lines % N != 0) throw BadInputException.of(file, null, "the last sample has " + (lines % N) + " of " + N + " neurons");
            check.finish();
            int S = (int) (lines / N);
            return new SampleSet(S, N, T, java.util.Arrays.copyOf(values.array(), S * N * T));
        }
    }

    private static long integer(Path file, long lineNo, String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw BadInputException.of(file, "line " + lineNo, "sample and neuron must be integers: '" + s + "'");
        }
    }

    /** Values must be 0 or 1; the error counts the others and points at the first. */
    private static final class BinaryCheck {
        private final Path file;
        private final String field;
        private long bad;
        private double first;
        private long nan;

        BinaryCheck(Path file, String field) {
            this.file = file;
            this.field = field;
        }

        byte value(double v) {
            if (v == 0) return 0;
            if (v == 1) return 1;
            if (Double.isNaN(v)) nan++;
            if (bad++ == 0) first = v;
            return 0;
        }

        void finish() {
            if (nan > 0) throw BadInputException.of(file, field, nan + " NaN values; samples must be 0 or 1");
            if (bad > 0) {
                throw BadInputException.of(file, field, bad + " values are not 0 or 1 (first: " + RasterAssembler.fmt(first)
                        + "); binarize them first (for example x > 0)");
            }
        }
    }
}
