package org.spiqgan.baseline;

import java.util.Locale;

/**
 * Which constraints a maximum-entropy model has and where their parameters sit in the flat parameter vector:
 * fields h_i (N), couplings J_ij for i &lt; j (N(N-1)/2, row by row), the population-count potential V(k) for
 * k = 1..N (V(0) = 0 fixes the gauge), lagged couplings K_l[i][j] between x_i(t) and x_j(t-l) for l = 1..L
 * (L N^2, lag-major). The feature vector f(x) has the same layout: x_i, x_i x_j, [K(x) = k], x_i(t) x_j(t-l).
 */
public final class MaxEntLayout {
    /** The four models of the issue. */
    public enum Model {
        INDEPENDENT("independent"), PAIRWISE("pairwise"), K_PAIRWISE("k-pairwise"), SPATIOTEMPORAL("spatiotemporal");

        public final String id;

        Model(String id) { this.id = id; }

        public static Model parse(String s) {
            for (Model m : values()) if (m.id.equals(s.toLowerCase(Locale.ROOT))) return m;
            throw new IllegalArgumentException("must be independent, pairwise, k-pairwise or spatiotemporal, not '" + s + "'");
        }

        public String kind() { return "baseline/maxent-" + id; }
    }

    final Model model;
    final int n;
    final int lags;
    final boolean pairs;
    final boolean kPotential;
    final int pairOffset;
    final int kOffset;
    final int lagOffset;
    /** Stimulus-locked fields: bins of the repeated stimulus (0: stationary). */
    final int span;
    final int stimOffset;
    final int size;

    MaxEntLayout(Model model, int n, int lags) {
        this(model, n, lags, 0);
    }

    /** Parameters of a stationary model of N neurons (lags: spatio-temporal only), as its fitted {@link MaxEntModel} reports them. */
    public static long parameterCount(Model model, int n, int lags) {
        return new MaxEntLayout(model, n, lags).parameterCount();
    }

    /** span &gt; 0 adds stimulus-locked field offsets g_i(b), b = 0..span-1 (spatio-temporal only), after the lagged couplings. */
    MaxEntLayout(Model model, int n, int lags, int span) {
        this.model = model;
        this.n = n;
        this.lags = model == Model.SPATIOTEMPORAL ? lags : 0;
        pairs = model != Model.INDEPENDENT;
        kPotential = model == Model.K_PAIRWISE;
        pairOffset = n;
        kOffset = pairOffset + (pairs ? n * (n - 1) / 2 : 0);
        lagOffset = kOffset + (kPotential ? n : 0);
        this.span = model == Model.SPATIOTEMPORAL ? span : 0;
        stimOffset = lagOffset + this.lags * n * n;
        size = stimOffset + this.span * n;
    }

    /** Index of J_ij, i &lt; j. */
    int pair(int i, int j) {
        return pairOffset + i * (2 * n - i - 1) / 2 + (j - i - 1);
    }

    /** Index of K_l[i][j], l = 1..L. */
    int lagged(int l, int i, int j) {
        return lagOffset + ((l - 1) * n + i) * n + j;
    }

    /** Index of the stimulus-locked field offset of neuron i in stimulus bin b. */
    int stim(int b, int i) {
        return stimOffset + b * n + i;
    }

    /** Fields into h, couplings into the symmetric J (zero diagonal), V(0..N) into v (zero where absent). */
    void unpack(double[] theta, double[] h, double[][] j, double[] v) {
        System.arraycopy(theta, 0, h, 0, n);
        for (int a = 0; a < n; a++) {
            j[a][a] = 0;
            for (int b = a + 1; b < n; b++) {
                double c = pairs ? theta[pair(a, b)] : 0;
                j[a][b] = c;
                j[b][a] = c;
            }
        }
        v[0] = 0;
        for (int k = 1; k <= n; k++) v[k] = kPotential ? theta[kOffset + k - 1] : 0;
    }

    /** theta . f(x) for a pattern given as a bit code (N &lt;= 63), static part only. */
    double energy(double[] theta, long code) {
        double e = 0;
        int k = 0;
        for (long r = code; r != 0; r &= r - 1) {
            int i = Long.numberOfTrailingZeros(r);
            e += theta[i];
            k++;
            if (pairs) {
                for (long q = r & (r - 1); q != 0; q &= q - 1) e += theta[pair(i, Long.numberOfTrailingZeros(q))];
            }
        }
        if (kPotential && k > 0) e += theta[kOffset + k - 1];
        return e;
    }

    /** Adds w f(x) (static part) to acc. */
    void addFeatures(long code, double w, double[] acc) {
        int k = 0;
        for (long r = code; r != 0; r &= r - 1) {
            int i = Long.numberOfTrailingZeros(r);
            acc[i] += w;
            k++;
            if (pairs) {
                for (long q = r & (r - 1); q != 0; q &= q - 1) acc[pair(i, Long.numberOfTrailingZeros(q))] += w;
            }
        }
        if (kPotential && k > 0) acc[kOffset + k - 1] += w;
    }

    /** Number of fitted numbers (the model's trainable parameters). */
    long parameterCount() { return size; }

    /** A short name of parameter a, for reports. */
    String name(int a) {
        if (a < n) return "h" + a;
        if (a < kOffset) {
            int r = a - pairOffset;
            for (int i = 0; i < n; i++) {
                int row = n - i - 1;
                if (r < row) return "J" + i + "," + (i + 1 + r);
                r -= row;
            }
        }
        if (a < lagOffset) return "V" + (a - kOffset + 1);
        if (a >= stimOffset) return "g" + ((a - stimOffset) % n) + "(" + ((a - stimOffset) / n) + ")";
        int r = a - lagOffset;
        return "K" + (r / (n * n) + 1) + "[" + (r / n % n) + "," + (r % n) + "]";
    }
}
