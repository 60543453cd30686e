package org.spiqgan.model;

import java.nio.file.Path;

/**
 * Identifies the training data of a model: the file's SHA-256 (or "synthetic:SEED"), the neurons (raster
 * indices and the file's ids), bin width, window length and the split fractions.
 */
public record DataFingerprint(String source, String sha256, int[] neuronIndices, int[] neuronIds, double binMs,
        int timesteps, Integer segmentLength, double trainFraction, double validationFraction) {

    /** SHA-256 of a file, in lower-case hex (one implementation: {@link org.spiqgan.data.DataSpec#sha256(Path)}). */
    public static String sha256(Path file) {
        return org.spiqgan.data.DataSpec.sha256(file);
    }

    public boolean sameData(DataFingerprint o) {
        return o != null && sha256.equals(o.sha256) && java.util.Arrays.equals(neuronIndices, o.neuronIndices)
                && binMs == o.binMs && timesteps == o.timesteps;
    }
}
