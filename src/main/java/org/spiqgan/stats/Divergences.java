package org.spiqgan.stats;

/** Distances between probability vectors. */
public final class Divergences {
    private Divergences() {}

    /**
     * Jensen-Shannon divergence in bits: (KL(p||m) + KL(q||m)) / 2 with m = (p + q) / 2 and log base 2.
     * Inputs are normalised first (as SciPy's {@code jensenshannon} does); the result is the square of
     * SciPy's {@code jensenshannon(p, q, base=2)}, which returns the distance.
     */
    public static double jensenShannonBits(double[] p, double[] q) {
        if (p.length != q.length) throw new IllegalArgumentException("lengths differ: " + p.length + " vs " + q.length);
        double sp = 0, sq = 0;
        for (int k = 0; k < p.length; k++) {
            sp += p[k];
            sq += q[k];
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            double a = p[k] / sp;
            double b = q[k] / sq;
            double m = 0.5 * (a + b);
            if (a > 0) sum += a * Math.log(a / m);
            if (b > 0) sum += b * Math.log(b / m);
        }
        return Math.max(0.0, 0.5 * sum / Math.log(2));
    }

    /** Mean squared difference over entries; NaN for empty vectors or when any entry is NaN. */
    public static double mse(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        if (a.length == 0) return Double.NaN;
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum / a.length;
    }
}
