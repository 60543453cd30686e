package org.spiqgan.quantum;

/**
 * The kernels of {@link RealBatchKernels} on a batch-major state stored as one array per basis index:
 * amplitude b of lane k is {@code psi[b][k]}. Same arithmetic in the same order, so the same bits as the
 * flat kernels wherever the operations are the same; why a second layout: a gate pairs rows b0 and b1, and
 * with two distinct row arrays indexed by the same lane k the JIT's auto-vectorizer sees no possible overlap,
 * where one flat array read and written at two loop-invariant offsets keeps it scalar (measured 2.2x per
 * pass on JDK 17 and JDK 25: BENCHMARKS.md, issue 12, branch speed2). Two targets per pass, which paid in
 * the flat layout, are slower here than two single passes (register pressure), so there are none.
 *
 * <p>Every per-lane operand of an inner loop is a row indexed by k as well (per-lane cos and sin, their
 * combinations with a table entry, per-lane gradient sums), for the same reason. Rows hold at least
 * {@code lanes} values.
 */
public final class RealRowKernels {
    private RealRowKernels() {}

    /**
     * The multiplexed rotation and the adjoint sweeps written with the Vector API ({@code VectorRowKernels}: one pass
     * per vector of lanes over a row pair, the adjoint's three lane loops fused into one; the same operations in the
     * same order, so the same bits), used when the simulator uses its vector kernels ({@link KernelChoice}) and
     * loaded by name only then; null: the loops here. The adjoint was 60% of the default model's training, the
     * rotation a quarter of it and most of its generation (BENCHMARKS.md, issue 12's ninth part).
     */
    private static final FusedRows FUSED = FusedRows.chosen();

    /** The passes of {@link #FUSED}. Rows hold a multiple of {@link #lanes()} values. */
    interface FusedRows {
        int lanes();

        void ryMultiplexed(double[][] psi, int qubits, int lanes, int target, double[] c, double[] s, double[] cosT,
                double[] sinT, double[][] scratch);

        void ryMultiplexedAdjoint(double[][] psi, double[][] lam, int qubits, int lanes, int target, double[] c, double[] s,
                double[] cosT, double[] sinT, double[] grad, double[] tableGrad, double[][] scratch);

        void ryAdjoint(double[][] psi, double[][] lam, int qubits, int lanes, int q, double[] c, double[] s, double[] grad,
                double[][] scratch);

        static FusedRows chosen() {
            if (!KernelChoice.vectorInUse()) return null;
            try {
                return (FusedRows) Class.forName("org.spiqgan.quantum.VectorRowKernels").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("cannot load the vector row kernels: " + e, e);
            }
        }
    }

    /** Rows for a state of {@code qubits} qubits and {@code lanes} lanes. */
    public static double[][] state(int qubits, int lanes) {
        return new double[1 << qubits][lanes];
    }

    /** cos and sin of a table angle combined with every lane's: (ca ct - sa st, sa ct + ca st) into (co, so). */
    static void combine(double[] ca, double[] sa, double ct, double st, double[] co, double[] so, int lanes) {
        for (int k = 0; k < lanes; k++) {
            double x = ca[k], y = sa[k];
            co[k] = x * ct - y * st;
            so[k] = y * ct + x * st;
        }
    }

    /**
     * {@link RealBatchKernels#productStateMultiplexed}: the product state of RY(theta_q) on |0...0> with the
     * multiplexed block of every target r >= 1 applied as qubit r is added. {@code c[q]}, {@code s[q]}: cos
     * and sin of half of qubit q's angle per lane (rows {@code cOff + q}); tables {@code cosT[tOff + r]} (null:
     * no block).
     */
    public static void productStateMultiplexed(double[][] psi, int qubits, int lanes, double[][] c, double[][] s, int cOff,
            double[][] cosT, double[][] sinT, int tOff) {
        System.arraycopy(c[cOff], 0, psi[0], 0, lanes);
        System.arraycopy(s[cOff], 0, psi[1], 0, lanes);
        for (int q = 1; q < qubits; q++) {
            int half = 1 << q;
            double[] cq = c[cOff + q], sq = s[cOff + q];
            double[] tc = cosT[tOff + q], ts = sinT[tOff + q];
            for (int b = half - 1; b >= 0; b--) {
                double[] src = psi[b], hi = psi[b + half];
                if (tc == null) {
                    for (int k = 0; k < lanes; k++) {
                        double a = src[k];
                        hi[k] = a * sq[k];
                        src[k] = a * cq[k];
                    }
                } else {
                    double ct = tc[b], st = ts[b];
                    for (int k = 0; k < lanes; k++) {
                        double a = src[k];
                        double ca = cq[k], sa = sq[k];
                        hi[k] = a * (sa * ct + ca * st);
                        src[k] = a * (ca * ct - sa * st);
                    }
                }
            }
        }
    }

