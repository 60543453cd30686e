package org.spiqgan.baseline;


/**
 * Cholesky factors of correlation matrices, and the projection of an indefinite one onto the positive
 * definite correlation matrices: eigen-decomposition, eigenvalues clipped at {@link #MIN_EIGENVALUE},
 * then rescaled to a unit diagonal (so every latent variable keeps variance 1 and the firing
 * probabilities stay exact).
 */
public final class PositiveDefinite {
    /** Clipped eigenvalues end here: small enough to keep the matrix close, large enough for Cholesky. */
    public static final double MIN_EIGENVALUE = 1e-4;

    private PositiveDefinite() {}

    /** The result of a projection: the matrix, how far it moved (Frobenius norm), the smallest eigenvalue before. */
    public record Projection(double[][] matrix, double frobenius, double minEigenvalue, int negativeEigenvalues) {}

    /**
     * Lower-triangular L with {@code a = L L^T} (rows of L in a new array; only the lower triangle of
     * {@code a} is read), or null when a pivot is not positive.
     */
    public static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] li = new double[i + 1];
            l[i] = li;
            for (int j = 0; j <= i; j++) {
                double[] lj = l[j];
                double sum = a[i][j];
                for (int k = 0; k < j; k++) sum -= li[k] * lj[k];
                if (j == i) {
                    if (!(sum > 1e-12)) return null;
                    li[i] = Math.sqrt(sum);
                } else {
                    li[j] = sum / lj[j];
                }
            }
        }
        return l;
    }

    /** The nearest (in the sense above) positive definite correlation matrix. */
    public static Projection project(double[][] a) {
        int n = a.length;
        SymmetricEigen eig = SymmetricEigen.of(a);
        double[] d = eig.values();
        double[][] z = eig.vectors();
        double min = Double.POSITIVE_INFINITY;
        int negative = 0;
        // clipping changes only the eigenvalues below the bound: b = a + sum_k (bound - d_k) z_k z_k^T
        double[][] b = new double[n][];
        for (int i = 0; i < n; i++) b[i] = a[i].clone();
        for (int k = 0; k < n; k++) {
            min = Math.min(min, d[k]);
            if (d[k] < 0) negative++;
            double lift = MIN_EIGENVALUE - d[k];
            if (lift <= 0) continue;
            double[] zk = z[k];
            for (int i = 0; i < n; i++) {
                double f = lift * zk[i];
                if (f == 0) continue;
                double[] bi = b[i];
                for (int j = 0; j <= i; j++) bi[j] += f * zk[j];
            }
        }
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) scale[i] = 1 / Math.sqrt(b[i][i]);
        double frob = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = i == j ? 1 : b[i][j] * scale[i] * scale[j];
                b[i][j] = x;
                b[j][i] = x;
                double diff = x - a[i][j];
                frob += i == j ? diff * diff : 2 * diff * diff;
            }
        }
        return new Projection(b, Math.sqrt(frob), min, negative);
    }
}
