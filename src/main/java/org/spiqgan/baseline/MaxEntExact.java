package org.spiqgan.baseline;

/**
 * Exact sums over all 2^N patterns (N &lt;= 20) of E(x) = h.x + sum_{i&lt;j} J_ij x_i x_j + V(K(x)).
 *
 * <p>The pattern code x = hi 2^lo + lo splits into a low part of up to 10 neurons and a high part. The energy
 * is E_hi(hi) + E_lo(lo) + cross_hi(lo) + V(K): E_lo and E_hi are tables built once per call, and for each hi
 * the cross term lo . (J_{lo,hi} hi) is built over all lo by adding one coupling per pattern (lowest set bit).
 * So a full pass costs a few additions and one exp per pattern, with no allocation. Moments come from the
 * marginal tables P(lo), P(hi) and R(hi, j) = sum_lo P(hi, lo) lo_j, i.e. about N/4 additions per pattern.
 */
final class MaxEntExact {
    static final int MAX_N = 20;
    final int n;
    final int nlo;
    final int nhi;
    final int size;
    /** energies, then probabilities after {@link #logZ}. */
    final double[] p;
    private final double[] elo;
    private final double[] ehi;
    private final double[] cross;
    private final double[] c;
    private final int[] popLo;
    private final double[] plo;
    private final double[] phi;
    private final double[] r;
    private final double[] pk;

    MaxEntExact(int n) {
        if (n < 1 || n > MAX_N) throw new IllegalArgumentException("exact enumeration needs 1 <= N <= " + MAX_N + ", not " + n);
        this.n = n;
        nlo = Math.min(n, 10);
        nhi = n - nlo;
        size = 1 << n;
        p = new double[size];
        elo = new double[1 << nlo];
        ehi = new double[1 << nhi];
        cross = new double[1 << nlo];
        c = new double[nlo];
        popLo = new int[1 << nlo];
        for (int lo = 0; lo < popLo.length; lo++) popLo[lo] = Integer.bitCount(lo);
        plo = new double[1 << nlo];
        phi = new double[1 << nhi];
        r = new double[(1 << nhi) * nlo];
        pk = new double[n + 1];
    }

    /** Writes E(x) for every pattern into out (length 2^N). v has N+1 entries. */
    void energies(double[] h, double[][] j, double[] v, double[] out) {
        elo[0] = 0;
        for (int lo = 1; lo < elo.length; lo++) {
            int b = Integer.numberOfTrailingZeros(lo);
            int rest = lo & (lo - 1);
            double s = elo[rest] + h[b];
            double[] jb = j[b];
            for (int q = rest; q != 0; q &= q - 1) s += jb[Integer.numberOfTrailingZeros(q)];
            elo[lo] = s;
        }
        ehi[0] = 0;
        for (int hi = 1; hi < ehi.length; hi++) {
            int b = Integer.numberOfTrailingZeros(hi);
            int rest = hi & (hi - 1);
            double s = ehi[rest] + h[nlo + b];
            double[] jb = j[nlo + b];
            for (int q = rest; q != 0; q &= q - 1) s += jb[nlo + Integer.numberOfTrailingZeros(q)];
            ehi[hi] = s;
        }
        int loSize = 1 << nlo;
        for (int hi = 0; hi < ehi.length; hi++) {
            for (int a = 0; a < nlo; a++) {
                double s = 0;
                for (int q = hi; q != 0; q &= q - 1) s += j[nlo + Integer.numberOfTrailingZeros(q)][a];
                c[a] = s;
            }
            cross[0] = 0;
            for (int lo = 1; lo < loSize; lo++) cross[lo] = cross[lo & (lo - 1)] + c[Integer.numberOfTrailingZeros(lo)];
            double base = ehi[hi];
            int ph = Integer.bitCount(hi);
            int off = hi << nlo;
            for (int lo = 0; lo < loSize; lo++) out[off + lo] = base + elo[lo] + cross[lo] + v[ph + popLo[lo]];
        }
    }

    /** Fills {@link #p} with the normalised probabilities and returns log Z. */
    double logZ(double[] h, double[][] j, double[] v) {
        energies(h, j, v, p);
        return normalize(p);
    }

    /** Turns energies into normalised probabilities in place; returns log sum exp. */
    static double normalize(double[] e) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : e) if (x > max) max = x;
        double z = 0;
        for (int k = 0; k < e.length; k++) {
            double w = Math.exp(e[k] - max);
            e[k] = w;
            z += w;
        }
        double inv = 1 / z;
        for (int k = 0; k < e.length; k++) e[k] *= inv;
        return max + Math.log(z);
    }

    /**
     * Moments of the weights w over all patterns, divided by their sum, into out in the layout of lay (fields,
     * couplings, P(K = k) for k = 1..N as present; lagged entries untouched). Returns the sum of w.
     */
    double moments(double[] w, MaxEntLayout lay, double[] out) {
        java.util.Arrays.fill(plo, 0);
        java.util.Arrays.fill(r, 0);
        java.util.Arrays.fill(pk, 0);
        int loSize = 1 << nlo;
        double total = 0;
        for (int hi = 0; hi < phi.length; hi++) {
            int off = hi << nlo;
            int ph = Integer.bitCount(hi);
            int roff = hi * nlo;
            double sum = 0;
            for (int lo = 0; lo < loSize; lo++) {
                double x = w[off + lo];
                sum += x;
                plo[lo] += x;
                pk[ph + popLo[lo]] += x;
                for (int q = lo; q != 0; q &= q - 1) r[roff + Integer.numberOfTrailingZeros(q)] += x;
            }
            phi[hi] = sum;
            total += sum;
        }
        double inv = 1 / total;
        for (int a = 0; a < n; a++) out[a] = 0;
        if (lay.pairs) for (int a = lay.pairOffset; a < lay.kOffset; a++) out[a] = 0;
        for (int lo = 1; lo < loSize; lo++) {
            double x = plo[lo];
            if (x == 0) continue;
            for (int q = lo; q != 0; q &= q - 1) {
                int a = Integer.numberOfTrailingZeros(q);
                out[a] += x;
                if (lay.pairs) for (int q2 = q & (q - 1); q2 != 0; q2 &= q2 - 1) out[lay.pair(a, Integer.numberOfTrailingZeros(q2))] += x;
            }
        }
        for (int hi = 1; hi < phi.length; hi++) {
            double x = phi[hi];
            int roff = hi * nlo;
            for (int q = hi; q != 0; q &= q - 1) {
                int a = nlo + Integer.numberOfTrailingZeros(q);
                out[a] += x;
                if (lay.pairs) {
                    for (int q2 = q & (q - 1); q2 != 0; q2 &= q2 - 1) out[lay.pair(a, nlo + Integer.numberOfTrailingZeros(q2))] += x;
                    for (int b = 0; b < nlo; b++) out[lay.pair(b, a)] += r[roff + b];
                }
            }
        }
        for (int a = 0; a < lay.kOffset; a++) out[a] *= inv;
        if (lay.kPotential) for (int k = 1; k <= n; k++) out[lay.kOffset + k - 1] = pk[k] * inv;
        return total;
    }

    /** P(K = k), k = 0..N, of the last {@link #moments} call (unnormalised). */
    double[] countDistribution(double total) {
        double[] o = pk.clone();
        for (int k = 0; k < o.length; k++) o[k] /= total;
        return o;
    }
}
