package org.spiqgan.data;

import java.util.List;
import org.spiqgan.BadInputException;

/**
 * Cuts samples (S, N, T) out of a raster: windows of T consecutive bins inside one segment, never
 * across a boundary, starting at bin 0 of each segment and moving by {@code stride} (SPEC.md section 2:
 * training stride 1, evaluation stride T). A segment shorter than T gives no window.
 */
public final class Windows {
    private Windows() {}

    /** Windows per segment of {@code length} bins. */
    public static int perSegment(int length, int timesteps, int stride) {
        return length < timesteps ? 0 : (length - timesteps) / stride + 1;
    }

    public static long count(List<Segment> segments, int timesteps, int stride) {
        long s = 0;
        for (Segment seg : segments) s += perSegment(seg.length(), timesteps, stride);
        return s;
    }

    public static SampleSet cut(SpikeRaster raster, int[] neurons, int timesteps, int stride, Split split) {
        return cut(raster, neurons, timesteps, stride, split.segments());
    }

    /**
     * The windows of the given segments, in segment order then start order. Throws BadInputException
     * when T is longer than every segment, or when there are no segments at all.
     */
    public static SampleSet cut(SpikeRaster raster, int[] neurons, int timesteps, int stride, List<Segment> segments) {
        if (timesteps <= 0) throw new IllegalArgumentException("timesteps must be positive: " + timesteps);
        if (stride <= 0) throw new IllegalArgumentException("stride must be positive: " + stride);
        if (neurons.length == 0) throw new IllegalArgumentException("no neurons selected");
        for (int i : neurons) {
            if (i < 0 || i >= raster.neurons()) throw new IllegalArgumentException("neuron index out of range: " + i);
        }
        if (segments.isEmpty()) throw BadInputException.of(null, "split", "the split has no data (check the train and validation fractions)");
        long total = count(segments, timesteps, stride);
        if (total == 0) {
            int longest = 0;
            for (Segment s : segments) longest = Math.max(longest, s.length());
            throw BadInputException.of(null, "timesteps", "a window of " + timesteps + " bins is longer than every segment (longest "
                    + longest + " bins)");
        }
        int n = neurons.length;
        long size = total * n * timesteps;
        if (size > Integer.MAX_VALUE - 16) {
            throw BadInputException.of(null, "windows", total + " windows of " + n + " neurons x " + timesteps
                    + " bins do not fit in one array; use shorter windows, a larger stride or fewer neurons");
        }
        byte[] out = new byte[(int) size];
        int s = 0;
        for (Segment seg : segments) {
            int w = perSegment(seg.length(), timesteps, stride);
            for (int k = 0; k < w; k++) {
                int start = seg.start() + k * stride;
                int base = s * n * timesteps;
                for (int j = 0; j < n; j++) {
                    long[] words = raster.bitWords(neurons[j]);
                    int off = base + j * timesteps;
                    for (int t = 0; t < timesteps; t++) {
                        int b = start + t;
                        out[off + t] = (byte) ((words[b >>> 6] >>> (b & 63)) & 1);
                    }
                }
                s++;
            }
        }
        return new SampleSet((int) total, n, timesteps, out);
    }
}
