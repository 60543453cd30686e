package org.spiqgan.quantum;

import java.util.Arrays;

/**
 * Runs one {@link Circuit} for up to {@link #lanes()} items at once (same parameters, per-item inputs) on a
 * batch-major state ({@link LaneKernels}): a path for small registers, where one item's state is too short
 * for its pairs of amplitudes to fill vector registers (the per-item kernels stay scalar). Measured so far
 * (bench/results/speed3-NOTES.md) it is not faster than {@link Evaluator} at 10 qubits in a training step,
 * so the patch generator uses it only on request.
 * Every item gets exactly the bits {@link Evaluator} gives it: per-item angles, matrices, readouts and
 * the block gradients are computed by the same code ({@code Evaluator}'s static helpers), and the lane
 * kernels do the per-item kernels' arithmetic in the same order.
 *
 * <p>Items are passed as a run of consecutive items of flat arrays: item k of a call reads its inputs at
 * {@code inputs[inOff + k * inStride ..]}, its cotangent at {@code cot[cotOff + k * size ..]} and writes its
 * readout to {@code out[outOff + k * size ..]} (size = the readout's size). Allocation-free after the first
 * call with a given readout size. Not thread-safe: one per thread.
 */
public final class LaneEvaluator {
    /**
     * The largest register the lane path is meant for ({@link #preferred(Circuit)}): above it one item's
     * state fills the vector registers by itself and the lane state outgrows the caches.
     */
    public static final int MAX_QUBITS = 12;

    private final Circuit c;
    private final int n;
    private final int dim;
    private final int lanes;
    private final int productPrefix;
    private double[][] re, im, lre, lim;
    private final double[][] spare; // row references for gathers
    private final double[][] mat = new double[8][]; // per-lane matrix of the current block
    private final double[][] acc = new double[8][]; // per-lane correlation sums
    private final double[][] amp = new double[4][]; // per-lane one-qubit state of the product prefix
    private final double[][] free = new double[4][]; // rows the gates write into (then the old rows are free)
    /** Blocks per forward sweep: a sub-cube of 2^5 rows of 2 x 32 lanes is 16 KiB, within a core's L1. */
    static final int RUN = 5;
    private final double[][][] runMat;
    private final int[] runQubits = new int[RUN], runOffsets = new int[1 << RUN];
    // Per-lane scalar workspaces, as in Evaluator.
    private final double[][] angles, ch, sh, fmat, bmat, gslot, u;
    private final double[] zeroShift;
    private final double[] column, tmp = new double[8], x = new double[8], r = new double[8], d = new double[8];
    private double[] readoutTmp = new double[0];
    private int used;
    private boolean stateValid;

    public LaneEvaluator(Circuit c, int lanes) {
        if (lanes < 1) throw new IllegalArgumentException("lanes must be >= 1");
        this.c = c;
        this.n = c.qubits();
        this.dim = 1 << n;
        this.lanes = lanes;
        this.productPrefix = Evaluator.productPrefixLength(c);
        re = new double[dim][lanes];
        im = new double[dim][lanes];
        spare = new double[dim][];
        for (int e = 0; e < 8; e++) {
            mat[e] = new double[lanes];
            acc[e] = new double[lanes];
        }
        runMat = new double[RUN][8][lanes];
        for (int e = 0; e < 4; e++) {
            amp[e] = new double[lanes];
            free[e] = new double[lanes];
        }
        angles = new double[lanes][c.nSlots];
        ch = new double[lanes][c.nSlots];
        sh = new double[lanes][c.nSlots];
        fmat = new double[lanes][];
        for (int k = 0; k < lanes; k++) fmat[k] = c.factorConstMat.clone();
        bmat = new double[lanes][8 * c.nInstr];
        gslot = new double[lanes][c.nSlots];
        u = new double[lanes][4 * n];
        zeroShift = new double[c.nSlots];
        column = new double[dim];
    }

    /** Lanes for a circuit of n qubits: the state and its adjoint of one chunk stay within a core's L2 cache. */
    public static int lanesFor(int qubits) {
        int forced = Integer.getInteger("spiqgan.lanes", 0); // for benchmarks of the choice
        if (forced > 0) return forced;
        // 2 vectors x 2 parts x 2^n rows x lanes x 8 bytes <= 1 MiB, at least 32 lanes (shorter lane loops
        // spend their time outside the vectorized main loop) and at most 64.
        long perLane = 32L << qubits;
        long l = (1024L << 10) / perLane;
        return (int) Math.max(32, Math.min(64, l));
    }

    /** Whether the lane path can be used for this circuit (small registers). */
    public static boolean preferred(Circuit c) {
        return c.qubits() <= MAX_QUBITS;
    }

