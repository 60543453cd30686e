package org.spiqgan.model.stationary;

import org.spiqgan.data.SampleSet;

/**
 * Spike sequences with their history: sequence s has {@code history + length} bins of N neurons, bin-major
 * ({@code bits[(s * (history + length) + b) * N + i]}); the first {@code history} bins are inputs only,
 * the last {@code length} are the bins a model predicts or generated.
 */
public record Sequences(byte[] bits, int count, int neurons, int history, int length) {
    public Sequences {
        if ((long) count * (history + length) * neurons != bits.length) throw new IllegalArgumentException("bad sequence shape");
    }

    public int bins() { return history + length; }

    public int offset(int s, int bin) { return (s * bins() + bin) * neurons; }

    /** Windows (S, N, history + length) of a sample set as sequences whose first {@code history} bins are history. */
    public static Sequences ofWindows(SampleSet w, int history) {
        int n = w.neurons(), t = w.timesteps();
        if (t <= history) throw new IllegalArgumentException("windows of " + t + " bins leave nothing to predict after " + history + " bins of history");
        byte[] v = w.values(), out = new byte[v.length];
        for (int s = 0; s < w.samples(); s++) {
            for (int i = 0; i < n; i++) {
                int src = (s * n + i) * t;
                for (int b = 0; b < t; b++) out[(s * t + b) * n + i] = v[src + b];
            }
        }
        return new Sequences(out, w.samples(), n, history, t - history);
    }

    /** The chosen sequences, in the given order. */
    public Sequences subset(int[] idx) {
        int stride = bins() * neurons;
        byte[] out = new byte[idx.length * stride];
        for (int i = 0; i < idx.length; i++) System.arraycopy(bits, idx[i] * stride, out, i * stride, stride);
        return new Sequences(out, idx.length, neurons, history, length);
    }

    /** The same sequences without their first {@code k} units of every bin (the hidden units of a generator). */
    public Sequences dropFirstUnits(int k) {
        if (k == 0) return this;
        int m = neurons - k;
        byte[] out = new byte[count * bins() * m];
        for (int r = 0; r < count * bins(); r++) System.arraycopy(bits, r * neurons + k, out, r * m, m);
        return new Sequences(out, count, m, history, length);
    }

    /** The last {@code timesteps} bins of every sequence as windows (S, N, timesteps). */
    public SampleSet lastBins(int timesteps) {
        int n = neurons, from = bins() - timesteps;
        SampleSet out = SampleSet.zeros(count, n, timesteps);
        byte[] v = out.values();
        for (int s = 0; s < count; s++) {
            for (int b = 0; b < timesteps; b++) {
                int src = offset(s, from + b);
                for (int i = 0; i < n; i++) v[(s * n + i) * timesteps + b] = bits[src + i];
            }
        }
        return out;
    }
}
