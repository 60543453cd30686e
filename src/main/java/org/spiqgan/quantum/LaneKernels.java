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

    // Why the gates are several small loops: C2 unrolls a loop (the step its auto-vectorizer needs) only while
    // the body is small (LoopUnrollLimit); one loop forming all four outputs of a complex 2x2 product from
    // twelve rows stayed scalar on JDK 17 and JDK 25, where a complex multiply and a complex multiply-add
    // over four rows each vectorize (measured 2.5x faster per pair on JDK 17). The partial sums are the
    // per-item expression's, left to right: ((m00 x) + m01_re y) - m01_im y, so the bits are the same.

    /** (or, oi) = (mr + i mi)(xr + i xi), per lane; or/oi may be xr/xi. */
    private static void mul(double[] xr, double[] xi, double[] mr, double[] mi, double[] or, double[] oi, int used) {
        for (int k = 0; k < used; k++) {
            double a = xr[k], b = xi[k], p = mr[k], q = mi[k];
            or[k] = p * a - q * b;
            oi[k] = p * b + q * a;
        }
    }

    /** (or, oi) += (mr + i mi)(yr + i yi), per lane, as ((or + mr yr) - mi yi, (oi + mr yi) + mi yr). */
    private static void mulAdd(double[] yr, double[] yi, double[] mr, double[] mi, double[] or, double[] oi, int used) {
        for (int k = 0; k < used; k++) {
            double c = yr[k], d = yi[k], p = mr[k], q = mi[k];
            or[k] = or[k] + p * c - q * d;
            oi[k] = oi[k] + p * d + q * c;
        }
    }

    private static void mul(double[] xr, double[] xi, double p, double q, double[] or, double[] oi, int used) {
        for (int k = 0; k < used; k++) {
            double a = xr[k], b = xi[k];
            or[k] = p * a - q * b;
            oi[k] = p * b + q * a;
        }
    }

    private static void mulAdd(double[] yr, double[] yi, double p, double q, double[] or, double[] oi, int used) {
        for (int k = 0; k < used; k++) {
            double c = yr[k], d = yi[k];
            or[k] = or[k] + p * c - q * d;
            oi[k] = oi[k] + p * d + q * c;
        }
    }

    /**
     * Applies per-lane 2x2 matrices (rows m[0..8): re00, im00, re01, im01, re10, im10, re11, im11) to qubit q.
     * The new amplitudes of a pair go to four rows taken from {@code free} (4 rows of at least {@code used}),
     * and the pair's old rows become the free ones.
     */
    static void apply(double[][] re, double[][] im, int dim, int q, double[][] m, int used, double[][] free) {
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) applyPair(re, im, i, i + st, m, used, free);
        }
    }

    /** {@link #apply} to the one pair of rows (i, j). */
    static void applyPair(double[][] re, double[][] im, int i, int j, double[][] m, int used, double[][] free) {
        final double[] xr = re[i], xi = im[i], yr = re[j], yi = im[j];
        final double[] o0 = free[0], o1 = free[1], o2 = free[2], o3 = free[3];
        mul(xr, xi, m[0], m[1], o0, o1, used);
        mulAdd(yr, yi, m[2], m[3], o0, o1, used);
        mul(xr, xi, m[4], m[5], o2, o3, used);
        mulAdd(yr, yi, m[6], m[7], o2, o3, used);
        re[i] = o0;
        im[i] = o1;
        re[j] = o2;
        im[j] = o3;
        free[0] = xr;
        free[1] = xi;
        free[2] = yr;
        free[3] = yi;
    }

    /**
     * Several general blocks on distinct qubits ({@code qubits[0..count)}, matrices {@code m[t]}), in that
     * order, in one sweep over the state: for each sub-cube of the 2^count rows that differ only in those
     * qubits, every block in turn on its pairs inside the sub-cube, while the sub-cube's rows stay in the L1
     * cache. Each amplitude sees the same operations with the same operands as in {@code count} passes of
     * {@link #apply} (blocks on distinct qubits act on pairs closed inside every sub-cube), so the same bits;
     * the state is read from memory once instead of {@code count} times. {@code offsets}: 2^count entries.
     */
    static void applyBlocks(double[][] re, double[][] im, int dim, int[] qubits, int count, double[][][] m, int used,
            double[][] free, int[] offsets) {
        int mask = 0;
        for (int t = 0; t < count; t++) mask |= 1 << qubits[t];
        int sub = 1 << count;
        for (int c = 0; c < sub; c++) {
            int o = 0;
            for (int t = 0; t < count; t++) if ((c >> t & 1) != 0) o |= 1 << qubits[t];
            offsets[c] = o;
        }
        for (int base = 0; base < dim; base++) {
            if ((base & mask) != 0) continue;
            for (int t = 0; t < count; t++) {
                int st = 1 << qubits[t];
                double[][] mt = m[t];
                for (int c = 0; c < sub; c++) {
                    int o = offsets[c];
                    if ((o & st) == 0) applyPair(re, im, base + o, base + o + st, mt, used, free);
                }
            }
        }
    }

    /** Applies per-lane diagonal matrices (rows m[0], m[1], m[6], m[7] used) to qubit q, in place. */
    static void applyDiag(double[][] re, double[][] im, int dim, int q, double[][] m, int used) {
        final double[] ar = m[0], ai = m[1], dr = m[6], di = m[7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                mul(re[i], im[i], ar, ai, re[i], im[i], used);
                mul(re[i + st], im[i + st], dr, di, re[i + st], im[i + st], used);
            }
        }
    }

    /** Applies one 2x2 matrix (8 doubles at m[o..]) to qubit q of every lane; {@code free} as in {@link #apply}. */
    static void applyConst(double[][] re, double[][] im, int dim, int q, double[] m, int o, int used, double[][] free) {
        final double ar = m[o], ai = m[o + 1], br = m[o + 2], bi = m[o + 3];
        final double cr = m[o + 4], ci = m[o + 5], dr = m[o + 6], di = m[o + 7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                int j = i + st;
                final double[] xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                final double[] o0 = free[0], o1 = free[1], o2 = free[2], o3 = free[3];
                mul(xr, xi, ar, ai, o0, o1, used);
                mulAdd(yr, yi, br, bi, o0, o1, used);
                mul(xr, xi, cr, ci, o2, o3, used);
                mulAdd(yr, yi, dr, di, o2, o3, used);
                re[i] = o0;
                im[i] = o1;
                re[j] = o2;
                im[j] = o3;
                free[0] = xr;
                free[1] = xi;
                free[2] = yr;
                free[3] = yi;
            }
        }
    }

    /** Applies diag(m00, m11) (of the 8 doubles at m[o..]) to qubit q of every lane, in place. */
    static void applyConstDiag(double[][] re, double[][] im, int dim, int q, double[] m, int o, int used) {
        final double ar = m[o], ai = m[o + 1], dr = m[o + 6], di = m[o + 7];
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                mul(re[i], im[i], ar, ai, re[i], im[i], used);
                mul(re[i + st], im[i + st], dr, di, re[i + st], im[i + st], used);
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
     * One small loop per entry, for the reason the gates have them.
     */
    static void correlate(double[][] re, double[][] im, double[][] lre, double[][] lim, int dim, int q, double[][] acc,
            int used) {
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                int j = i + st;
                correlate(lre[i], lim[i], re[i], im[i], acc[0], acc[1], used);
                correlate(lre[i], lim[i], re[j], im[j], acc[2], acc[3], used);
                correlate(lre[j], lim[j], re[i], im[i], acc[4], acc[5], used);
                correlate(lre[j], lim[j], re[j], im[j], acc[6], acc[7], used);
            }
        }
    }

    /** (sr, si) += conj(l) p per lane, as Kernels.reverse forms it: sr += lr pr + li pi, si += lr pi - li pr. */
    private static void correlate(double[] lr, double[] li, double[] pr, double[] pi, double[] sr, double[] si, int used) {
        for (int k = 0; k < used; k++) {
            double x = lr[k], y = li[k], a = pr[k], b = pi[k];
            sr[k] += x * a + y * b;
            si[k] += x * b - y * a;
        }
    }

    /** As {@link #correlate} for a diagonal block: only r00 (acc rows 0, 1) and r11 (rows 6, 7). */
    static void correlateDiag(double[][] re, double[][] im, double[][] lre, double[][] lim, int dim, int q,
            double[][] acc, int used) {
        int st = 1 << q;
        for (int base = 0; base < dim; base += st << 1) {
            for (int i = base, e = base + st; i < e; i++) {
                int j = i + st;
                correlate(lre[i], lim[i], re[i], im[i], acc[0], acc[1], used);
                correlate(lre[j], lim[j], re[j], im[j], acc[6], acc[7], used);
            }
        }
    }
}
