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
 * @param startSec      spike-time formats: time of the first bin's start in seconds (null = 0)
 * @param stopSec       spike-time formats: end of the last bin in seconds (null = the data's end)
 */
public record ReadOptions(String variable, Layout layout, Double binMs, Integer segmentLength, boolean binarize,
        Double startSec, Double stopSec) {
    public static final double DEFAULT_BIN_MS = 20.0;

    public static ReadOptions defaults() { return new ReadOptions(null, Layout.AUTO, null, null, false); }

    /** Without a time window for spike times. */
    public ReadOptions(String variable, Layout layout, Double binMs, Integer segmentLength, boolean binarize) {
        this(variable, layout, binMs, segmentLength, binarize, null, null);
    }

    public ReadOptions {
        if (layout == null) layout = Layout.AUTO;
        if (binMs != null && !(binMs > 0 && binMs < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bin width must be a positive number of ms: " + binMs);
        }
        if (startSec != null && !(startSec >= 0 && startSec < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("start must be a non-negative number of seconds: " + startSec);
        }
        if (stopSec != null && !(stopSec > (startSec == null ? 0 : startSec) && stopSec < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("stop must be a number of seconds after the start: " + stopSec);
        }
        if (segmentLength != null && segmentLength <= 0) {
            throw new IllegalArgumentException("segment length must be a positive number of bins: " + segmentLength);
        }
    }

    public ReadOptions withVariable(String v) { return new ReadOptions(v, layout, binMs, segmentLength, binarize, startSec, stopSec); }
    public ReadOptions withLayout(Layout l) { return new ReadOptions(variable, l, binMs, segmentLength, binarize, startSec, stopSec); }
    public ReadOptions withBinMs(Double ms) { return new ReadOptions(variable, layout, ms, segmentLength, binarize, startSec, stopSec); }
    public ReadOptions withSegmentLength(Integer len) { return new ReadOptions(variable, layout, binMs, len, binarize, startSec, stopSec); }
    public ReadOptions withBinarize(boolean b) { return new ReadOptions(variable, layout, binMs, segmentLength, b, startSec, stopSec); }

    /** Bin spike times from {@code start} to {@code stop} seconds (null: from 0 / to the data's end). */
    public ReadOptions withTimeWindow(Double start, Double stop) {
        return new ReadOptions(variable, layout, binMs, segmentLength, binarize, start, stop);
    }

    public double binMsOr(double fallback) { return binMs != null ? binMs : fallback; }
}