    /** Applies the rotation (co, so) per lane to the rows r0 (bit clear) and r1 (bit set). */
    private static void rotate(double[] r0, double[] r1, double[] co, double[] so, int lanes) {
        for (int k = 0; k < lanes; k++) {
            double x0 = r0[k], x1 = r1[k];
            double ck = co[k], sk = so[k];
            r0[k] = ck * x0 - sk * x1;
            r1[k] = sk * x0 + ck * x1;
        }
    }

    /**
     * {@link RealBatchKernels#ryMultiplexed}: RY on {@code target} (per-lane cos and sin rows c, s) then its
     * multiplexed block (null table: none), one pass. {@code scratch}: 2 rows.
     */
    public static void ryMultiplexed(double[][] psi, int qubits, int lanes, int target, double[] c, double[] s, double[] cosT,
            double[] sinT, double[][] scratch) {
        if (FUSED != null && lanes % FUSED.lanes() == 0) FUSED.ryMultiplexed(psi, qubits, lanes, target, c, s, cosT, sinT, scratch);
        else ryMultiplexedLoops(psi, qubits, lanes, target, c, s, cosT, sinT, scratch);
    }

    /** {@link #ryMultiplexed} as lane loops (the reference for the fused one). */
    static void ryMultiplexedLoops(double[][] psi, int qubits, int lanes, int target, double[] c, double[] s, double[] cosT,
            double[] sinT, double[][] scratch) {
        int dim = 1 << qubits, step = 1 << target;
        double[] co = scratch[0], so = scratch[1];
        for (int lo = 0; lo < step; lo++) {
            double[] rc = c, rs = s;
            if (cosT != null) {
                combine(c, s, cosT[lo], sinT[lo], co, so, lanes);
                rc = co;
                rs = so;
            }
            for (int hi = 0; hi < dim; hi += step << 1) rotate(psi[hi + lo], psi[hi + lo + step], rc, rs, lanes);
        }
    }

    /**
     * {@link RealBatchKernels#ryMultiplexedAdjoint}: adds dL/dtheta_k to {@code grad[k]} and dL/dphi(lo) to
     * {@code tableGrad[lo]}, then un-applies the rotation to psi and lam; a null table is {@link #ryAdjoint}.
     * {@code scratch}: 4 rows.
     */
    public static void ryMultiplexedAdjoint(double[][] psi, double[][] lam, int qubits, int lanes, int target, double[] c,
            double[] s, double[] cosT, double[] sinT, double[] grad, double[] tableGrad, double[][] scratch) {
        if (FUSED != null && lanes % FUSED.lanes() == 0) {
            FUSED.ryMultiplexedAdjoint(psi, lam, qubits, lanes, target, c, s, cosT, sinT, grad, tableGrad, scratch);
        } else {
            ryMultiplexedAdjointLoops(psi, lam, qubits, lanes, target, c, s, cosT, sinT, grad, tableGrad, scratch);
        }
    }

    /** {@link #ryMultiplexedAdjoint} as separate lane loops (the reference for the fused one). */
    static void ryMultiplexedAdjointLoops(double[][] psi, double[][] lam, int qubits, int lanes, int target, double[] c,
            double[] s, double[] cosT, double[] sinT, double[] grad, double[] tableGrad, double[][] scratch) {
        int dim = 1 << qubits, step = 1 << target;
        if (cosT == null) {
            ryAdjointLoops(psi, lam, qubits, lanes, target, c, s, grad, scratch);
            return;
        }
        double[] acc = scratch[0], co = scratch[1], so = scratch[2], neg = scratch[3];
        for (int lo = 0; lo < step; lo++) {
            combine(c, s, cosT[lo], sinT[lo], co, so, lanes);
            for (int k = 0; k < lanes; k++) neg[k] = -so[k];
            java.util.Arrays.fill(acc, 0, lanes, 0.0);
            for (int hi = 0; hi < dim; hi += step << 1) {
                double[] p0 = psi[hi + lo], p1 = psi[hi + lo + step], l0 = lam[hi + lo], l1 = lam[hi + lo + step];
                correlate(p0, p1, l0, l1, acc, lanes);
                rotate(p0, p1, co, neg, lanes);
                rotate(l0, l1, co, neg, lanes);
            }
            double g = 0;
            for (int k = 0; k < lanes; k++) {
                double v = acc[k];
                g += v;
                grad[k] += 0.5 * v;
            }
            tableGrad[lo] += 0.5 * g;
        }
    }

