package org.spiqgan.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A recording: N neurons x B time bins. Every bin is binary (1 = at least one spike, SPEC.md section 2);
 * where the source had spike counts, the counts are kept beside the bits for the neurons that have a
 * count above 1 (so {@code data inspect} can say how often a bin holds more than one spike).
 *
 * <p>Storage is bit-packed per neuron ({@code long[]} of ceil(B/64) words): 200 neurons x 10^7 bins
 * take 250 MB, against 2 GB as bytes (and a byte[] could not hold more than 2^31 - 1 values at all).
 * Counts, when present, cost one byte per bin for the neurons that need them (saturated at 255).
 *
 * <p>Segments (trials, stimulus repeats) are half-open bin ranges in increasing order, not overlapping;
 * they need not cover every bin. A raster without segments has an empty segment list.
 */
public final class SpikeRaster {
    private final int neurons;
    private final int bins;
    private final double binMs;
    private final int[] neuronIds;
    private final long[][] bits;
    private final byte[][] counts; // per neuron, null where every bin holds 0 or 1 spike
    private final List<Segment> segments;
    private final boolean countsKnown;

    private SpikeRaster(int neurons, int bins, double binMs, int[] neuronIds, long[][] bits, byte[][] counts,
            List<Segment> segments, boolean countsKnown) {
        this.countsKnown = countsKnown;
        this.neurons = neurons;
        this.bins = bins;
        this.binMs = binMs;
        this.neuronIds = neuronIds;
        this.bits = bits;
        this.counts = counts;
        this.segments = List.copyOf(segments);
    }

    /** Accumulates spikes into a new raster; not thread-safe. */
    public static Builder builder(int neurons, int bins) { return new Builder(neurons, bins); }

