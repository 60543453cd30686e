package org.spiqgan.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spiqgan.BadInputException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/**
 * A numeric or logical matrix of a MATLAB v5 MAT file. MATLAB's view is kept: for the retina recording
 * the variable {@code data} is B x N (rows = bins). Files written by {@link RasterWriters} also carry
 * {@code bin_ms}, {@code neuron_ids} and {@code segments} (K x 2 start/end bins), which are read back.
 */
final class MatV5Reader {
    private MatV5Reader() {}

    static SpikeRaster read(Path file, ReadOptions opts) throws IOException {
        checkEntries(file);
        MatFile mat = Mat5.readFromFile(file.toFile());
        try {
            List<String> names = new ArrayList<>();
            for (MatFile.Entry e : mat.getEntries()) names.add(e.getName());
            String name = choose(file, mat, names, opts.variable());
            Array a = mat.getArray(name);
            if (!(a instanceof Matrix m) || m.isComplex()) {
                throw BadInputException.of(file, name, "not a real numeric or logical matrix (" + a.getType() + ")");
            }
            int[] dims = m.getDimensions();
            if (dims.length != 2) {
                throw BadInputException.of(file, name, "expected a 2-D matrix, found " + dims.length + "-D");
            }
            int rows = dims[0], cols = dims[1];
            RasterAssembler asm = new RasterAssembler(file, name, rows, cols, opts);
            int k = 0;
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) asm.accept(r, c, m.getDouble(k++));
            }
            SpikeRaster raster = asm.finish();
            return withMetadata(raster, file, mat, names, opts);
        } finally {
            mat.close();
        }
    }

    /**
     * Walks the top-level data elements (8-byte tags: type, size) before the library does: a size
     * beyond the end of the file means a truncated or corrupt file (and mfl-core would print a
     * warning of its own on stderr for sizes above 2 GB).
     */
    static void checkEntries(Path file) throws IOException {
        QuietMfl.install();
        long size = java.nio.file.Files.size(file);
        if (size < 128) throw BadInputException.of(file, null, "truncated MAT file: " + size + " bytes, shorter than the 128-byte header");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(128);
            while (head.hasRemaining() && ch.read(head) >= 0) { /* fill */ }
            java.nio.ByteOrder order = head.get(126) == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN;
            long pos = 128;
            int k = 0;
            java.nio.ByteBuffer tag = java.nio.ByteBuffer.allocate(8).order(order);
            while (pos + 8 <= size) {
                tag.clear();
                ch.position(pos);
                while (tag.hasRemaining() && ch.read(tag) >= 0) { /* fill */ }
                int type = tag.getInt(0);
                long bytes = tag.getInt(4) & 0xFFFFFFFFL;
                if (type != 14 && type != 15) {
                    throw BadInputException.of(file, "element " + k, "corrupt MAT file: unexpected data type " + type + " at byte " + pos);
                }
                long next = pos + 8 + bytes;
                if (type == 14) next = (next + 7) & ~7L; // uncompressed elements are padded to 8 bytes
                if (pos + 8 + bytes > size) {
                    throw BadInputException.of(file, "element " + k, "truncated or corrupt MAT file: an element of " + bytes
                            + " bytes at byte " + pos + " runs past the end (" + size + " bytes)");
                }
                pos = next;
                k++;
            }
        }
    }

    private static String choose(Path file, MatFile mat, List<String> names, String variable) {
        if (names.isEmpty()) throw BadInputException.of(file, null, "the MAT file holds no variables");
        if (variable != null) {
            if (!names.contains(variable)) {
                throw BadInputException.of(file, variable, "no such variable; present: " + String.join(", ", names));
            }
            return variable;
        }
        if (names.contains("data")) return "data";
        List<String> matrices = new ArrayList<>();
        for (String n : names) {
            Array a = mat.getArray(n);
            if (a instanceof Matrix && a.getNumDimensions() == 2 && a.getNumRows() > 1 && a.getNumCols() > 1) matrices.add(n);
        }
        if (matrices.size() == 1) return matrices.get(0);
        throw BadInputException.of(file, null, (matrices.isEmpty() ? "no 2-D matrix among the variables (" : "several matrices (")
                + String.join(", ", matrices.isEmpty() ? names : matrices) + "); choose one with field variable");
    }

    /** The side variables our own writer adds; ignored unless the main variable is {@code data}. */
    private static SpikeRaster withMetadata(SpikeRaster r, Path file, MatFile mat, List<String> names, ReadOptions opts) {
        if (names.contains("bin_ms") && opts.binMs() == null) {
            double ms = matrix(file, mat, "bin_ms").getDouble(0);
            if (!(ms > 0) || Double.isInfinite(ms)) throw BadInputException.of(file, "bin_ms", "bin width must be positive, found " + ms);
            r = r.withBinMs(ms);
        }
        if (names.contains("neuron_ids")) {
            Matrix ids = matrix(file, mat, "neuron_ids");
            if (ids.getNumElements() == r.neurons()) {
                int[] v = new int[r.neurons()];
                for (int i = 0; i < v.length; i++) v[i] = (int) ids.getDouble(i);
                r = r.withNeuronIds(v);
            }
        }
        if (names.contains("segments") && opts.segmentLength() == null) {
            Matrix s = matrix(file, mat, "segments");
            if (s.getNumElements() > 0) {
                if (s.getNumCols() != 2) throw BadInputException.of(file, "segments", "expected K x 2 (start, end) bins");
                r = Hdf5Reader.segmentsFrom(r, file, "segments", s.getNumRows(), k -> s.getDouble(k, 0), k -> s.getDouble(k, 1));
            }
        }
        return r;
    }

    private static Matrix matrix(Path file, MatFile mat, String name) {
        Array a = mat.getArray(name);
        if (!(a instanceof Matrix m) || m.isComplex() || m.getNumElements() == 0) {
            throw BadInputException.of(file, name, "expected a non-empty real numeric matrix");
        }
        return m;
    }
}
