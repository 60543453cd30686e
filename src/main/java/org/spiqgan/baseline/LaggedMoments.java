package org.spiqgan.baseline;

import java.util.List;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.Segment;
import org.spiqgan.data.SpikeRaster;

/**
 * Firing probabilities and lagged second moments of spike windows, the targets of the dichotomized
 * Gaussian: {@code rate[i] = mean x_i(t)} over samples and bins, and
 * {@code second[tau][i][j] = mean x_i(t) x_j(t + tau)} over samples and {@code t < T - tau}
 * (pairs inside one window only, as the evaluation statistics take them).
 */
public final class LaggedMoments {
    private final double[] rate;
    private final double[][][] second;

    /** Bin pairs behind each lag's moments (0 when the moments were given directly). */
    private final long[] pairs;

    private LaggedMoments(double[] rate, double[][][] second) {
        this(rate, second, new long[second.length]);
    }

    private LaggedMoments(double[] rate, double[][][] second, long[] pairs) {
        this.rate = rate;
        this.second = second;
        this.pairs = pairs;
    }

    /** How many bin pairs each lag's second moments average over (0 when unknown). */
    public long pairs(int tau) { return pairs[tau]; }

    /** Moments of the windows of a sample set, pairs inside each window. */
    public static LaggedMoments of(SampleSet x) {
        Accumulator acc = new Accumulator(x.neurons(), x.timesteps());
        int d = x.neurons() * x.timesteps();
        byte[] track = new byte[d];
        for (int s = 0; s < x.samples(); s++) {
            System.arraycopy(x.values(), s * d, track, 0, d);
            acc.add(track, x.timesteps());
        }
        return acc.result();
    }

    /**
     * Moments of the selected neurons over whole segments of a raster, lags 0..maxLag: every pair of
     * bins inside one segment (the pooled stride-1 windows without their overlap weighting). Long lags
     * get far more pairs than inside non-overlapping windows, so they are estimated with less noise.
     */
    public static LaggedMoments of(SpikeRaster raster, int[] neurons, List<Segment> segments, int lags) {
        Accumulator acc = new Accumulator(neurons.length, lags);
        for (Segment seg : segments) {
            int len = seg.end() - seg.start();
            if (len <= 0) continue;
            byte[] track = new byte[neurons.length * len];
            for (int j = 0; j < neurons.length; j++) {
                for (int b = 0; b < len; b++) track[j * len + b] = (byte) raster.get(neurons[j], seg.start() + b);
            }
            acc.add(track, len);
        }
        return acc.result();
    }

    /** Counts over tracks (N x len binary arrays, C order) of any length. */
    static final class Accumulator {
        private final int n, lags;
        private final long[] spikes;
        private final long[][][] counts;
        private final long[] pairs;
        private long bins;

        Accumulator(int n, int lags) {
            this.n = n;
            this.lags = lags;
            spikes = new long[n];
            counts = new long[lags][n][n];
            pairs = new long[lags];
        }

        void add(byte[] v, int len) {
            int[][] active = new int[len][];
            int[] nActive = new int[len];
            int[] buf = new int[n];
            for (int t = 0; t < len; t++) {
                int c = 0;
                for (int i = 0; i < n; i++) if (v[i * len + t] != 0) buf[c++] = i;
                active[t] = java.util.Arrays.copyOf(buf, c);
                nActive[t] = c;
                for (int k = 0; k < c; k++) spikes[buf[k]]++;
            }
            bins += len;
            for (int tau = 0; tau < lags && tau < len; tau++) pairs[tau] += len - tau;
            for (int t = 0; t < len; t++) {
                if (nActive[t] == 0) continue;
                int[] at = active[t];
                for (int tau = 0; tau < lags && t + tau < len; tau++) {
                    int[] later = active[t + tau];
                    long[][] c = counts[tau];
                    for (int a : at) {
                        long[] ci = c[a];
                        for (int b : later) ci[b]++;
                    }
                }
            }
        }

        LaggedMoments result() {
            if (bins == 0) throw new IllegalArgumentException("no bins to fit");
            double[] rate = new double[n];
            for (int i = 0; i < n; i++) rate[i] = spikes[i] / (double) bins;
            double[][][] second = new double[lags][n][n];
            for (int tau = 0; tau < lags; tau++) {
                if (pairs[tau] == 0) throw new IllegalArgumentException("no pair of bins at lag " + tau);
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) second[tau][i][j] = counts[tau][i][j] / (double) pairs[tau];
            }
            return new LaggedMoments(rate, second, pairs.clone());
        }
    }

    /** Moments given directly (targets that need not come from data). */
    public static LaggedMoments of(double[] rate, double[][][] second) { return new LaggedMoments(rate.clone(), second); }

    public double[] rate() { return rate; }

    /** {@code [tau][i][j] = E[x_i(t) x_j(t + tau)]}, tau = 0..T-1. */
    public double[][][] second() { return second; }
}
