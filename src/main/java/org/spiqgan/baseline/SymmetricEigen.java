package org.spiqgan.baseline;

/**
 * Eigen-decomposition of a dense symmetric matrix, written for the latent correlation matrices of the
 * dichotomized Gaussian (thousands of rows): Householder tridiagonalisation and implicit QL iteration
 * (the EISPACK tred2/tql2 scheme), with every inner loop running along a row so that it streams through
 * memory. Eigenvectors are kept as rows.
 */
public final class SymmetricEigen {
    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Eigenvalues, in the order of {@link #vectors()} (not sorted). */
    public double[] values() { return values; }

    /** {@code vectors()[k]} is the unit eigenvector of {@code values()[k]}. */
    public double[][] vectors() { return vectors; }

    /** Decomposes {@code a} (symmetric; only read, not changed). */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) w[i] = a[i].clone();
        double[] d = new double[n];
        double[] e = new double[n];
        double[][] hv = new double[Math.max(0, n - 2)][];
        double[] beta = new double[Math.max(0, n - 2)];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int s = k + 1, m = n - s;
            double[] v = new double[m];
            double norm2 = 0;
            for (int i = 0; i < m; i++) {
                v[i] = w[s + i][k];
                norm2 += v[i] * v[i];
            }
            d[k] = w[k][k];
            double norm = Math.sqrt(norm2);
            double alpha = v[0] > 0 ? -norm : norm;
            v[0] -= alpha;
            double vv = 0;
            for (int i = 0; i < m; i++) vv += v[i] * v[i];
            e[k] = alpha;
            hv[k] = v;
            if (vv == 0) {
                e[k] = w[s][k];
                beta[k] = 0;
                continue;
            }
            double b = 2 / vv;
            beta[k] = b;
            // p = b * A22 v ; w = p - (b/2)(p.v) v ; A22 -= v w^T + w v^T
            double pv = 0;
            for (int i = 0; i < m; i++) {
                double[] row = w[s + i];
                double sum = 0;
                for (int j = 0; j < m; j++) sum += row[s + j] * v[j];
                p[i] = b * sum;
                pv += p[i] * v[i];
            }
            double kk = 0.5 * b * pv;
            for (int i = 0; i < m; i++) p[i] -= kk * v[i];
            for (int i = 0; i < m; i++) {
                double[] row = w[s + i];
                double vi = v[i], pi = p[i];
                for (int j = 0; j < m; j++) row[s + j] -= vi * p[j] + pi * v[j];
            }
        }
        if (n >= 2) {
            d[n - 2] = w[n - 2][n - 2];
            e[n - 2] = w[n - 1][n - 2];
        }
        d[n - 1] = w[n - 1][n - 1];
        e[n - 1] = 0;

        // Q = H_0 ... H_{n-3}, accumulated backwards so that each reflection touches its trailing block only
        double[][] q = w;  // reuse the storage
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(q[i], 0);
            q[i][i] = 1;
        }
        double[] u = new double[n];
        for (int k = n - 3; k >= 0; k--) {
            if (beta[k] == 0) continue;
            int s = k + 1, m = n - s;
            double[] v = hv[k];
            java.util.Arrays.fill(u, 0, m, 0);
            for (int i = 0; i < m; i++) {
                double vi = v[i];
                if (vi == 0) continue;
                double[] row = q[s + i];
                for (int j = 0; j < m; j++) u[j] += vi * row[s + j];
            }
            for (int i = 0; i < m; i++) {
                double f = beta[k] * v[i];
                if (f == 0) continue;
                double[] row = q[s + i];
                for (int j = 0; j < m; j++) row[s + j] -= f * u[j];
            }
        }
        // z = Q^T: row i of z will become eigenvector i
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) z[j][i] = q[i][j];
        tql2(d, e, z);
        return new SymmetricEigen(d, z);
    }

    /** Implicit QL on the tridiagonal (d, e[i] = T[i][i+1]); rotations applied to rows of z. */
    private static void tql2(double[] d, double[] e, double[][] z) {
        int n = d.length;
        double f = 0, tst1 = 0, eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n) {
                if (Math.abs(e[m]) <= eps * tst1) break;
                m++;
            }
            if (m == n) m = n - 1;
            if (m > l) {
                int iter = 0;
                do {
                    if (++iter > 200) throw new ArithmeticException("eigenvalue iteration did not converge");
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1, el1 = e[l + 1], s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        double[] zi = z[i], zi1 = z[i + 1];
                        for (int k = 0; k < n; k++) {
                            double hk = zi1[k];
                            zi1[k] = s * zi[k] + c * hk;
                            zi[k] = c * zi[k] - s * hk;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }
}
