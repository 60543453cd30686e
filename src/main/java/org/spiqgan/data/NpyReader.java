package org.spiqgan.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.spiqgan.BadInputException;

/** A 2-D NumPy array (.npy, or a named array of an .npz) as a raster, streamed. */
final class NpyReader {
    private NpyReader() {}

    static SpikeRaster readNpy(Path file, ReadOptions opts) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return fromStream(in, file, "array", opts);
        }
    }

    static SpikeRaster readNpz(Path file, ReadOptions opts) throws IOException {
        List<String> names = entryNames(file);
        String wanted = chooseEntry(file, names, opts.variable());
        try (ZipInputStream zin = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                if (e.getName().equals(wanted + ".npy") || e.getName().equals(wanted)) {
                    return fromStream(zin, file, wanted, opts);
                }
            }
        }
        throw BadInputException.of(file, wanted, "array missing from the archive");
    }

    static List<String> entryNames(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zin = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                String n = e.getName();
                names.add(n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n);
            }
        }
        if (names.isEmpty()) throw BadInputException.of(file, null, "empty or corrupt .npz archive");
        return names;
    }

    static String chooseEntry(Path file, List<String> names, String variable) {
        if (variable != null) {
            if (!names.contains(variable)) {
                throw BadInputException.of(file, variable, "no such array; present: " + String.join(", ", names));
            }
            return variable;
        }
        if (names.size() == 1) return names.get(0);
        if (names.contains("data")) return "data";
        throw BadInputException.of(file, null, "several arrays (" + String.join(", ", names) + "); choose one with field variable");
    }

    private static SpikeRaster fromStream(InputStream in, Path file, String field, ReadOptions opts) throws IOException {
        Npy.Header h = Npy.readHeader(in, file, field);
        long[] shape = h.shape();
        if (shape.length != 2) {
            throw BadInputException.of(file, field, "expected a 2-D array (bins x neurons or neurons x bins), found shape "
                    + java.util.Arrays.toString(shape));
        }
        long rows = shape[0], cols = shape[1];
        RasterAssembler asm = new RasterAssembler(file, field, rows, cols, opts);
        if (h.itemSize() == 1 && h.kind() != 'i' && !h.fortran()) {
            readBytesRowMajor(in, h, file, field, rows, cols, asm);
        } else if (h.fortran()) {
            Npy.readData(in, h, file, field, (k, v) -> asm.accept(k % rows, k / rows, v));
        } else {
            Npy.readData(in, h, file, field, (k, v) -> asm.accept(k / cols, k % cols, v));
        }
        return asm.finish();
    }

    /** The common case (uint8 or bool, C order) without per-element decoding: zeros are skipped. */
    private static void readBytesRowMajor(InputStream in, Npy.Header h, Path file, String field, long rows, long cols,
            RasterAssembler asm) throws IOException {
        long n = h.count();
        byte[] chunk = new byte[1 << 16];
        long done = 0;
        boolean bool = h.kind() == 'b';
        try (ReadProgress progress = ReadProgress.start("reading " + field, n)) {
            while (done < n) {
                int m = (int) Math.min(chunk.length, n - done);
                int got = in.readNBytes(chunk, 0, m);
                if (got < m) throw BadInputException.of(file, field, "truncated: " + (done + got) + " of " + n + " values present");
                for (int k = 0; k < m; k++) {
                    int v = chunk[k] & 0xFF;
                    if (v != 0) {
                        long idx = done + k;
                        asm.acceptLong(idx / cols, idx % cols, bool ? 1 : v);
                    }
                }
                done += m;
                if ((done & ((1 << 22) - 1)) < m) progress.stepTo(done);
            }
            progress.stepTo(done);
        }
    }
}
