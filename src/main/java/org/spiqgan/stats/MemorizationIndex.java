package org.spiqgan.stats;

import java.util.Arrays;
import org.spiqgan.data.SampleSet;

/**
 * The set of distinct (N, T) spike patterns of the training samples, for statistic 9 of SPEC.md
 * section 5: the fraction of samples (generated or held-out real) identical to some training sample.
 *
 * <p>Patterns are packed into 64-bit words and kept in one open-addressing hash table over a flat word
 * pool, so a lookup compares the packed words exactly (not only a hash) and allocates nothing: 10^6
 * lookups of 10 x 30 patterns take about a second.
 */
public final class MemorizationIndex {
    private final int n;
    private final int t;
    private final int words;
    private final long[] scratch;
    private long[] pool;    // pattern p occupies words [p * words, (p + 1) * words)
    private int[] table;    // pattern index + 1, 0 = empty; size a power of two
    private int distinct;
    private long added;

    public MemorizationIndex(int neurons, int timesteps) {
        this.n = neurons;
        this.t = timesteps;
        this.words = (neurons * timesteps + 63) / 64;
        this.scratch = new long[words];
        this.pool = new long[words * 1024];
        this.table = new int[2048];
    }

    /** Adds the training samples of the batch. */
    public MemorizationIndex add(SampleSet training) {
        check(training);
        for (int s = 0; s < training.samples(); s++) {
            pack(training, s);
            int slot = find(scratch);
            if (table[slot] == 0) insert(slot);
        }
        added += training.samples();
        return this;
    }

    /** Training samples added, and how many distinct patterns they hold. */
    public long trainingSamples() { return added; }
    public int distinctPatterns() { return distinct; }

    /** How many samples of the batch equal some training sample. */
    public long countFound(SampleSet samples) {
        check(samples);
        long found = 0;
        for (int s = 0; s < samples.samples(); s++) {
            pack(samples, s);
            if (table[find(scratch)] != 0) found++;
        }
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

    private void pack(SampleSet set, int s) {
        Arrays.fill(scratch, 0L);
        byte[] v = set.values();
        int offset = s * n * t;
        int size = n * t;
        for (int k = 0; k < size; k++) {
            if (v[offset + k] != 0) scratch[k >>> 6] |= 1L << (k & 63);
        }
    }

    /** The slot holding this pattern, or the empty slot where it would go. */
    private int find(long[] p) {
        int mask = table.length - 1;
        int slot = hash(p) & mask;
        while (true) {
            int e = table[slot];
            if (e == 0 || equalsPooled(e - 1, p)) return slot;
            slot = (slot + 1) & mask;
        }
    }

    private void insert(int slot) {
        if (distinct * words + words > pool.length) pool = Arrays.copyOf(pool, pool.length * 2);
        System.arraycopy(scratch, 0, pool, distinct * words, words);
        table[slot] = ++distinct;
        if (distinct * 2 > table.length) rehash();
    }

    private void rehash() {
        int[] old = table;
        table = new int[old.length * 2];
        int mask = table.length - 1;
        long[] p = new long[words];
        for (int e : old) {
            if (e == 0) continue;
            System.arraycopy(pool, (e - 1) * words, p, 0, words);
            int slot = hash(p) & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = e;
        }
    }

    private boolean equalsPooled(int index, long[] p) {
        int base = index * words;
        for (int w = 0; w < words; w++) if (pool[base + w] != p[w]) return false;
        return true;
    }

    private static int hash(long[] p) {
        long h = 0x9E3779B97F4A7C15L;
        for (long w : p) {
            h ^= w;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32));
    }
}
