package org.spiqgan.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spiqgan.BadInputException;

/**
 * The NumPy {@code .npy} format (versions 1-3): header parsing, streamed element decoding, and a
 * writer for uint8 arrays in C order.
 */
final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Element type, byte order, layout and shape from an array's header. */
    record Header(char kind, int itemSize, ByteOrder order, boolean fortran, long[] shape) {
        long count() {
            long n = 1;
            for (long d : shape) n = Math.multiplyExact(n, d);
            return n;
        }

        String dtype() { return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize; }
    }

    /** Reads the header; leaves the stream at the first data byte. */
    static Header readHeader(InputStream in, Object file, String field) throws IOException {
        byte[] magic = readFully(in, 8, file, field);
        for (int k = 0; k < MAGIC.length; k++) {
            if (magic[k] != MAGIC[k]) throw BadInputException.of(file, field, "not a NumPy .npy array (bad magic)");
        }
        int major = magic[6] & 0xFF;
        long headerLen;
        if (major == 1) {
            byte[] b = readFully(in, 2, file, field);
            headerLen = (b[0] & 0xFF) | ((b[1] & 0xFF) << 8);
        } else if (major == 2 || major == 3) {
            byte[] b = readFully(in, 4, file, field);
            headerLen = (b[0] & 0xFFL) | ((b[1] & 0xFFL) << 8) | ((b[2] & 0xFFL) << 16) | ((b[3] & 0xFFL) << 24);
        } else {
            throw BadInputException.of(file, field, "unsupported .npy version " + major);
        }
        if (headerLen > 1 << 20) throw BadInputException.of(file, field, "corrupt .npy header length " + headerLen);
        String header = new String(readFully(in, (int) headerLen, file, field),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw BadInputException.of(file, field, "corrupt .npy header: " + header.strip());
        }
        String descr = d.group(1);
        if (descr.length() < 3) throw BadInputException.of(file, field, "unsupported dtype '" + descr + "'");
        char endian = descr.charAt(0);
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            throw BadInputException.of(file, field, "unsupported dtype '" + descr + "'");
        }
        boolean ok = switch (kind) {
            case 'b' -> size == 1;
            case 'u', 'i' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'f' -> size == 4 || size == 8;
            default -> false;
        };
        if (!ok || "<>|=".indexOf(endian) < 0) {
            throw BadInputException.of(file, field, "unsupported dtype '" + descr
                    + "' (expected bool, int8..int64, uint8..uint64, float32 or float64)");
        }
        ByteOrder order = endian == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            if (p.endsWith("L")) p = p.substring(0, p.length() - 1);
            try {
                long v = Long.parseLong(p);
                if (v < 0) throw new NumberFormatException();
                dims.add(v);
            } catch (NumberFormatException e) {
                throw BadInputException.of(file, field, "corrupt .npy shape (" + s.group(1) + ")");
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        Header h = new Header(kind, size, order, f.group(1).equals("True"), shape);
        try {
            h.count();
        } catch (ArithmeticException e) {
            throw BadInputException.of(file, field, "corrupt .npy shape (" + s.group(1) + ")");
        }
        return h;
    }

    /** Receives each element with its flat index in file order. */
    interface ElementSink {
        void accept(long index, double value);
    }

    /** Decodes {@code h.count()} elements; throws BadInputException when the data ends early. */
    static void readData(InputStream in, Header h, Object file, String field, ElementSink sink) throws IOException {
        long n = h.count();
        int item = h.itemSize();
        int perChunk = Math.max(1, (1 << 16) / item);
        byte[] chunk = new byte[perChunk * item];
        ByteBuffer bb = ByteBuffer.wrap(chunk).order(h.order());
        long done = 0;
        try (ReadProgress progress = ReadProgress.start("reading " + field, n)) {
        while (done < n) {
            int m = (int) Math.min(perChunk, n - done);
            int bytes = m * item;
            int got = in.readNBytes(chunk, 0, bytes);
            if (got < bytes) {
                throw BadInputException.of(file, field, "truncated: " + (done + got / item) + " of " + n + " values present");
            }
            for (int k = 0; k < m; k++) {
                int off = k * item;
                double v = switch (h.kind()) {
                    case 'b' -> chunk[off] != 0 ? 1 : 0;
                    case 'u' -> switch (item) {
                        case 1 -> chunk[off] & 0xFF;
                        case 2 -> bb.getShort(off) & 0xFFFF;
                        case 4 -> bb.getInt(off) & 0xFFFFFFFFL;
                        default -> unsigned(bb.getLong(off));
                    };
                    case 'i' -> switch (item) {
                        case 1 -> chunk[off];
                        case 2 -> bb.getShort(off);
                        case 4 -> bb.getInt(off);
                        default -> bb.getLong(off);
                    };
                    default -> item == 4 ? bb.getFloat(off) : bb.getDouble(off);
                };
                sink.accept(done + k, v);
            }
            done += m;
            if ((done & ((1 << 22) - 1)) < m) progress.stepTo(done);
        }
        progress.stepTo(done);
        }
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** The header of a uint8 C-order array of the given shape, padded to a multiple of 64 bytes. */
    static byte[] uint8Header(long... shape) {
        StringBuilder sb = new StringBuilder("{'descr': '|u1', 'fortran_order': False, 'shape': (");
        for (int k = 0; k < shape.length; k++) {
            sb.append(shape[k]);
            if (k < shape.length - 1 || shape.length == 1) sb.append(",");
            if (k < shape.length - 1) sb.append(" ");
        }
        sb.append("), }");
        int total = 10 + sb.length() + 1;
        int pad = (64 - total % 64) % 64;
        sb.append(" ".repeat(pad)).append('\n');
        byte[] dict = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + dict.length];
        System.arraycopy(MAGIC, 0, out, 0, 6);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (dict.length & 0xFF);
        out[9] = (byte) (dict.length >>> 8);
        System.arraycopy(dict, 0, out, 10, dict.length);
        return out;
    }

    static void writeUint8(OutputStream out, byte[] values, long... shape) throws IOException {
        out.write(uint8Header(shape));
        out.write(values);
    }

    private static byte[] readFully(InputStream in, int n, Object file, String field) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw BadInputException.of(file, field, "truncated .npy header");
        return b;
    }
}