    /** acc[k] += l1 p0 - l0 p1: the correlation that gives a rotation's gradient. */
    private static void correlate(double[] p0, double[] p1, double[] l0, double[] l1, double[] acc, int lanes) {
        for (int k = 0; k < lanes; k++) acc[k] += l1[k] * p0[k] - l0[k] * p1[k];
    }

    /**
     * {@link RealBatchKernels#ryAdjoint} (the gradient added pair by pair, as there). Like
     * {@link #ryMultiplexedAdjoint}, the correlation and the two inverse rotations (a rotation by (c, -s): the
     * same bits as the inverse written out) are separate loops over the lanes, each of which the JIT
     * vectorizes on JDK 17 as well, where the one loop doing all three stayed scalar there (issue 12).
     * {@code scratch}: 4 rows.
     */
    public static void ryAdjoint(double[][] psi, double[][] lam, int qubits, int lanes, int q, double[] c, double[] s, double[] grad,
            double[][] scratch) {
        if (FUSED != null && lanes % FUSED.lanes() == 0) FUSED.ryAdjoint(psi, lam, qubits, lanes, q, c, s, grad, scratch);
        else ryAdjointLoops(psi, lam, qubits, lanes, q, c, s, grad, scratch);
    }

    /** {@link #ryAdjoint} as separate lane loops (the reference for the fused one). */
    static void ryAdjointLoops(double[][] psi, double[][] lam, int qubits, int lanes, int q, double[] c, double[] s, double[] grad,
            double[][] scratch) {
        int dim = 1 << qubits, step = 1 << q;
        double[] neg = scratch[3];
        for (int k = 0; k < lanes; k++) neg[k] = -s[k];
        for (int hi = 0; hi < dim; hi += step << 1) {
            for (int lo = 0; lo < step; lo++) {
                double[] p0 = psi[hi + lo], p1 = psi[hi + lo + step], l0 = lam[hi + lo], l1 = lam[hi + lo + step];
                for (int k = 0; k < lanes; k++) grad[k] += 0.5 * (l1[k] * p0[k] - l0[k] * p1[k]);
                rotate(p0, p1, c, neg, lanes);
                rotate(l0, l1, c, neg, lanes);
            }
        }
    }

    /**
     * Born sampling of every lane: {@code pick[k]} is the first basis index b at which the running sum of
     * |psi_b|^2 in index order exceeds u[k] times lane k's total, the last index if none does. The running
     * sums of all lanes are formed in one pass (it vectorizes) into {@code prefix} (rows like psi), then each
     * lane's index is found by bisection: the sums are nondecreasing, so this is bit for bit the answer of
     * the lane-by-lane linear scan it replaces. {@code u} becomes u x total.
     */
    public static void sample(double[][] psi, int qubits, int used, double[] u, double[][] prefix, int[] pick) {
        int dim = 1 << qubits;
        double[] first = psi[0], acc0 = prefix[0];
        for (int k = 0; k < used; k++) acc0[k] = first[k] * first[k];
        for (int b = 1; b < dim; b++) {
            double[] row = psi[b], prev = prefix[b - 1], cur = prefix[b];
            for (int k = 0; k < used; k++) {
                double a = row[k];
                cur[k] = prev[k] + a * a;
            }
        }
        double[] total = prefix[dim - 1];
        for (int k = 0; k < used; k++) {
            double target = u[k] * total[k];
            u[k] = target;
            int lo = 0, hi = dim - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (target < prefix[mid][k]) hi = mid;
                else lo = mid + 1;
            }
            pick[k] = lo;
        }
    }
}
