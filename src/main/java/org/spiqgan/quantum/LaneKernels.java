package org.spiqgan.quantum;

/**
 * The complex kernels of {@link Kernels} on a batch-major state: amplitude b of lane k is
 * {@code (re[b][k], im[b][k])}, one array per basis index and part. A gate pairs rows b0 and b1, and every
 * operand of an inner loop is a row indexed by the lane k (per-lane matrices are 8 rows), so each inner loop
 * is a loop over independent lanes that the JIT vectorizes on JDK 17 (the pattern of {@link RealRowKernels}).
 *
 * <p>Same arithmetic in the same order as {@link Kernels}, lane by lane: the expressions are written as
 * there, pairs are visited in the same order, and the adjoint's correlation sums run over the pairs in the
 * same order per lane, so every lane gets the bits of the per-item kernels. The adjoint step is three
 * loops (inverse of psi, correlation, inverse of lambda) instead of one: the correlation reads psi after
 * and lambda before their inverses, as the fused loop does. Permutations (X, CNOT, SWAP, gathers) move row
 * references, not amplitudes. Only lanes {@code 0 .. used - 1} are touched.
 */
final class LaneKernels {
    private LaneKernels() {}

    /** Applies per-lane 2x2 matrices (rows m[0..8): re00, im00, re01, im01, re10, im10, re11, im11) to qubit q. */
    static void apply(double[][] re, double[][] im, int dim, int q, double[][] m, int used) {
        final double[] ar = m[0], ai = m[1], br = m[2], bi = m[3], cr = m[4], ci = m[5], dr = m[6], di = m[7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                final double[] xr = re[i], xi = im[i], yr = re[i + st], yi = im[i + st];
                for (int k = 0; k < used; k++) {
                    double a = xr[k], b = xi[k], c = yr[k], d = yi[k];
                    xr[k] = ar[k] * a - ai[k] * b + br[k] * c - bi[k] * d;
                    xi[k] = ar[k] * b + ai[k] * a + br[k] * d + bi[k] * c;
                    yr[k] = cr[k] * a - ci[k] * b + dr[k] * c - di[k] * d;
                    yi[k] = cr[k] * b + ci[k] * a + dr[k] * d + di[k] * c;
                }
            }
        }
    }

    /** Applies per-lane diagonal matrices (rows m[0], m[1], m[6], m[7] used) to qubit q. */
    static void applyDiag(double[][] re, double[][] im, int dim, int q, double[][] m, int used) {
        final double[] ar = m[0], ai = m[1], dr = m[6], di = m[7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                final double[] xr = re[i], xi = im[i], yr = re[i + st], yi = im[i + st];
                for (int k = 0; k < used; k++) {
                    double a = xr[k], b = xi[k], c = yr[k], d = yi[k];
                    xr[k] = ar[k] * a - ai[k] * b;
                    xi[k] = ar[k] * b + ai[k] * a;
                    yr[k] = dr[k] * c - di[k] * d;
                    yi[k] = dr[k] * d + di[k] * c;
                }
            }
        }
    }

    /** Applies one 2x2 matrix (8 doubles at m[o..]) to qubit q of every lane. */
    static void applyConst(double[][] re, double[][] im, int dim, int q, double[] m, int o, int used) {
        final double ar = m[o], ai = m[o + 1], br = m[o + 2], bi = m[o + 3];
        final double cr = m[o + 4], ci = m[o + 5], dr = m[o + 6], di = m[o + 7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                final double[] xr = re[i], xi = im[i], yr = re[i + st], yi = im[i + st];
                for (int k = 0; k < used; k++) {
                    double a = xr[k], b = xi[k], c = yr[k], d = yi[k];
                    xr[k] = ar * a - ai * b + br * c - bi * d;
                    xi[k] = ar * b + ai * a + br * d + bi * c;
                    yr[k] = cr * a - ci * b + dr * c - di * d;
                    yi[k] = cr * b + ci * a + dr * d + di * c;
                }
            }
        }
    }

    /** Applies diag(m00, m11) (of the 8 doubles at m[o..]) to qubit q of every lane. */
    static void applyConstDiag(double[][] re, double[][] im, int dim, int q, double[] m, int o, int used) {
        final double ar = m[o], ai = m[o + 1], dr = m[o + 6], di = m[o + 7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                final double[] xr = re[i], xi = im[i], yr = re[i + st], yi = im[i + st];
                for (int k = 0; k < used; k++) {
                    double a = xr[k], b = xi[k], c = yr[k], d = yi[k];
                    xr[k] = ar * a - ai * b;
                    xi[k] = ar * b + ai * a;
                    yr[k] = dr * c - di * d;
                    yi[k] = dr * d + di * c;
                }
            }
        }
    }

    /** X on qubit q: swaps the rows of each pair. */
    static void applyX(double[][] re, double[][] im, int dim, int q) {
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) swapRows(re, im, i, i + st);
        }
    }

    static void cnot(double[][] re, double[][] im, int dim, int control, int target) {
        int lo = Math.min(control, target), hi = Math.max(control, target);
        int cm = 1 << control, tm = 1 << target, sl = 1 << lo, sh = 1 << hi;
        for (int a = 0; a < dim; a += sh << 1) {
            for (int b = a; b < a + sh; b += sl << 1) {
                for (int i = b, e = b + sl; i < e; i++) {
                    int x = i | cm;
                    swapRows(re, im, x, x | tm);
                }
            }
        }
    }

    static void swap(double[][] re, double[][] im, int dim, int q0, int q1) {
        int lo = Math.min(q0, q1), hi = Math.max(q0, q1);
        int sl = 1 << lo, sh = 1 << hi;
        for (int a = 0; a < dim; a += sh << 1) {
            for (int b = a; b < a + sh; b += sl << 1) {
                for (int i = b, e = b + sl; i < e; i++) swapRows(re, im, i | sl, i | sh);
            }
        }
    }

    static void cz(double[][] re, double[][] im, int dim, int q0, int q1, int used) {
        int lo = Math.min(q0, q1), hi = Math.max(q0, q1);
        int both = (1 << q0) | (1 << q1), sl = 1 << lo, sh = 1 << hi;
        for (int a = 0; a < dim; a += sh << 1) {
            for (int b = a; b < a + sh; b += sl << 1) {
                for (int i = b, e = b + sl; i < e; i++) {
                    final double[] yr = re[i | both], yi = im[i | both];
                    for (int k = 0; k < used; k++) {
                        yr[k] = -yr[k];
                        yi[k] = -yi[k];
                    }
                }
            }
        }
    }

    private static void swapRows(double[][] re, double[][] im, int x, int y) {
        double[] t = re[x];
        re[x] = re[y];
        re[y] = t;
        t = im[x];
        im[x] = im[y];
        im[y] = t;
    }

    /** rows[i] := old rows[src[i]] (a gather pass on row references); {@code spare} receives the old order. */
    static void gather(double[][] rows, int[] src, double[][] spare, int dim) {
        System.arraycopy(rows, 0, spare, 0, dim);
        for (int i = 0; i < dim; i++) rows[i] = spare[src[i]];
    }

    /**
     * The adjoint correlation of a general block on qubit q: with psi already taken back through the block
     * (F^dag psi) and lambda still after it, adds per lane r_ab += conj(lambda_a) psi_b over the pairs in
     * {@link Kernels#reverse}'s order into acc rows 0..7 (r00 re, im, r01 re, im, r10 re, im, r11 re, im).
     */
    static void correlate(double[][] re, double[][] im, double[][] lre, double[][] lim, int dim, int q, double[][] acc,
            int used) {
        final double[] r00r = acc[0], r00i = acc[1], r01r = acc[2], r01i = acc[3];
        final double[] r10r = acc[4], r10i = acc[5], r11r = acc[6], r11i = acc[7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                final double[] p0r = re[i], p0i = im[i], p1r = re[i + st], p1i = im[i + st];
                final double[] l0r = lre[i], l0i = lim[i], l1r = lre[i + st], l1i = lim[i + st];
                // Two loops of four sums each (one of eight spills AVX2's 16 registers); each sum still
                // runs over the pairs in order.
                for (int k = 0; k < used; k++) {
                    double a = p0r[k], b = p0i[k], c = p1r[k], d = p1i[k], x = l0r[k], y = l0i[k];
                    r00r[k] += x * a + y * b;
                    r00i[k] += x * b - y * a;
                    r01r[k] += x * c + y * d;
                    r01i[k] += x * d - y * c;
                }
                for (int k = 0; k < used; k++) {
                    double a = p0r[k], b = p0i[k], c = p1r[k], d = p1i[k], x = l1r[k], y = l1i[k];
                    r10r[k] += x * a + y * b;
                    r10i[k] += x * b - y * a;
                    r11r[k] += x * c + y * d;
                    r11i[k] += x * d - y * c;
                }
            }
        }
    }

    /** As {@link #correlate} for a diagonal block: only r00 (acc rows 0, 1) and r11 (rows 6, 7). */
    static void correlateDiag(double[][] re, double[][] im, double[][] lre, double[][] lim, int dim, int q,
            double[][] acc, int used) {
        final double[] r00r = acc[0], r00i = acc[1], r11r = acc[6], r11i = acc[7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                final double[] p0r = re[i], p0i = im[i], p1r = re[i + st], p1i = im[i + st];
                final double[] l0r = lre[i], l0i = lim[i], l1r = lre[i + st], l1i = lim[i + st];
                for (int k = 0; k < used; k++) {
                    double a = p0r[k], b = p0i[k], c = p1r[k], d = p1i[k];
                    double x = l0r[k], y = l0i[k], u = l1r[k], v = l1i[k];
                    r00r[k] += x * a + y * b;
                    r00i[k] += x * b - y * a;
                    r11r[k] += u * c + v * d;
                    r11i[k] += u * d - v * c;
                }
            }
        }
    }
}
