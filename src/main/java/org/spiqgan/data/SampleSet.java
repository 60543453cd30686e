package org.spiqgan.data;

import java.util.Objects;

/**
 * S samples of N neurons x T time bins, values 0 or 1, stored flat in C order (sample, neuron, bin):
 * the element (s, i, t) is at {@code (s * N + i) * T + t}. This is the exchange type between data,
 * models and statistics (SPEC.md section 2: "an array (S, N, T)").
 */
public final class SampleSet {
    private final int samples;
    private final int neurons;
    private final int timesteps;
    private final byte[] values;

    public SampleSet(int samples, int neurons, int timesteps, byte[] values) {
        if (samples < 0 || neurons <= 0 || timesteps <= 0) {
            throw new IllegalArgumentException("bad shape (" + samples + ", " + neurons + ", " + timesteps + ")");
        }
        Objects.requireNonNull(values, "values");
        if ((long) samples * neurons * timesteps != values.length) {
            throw new IllegalArgumentException("shape (" + samples + ", " + neurons + ", " + timesteps
                    + ") does not match " + values.length + " values");
        }
        this.samples = samples;
        this.neurons = neurons;
        this.timesteps = timesteps;
        this.values = values;
    }

    public static SampleSet zeros(int samples, int neurons, int timesteps) {
        return new SampleSet(samples, neurons, timesteps, new byte[Math.multiplyExact(Math.multiplyExact(samples, neurons), timesteps)]);
    }

    public int samples() { return samples; }
    public int neurons() { return neurons; }
    public int timesteps() { return timesteps; }

    /** The backing array (not a copy): C order (sample, neuron, bin). */
    public byte[] values() { return values; }

    public int get(int s, int i, int t) { return values[(s * neurons + i) * timesteps + t]; }

    public void set(int s, int i, int t, int v) { values[(s * neurons + i) * timesteps + t] = (byte) v; }

    public String shape() { return "(" + samples + ", " + neurons + ", " + timesteps + ")"; }

    @Override
    public String toString() { return "SampleSet" + shape(); }
}