    public Circuit circuit() {
        return c;
    }

    public int lanes() {
        return lanes;
    }

    private void checkArgs(double[] params, double[] inputs, int inOff, int inStride, int count) {
        if (count < 1 || count > lanes) throw new IllegalArgumentException("items must be 1.." + lanes + ", got " + count);
        if (c.paramCount() > 0 && (params == null || params.length < c.paramCount())) {
            throw new IllegalArgumentException("need " + c.paramCount() + " parameters, got "
                    + (params == null ? 0 : params.length));
        }
        if (c.inputCount() > 0 && (inputs == null
                || inputs.length < inOff + (long) (count - 1) * inStride + c.inputCount())) {
            throw new IllegalArgumentException("need " + c.inputCount() + " inputs per item for " + count + " items");
        }
    }

    /** Runs items 0..count-1 (item k's inputs at {@code inputs[inOff + k * inStride ..]}). */
    public void run(double[] params, double[] inputs, int inOff, int inStride, int count) {
        checkArgs(params, inputs, inOff, inStride, count);
        forward(params, inputs, inOff, inStride, count);
    }

    private void forward(double[] params, double[] inputs, int inOff, int inStride, int count) {
        used = count;
        for (int k = 0; k < count; k++) {
            Evaluator.prepare(c, params, inputs, inOff + k * inStride, zeroShift, angles[k], ch[k], sh[k], fmat[k]);
        }
        productPrefixState();
        final int[] kind = c.kind, q0 = c.q0, q1 = c.q1;
        for (int i = productPrefix; i < c.nInstr; i++) {
            int run = blockRun(i);
            if (run >= 2) {
                for (int t = 0; t < run; t++) {
                    fuseLanes(i + t, false, runMat[t]);
                    runQubits[t] = q0[i + t];
                }
                LaneKernels.applyBlocks(re, im, dim, runQubits, run, runMat, used, free, runOffsets);
                i += run - 1;
                continue;
            }
            switch (kind[i]) {
                case Circuit.K_VAR:
                    fuseLanes(i, false);
                    LaneKernels.apply(re, im, dim, q0[i], mat, used, free);
                    break;
                case Circuit.K_VAR_DIAG:
                    fuseLanes(i, false);
                    LaneKernels.applyDiag(re, im, dim, q0[i], mat, used);
                    break;
                case Circuit.K_CONST:
                    LaneKernels.applyConst(re, im, dim, q0[i], c.constMat, 8 * i, used, free);
                    break;
                case Circuit.K_CONST_DIAG:
                    LaneKernels.applyConstDiag(re, im, dim, q0[i], c.constMat, 8 * i, used);
                    break;
                case Circuit.K_CONST_X:
                    LaneKernels.applyX(re, im, dim, q0[i]);
                    break;
                case Circuit.K_CNOT:
                    LaneKernels.cnot(re, im, dim, q0[i], q1[i]);
                    break;
                case Circuit.K_CZ:
                    LaneKernels.cz(re, im, dim, q0[i], q1[i], used);
                    break;
                case Circuit.K_PERM:
                    LaneKernels.gather(re, c.permSrc[i], spare, dim);
                    LaneKernels.gather(im, c.permSrc[i], spare, dim);
                    break;
                default:
                    LaneKernels.swap(re, im, dim, q0[i], q1[i]);
            }
        }
        stateValid = true;
    }

    /**
     * The number of general blocks from instruction i on that the forward pass applies in one sweep: a run
     * of consecutive K_VAR instructions on distinct qubits (a layer of the sub-generator), at most
     * {@link #RUN} of them.
     */
    private int blockRun(int i) {
        int mask = 0, e = i;
        while (e < c.nInstr && e - i < RUN && c.kind[e] == Circuit.K_VAR && (mask & (1 << c.q0[e])) == 0) {
            mask |= 1 << c.q0[e];
            e++;
        }
        return e - i;
    }

    private void fuseLanes(int i, boolean dagger) {
        fuseLanes(i, dagger, mat);
    }

    /**
     * Fuses block i of every lane (Evaluator.fuse, into that lane's bmat) and writes the lanes' matrices
     * (their daggers when {@code dagger}) to the rows {@code mat}.
     */
    private void fuseLanes(int i, boolean dagger, double[][] mat) {
        int o = 8 * i;
        for (int k = 0; k < used; k++) {
            double[] m = bmat[k];
            if (!dagger) Evaluator.fuse(c, i, fmat[k], m);
            if (dagger) {
                // F^dag entries as Kernels.reverse forms them: (m0, -m1, m4, -m5, m2, -m3, m6, -m7)
                mat[0][k] = m[o];
                mat[1][k] = -m[o + 1];
                mat[2][k] = m[o + 4];
                mat[3][k] = -m[o + 5];
                mat[4][k] = m[o + 2];
                mat[5][k] = -m[o + 3];
                mat[6][k] = m[o + 6];
                mat[7][k] = -m[o + 7];
            } else {
                for (int e = 0; e < 8; e++) mat[e][k] = m[o + e];
            }
        }
    }

