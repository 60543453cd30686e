package org.spiqgan.nn;

/**
 * Dense kernels on row-major matrices stored inside flat arrays. Rows are processed four at a time so
 * that each load of the vector serves four rows; every row's sum is still accumulated in index order,
 * so results equal the plain loops bit for bit.
 */
final class Kernels {

    private Kernels() {}

    /** {@code y[yOff + r*yStride] = sum_i a[aOff + r*n + i] * x[xOff + i]} for r in [0, rows). */
    static void matVec(double[] a, int aOff, int rows, int n, double[] x, int xOff, double[] y, int yOff, int yStride) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int r0 = aOff + r * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            for (int i = 0; i < n; i++) {
                double xi = x[xOff + i];
                s0 += a[r0 + i] * xi;
                s1 += a[r1 + i] * xi;
                s2 += a[r2 + i] * xi;
                s3 += a[r3 + i] * xi;
            }
            int o = yOff + r * yStride;
            y[o] = s0;
            y[o + yStride] = s1;
            y[o + 2 * yStride] = s2;
            y[o + 3 * yStride] = s3;
        }
        for (; r < rows; r++) {
            int r0 = aOff + r * n;
            double s = 0.0;
            for (int i = 0; i < n; i++) s += a[r0 + i] * x[xOff + i];
            y[yOff + r * yStride] = s;
        }
    }

    /**
     * {@code out[outOff + i] += sum_r c[cOff + r*cStride] * a[aOff + r*n + i]} (A^T c added to out),
     * rows in order.
     */
    static void matTVecAdd(double[] a, int aOff, int rows, int n, double[] c, int cOff, int cStride,
            double[] out, int outOff) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int r0 = aOff + r * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            int ci = cOff + r * cStride;
            double c0 = c[ci], c1 = c[ci + cStride], c2 = c[ci + 2 * cStride], c3 = c[ci + 3 * cStride];
            for (int i = 0; i < n; i++) {
                out[outOff + i] = out[outOff + i] + c0 * a[r0 + i] + c1 * a[r1 + i] + c2 * a[r2 + i] + c3 * a[r3 + i];
            }
        }
        for (; r < rows; r++) {
            int r0 = aOff + r * n;
            double c0 = c[cOff + r * cStride];
            for (int i = 0; i < n; i++) out[outOff + i] += c0 * a[r0 + i];
        }
    }

    /** {@code out[outOff + i] += c * x[xOff + i]} for i in [0, n). */
    static void axpy(double c, double[] x, int xOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] += c * x[xOff + i];
    }
}
