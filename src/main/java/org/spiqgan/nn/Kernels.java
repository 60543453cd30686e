package org.spiqgan.nn;

/**
 * Dense kernels on row-major matrices stored inside flat arrays, applied to several vectors ("samples")
 * at once. Rows are taken four at a time and the loop over samples is inside the loop over row blocks,
 * so a block of rows stays in the L1 cache while every sample uses it, and each load of a sample's
 * vector serves four rows. Every output element is still summed in row (or index) order, so results do
 * not depend on how many samples are processed together.
 */
final class Kernels {

    private Kernels() {}

    /**
     * {@code y[yOff + s*ySampleStride + r*yRowStride] = sum_i a[aOff + r*n + i] * x[xOff + s*xStride + i]}
     * for rows r in [0, rows) and samples s in [0, m).
     */
    static void matVecs(double[] a, int aOff, int rows, int n, double[] x, int xOff, int xStride, int m,
            double[] y, int yOff, int ySampleStride, int yRowStride) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int r0 = aOff + r * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            int s = 0;
            // two samples at a time: eight independent sums keep both FMA pipes busy where four chains of
            // dependent adds could not (each sum still runs over i in order: the same bits)
            for (; s + 1 < m; s += 2) {
                int xo = xOff + s * xStride, xp = xo + xStride;
                double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0;
                for (int i = 0; i < n; i++) {
                    double xi = x[xo + i], yi = x[xp + i];
                    double a0 = a[r0 + i], a1 = a[r1 + i], a2 = a[r2 + i], a3 = a[r3 + i];
                    s0 += a0 * xi;
                    s1 += a1 * xi;
                    s2 += a2 * xi;
                    s3 += a3 * xi;
                    t0 += a0 * yi;
                    t1 += a1 * yi;
                    t2 += a2 * yi;
                    t3 += a3 * yi;
                }
                int o = yOff + s * ySampleStride + r * yRowStride, q = o + ySampleStride;
                y[o] = s0;
                y[o + yRowStride] = s1;
                y[o + 2 * yRowStride] = s2;
                y[o + 3 * yRowStride] = s3;
                y[q] = t0;
                y[q + yRowStride] = t1;
                y[q + 2 * yRowStride] = t2;
                y[q + 3 * yRowStride] = t3;
            }
            for (; s < m; s++) {
                int xo = xOff + s * xStride;
                double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
                for (int i = 0; i < n; i++) {
                    double xi = x[xo + i];
                    s0 += a[r0 + i] * xi;
                    s1 += a[r1 + i] * xi;
                    s2 += a[r2 + i] * xi;
                    s3 += a[r3 + i] * xi;
                }
                int o = yOff + s * ySampleStride + r * yRowStride;
                y[o] = s0;
                y[o + yRowStride] = s1;
                y[o + 2 * yRowStride] = s2;
                y[o + 3 * yRowStride] = s3;
            }
        }
        for (; r < rows; r++) {
            int r0 = aOff + r * n;
            for (int s = 0; s < m; s++) {
                int xo = xOff + s * xStride;
                double sum = 0.0;
                for (int i = 0; i < n; i++) sum += a[r0 + i] * x[xo + i];
                y[yOff + s * ySampleStride + r * yRowStride] = sum;
            }
        }
    }

    /**
     * {@code out[outOff + s*outStride + i] += sum_r c[cOff + s*cSampleStride + r*cRowStride] * a[aOff + r*n + i]}
     * (A^T c added to each sample's output), rows in order.
     */
    static void matTVecsAdd(double[] a, int aOff, int rows, int n, double[] c, int cOff, int cSampleStride,
            int cRowStride, int m, double[] out, int outOff, int outStride) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int r0 = aOff + r * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            for (int s = 0; s < m; s++) {
                int ci = cOff + s * cSampleStride + r * cRowStride;
                double c0 = c[ci], c1 = c[ci + cRowStride], c2 = c[ci + 2 * cRowStride], c3 = c[ci + 3 * cRowStride];
                int oo = outOff + s * outStride;
                for (int i = 0; i < n; i++) {
                    out[oo + i] = out[oo + i] + c0 * a[r0 + i] + c1 * a[r1 + i] + c2 * a[r2 + i] + c3 * a[r3 + i];
                }
            }
        }
        for (; r < rows; r++) {
            int r0 = aOff + r * n;
            for (int s = 0; s < m; s++) {
                double c0 = c[cOff + s * cSampleStride + r * cRowStride];
                int oo = outOff + s * outStride;
                for (int i = 0; i < n; i++) out[oo + i] += c0 * a[r0 + i];
            }
        }
    }

    /** {@code out[outOff + i] += c * x[xOff + i]} for i in [0, n). */
    static void axpy(double c, double[] x, int xOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) out[outOff + i] += c * x[xOff + i];
    }
}