    /** Evaluator.productPrefixState for every lane: the one-qubit states per lane, then their product in rows. */
    private void productPrefixState() {
        for (int k = 0; k < used; k++) Evaluator.prefixAmplitudes(c, productPrefix, u[k], fmat[k], bmat[k]);
        final double[][] re = this.re, im = this.im;
        final double[] r0 = re[0], i0 = im[0];
        for (int k = 0; k < used; k++) {
            r0[k] = 1.0;
            i0[k] = 0.0;
        }
        final double[] ar = amp[0], ai = amp[1], br = amp[2], bi = amp[3];
        for (int q = 0, len = 1; q < n; q++, len <<= 1) {
            for (int k = 0; k < used; k++) {
                double[] uk = u[k];
                ar[k] = uk[4 * q];
                ai[k] = uk[4 * q + 1];
                br[k] = uk[4 * q + 2];
                bi[k] = uk[4 * q + 3];
            }
            for (int j = 0; j < len; j++) {
                final double[] xr = re[j], xi = im[j], hr = re[j + len], hi = im[j + len];
                for (int k = 0; k < used; k++) {
                    double a = xr[k], b = xi[k];
                    hr[k] = a * br[k] - b * bi[k];
                    hi[k] = a * bi[k] + b * br[k];
                    xr[k] = a * ar[k] - b * ai[k];
                    xi[k] = a * ai[k] + b * ar[k];
                }
            }
        }
    }

    /** Lane k's Born probabilities into {@code column}. */
    private void probabilities(int k) {
        final double[][] re = this.re, im = this.im;
        final double[] p = column;
        for (int b = 0; b < dim; b++) {
            double x = re[b][k], y = im[b][k];
            p[b] = x * x + y * y;
        }
    }

    /** Writes item k's readout to {@code out[outOff + k * r.size(n) ..]} for every item of the last run. */
    public void read(Readout r, double[] out, int outOff) {
        if (!stateValid) throw new IllegalStateException("no state: call run() (a gradient sweep consumes the state)");
        r.check(n);
        int size = r.size(n);
        if (readoutTmp.length < size) readoutTmp = new double[size];
        for (int k = 0; k < used; k++) {
            probabilities(k);
            r.compute(column, n, readoutTmp);
            System.arraycopy(readoutTmp, 0, out, outOff + k * size, size);
        }
    }

