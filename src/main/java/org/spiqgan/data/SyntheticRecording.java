package org.spiqgan.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, retina-like population recording that needs no files (the default dataset of
 * {@code quickstart}, {@code train} and the tests). The model, per neuron i and bin t of repeat k:
 *
 * <pre>
 *   p_i(t) = sigmoid( beta_i + g_i * (w_i s1(t) + (1 - w_i) s2(t)) + c_i * z_k(t) + h_i(t) )
 *   h_i(t) = H1 x_i(t-1) + H2 x_i(t-2) + H3 x_i(t-3),   and p_i(t) = 0 after MAX_BURST spiking bins in a row
 * </pre>
 *
 * <ul>
 *   <li>s1, s2: two stimulus features, AR(1) with coefficient {@link Params#stimulusAr} and unit
 *       variance, the same in every repeat (a movie shown again and again): stimulus-locked firing and
 *       positive signal correlations (all gains g_i and mixing weights w_i are positive).</li>
 *   <li>z_k: shared trial-to-trial noise, AR(1) ({@link Params#noiseAr}), new in every repeat, with
 *       positive weights c_i: positive noise correlations.</li>
 *   <li>h_i: spike history. A strong positive lag-1 weight makes bursts (P(spike at t+1 | spike at t)
 *       around 0.4-0.5 as in the retina recording), lag 2 extends them, a negative lag-3 weight and the
 *       cap of {@link Params#maxBurst} consecutive bins are the refractory/adaptation effect: the
 *       autocorrelogram decays over a few bins.</li>
 *   <li>beta_i: set by bisection so that neuron i's firing probability per bin matches a target drawn
 *       log-uniformly in [{@link Params#minRate}, {@link Params#maxRate}] (1.5-15% per 20 ms bin by default).</li>
 * </ul>
 * The recording has {@link Params#segments} repeats of {@link Params#segmentBins} bins, as segments.
 * Same seed and parameters, same recording, on every machine (SplittableRandom, no floating-point
 * reductions that depend on threads).
 */
public final class SyntheticRecording {
    public static final long DEFAULT_SEED = 20240607L;

    /** The generator's parameters; {@link #defaults()} documents the built-in recording. */
    public record Params(int neurons, int segments, int segmentBins, double binMs, double minRate, double maxRate,
            double stimulusAr, double noiseAr, double minGain, double maxGain, double noiseWeight,
            double h1, double h2, double h3, int maxBurst) {
        public static Params defaults() {
            return new Params(20, 60, 500, 20.0, 0.015, 0.15, 0.95, 0.8, 1.5, 2.5, 0.6, 1.8, 1.0, -0.1, 6);
        }

        public Params withSize(int n, int k, int bins) {
            return new Params(n, k, bins, binMs, minRate, maxRate, stimulusAr, noiseAr, minGain, maxGain, noiseWeight,
                    h1, h2, h3, maxBurst);
        }

        public Params {
            if (neurons <= 0 || segments <= 0 || segmentBins <= 0) throw new IllegalArgumentException("sizes must be positive");
            if ((long) segments * segmentBins > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("too many bins");
            if (!(minRate > 0 && minRate <= maxRate && maxRate < 0.5)) throw new IllegalArgumentException("rates must satisfy 0 < min <= max < 0.5");
        }
    }

    private SyntheticRecording() {}

    public static SpikeRaster generate(long seed) { return generate(seed, Params.defaults()); }

    public static SpikeRaster generate(long seed, int neurons, int segments, int segmentBins) {
        return generate(seed, Params.defaults().withSize(neurons, segments, segmentBins));
    }

    public static SpikeRaster generate(long seed, Params p) {
        SplittableRandom root = new SplittableRandom(seed);
        int L = p.segmentBins(), K = p.segments(), B = K * L;
        double[] s1 = ar1(root.split(), L, p.stimulusAr());
        double[] s2 = ar1(root.split(), L, p.stimulusAr());
        double[] z = new double[B];
        SplittableRandom noiseRng = root.split();
        for (int k = 0; k < K; k++) System.arraycopy(ar1(noiseRng, L, p.noiseAr()), 0, z, k * L, L);
        SpikeRaster.Builder builder = SpikeRaster.builder(p.neurons(), B).binMs(p.binMs());
        double logMin = StrictMath.log(p.minRate()), logMax = StrictMath.log(p.maxRate());
        double[] drive = new double[B];
        double[] u = new double[B];
        byte[] x = new byte[B];
        for (int i = 0; i < p.neurons(); i++) {
            SplittableRandom r = root.split();
            double target = StrictMath.exp(logMin + (logMax - logMin) * r.nextDouble());
            double gain = p.minGain() + (p.maxGain() - p.minGain()) * r.nextDouble();
            double w = r.nextDouble();
            double c = p.noiseWeight() * (0.5 + r.nextDouble());
            for (int b = 0; b < B; b++) {
                int t = b % L;
                drive[b] = StrictMath.exp(-(gain * (w * s1[t] + (1 - w) * s2[t]) + c * z[b]));
                u[b] = r.nextDouble();
            }
            // Bisection on the baseline with the same uniforms: the rate grows monotonically with beta.
            double lo = -12, hi = 2;
            for (int it = 0; it < 30; it++) {
                double mid = 0.5 * (lo + hi);
                if (simulate(mid, drive, u, p, L, x) / (double) B < target) lo = mid; else hi = mid;
            }
            simulate(0.5 * (lo + hi), drive, u, p, L, x);
            for (int b = 0; b < B; b++) if (x[b] != 0) builder.set(i, b, 1);
        }
        List<Segment> segs = new ArrayList<>(K);
        for (int k = 0; k < K; k++) segs.add(new Segment(k * L, (k + 1) * L));
        return builder.segments(segs).build();
    }

    /**
     * Runs one neuron with baseline beta; history restarts at each repeat. Returns its spike count.
     * {@code expNegDrive[b]} is exp(-drive): the sigmoid's exponential factorizes into baseline, drive
     * and one of 8 history states, so the loop needs no exp call (and stays bit-reproducible).
     */
    private static long simulate(double beta, double[] expNegDrive, double[] u, Params p, int L, byte[] x) {
        double eb = StrictMath.exp(-beta);
        double[] eh = new double[8];
        for (int h = 0; h < 8; h++) {
            eh[h] = eb * StrictMath.exp(-(p.h1() * (h & 1) + p.h2() * ((h >> 1) & 1) + p.h3() * ((h >> 2) & 1)));
        }
        long spikes = 0;
        int run = 0;
        int hist = 0;
        for (int b = 0; b < expNegDrive.length; b++) {
            int t = b % L;
            if (t == 0) {
                run = 0;
                hist = 0;
            }
            double prob = run >= p.maxBurst() ? 0 : 1 / (1 + eh[hist] * expNegDrive[b]);
            byte v = u[b] < prob ? (byte) 1 : 0;
            x[b] = v;
            run = v != 0 ? run + 1 : 0;
            hist = ((hist << 1) | v) & 7;
            spikes += v;
        }
        return spikes;
    }

    /** Stationary AR(1) with unit variance. */
    private static double[] ar1(SplittableRandom r, int n, double phi) {
        double[] v = new double[n];
        double scale = StrictMath.sqrt(1 - phi * phi);
        double prev = gaussian(r);
        for (int t = 0; t < n; t++) {
            prev = phi * prev + scale * gaussian(r);
            v[t] = prev;
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller from two uniforms: portable, unlike Random.nextGaussian's StrictMath-free variants.
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
