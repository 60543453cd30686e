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
                + String.join(", ", matrices.isEmpty() ? names : matrices) + "); choose one with --var");
    }

    /** The side variables our own writer adds; ignored unless the main variable is {@code data}. */
    private static SpikeRaster withMetadata(SpikeRaster r, Path file, MatFile mat, List<String> names, ReadOptions opts) {
        if (names.contains("bin_ms") && opts.binMs() == null) {
            double ms = matrix(mat, "bin_ms").getDouble(0);
            if (!(ms > 0) || Double.isInfinite(ms)) throw BadInputException.of(file, "bin_ms", "bin width must be positive, found " + ms);
            r = r.withBinMs(ms);
        }
        if (names.contains("neuron_ids")) {
            Matrix ids = matrix(mat, "neuron_ids");
            if (ids.getNumElements() == r.neurons()) {
                int[] v = new int[r.neurons()];
                for (int i = 0; i < v.length; i++) v[i] = (int) ids.getDouble(i);
                r = r.withNeuronIds(v);
            }
        }
        if (names.contains("segments") && opts.segmentLength() == null) {
            Matrix s = matrix(mat, "segments");
            if (s.getNumElements() > 0) {
                if (s.getNumCols() != 2) throw BadInputException.of(file, "segments", "expected K x 2 (start, end) bins");
                r = Hdf5Reader.segmentsFrom(r, file, "segments", s.getNumRows(), k -> s.getDouble(k, 0), k -> s.getDouble(k, 1));
            }
        }
        return r;
    }

    private static Matrix matrix(MatFile mat, String name) {
        Array a = mat.getArray(name);
        if (!(a instanceof Matrix m) || m.getNumElements() == 0) {
            throw new BadInputException(name + ": expected a non-empty numeric matrix");
        }
        return m;
    }
}
