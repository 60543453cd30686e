package org.spiqgan.stats;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.spiqgan.data.SampleSet;

/**
 * The set of distinct (N, T) spike patterns of the training samples, for statistic 9 of SPEC.md
 * section 5: the fraction of samples (generated or held-out real) identical to some training sample.
 * Patterns are packed into 64-bit words, so the comparison is exact, not a hash match.
 */
public final class MemorizationIndex {
    private final int n;
    private final int t;
    private final int words;
    private final Set<Pattern> patterns = new HashSet<>();
    private long added;

    public MemorizationIndex(int neurons, int timesteps) {
        this.n = neurons;
        this.t = timesteps;
        this.words = (neurons * timesteps + 63) / 64;
    }

    /** Adds the training samples of the batch. */
    public MemorizationIndex add(SampleSet training) {
        check(training);
        for (int s = 0; s < training.samples(); s++) patterns.add(pack(training, s));
        added += training.samples();
        return this;
    }

    /** Training samples added, and how many distinct patterns they hold. */
    public long trainingSamples() { return added; }
    public int distinctPatterns() { return patterns.size(); }

    /** How many samples of the batch equal some training sample. */
    public long countFound(SampleSet samples) {
        check(samples);
        long found = 0;
        for (int s = 0; s < samples.samples(); s++) if (patterns.contains(pack(samples, s))) found++;
        return found;
    }

    /** The fraction of samples of the batch equal to some training sample (NaN for an empty batch). */
    public double fractionFound(SampleSet samples) {
        return samples.samples() == 0 ? Double.NaN : (double) countFound(samples) / samples.samples();
    }

    private void check(SampleSet s) {
        if (s.neurons() != n || s.timesteps() != t) {
            throw new IllegalArgumentException("shape " + s.shape() + " does not match N = " + n + ", T = " + t);
        }
    }

    private Pattern pack(SampleSet set, int s) {
        long[] bits = new long[words];
        byte[] v = set.values();
        int offset = s * n * t;
        for (int k = 0; k < n * t; k++) {
            if (v[offset + k] != 0) bits[k >>> 6] |= 1L << (k & 63);
        }
        return new Pattern(bits);
    }

    private static final class Pattern {
        final long[] bits;
        final int hash;

        Pattern(long[] bits) {
            this.bits = bits;
            this.hash = Arrays.hashCode(bits);
        }

        @Override
        public int hashCode() { return hash; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pattern && ((Pattern) o).hash == hash && Arrays.equals(((Pattern) o).bits, bits);
        }
    }
}
