package org.spiqgan.baseline;

import java.util.SplittableRandom;

/**
 * Persistent Gibbs chains (systematic sweeps over the neurons) for a static maximum-entropy model,
 * N &lt;= 63 (a pattern is a long bit code). Each chain keeps its local fields sum_j J_ij x_j and its count K,
 * so a site update costs one exp and a uniform draw, and a flip N additions. No allocation after construction.
 */
final class MaxEntGibbs {
    final int n;
    final int chains;
    private final byte[] x;
    private final double[] lf;
    private final int[] k;
    private final long[] code;
    private final double[] h;
    private final double[] j;
    private final double[] dv;
    private final SplittableRandom rng;

    MaxEntGibbs(int n, int chains, long seed) {
        if (n > 63) throw new IllegalArgumentException("Gibbs sampling here needs N <= 63, not " + n);
        this.n = n;
        this.chains = chains;
        x = new byte[chains * n];
        lf = new double[chains * n];
        k = new int[chains];
        code = new long[chains];
        h = new double[n];
        j = new double[n * n];
        dv = new double[n];
        rng = new SplittableRandom(seed);
    }

    /** Sets the parameters (layout order) and recomputes the chains' local fields; states are kept. */
    void setParameters(MaxEntLayout lay, double[] theta) {
        System.arraycopy(theta, 0, h, 0, n);
        java.util.Arrays.fill(j, 0);
        if (lay.pairs) {
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    double v = theta[lay.pair(a, b)];
                    j[a * n + b] = v;
                    j[b * n + a] = v;
                }
            }
        }
        // dv[kk] = V(kk + 1) - V(kk), kk = count of the other neurons
        for (int kk = 0; kk < n; kk++) {
            double v1 = lay.kPotential ? theta[lay.kOffset + kk] : 0;
            double v0 = lay.kPotential && kk > 0 ? theta[lay.kOffset + kk - 1] : 0;
            dv[kk] = v1 - v0;
        }
        for (int c = 0; c < chains; c++) {
            int off = c * n;
            for (int a = 0; a < n; a++) {
                double s = 0;
                for (long q = code[c]; q != 0; q &= q - 1) s += j[a * n + Long.numberOfTrailingZeros(q)];
                lf[off + a] = s;
            }
        }
    }

    /** One systematic sweep of every chain. */
    void sweep() {
        for (int c = 0; c < chains; c++) sweepChain(c);
    }

    private void sweepChain(int c) {
        int off = c * n;
        int kc = k[c];
        long cc = code[c];
        for (int a = 0; a < n; a++) {
            int xa = x[off + a];
            int others = kc - xa;
            double d = h[a] + lf[off + a] + dv[others];
            // P(x_a = 1) = 1 / (1 + e^-d)
            int nx = rng.nextDouble() * (1 + Math.exp(-d)) < 1 ? 1 : 0;
            if (nx != xa) {
                x[off + a] = (byte) nx;
                double sign = nx - xa;
                int row = a * n;
                for (int b = 0; b < n; b++) lf[off + b] += sign * j[row + b];
                kc += nx - xa;
                cc ^= 1L << a;
            }
        }
        k[c] = kc;
        code[c] = cc;
    }

    long code(int c) { return code[c]; }

    /**
     * The integrated autocorrelation time, in sweeps, of the chains' active count K (the collective mode, the
     * slowest to mix in these models and the one P(K = k) depends on), estimated from further sweeps of every chain
     * with Sokal's automatic window: tau = 1 + 2 sum_{t=1}^{M} rho(t), M the first lag with M >= 5 tau. The pilot
     * starts at 2,000 sweeps and doubles, up to maxSweeps, until the window fits in a quarter of it; beyond 2,000
     * sweeps K is recorded every len / 2,000 sweeps and tau scaled back (a coarse estimate, used only when tau is
     * large), so the autocovariances cost at most 64 chains x 2,000 x 500 products per pilot. The chains keep the
     * state they reach (the pilot is also burn-in). 1 when K never changes.
     */
    double countAutocorrelationTime(int maxSweeps) {
        final int points = 2000;
        for (int len = Math.min(points, maxSweeps); ; len = Math.min(2 * len, maxSweeps)) {
            int stride = Math.max(1, len / points), m = len / stride;
            double[] series = new double[chains * m];
            for (int t = 0; t < m; t++) {
                for (int u = 0; u < stride; u++) sweep();
                for (int c = 0; c < chains; c++) series[c * m + t] = k[c];
            }
            for (int c = 0; c < chains; c++) {
                double mean = 0;
                for (int t = 0; t < m; t++) mean += series[c * m + t];
                mean /= m;
                for (int t = 0; t < m; t++) series[c * m + t] -= mean;
            }
            double c0 = autocovariance(series, m, 0);
            if (c0 == 0) return 1;
            double tau = 1;
            boolean fits = false;
            for (int lag = 1; lag <= m / 4; lag++) {
                tau += 2 * autocovariance(series, m, lag) / c0;
                if (lag >= 5 * tau) {
                    fits = true;
                    break;
                }
            }
            if (fits || len == maxSweeps) return Math.max(tau * stride, 1);
        }
    }

    /** The chains' mean autocovariance at a lag, from mean-subtracted series of len sweeps per chain. */
    private double autocovariance(double[] series, int len, int lag) {
        double s = 0;
        for (int c = 0; c < chains; c++) {
            int o = c * len;
            for (int t = 0; t + lag < len; t++) s += series[o + t] * series[o + t + lag];
        }
        return s / ((double) chains * (len - lag));
    }

    /** Runs sweeps and stores one pattern per chain after each sweep (every thin-th sweep) into out. */
    void sample(long[] out, int count, int thin) {
        int filled = 0;
        while (filled < count) {
            for (int t = 0; t < thin; t++) sweep();
            for (int c = 0; c < chains && filled < count; c++) out[filled++] = code[c];
        }
    }
}
