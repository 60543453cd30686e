package org.spiqgan.baseline;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

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
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a, true));
        double[] d = eig.getEigenvalues();
        RealMatrix v = eig.getV();
        double[][] vv = v.getData();
        double min = Double.POSITIVE_INFINITY;
        int negative = 0;
        double[] clipped = new double[n];
        for (int k = 0; k < n; k++) {
            min = Math.min(min, d[k]);
            if (d[k] < 0) negative++;
            clipped[k] = Math.max(d[k], MIN_EIGENVALUE);
        }
        // b = V diag(clipped) V^T, row by row; vt holds V^T so the inner loop runs along rows
        double[][] vt = v.transpose().getData();
        double[][] b = new double[n][n];
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            double[] vi = vv[i];
            for (int k = 0; k < n; k++) scaled[k] = vi[k] * clipped[k];
            double[] bi = b[i];
            for (int k = 0; k < n; k++) {
                double s = scaled[k];
                if (s == 0) continue;
                double[] vk = vt[k];
                for (int j = 0; j <= i; j++) bi[j] += s * vk[j];
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