    /**
     * Forward run and one adjoint sweep for items 0..count-1, each with the loss L_k = dot(cot_k, readout_k)
     * (cot_k at {@code cot[cotOff + k * size ..]}). Adds dL_k/dparams to {@code gradParams[gpOff + k * P ..]}
     * (P = the parameter count) and dL_k/dinputs to {@code gradInputs[giOff + k * inStride ..]} (either
     * array may be null), writes the readouts to {@code out[outOff + k * size ..]} and L_k to
     * {@code loss[lossOff + k]} (either may be null). Per item exactly {@link Evaluator#gradient}.
     */
    public void gradient(double[] params, double[] inputs, int inOff, int inStride, int count, Readout readout,
            double[] cot, int cotOff, double[] gradParams, int gpOff, double[] gradInputs, int giOff, double[] out,
            int outOff, double[] loss, int lossOff) {
        checkArgs(params, inputs, inOff, inStride, count);
        readout.check(n);
        int size = readout.size(n);
        if (cot.length < cotOff + (long) count * size) {
            throw new IllegalArgumentException("cotangent needs " + size + " entries per item for " + count + " items");
        }
        forward(params, inputs, inOff, inStride, count);
        if (lre == null) {
            lre = new double[dim][lanes];
            lim = new double[dim][lanes];
        }
        if (readoutTmp.length < size) readoutTmp = new double[size];
        final double[][] re = this.re, im = this.im, lre = this.lre, lim = this.lim;
        for (int k = 0; k < used; k++) {
            probabilities(k);
            readout.compute(column, n, readoutTmp);
            int co = cotOff + k * size;
            if (out != null) System.arraycopy(readoutTmp, 0, out, outOff + k * size, size);
            double l = 0;
            for (int j = 0; j < size; j++) l += cot[co + j] * readoutTmp[j];
            if (loss != null) loss[lossOff + k] = l;
            // lambda = W psi with W the diagonal observable of this item's cotangent.
            if (co != 0) {
                if (cotItem == null || cotItem.length < size) cotItem = new double[size];
                System.arraycopy(cot, co, cotItem, 0, size);
                readout.weights(cotItem, n, column);
            } else {
                readout.weights(cot, n, column);
            }
            for (int b = 0; b < dim; b++) {
                lre[b][k] = column[b] * re[b][k];
                lim[b][k] = column[b] * im[b][k];
            }
            Arrays.fill(gslot[k], 0.0);
        }
        final int[] kind = c.kind, q0 = c.q0, q1 = c.q1;
        for (int i = c.nInstr - 1; i >= 0; i--) {
            switch (kind[i]) {
                case Circuit.K_VAR:
                    fuseLanes(i, true);
                    LaneKernels.apply(re, im, dim, q0[i], mat, used, free);
                    clearAcc();
                    LaneKernels.correlate(re, im, lre, lim, dim, q0[i], acc, used);
                    LaneKernels.apply(lre, lim, dim, q0[i], mat, used, free);
                    blockGradients(i, false);
                    break;
                case Circuit.K_VAR_DIAG:
                    fuseLanes(i, true);
                    LaneKernels.applyDiag(re, im, dim, q0[i], mat, used);
                    clearAcc();
                    LaneKernels.correlateDiag(re, im, lre, lim, dim, q0[i], acc, used);
                    LaneKernels.applyDiag(lre, lim, dim, q0[i], mat, used);
                    blockGradients(i, true);
                    break;
                case Circuit.K_CONST:
                case Circuit.K_CONST_DIAG:
                    Kernels.dagger(c.constMat, 8 * i, tmp, 0);
                    if (kind[i] == Circuit.K_CONST) {
                        LaneKernels.applyConst(re, im, dim, q0[i], tmp, 0, used, free);
                        LaneKernels.applyConst(lre, lim, dim, q0[i], tmp, 0, used, free);
                    } else {
                        LaneKernels.applyConstDiag(re, im, dim, q0[i], tmp, 0, used);
                        LaneKernels.applyConstDiag(lre, lim, dim, q0[i], tmp, 0, used);
                    }
                    break;
                case Circuit.K_CONST_X:
                    LaneKernels.applyX(re, im, dim, q0[i]);
                    LaneKernels.applyX(lre, lim, dim, q0[i]);
                    break;
                case Circuit.K_CNOT:
                    LaneKernels.cnot(re, im, dim, q0[i], q1[i]);
                    LaneKernels.cnot(lre, lim, dim, q0[i], q1[i]);
                    break;
                case Circuit.K_CZ:
                    LaneKernels.cz(re, im, dim, q0[i], q1[i], used);
                    LaneKernels.cz(lre, lim, dim, q0[i], q1[i], used);
                    break;
                case Circuit.K_PERM:
                    LaneKernels.gather(re, c.permInv[i], spare, dim);
                    LaneKernels.gather(im, c.permInv[i], spare, dim);
                    LaneKernels.gather(lre, c.permInv[i], spare, dim);
                    LaneKernels.gather(lim, c.permInv[i], spare, dim);
                    break;
                default:
                    LaneKernels.swap(re, im, dim, q0[i], q1[i]);
                    LaneKernels.swap(lre, lim, dim, q0[i], q1[i]);
            }
        }
        for (int k = 0; k < used; k++) {
            Evaluator.chain(c, params, inputs, inOff + k * inStride, gslot[k], gradParams, gradInputs,
                    giOff + k * inStride, gpOff + k * c.paramCount());
        }
        // The reverse sweep took the state back to |0...0>.
        stateValid = false;
    }

    private double[] cotItem;

    private void clearAcc() {
        for (int e = 0; e < 8; e++) Arrays.fill(acc[e], 0, used, 0.0);
    }

    /** The block gradient of every lane from its correlation sums (Evaluator.blockGradient). */
    private void blockGradients(int i, boolean diagonal) {
        for (int k = 0; k < used; k++) {
            if (diagonal) {
                Gate.set(r, 0, acc[0][k], acc[1][k], 0, 0, 0, 0, acc[6][k], acc[7][k]);
            } else {
                Gate.set(r, 0, acc[0][k], acc[1][k], acc[2][k], acc[3][k], acc[4][k], acc[5][k], acc[6][k], acc[7][k]);
            }
            Evaluator.blockGradient(c, i, r, bmat[k], fmat[k], ch[k], sh[k], gslot[k], tmp, x, d);
        }
    }
}
