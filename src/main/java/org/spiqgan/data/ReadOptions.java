package org.spiqgan.data;

/**
 * How to read a recording where the file leaves it open.
 *
 * @param variable      name of the matrix (MAT variable, HDF5 dataset path, NPZ entry); null = the only
 *                      or the first suitable one
 * @param layout        which matrix dimension is time
 * @param binMs         bin width in ms: the width of the matrix bins, or the bin for spike times; null =
 *                      the file's own or 20 ms
 * @param segmentLength equal segments of this many bins (null = the file's own segments, if any)
 * @param binarize      accept counts above 1 in a matrix (a bin is 1 when it has at least one spike)
 */
public record ReadOptions(String variable, Layout layout, Double binMs, Integer segmentLength, boolean binarize) {
    public static final double DEFAULT_BIN_MS = 20.0;

    public static ReadOptions defaults() { return new ReadOptions(null, Layout.AUTO, null, null, false); }

    public ReadOptions {
        if (layout == null) layout = Layout.AUTO;
        if (binMs != null && !(binMs > 0 && binMs < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bin width must be a positive number of ms: " + binMs);
        }
        if (segmentLength != null && segmentLength <= 0) {
            throw new IllegalArgumentException("segment length must be a positive number of bins: " + segmentLength);
        }
    }

    public ReadOptions withVariable(String v) { return new ReadOptions(v, layout, binMs, segmentLength, binarize); }
    public ReadOptions withLayout(Layout l) { return new ReadOptions(variable, l, binMs, segmentLength, binarize); }
    public ReadOptions withBinMs(Double ms) { return new ReadOptions(variable, layout, ms, segmentLength, binarize); }
    public ReadOptions withSegmentLength(Integer len) { return new ReadOptions(variable, layout, binMs, len, binarize); }
    public ReadOptions withBinarize(boolean b) { return new ReadOptions(variable, layout, binMs, segmentLength, b); }

    public double binMsOr(double fallback) { return binMs != null ? binMs : fallback; }
}
