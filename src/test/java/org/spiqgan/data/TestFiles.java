package org.spiqgan.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Independent writers of test inputs (not the production writers): NPY of any dtype, NPZ. */
final class TestFiles {
    private TestFiles() {}

    /** An .npy of the given dtype ('|b1', '<i4', '>f8', ...) holding values (in the given order). */
    static byte[] npy(String descr, boolean fortran, long[] shape, double[] values) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) dims.append(d).append(", ");
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + dims.toString().replaceAll(", $", shape.length == 1 ? "," : "") + "), }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        dict = dict + " ".repeat(pad % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(0);
        out.write(dict.length() & 0xFF);
        out.write(dict.length() >>> 8);
        out.writeBytes(dict.getBytes(StandardCharsets.US_ASCII));
        char kind = descr.charAt(1);
        int size = Integer.parseInt(descr.substring(2));
        ByteBuffer bb = ByteBuffer.allocate(values.length * size).order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (kind) {
                case 'b', 'u', 'i' -> {
                    long l = (long) v;
                    switch (size) {
                        case 1 -> bb.put((byte) l);
                        case 2 -> bb.putShort((short) l);
                        case 4 -> bb.putInt((int) l);
                        default -> bb.putLong(l);
                    }
                }
                case 'f' -> {
                    if (size == 4) bb.putFloat((float) v); else bb.putDouble(v);
                }
                default -> throw new IllegalArgumentException(descr);
            }
        }
        out.writeBytes(bb.array());
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    /** An .npz with the given entries (name without .npy -> bytes), deflated or stored. */
    static Path npz(Path file, boolean deflate, Object... nameAndBytes) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int k = 0; k < nameAndBytes.length; k += 2) {
                byte[] b = (byte[]) nameAndBytes[k + 1];
                ZipEntry e = new ZipEntry(nameAndBytes[k] + ".npy");
                if (!deflate) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(b.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(b);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(b);
                z.closeEntry();
            }
        }
        return file;
    }

    /** A random counts raster (values 0..maxCount) with a given spike probability. */
    static SpikeRaster randomRaster(long seed, int neurons, int bins, double p, int maxCount) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        SpikeRaster.Builder b = SpikeRaster.builder(neurons, bins);
        for (int i = 0; i < neurons; i++) {
            for (int t = 0; t < bins; t++) {
                if (r.nextDouble() < p) b.set(i, t, 1 + (maxCount > 1 ? r.nextInt(maxCount) : 0));
            }
        }
        return b.build();
    }
}
