package org.spiqgan.stats;

import org.spiqgan.data.SampleSet;

/**
 * Streams batches of (S, N, T) samples into the integer counts behind the nine statistics of SPEC.md
 * section 5, so that any number of samples can be evaluated without holding them in memory.
 *
 * <p>Every count is an exact integer; {@link #result()} turns them into probabilities with one division
 * each, which keeps the numbers within a few ulps of a direct NumPy computation. The loops visit the
 * active neurons of each bin only: spike data is sparse, and pairwise counts then cost little.
 */
public final class StatisticsAccumulator {
    /** Above this many neurons the 2^N state histogram is not kept (SPEC.md section 5, statistic 8). */
    public static final int MAX_STATE_NEURONS = 20;
    /** The autocorrelogram's longest lag (SPEC section 5): lags 1..min(10, T - 1). */
    public static final int MAX_ACG_LAG = 10;

    /** Lags of the autocorrelogram for windows of T bins. */
    public static int acgLags(int timesteps) { return Math.min(MAX_ACG_LAG, timesteps - 1); }

    private final int n;
    private final int t;
    private final int lags;

    private long samples;
    private final long[] timeCourse;   // [i * T + t]: spikes of neuron i at bin t, summed over samples
    private final long[] pairs;        // [i * N + j], i < j: bins where i and j both fire
    private final long[] lagPairs;     // [i * N + j]: pairs (s, t < T-1) with i firing at t and j at t+1
    private final long[] kCounts;      // [k]: bins with exactly k active neurons
    private final long[] acgNumerator; // [tau]: spike pairs tau bins apart within one neuron and sample
    private final long[] spikeCounts;  // [c]: samples with c spikes in total
    private final long[] states;       // [code]: bins with pattern code = sum_i x_i 2^i, or null

    // Per-sample scratch: the active neurons of each bin, and one neuron's spike times.
    private final int[] activeCount;
    private final int[] active;
    private final int[] spikeTimes;
    // Bit-packed path (T <= 64, N <= 64): spike train of each neuron, pattern of each bin.
    private final boolean packed;
    private final long[] rows;
    private final long[] codes;

    public StatisticsAccumulator(int neurons, int timesteps) {
        this(neurons, timesteps, true);
    }

    /** {@code allowPacked = false} forces the general (sparse) path; tests compare the two. */
    StatisticsAccumulator(int neurons, int timesteps, boolean allowPacked) {
        if (neurons <= 0 || timesteps <= 0) {
            throw new IllegalArgumentException("bad shape: " + neurons + " neurons, " + timesteps + " timesteps");
        }
        this.n = neurons;
        this.t = timesteps;
        this.lags = acgLags(timesteps);
        this.timeCourse = new long[n * t];
        this.pairs = new long[n * n];
        this.lagPairs = new long[n * n];
        this.kCounts = new long[n + 1];
        this.acgNumerator = new long[lags + 1];
        this.spikeCounts = new long[n * t + 1];
        this.states = n <= MAX_STATE_NEURONS ? new long[1 << n] : null;
        this.activeCount = new int[t];
        this.active = new int[t * n];
        this.spikeTimes = new int[t];
        this.packed = allowPacked && timesteps <= 64 && neurons <= 64;
        this.rows = new long[n];
        this.codes = new long[t];
    }

    public int neurons() { return n; }
    public int timesteps() { return t; }
    public long samples() { return samples; }

    /** Adds every sample of the batch; its N and T must be those of this accumulator. */
    public StatisticsAccumulator add(SampleSet batch) {
        return add(batch, 0, batch.samples());
    }

    /** Adds samples {@code from} (inclusive) to {@code to} (exclusive) of the batch. */
    public StatisticsAccumulator add(SampleSet batch, int from, int to) {
        if (batch.neurons() != n || batch.timesteps() != t) {
            throw new IllegalArgumentException("batch shape " + batch.shape() + " does not match N = " + n
                    + ", T = " + t);
        }
        if (from < 0 || to > batch.samples() || from > to) {
            throw new IndexOutOfBoundsException("samples [" + from + ", " + to + ") of " + batch.samples());
        }
        byte[] v = batch.values();
        if (packed) {
            for (int s = from; s < to; s++) addPackedSample(v, s * n * t);
        } else {
            for (int s = from; s < to; s++) addSample(v, s * n * t);
        }
        samples += to - from;
        return this;
    }

