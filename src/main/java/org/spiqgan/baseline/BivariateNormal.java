package org.spiqgan.baseline;

import org.hipparchus.special.Erf;

/**
 * The standard bivariate normal distribution with correlation rho: its CDF by Genz's BVND algorithm
 * (Drezner and Wesolowsky 1990, as refined by Genz 2004: Gauss-Legendre quadrature of Plackett's
 * identity, 6/12/20 points by |rho|, with an asymptotic expansion for |rho| >= 0.925), accurate to
 * about 1e-15 absolute, and the inversion rho(a, b, m) that the dichotomized Gaussian needs.
 */
public final class BivariateNormal {
    private static final double TWO_PI = 2 * Math.PI;
    private static final double SQRT_TWO_PI = Math.sqrt(TWO_PI);

    private static final double[][] X = {
        {-0.9324695142031522, -0.6612093864662647, -0.2386191860831970},
        {-0.9815606342467191, -0.9041172563704750, -0.7699026741943050, -0.5873179542866171,
         -0.3678314989981802, -0.1252334085114692},
        {-0.9931285991850949, -0.9639719272779138, -0.9122344282513259, -0.8391169718222188,
         -0.7463319064601508, -0.6360536807265150, -0.5108670019508271, -0.3737060887154196,
         -0.2277858511416451, -0.07652652113349733}};
    private static final double[][] W = {
        {0.1713244923791705, 0.3607615730481384, 0.4679139345726904},
        {0.04717533638651177, 0.1069393259953183, 0.1600783285433464, 0.2031674267230659,
         0.2334925365383547, 0.2491470458134029},
        {0.01761400713915212, 0.04060142980038694, 0.06267204833410906, 0.08327674157670475,
         0.1019301198172404, 0.1181945319615184, 0.1316886384491766, 0.1420961093183821,
         0.1491729864726037, 0.1527533871307259}};

    private BivariateNormal() {}

    /** Standard normal CDF. */
    public static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** P(X < a, Y < b) for standard normals with correlation rho in [-1, 1]. */
    public static double cdf(double a, double b, double rho) {
        if (a == Double.NEGATIVE_INFINITY || b == Double.NEGATIVE_INFINITY) return 0;
        if (a == Double.POSITIVE_INFINITY) return phi(b);
        if (b == Double.POSITIVE_INFINITY) return phi(a);
        if (rho >= 1) return phi(Math.min(a, b));
        if (rho <= -1) return Math.max(0, phi(a) - phi(-b));
        return Math.min(1, Math.max(0, bvnd(-a, -b, rho)));
    }

    /** The joint density at (a, b): d cdf / d rho (Plackett's identity). */
    public static double density(double a, double b, double rho) {
        double s = 1 - rho * rho;
        return Math.exp(-(a * a - 2 * rho * a * b + b * b) / (2 * s)) / (TWO_PI * Math.sqrt(s));
    }

