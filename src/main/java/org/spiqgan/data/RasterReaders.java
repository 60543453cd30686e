package org.spiqgan.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.spiqgan.BadInputException;

/**
 * Reads a recording into a {@link SpikeRaster}. The format comes from the file's first bytes (the
 * extension only breaks ties for text files): MATLAB v5 MAT, MATLAB v7.3 MAT / HDF5 (a named dataset,
 * or an NWB 2.x units table), NumPy .npy / .npz, and CSV/TSV text (a 0/1 matrix, or {@code unit,time}
 * spike times).
 *
 * <p>Every problem with the file surfaces as a one-line {@link BadInputException} naming the file and
 * field; the libraries' own exceptions on corrupt input are translated.
 */
public final class RasterReaders {
    /** The formats this class tells apart. */
    public enum Format { MAT5, HDF5, NPY, NPZ, TEXT }

    private RasterReaders() {}

    public static SpikeRaster read(Path file) { return read(file, ReadOptions.defaults()); }

    public static SpikeRaster read(Path file, ReadOptions opts) {
        if (!Files.exists(file)) throw BadInputException.of(file, null, "no such file");
        if (Files.isDirectory(file)) throw BadInputException.of(file, null, "is a folder, not a data file");
        Format format = detect(file);
        SpikeRaster raster;
        try {
            raster = switch (format) {
                case MAT5 -> MatV5Reader.read(file, opts);
                case HDF5 -> Hdf5Reader.read(file, opts);
                case NPY -> NpyReader.readNpy(file, opts);
                case NPZ -> NpyReader.readNpz(file, opts);
                case TEXT -> CsvReader.read(file, opts);
            };
        } catch (BadInputException e) {
            throw printable(e);
        } catch (NoSuchFileException e) {
            throw BadInputException.of(file, null, "no such file");
        } catch (IOException e) {
            throw BadInputException.of(file, null, "cannot read " + format + " file: " + oneLine(e));
        } catch (OutOfMemoryError e) {
            throw BadInputException.of(file, null, "corrupt or too large: reading it ran out of memory");
        } catch (StackOverflowError e) {
            throw BadInputException.of(file, null, "corrupt " + format + " file (nesting too deep)");
        } catch (RuntimeException e) {
            throw BadInputException.of(file, null, "corrupt " + format + " file: " + oneLine(e));
        }
        return applyOptions(raster, file, opts);
    }

    /** Bin width and equal segments from the options, which win over the file's own. */
    static SpikeRaster applyOptions(SpikeRaster raster, Path file, ReadOptions opts) {
        if (opts.binMs() != null) raster = raster.withBinMs(opts.binMs());
        if (opts.segmentLength() != null) {
            if (opts.segmentLength() > raster.bins()) {
                throw BadInputException.of(file, "segmentLength", "segment of " + opts.segmentLength()
                        + " bins is longer than the recording (" + raster.bins() + " bins)");
            }
            raster = raster.withSegmentLength(opts.segmentLength());
        }
        return raster;
    }

    /** The format from magic bytes; text when none matches. */
    public static Format detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1024 + 8);
        } catch (IOException e) {
            throw BadInputException.of(file, null, "cannot read: " + oneLine(e));
        }
        if (head.length == 0) throw BadInputException.of(file, null, "empty file");
        if (startsWith(head, 0, Npy.MAGIC)) return Format.NPY;
        if (startsWith(head, 0, new byte[] {'P', 'K', 3, 4}) || startsWith(head, 0, new byte[] {'P', 'K', 5, 6})) return Format.NPZ;
        for (int off = 0; off + 8 <= head.length; off = off == 0 ? 512 : off * 2) {
            if (startsWith(head, off, HDF5_MAGIC)) return Format.HDF5;
        }
        String text = new String(head, 0, Math.min(head.length, 20), StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3 MAT-file")) return Format.HDF5;
        if (text.startsWith("MATLAB 5.0 MAT-file") || (head.length >= 128 && isMat5Version(head))) return Format.MAT5;
        // No magic bytes matched: a binary format's name on such a file is a wrong name, not a damaged file.
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mat")) {
            throw BadInputException.of(file, "header", "not a MAT file (no 'MATLAB 5.0 MAT-file' or 'MATLAB 7.3 MAT-file' header)"
                    + (looksLikeText(head) ? "; it looks like text (CSV/TSV files read under any other name)" : ""));
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".nwb")) {
            throw BadInputException.of(file, "header", "not an HDF5 file (no HDF5 signature)");
        }
        if (name.endsWith(".npy")) throw BadInputException.of(file, "header", "not an NPY file (no \\x93NUMPY magic)");
        if (name.endsWith(".npz")) throw BadInputException.of(file, "header", "not an NPZ file (not a zip archive)");
        return Format.TEXT;
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) if (b == 0) return false;
        return true;
    }

    static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private static boolean isMat5Version(byte[] head) {
        // Bytes 124-127: version 0x0100 and the endian indicator "IM"/"MI".
        return (head[126] == 'I' && head[127] == 'M' && head[124] == 0 && head[125] == 1)
                || (head[126] == 'M' && head[127] == 'I' && head[124] == 1 && head[125] == 0);
    }

    private static boolean startsWith(byte[] a, int off, byte[] prefix) {
        if (a.length < off + prefix.length) return false;
        for (int k = 0; k < prefix.length; k++) if (a[off + k] != prefix[k]) return false;
        return true;
    }

    /**
     * Messages quote names and text from the file, which may hold any bytes: control characters become
     * '?' (the message stays one line) and very long messages are cut.
     */
    static BadInputException printable(BadInputException e) {
        String m = e.getMessage();
        StringBuilder sb = new StringBuilder(Math.min(m.length(), 400));
        boolean changed = false;
        for (int k = 0; k < m.length(); k++) {
            char c = m.charAt(k);
            if (sb.length() >= 400) {
                sb.append("...");
                changed = true;
                break;
            }
            if (c < 0x20 || c == 0x7f) {
                sb.append('?');
                changed = true;
            } else {
                sb.append(c);
            }
        }
        return changed ? new BadInputException(sb.toString(), e) : e;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            sb.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c < 0x20 || c == 0x7f ? '?' : c);
        }
        s = sb.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