    /**
     * The same counts with bit masks, for T <= 64 and N <= 64: neuron i's spike train is one long, so a
     * pair count is a popcount of an AND, a lag-1 count the AND with the next neuron's train shifted by
     * one, and an autocorrelogram term the AND with its own shifted train. The cost no longer grows with
     * the firing rate, which matters for dense generated samples.
     */
    private void addPackedSample(byte[] v, int offset) {
        long[] rows = this.rows;
        long[] codes = this.codes;
        java.util.Arrays.fill(codes, 0L);
        int total = 0;
        for (int i = 0; i < n; i++) {
            int base = offset + i * t;
            int tc = i * t;
            long row = 0;
            for (int b = 0; b < t; b++) {
                long x = v[base + b] != 0 ? 1L : 0L;
                row |= x << b;
                codes[b] |= x << i;
                timeCourse[tc + b] += x;
            }
            rows[i] = row;
            total += Long.bitCount(row);
            for (int tau = 1; tau <= lags; tau++) acgNumerator[tau] += Long.bitCount(row & (row >>> tau));
        }
        spikeCounts[total]++;
        for (int i = 0; i < n; i++) {
            long ri = rows[i];
            if (ri == 0) continue;
            int pi = i * n;
            for (int j = i + 1; j < n; j++) pairs[pi + j] += Long.bitCount(ri & rows[j]);
            // x_i at b and x_j at b + 1, for b < T - 1: the bits of (rows[j] >>> 1) line up with b.
            for (int j = 0; j < n; j++) lagPairs[pi + j] += Long.bitCount(ri & (rows[j] >>> 1));
        }
        for (int b = 0; b < t; b++) {
            long code = codes[b];
            kCounts[Long.bitCount(code)]++;
            if (states != null) states[(int) code]++;
        }
    }

    private void addSample(byte[] v, int offset) {
        java.util.Arrays.fill(activeCount, 0);
        int total = 0;
        for (int i = 0; i < n; i++) {
            int row = offset + i * t;
            int spikes = 0;
            for (int b = 0; b < t; b++) {
                if (v[row + b] != 0) {
                    spikeTimes[spikes++] = b;
                    timeCourse[i * t + b]++;
                    active[b * n + activeCount[b]++] = i;
                }
            }
            total += spikes;
            for (int a = 0; a < spikes; a++) {
                int from = spikeTimes[a];
                for (int c = a + 1; c < spikes; c++) {
                    int tau = spikeTimes[c] - from;
                    if (tau > lags) break;
                    acgNumerator[tau]++;
                }
            }
        }
        spikeCounts[total]++;
        for (int b = 0; b < t; b++) {
            int k = activeCount[b];
            kCounts[k]++;
            int base = b * n;
            int code = 0;
            for (int a = 0; a < k; a++) {
                int i = active[base + a];
                if (states != null) code |= 1 << i;
                for (int c = a + 1; c < k; c++) pairs[i * n + active[base + c]]++;
            }
            if (states != null) states[code]++;
            if (b + 1 < t) {
                int next = (b + 1) * n;
                int k2 = activeCount[b + 1];
                for (int a = 0; a < k; a++) {
                    int row = active[base + a] * n;
                    for (int c = 0; c < k2; c++) lagPairs[row + active[next + c]]++;
                }
            }
        }
    }

    /** The statistics of everything added so far; the accumulator stays usable. */
    public Statistics result() {
        if (samples == 0) throw new IllegalStateException("no samples added");
        long bins = samples * t;
        double[] rate = new double[n];
        long[] neuronTotal = new long[n];
        long[] firstTotal = new long[n];  // spikes at t < T-1
        long[] secondTotal = new long[n]; // spikes at t >= 1
        double[][] course = new double[n][t];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < t; b++) {
                long c = timeCourse[i * t + b];
                neuronTotal[i] += c;
                if (b < t - 1) firstTotal[i] += c;
                if (b > 0) secondTotal[i] += c;
                course[i][b] = (double) c / samples;
            }
            rate[i] = (double) neuronTotal[i] / bins;
        }

        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                long both = i == j ? neuronTotal[i] : pairs[i * n + j];
                double c = covariance(both, neuronTotal[i], neuronTotal[j], bins);
                cov[i][j] = c;
                cov[j][i] = c;
            }
        }

        long lagCount = samples * (t - 1);
        double[][] lagCov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                lagCov[i][j] = covariance(lagPairs[i * n + j], firstTotal[i], secondTotal[j], lagCount);
            }
        }

        double[] pk = new double[n + 1];
        for (int k = 0; k <= n; k++) pk[k] = (double) kCounts[k] / bins;

        double[] acg = new double[lags];
        for (int tau = 1; tau <= lags; tau++) {
            long den = 0;
            for (int i = 0; i < n; i++) {
                for (int b = 0; b < t - tau; b++) den += timeCourse[i * t + b];
            }
            acg[tau - 1] = den == 0 ? 0.0 : (double) acgNumerator[tau] / den;
        }

        double[] counts = new double[spikeCounts.length];
        for (int c = 0; c < counts.length; c++) counts[c] = (double) spikeCounts[c] / samples;

        double[] stateDist = null;
        if (states != null) {
            stateDist = new double[states.length];
            for (int c = 0; c < states.length; c++) stateDist[c] = (double) states[c] / bins;
        }
        return new Statistics(n, t, samples, rate, cov, pk, acg, lagCov, course, counts, stateDist);
    }

    /**
     * Sample covariance (sum xy - sum x sum y / m) / (m - 1), computed as an exact integer numerator over
     * m (m - 1) so that it is as accurate as centring first; NaN when m < 2.
     */
    static double covariance(long sumXY, long sumX, long sumY, long m) {
        if (m < 2) return Double.NaN;
        try {
            long num = Math.subtractExact(Math.multiplyExact(m, sumXY), Math.multiplyExact(sumX, sumY));
            return num / ((double) m * (m - 1));
        } catch (ArithmeticException overflow) {
            double mean = (double) sumX / m * sumY;
            return (sumXY - mean) / (m - 1);
        }
    }
}