    /**
     * A raster from a flat 0/1 byte array in C order: {@code bins x neurons} (row = bin) when
     * {@code binsByNeurons}, else {@code neurons x bins}. Values above 1 are counts.
     */
    public static SpikeRaster fromBytes(byte[] values, int rows, int cols, boolean binsByNeurons, double binMs) {
        if ((long) rows * cols != values.length) throw new IllegalArgumentException("shape does not match data");
        int n = binsByNeurons ? cols : rows;
        int b = binsByNeurons ? rows : cols;
        Builder builder = builder(n, b).binMs(binMs);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                int v = values[base + c] & 0xFF;
                if (v != 0) {
                    if (binsByNeurons) builder.set(c, r, v); else builder.set(r, c, v);
                }
            }
        }
        return builder.build();
    }

    public int neurons() { return neurons; }
    public int bins() { return bins; }
    public double binMs() { return binMs; }

    /** The id of neuron {@code i} as the source file names it (unit id, column index, ...). */
    public int neuronId(int i) { return neuronIds[i]; }
    public int[] neuronIds() { return neuronIds.clone(); }

    /** 1 when neuron {@code i} spiked at least once in bin {@code b}, else 0. */
    public int get(int i, int b) { return (int) (bits[i][b >>> 6] >>> (b & 63)) & 1; }

    public boolean spike(int i, int b) { return get(i, b) != 0; }

    /** The spike count of the bin where counts are known, else the binary value. */
    public int count(int i, int b) {
        byte[] c = counts[i];
        return c == null ? get(i, b) : c[b] & 0xFF;
    }

    /**
     * True when the source gave spike counts (spike times, or a matrix with counts above 1), so that
     * {@link #multiSpikeBins()} is meaningful; false for a 0/1 matrix, which may have been binarized.
     */
    public boolean countsKnown() { return countsKnown; }

    /** True when some bin of some neuron holds more than one spike. */
    public boolean hasCounts() {
        for (byte[] c : counts) if (c != null) return true;
        return false;
    }

    /** Bins with more than one spike, over all neurons. */
    public long multiSpikeBins() {
        long m = 0;
        for (byte[] c : counts) {
            if (c == null) continue;
            for (byte v : c) if ((v & 0xFF) > 1) m++;
        }
        return m;
    }

    /** Number of bins in {@code [from, to)} where neuron {@code i} spiked. */
    public long spikeBins(int i, int from, int to) {
        if (from < 0 || to > bins || from > to) throw new IndexOutOfBoundsException(from + ".." + to);
        if (from == to) return 0;
        long[] w = bits[i];
        int fw = from >>> 6, lw = (to - 1) >>> 6;
        long firstMask = -1L << (from & 63);
        long lastMask = -1L >>> (63 - ((to - 1) & 63));
        if (fw == lw) return Long.bitCount(w[fw] & firstMask & lastMask);
        long n = Long.bitCount(w[fw] & firstMask) + Long.bitCount(w[lw] & lastMask);
        for (int k = fw + 1; k < lw; k++) n += Long.bitCount(w[k]);
        return n;
    }

    public long spikeBins(int i) { return spikeBins(i, 0, bins); }

    /** Spike bins of neuron {@code i} summed over the given segments. */
    public long spikeBins(int i, List<Segment> over) {
        long n = 0;
        for (Segment s : over) n += spikeBins(i, s.start(), s.end());
        return n;
    }

    /** Fraction of bins in which neuron {@code i} spiked. */
    public double firingProbability(int i) { return bins == 0 ? 0 : spikeBins(i) / (double) bins; }

    /** Mean over neurons and bins of the binary raster. */
    public double meanFiringProbability() {
        long total = 0;
        for (int i = 0; i < neurons; i++) total += spikeBins(i);
        return (double) total / ((double) neurons * bins);
    }

    public List<Segment> segments() { return segments; }
    public boolean hasSegments() { return !segments.isEmpty(); }

    /** Copies bit words of neuron {@code i}: bin b is bit (b & 63) of word b >>> 6. Read-only view. */
    long[] bitWords(int i) { return bits[i]; }

    /** The same spikes with other segments (checked: in range, increasing, not overlapping). */
    public SpikeRaster withSegments(List<Segment> newSegments) {
        int prevEnd = 0;
        for (Segment s : newSegments) {
            if (s.start() < prevEnd || s.end() > bins) {
                throw new IllegalArgumentException("segments must be increasing, disjoint and inside [0, " + bins + "): " + s);
            }
            prevEnd = s.end();
        }
        return new SpikeRaster(neurons, bins, binMs, neuronIds, bits, counts, newSegments, countsKnown);
    }

    /**
     * Equal segments of {@code length} bins from bin 0 (as the retina recording's 297 repeats of 953
     * bins). A trailing remainder shorter than {@code length} becomes a last, shorter segment.
     */
    public SpikeRaster withSegmentLength(int length) {
        if (length <= 0) throw new IllegalArgumentException("segment length must be positive: " + length);
        List<Segment> list = new ArrayList<>();
        for (int s = 0; s < bins; s += length) list.add(new Segment(s, (int) Math.min((long) s + length, bins)));
        return withSegments(list);
    }

    public SpikeRaster withBinMs(double newBinMs) {
        return new SpikeRaster(neurons, bins, newBinMs, neuronIds, bits, counts, segments, countsKnown);
    }

    public SpikeRaster withNeuronIds(int[] ids) {
        if (ids.length != neurons) throw new IllegalArgumentException(ids.length + " ids for " + neurons + " neurons");
        return new SpikeRaster(neurons, bins, binMs, ids.clone(), bits, counts, segments, countsKnown);
    }

    /** The binary raster without counts. */
    public SpikeRaster binarized() {
        return new SpikeRaster(neurons, bins, binMs, neuronIds, bits, new byte[neurons][], segments, false);
    }

    /** Rows {@code [from, to)} of the binary raster as bytes, {@code neurons x (to-from)} in C order. */
    public byte[] toNeuronsByBins(int from, int to) {
        int len = to - from;
        byte[] out = new byte[Math.multiplyExact(neurons, len)];
        for (int i = 0; i < neurons; i++) {
            for (int b = 0; b < len; b++) out[i * len + b] = (byte) count(i, from + b);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SpikeRaster(" + neurons + " neurons x " + bins + " bins of " + binMs + " ms, "
                + segments.size() + " segments)";
    }

    /** Equal spikes, counts, ids, bin width and segments. */
    public boolean sameAs(SpikeRaster o) {
        if (o.neurons != neurons || o.bins != bins || Double.compare(o.binMs, binMs) != 0) return false;
        if (!Arrays.equals(neuronIds, o.neuronIds) || !segments.equals(o.segments)) return false;
        for (int i = 0; i < neurons; i++) {
            if (!Arrays.equals(bits[i], o.bits[i])) return false;
            if ((counts[i] != null || o.counts[i] != null)) {
                for (int b = 0; b < bins; b++) if (count(i, b) != o.count(i, b)) return false;
            }
        }
        return true;
    }

    /** Collects spikes; then {@link #build()}. */
    public static final class Builder {
        private final int neurons;
        private final int bins;
        private final long[][] bits;
        private final byte[][] counts;
        private double binMs = 20;
        private int[] ids;
        private List<Segment> segments = List.of();
        private boolean countsKnown;

        private Builder(int neurons, int bins) {
            if (neurons <= 0) throw new IllegalArgumentException("a raster needs at least one neuron");
            if (bins <= 0) throw new IllegalArgumentException("a raster needs at least one bin");
            this.neurons = neurons;
            this.bins = bins;
            int words = (int) (((long) bins + 63) >>> 6);
            this.bits = new long[neurons][words];
            this.counts = new byte[neurons][];
        }

        public int neurons() { return neurons; }
        public int bins() { return bins; }

        public Builder binMs(double ms) {
            if (!(ms > 0) || Double.isInfinite(ms)) throw new IllegalArgumentException("bin width must be positive: " + ms);
            this.binMs = ms;
            return this;
        }

        public Builder neuronIds(int[] neuronIds) {
            if (neuronIds.length != neurons) throw new IllegalArgumentException(neuronIds.length + " ids for " + neurons + " neurons");
            this.ids = neuronIds.clone();
            return this;
        }

        public Builder segments(List<Segment> list) {
            this.segments = Objects.requireNonNull(list);
            return this;
        }

        /** Marks the raster as built from spike counts (even if no bin holds more than one spike). */
        public Builder countsKnown(boolean known) {
            this.countsKnown = known;
            return this;
        }

        /** Sets the count of a bin (0 clears it; counts above 255 saturate). */
        public Builder set(int i, int b, int count) {
            if (count < 0) throw new IllegalArgumentException("negative count");
            long mask = 1L << (b & 63);
            if (count == 0) bits[i][b >>> 6] &= ~mask; else bits[i][b >>> 6] |= mask;
            if (count > 1 || counts[i] != null) countsOf(i)[b] = (byte) Math.min(count, 255);
            return this;
        }

        /** Adds one spike to a bin. */
        public Builder add(int i, int b) {
            long mask = 1L << (b & 63);
            long w = bits[i][b >>> 6];
            if ((w & mask) == 0 && counts[i] == null) {
                bits[i][b >>> 6] = w | mask;
            } else {
                byte[] c = countsOf(i);
                int v = c[b] & 0xFF;
                c[b] = (byte) Math.min(v + 1, 255);
                bits[i][b >>> 6] = w | mask;
            }
            return this;
        }

        public int get(int i, int b) { return (int) (bits[i][b >>> 6] >>> (b & 63)) & 1; }

        private byte[] countsOf(int i) {
            byte[] c = counts[i];
            if (c == null) {
                c = new byte[bins];
                long[] w = bits[i];
                for (int b = 0; b < bins; b++) c[b] = (byte) ((w[b >>> 6] >>> (b & 63)) & 1);
                counts[i] = c;
            }
            return c;
        }

        public SpikeRaster build() {
            int[] neuronIds = ids;
            if (neuronIds == null) {
                neuronIds = new int[neurons];
                for (int i = 0; i < neurons; i++) neuronIds[i] = i;
            }
            boolean known = countsKnown;
            for (byte[] c : counts) known |= c != null;
            SpikeRaster r = new SpikeRaster(neurons, bins, binMs, neuronIds, bits, counts, List.of(), known);
            return segments.isEmpty() ? r : r.withSegments(segments);
        }
    }
}