    /** P(X > h, Y > k), Genz's BVND. */
    static double bvnd(double h, double k, double r) {
        int ng;
        if (Math.abs(r) < 0.3) ng = 0;
        else if (Math.abs(r) < 0.75) ng = 1;
        else ng = 2;
        double[] x = X[ng], w = W[ng];
        double hk = h * k;
        double bvn = 0;
        if (Math.abs(r) < 0.925) {
            double hs = (h * h + k * k) / 2;
            double asr = Math.asin(r);
            for (int i = 0; i < x.length; i++) {
                double sn = Math.sin(asr * (x[i] + 1) / 2);
                bvn += w[i] * Math.exp((sn * hk - hs) / (1 - sn * sn));
                sn = Math.sin(asr * (-x[i] + 1) / 2);
                bvn += w[i] * Math.exp((sn * hk - hs) / (1 - sn * sn));
            }
            return bvn * asr / (2 * TWO_PI) + phi(-h) * phi(-k);
        }
        if (r < 0) {
            k = -k;
            hk = -hk;
        }
        if (Math.abs(r) < 1) {
            double as = (1 - r) * (1 + r);
            double a = Math.sqrt(as);
            double bs = (h - k) * (h - k);
            double c = (4 - hk) / 8;
            double d = (12 - hk) / 16;
            bvn = a * Math.exp(-(bs / as + hk) / 2) * (1 - c * (bs - as) * (1 - d * bs / 5) / 3 + c * d * as * as / 5);
            if (hk > -160) {
                double b = Math.sqrt(bs);
                bvn -= Math.exp(-hk / 2) * SQRT_TWO_PI * phi(-b / a) * b * (1 - c * bs * (1 - d * bs / 5) / 3);
            }
            a = a / 2;
            for (int i = 0; i < x.length; i++) {
                double xs = a * (x[i] + 1);
                xs *= xs;
                double rs = Math.sqrt(1 - xs);
                bvn += a * w[i] * (Math.exp(-bs / (2 * xs) - hk / (1 + rs)) / rs
                        - Math.exp(-(bs / xs + hk) / 2) * (1 + c * xs * (1 + d * xs)));
                xs = as * (-x[i] + 1) * (-x[i] + 1) / 4;
                rs = Math.sqrt(1 - xs);
                bvn += a * w[i] * Math.exp(-(bs / xs + hk) / 2)
                        * (Math.exp(-hk * (1 - rs) / (2 * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
            }
            bvn = -bvn / TWO_PI;
        }
        if (r > 0) bvn += phi(-Math.max(h, k));
        if (r < 0) bvn = -bvn + Math.max(0, phi(-h) - phi(-k));
        return bvn;
    }

    /**
     * The correlation rho in [-1, 1] with {@code cdf(a, b, rho) = m}. The CDF increases with rho, from
     * {@code cdf(a,b,-1)} to {@code cdf(a,b,1)}; a target outside that range returns the nearer end
     * (the caller decides whether to warn: {@link #attainable}). Newton steps safeguarded by bisection.
     */
    public static double correlationFor(double a, double b, double m) {
        double lo = -1, hi = 1;
        if (m <= cdf(a, b, -1)) return -1;
        if (m >= cdf(a, b, 1)) return 1;
        double indep = phi(a) * phi(b);
        double rho = 0;
        double f = indep - m;
        for (int it = 0; it < 200; it++) {
            if (f > 0) hi = rho; else lo = rho;
            if (Math.abs(f) < 1e-15 || hi - lo < 1e-14) break;
            double dens = density(a, b, rho);
            double next = rho - f / dens;
            if (!(next > lo && next < hi) || dens == 0) next = 0.5 * (lo + hi);
            rho = next;
            f = cdf(a, b, rho) - m;
        }
        return rho;
    }

    /**
     * {@code sum_k cdf(a[k], b[k], rho)} over {@code count} pairs. For |rho| < 0.925 the quadrature
     * nodes depend on rho only, so they are computed once for all pairs.
     */
    public static double sumCdf(double[] a, double[] b, int count, double rho) {
        if (Math.abs(rho) >= 0.925) {
            double s = 0;
            for (int k = 0; k < count; k++) s += cdf(a[k], b[k], rho);
            return s;
        }
        int ng = Math.abs(rho) < 0.3 ? 0 : Math.abs(rho) < 0.75 ? 1 : 2;
        double[] x = X[ng], w = W[ng];
        int q = x.length;
        double asr = Math.asin(rho);
        double[] sn = new double[2 * q], inv = new double[2 * q], wt = new double[2 * q];
        for (int i = 0; i < q; i++) {
            sn[2 * i] = Math.sin(asr * (x[i] + 1) / 2);
            sn[2 * i + 1] = Math.sin(asr * (-x[i] + 1) / 2);
            wt[2 * i] = w[i];
            wt[2 * i + 1] = w[i];
        }
        for (int i = 0; i < 2 * q; i++) inv[i] = 1 / (1 - sn[i] * sn[i]);
        double total = 0;
        for (int k = 0; k < count; k++) {
            double h = -a[k], kk = -b[k];
            if (h == Double.POSITIVE_INFINITY || kk == Double.POSITIVE_INFINITY) continue;
            double hk = h * kk, hs = (h * h + kk * kk) / 2;
            double bvn = 0;
            for (int i = 0; i < 2 * q; i++) bvn += wt[i] * Math.exp((sn[i] * hk - hs) * inv[i]);
            total += bvn * asr / (2 * TWO_PI) + phi(-h) * phi(-kk);
        }
        return total;
    }

    /** {@code sum_k density(a[k], b[k], rho)}: the derivative of {@link #sumCdf} in rho. */
    public static double sumDensity(double[] a, double[] b, int count, double rho) {
        double s = 0;
        for (int k = 0; k < count; k++) {
            if (a[k] == Double.NEGATIVE_INFINITY || b[k] == Double.NEGATIVE_INFINITY) continue;
            s += density(a[k], b[k], rho);
        }
        return s;
    }

    /**
     * The rho in [-1, 1] with {@code sumCdf(a, b, count, rho) / count = m}: the correlation of a latent
     * pair whose means vary along the pairs (a stimulus-locked model). Ends of the range as in
     * {@link #correlationFor}.
     */
    public static double correlationForMean(double[] a, double[] b, int count, double m) {
        double target = m * count;
        double lo = -1, hi = 1;
        double fLo = 0, fHi = 0;
        for (int k = 0; k < count; k++) {
            fLo += cdf(a[k], b[k], -1);
            fHi += cdf(a[k], b[k], 1);
        }
        if (target <= fLo) return -1;
        if (target >= fHi) return 1;
        double rho = 0;
        double f = sumCdf(a, b, count, rho) - target;
        double tol = 1e-13 * Math.max(1, count);
        for (int it = 0; it < 100; it++) {
            if (f > 0) hi = rho; else lo = rho;
            if (Math.abs(f) < tol || hi - lo < 1e-12) break;
            double dens = sumDensity(a, b, count, rho);
            double next = dens > 0 ? rho - f / dens : Double.NaN;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            rho = next;
            f = sumCdf(a, b, count, rho) - target;
        }
        return rho;
    }

    /** The range of {@code mean_k cdf(a[k], b[k], rho)} over rho in [-1, 1]. */
    public static double[] attainableMean(double[] a, double[] b, int count) {
        double lo = 0, hi = 0;
        for (int k = 0; k < count; k++) {
            lo += cdf(a[k], b[k], -1);
            hi += cdf(a[k], b[k], 1);
        }
        return new double[] {lo / count, hi / count};
    }

    /** The range [cdf(a,b,-1), cdf(a,b,1)] of E[x y] attainable by thresholding. */
    public static double[] attainable(double a, double b) {
        return new double[] {cdf(a, b, -1), cdf(a, b, 1)};
    }
}
