package org.spiqgan.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies the training data of a model: the file's SHA-256 (or "synthetic:SEED"), the neurons (raster
 * indices and the file's ids), bin width, window length and the split fractions.
 */
public record DataFingerprint(String source, String sha256, int[] neuronIndices, int[] neuronIds, double binMs,
        int timesteps, Integer segmentLength, double trainFraction, double validationFraction) {

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r = in.read(buf); r > 0; r = in.read(buf)) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean sameData(DataFingerprint o) {
        return o != null && sha256.equals(o.sha256) && java.util.Arrays.equals(neuronIndices, o.neuronIndices)
                && binMs == o.binMs && timesteps == o.timesteps;
    }
}
