package org.spiqgan.quantum;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Runs one {@link Circuit} and holds its state vector and every workspace the forward and adjoint
 * passes need, allocated once. Not thread-safe: use one evaluator per thread (they are cheap for small
 * circuits). After {@link #run} the state can be read any number of ways.
 */
public final class Evaluator {
    private final Circuit c;
    private final int n;
    private final int dim;
    private double[] re;
    private double[] im;
    private double[] lre; // adjoint vector, allocated on first gradient
    private double[] lim;
    private double[] re2, im2, lre2, lim2; // second buffers for gather passes
    private final double[] ch; // cos(angle / 2) per slot
    private final double[] sh; // sin(angle / 2) per slot
    private double[] prob; // Born probabilities, allocated on first read
    private double[] cdf;
    private final double[] angles;
    private final double[] shift; // per-slot angle offsets for the parameter-shift rule (normally 0)
    private final double[] fmat;  // per-factor matrices of the last run
    private final double[] bmat;  // per-instruction fused matrices of the last run
    private final double[] gslot; // dL/d(angle slot)
    private final double[] tmp = new double[8];
    private final double[] x = new double[8];
    private final double[] r; // the 8 adjoint correlations of a block, and the kernels' scratch
    private final double[] d = new double[8];
    private final double[] params0;
    private final double[] inputs0;
    private double[] outTmp;
    private double[] cotTmp;
    private boolean probValid;
    private boolean stateValid;
    /** Leading single-qubit instructions: applied to a product state, never to the full vector. */
    private final int productPrefix;
    private final double[] qubitAmp; // (re0, im0, re1, im1) per qubit while in the prefix
    /** The parameters of the last {@link #prepare}, whose input-free angles, trig and matrices are still valid. */
    private final double[] cachedParams;
    private boolean cacheValid;
    private boolean shifting; // inside parameterShiftGradient
    private final int[] inputSlots;
    /** The input slots whose half-angle trig the gates use, and the buffers of their one cosSin call per item. */
    private final int[] trigSlots;
    private final double[] halfAngle, halfCos, halfSin;
    private final int[] inputFactors;
    /** The single-qubit kernels (scalar or Vector API: {@link KernelChoice}). */
    private final StateKernels kern;
    /**
     * Whether a block's input-free upper factors are multiplied once per parameter vector instead of once per item
     * (the 2x2 products were a tenth of a training step): F = (M_{e-1} ... M_k) (M_{k-1} ... M_s) with the left
     * product cached, which reassociates the product. Only with kernels that reassociate anyway (the vector ones),
     * so that the scalar kernels keep the bits of the plain product.
     */
    private final boolean reassociate;
    /** Per block instruction: the position in blockFactors from which the block's factors read no input. */
    private final int[] blockSplit;
    /** Per block instruction: the product of its factors from blockSplit on (valid unless upperStale). */
    private final double[] upperMat;
    private boolean upperStale = true;
    /**
     * Per instruction, for {@link #sampleCode}'s prepare: the slot of its block's input RY when the block is that RY
     * followed by input-free factors (reassociating kernels only), so that its matrix is the cached upper product
     * times the RY straight from the slot's half-angle trig; else -1.
     */
    private final int[] ryLead;
    /** The input factors whose matrices {@link #sampleCode}'s prepare still builds (those no ryLead block starts with). */
    private final int[] planInputFactors;
    /** The schedule of {@link #sampleCode}, built on first use (null: the circuit has none). */
    private SamplingPlan plan;
    /** The two-branch step's tensor (and the closing step's sums). */
    private final double[] bondTensor = new double[24];
    private boolean planChecked;

    Evaluator(Circuit c) {
        this(c, KernelChoice.kernels());
    }

    Evaluator(Circuit c, StateKernels k) {
        this.c = c;
        this.kern = k;
        this.r = new double[k.correlationLength()];
        this.n = c.qubits();
        this.dim = 1 << n;
        this.re = new double[dim];
        this.im = new double[dim];
        this.angles = new double[c.nSlots];
        this.ch = new double[c.nSlots];
        this.sh = new double[c.nSlots];
        if (c.hasPermutation()) {
            re2 = new double[dim];
            im2 = new double[dim];
        }
        this.shift = new double[c.nSlots];
        this.fmat = c.factorConstMat.clone();
        this.bmat = new double[8 * c.nInstr];
        this.gslot = new double[c.nSlots];
        this.params0 = new double[c.paramCount()];
        this.inputs0 = new double[c.inputCount()];
        this.productPrefix = productPrefixLength(c);
        this.qubitAmp = new double[4 * n];
        this.cachedParams = new double[c.paramCount()];
        this.inputSlots = inputSlots(c);
        this.inputFactors = inputFactors(c);
        this.trigSlots = Arrays.stream(inputSlots).filter(s -> c.slotTrig[s]).toArray();
        this.halfAngle = new double[trigSlots.length];
        this.halfCos = new double[trigSlots.length];
        this.halfSin = new double[trigSlots.length];
        this.reassociate = k != StateKernels.SCALAR;
        this.blockSplit = blockSplits(c, inputFactors);
        this.upperMat = new double[8 * c.nInstr];
        this.ryLead = new int[c.nInstr];
        Arrays.fill(ryLead, -1);
        boolean[] direct = new boolean[c.nFactors];
        for (int i = 0; reassociate && i < c.nInstr; i++) {
            int s = c.blockStart[i], f = c.kind[i] == Circuit.K_VAR ? c.blockFactors[s] : -1;
            if (f < 0 || blockSplit[i] != s + 1 || blockSplit[i] == c.blockEnd[i] || c.factorGate[f] != Gate.RY) continue;
            int slot = c.factorSlot[f];
            if (c.factorVariable[f] && c.slotVariable[slot] && c.slotInput[slot] >= 0 && c.slotTrig[slot]) {
                ryLead[i] = slot;
                direct[f] = true;
            }
        }
        this.planInputFactors = Arrays.stream(inputFactors).filter(f -> !direct[f]).toArray();
    }

    /** For each block, the start of its trailing run of factors that read no input (blockEnd if the last does). */
    private static int[] blockSplits(Circuit c, int[] inputFactors) {
        boolean[] reads = new boolean[c.nFactors];
        for (int f : inputFactors) reads[f] = true;
        int[] split = new int[c.nInstr];
        for (int i = 0; i < c.nInstr; i++) {
            if (c.kind[i] != Circuit.K_VAR && c.kind[i] != Circuit.K_VAR_DIAG) continue;
            int k = c.blockEnd[i];
            while (k > c.blockStart[i] && !reads[c.blockFactors[k - 1]]) k--;
            split[i] = k;
        }
        return split;
    }

    /** The number of leading single-qubit instructions (applied to a product state). */
    static int productPrefixLength(Circuit c) {
        int p = 0;
        while (p < c.nInstr && isSingleQubit(c.kind[p])) p++;
        return p;
    }

    private static boolean isSingleQubit(int kind) {
        return kind == Circuit.K_VAR || kind == Circuit.K_VAR_DIAG || kind == Circuit.K_CONST
                || kind == Circuit.K_CONST_DIAG || kind == Circuit.K_CONST_X;
    }

    public Circuit circuit() {
        return c;
    }

    /** Runs the circuit for the given parameters and inputs. */
    public void run(double[] params, double[] inputs) {
        run(params, inputs, 0);
    }

    /** Runs with the inputs taken from {@code inputs[inOff .. inOff + inputCount)}. */
    public void run(double[] params, double[] inputs, int inOff) {
        checkArgs(params, inputs, inOff);
        if (params == null) params = params0;
        if (inputs == null) {
            inputs = inputs0;
            inOff = 0;
        }
        forward(params, inputs, inOff);
    }

    private void checkArgs(double[] params, double[] inputs, int inOff) {
        if (c.paramCount() > 0 && (params == null || params.length < c.paramCount())) {
            throw new IllegalArgumentException("need " + c.paramCount() + " parameters, got "
                    + (params == null ? 0 : params.length));
        }
        if (c.inputCount() > 0 && (inputs == null || inputs.length < inOff + c.inputCount())) {
            throw new IllegalArgumentException("need " + c.inputCount() + " inputs at offset " + inOff);
        }
    }

    private void forward(double[] params, double[] inputs, int inOff) {
        final Circuit c = this.c;
        prepareRun(params, inputs, inOff);
        final int[] kind = c.kind, q0 = c.q0, q1 = c.q1;
        productPrefixState();
        for (int i = productPrefix; i < c.nInstr; i++) {
            switch (kind[i]) {
                case Circuit.K_VAR:
                    kern.apply(re, im, dim, q0[i], bmat, 8 * i);
                    break;
                case Circuit.K_VAR_DIAG:
                    kern.applyDiag(re, im, dim, q0[i], bmat, 8 * i);
                    break;
                case Circuit.K_CONST:
                    kern.apply(re, im, dim, q0[i], c.constMat, 8 * i);
                    break;
                case Circuit.K_CONST_DIAG:
                    kern.applyDiag(re, im, dim, q0[i], c.constMat, 8 * i);
                    break;
                case Circuit.K_CONST_X:
                    Kernels.applyX(re, im, dim, q0[i]);
                    break;
                case Circuit.K_CNOT:
                    Kernels.cnot(re, im, dim, q0[i], q1[i]);
                    break;
                case Circuit.K_CZ:
                    Kernels.cz(re, im, dim, q0[i], q1[i]);
                    break;
                case Circuit.K_PERM:
                    gatherState(c.permSrc[i]);
                    break;
                default:
                    Kernels.swap(re, im, dim, q0[i], q1[i]);
            }
        }
    }

    /**
     * {@link #prepare} for one item, reusing what does not depend on the inputs when the parameters are those of the
     * previous item (a batch shares them): only the slots that read an input, and the factors that use them, are
     * computed again. The reused values are the ones prepare computed, so the bits are the same.
     */
    private void prepareCached(double[] params, double[] inputs, int inOff) {
        prepareCached(params, inputs, inOff, inputFactors);
    }

    /** {@link #prepareCached} building the matrices of only the given input factors. */
    private void prepareCached(double[] params, double[] inputs, int inOff, int[] matrixFactors) {
        int np = c.paramCount();
        if (shifting) {
            // the parameter-shift rule changes input-free angles between runs with the same parameters
            prepare(c, params, inputs, inOff, shift, angles, ch, sh, fmat);
            cacheValid = false;
            upperStale = true;
            return;
        }
        if (!cacheValid || !Arrays.equals(params, 0, np, cachedParams, 0, np)) {
            prepare(c, params, inputs, inOff, shift, angles, ch, sh, fmat);
            System.arraycopy(params, 0, cachedParams, 0, np);
            cacheValid = true;
            upperStale = true;
            // and the input slots again, below: every item's input trig must come from the same code, whichever
            // item of a batch a thread happens to run first
        }
        // the input slots' angles, then their half-angle trig in one call (vector kernels: a vector polynomial)
        final int[] ts = trigSlots;
        for (int s : inputSlots) prepareAngle(c, s, params, inputs, inOff, shift, angles);
        for (int k = 0; k < ts.length; k++) halfAngle[k] = 0.5 * angles[ts[k]];
        kern.cosSin(halfAngle, halfCos, halfSin, ts.length);
        for (int k = 0; k < ts.length; k++) {
            ch[ts[k]] = halfCos[k];
            sh[ts[k]] = halfSin[k];
        }
        for (int f : matrixFactors) c.factorGate[f].matrix(ch, sh, c.factorSlot[f], fmat, 8 * f);
    }

    /** The slots that read an input. */
    private static int[] inputSlots(Circuit c) {
        int[] out = new int[c.nSlots];
        int k = 0;
        for (int s = 0; s < c.nSlots; s++) if (c.slotVariable[s] && c.slotInput[s] >= 0) out[k++] = s;
        return Arrays.copyOf(out, k);
    }

    /** The variable factors with at least one slot that reads an input. */
    private static int[] inputFactors(Circuit c) {
        int[] out = new int[c.nFactors];
        int k = 0;
        for (int f = 0; f < c.nFactors; f++) {
            if (!c.factorVariable[f]) continue;
            boolean reads = false;
            for (int a = 0; a < c.factorGate[f].angles(); a++) {
                int s = c.factorSlot[f] + a;
                reads |= c.slotVariable[s] && c.slotInput[s] >= 0;
            }
            if (reads) out[k++] = f;
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * One item's angles (with the parameter-shift offsets), the half-angle trig of the slots that feed
     * variable factors, and the variable factors' matrices ({@link #prepareCached} redoes parts of it with the
     * same per-slot code).
     */
    static void prepare(Circuit c, double[] params, double[] inputs, int inOff, double[] shift, double[] angles,
            double[] ch, double[] sh, double[] fmat) {
        for (int s = 0; s < c.nSlots; s++) prepareSlot(c, s, params, inputs, inOff, shift, angles, ch, sh);
        for (int f = 0; f < c.nFactors; f++) {
            if (c.factorVariable[f]) c.factorGate[f].matrix(ch, sh, c.factorSlot[f], fmat, 8 * f);
        }
    }

    private static void prepareSlot(Circuit c, int s, double[] params, double[] inputs, int inOff, double[] shift,
            double[] angles, double[] ch, double[] sh) {
        double v = prepareAngle(c, s, params, inputs, inOff, shift, angles);
        if (c.slotTrig[s]) {
            ch[s] = Math.cos(0.5 * v);
            sh[s] = Math.sin(0.5 * v);
        }
    }

    /** angles[s] = slot s's angle (returned too). */
    private static double prepareAngle(Circuit c, int s, double[] params, double[] inputs, int inOff, double[] shift,
            double[] angles) {
        double v;
        if (!c.slotVariable[s]) {
            v = c.slotConst[s];
        } else {
            v = c.slotScale[s];
            int p = c.slotParam[s], j = c.slotInput[s];
            if (p >= 0) v *= params[p];
            if (j >= 0) v *= inputs[inOff + j];
        }
        v += shift[s];
        angles[s] = v;
        return v;
    }

    /**
     * The one-qubit states (re0, im0, re1, im1 per qubit, into u) after the leading single-qubit
     * instructions, fusing their blocks into bmat.
     */
    static void prefixAmplitudes(Circuit c, int productPrefix, double[] u, double[] fmat, double[] bmat) {
        prefixAmplitudes(c, productPrefix, u, fmat, bmat, false);
    }

    /** {@link #prefixAmplitudes}, with the blocks already fused into bmat when {@code fused}. */
    private static void prefixAmplitudes(Circuit c, int productPrefix, double[] u, double[] fmat, double[] bmat,
            boolean fused) {
        int n = c.qubits();
        Arrays.fill(u, 0.0);
        for (int q = 0; q < n; q++) u[4 * q] = 1.0;
        for (int i = 0; i < productPrefix; i++) {
            int k = c.kind[i], o = 4 * c.q0[i];
            double xr = u[o], xi = u[o + 1], yr = u[o + 2], yi = u[o + 3];
            if (k == Circuit.K_CONST_X) {
                u[o] = yr;
                u[o + 1] = yi;
                u[o + 2] = xr;
                u[o + 3] = xi;
                continue;
            }
            double[] m;
            int mo = 8 * i;
            if (k == Circuit.K_VAR || k == Circuit.K_VAR_DIAG) {
                if (!fused) fuse(c, i, fmat, bmat);
                m = bmat;
            } else {
                m = c.constMat;
            }
            double ar = m[mo], ai = m[mo + 1], dr = m[mo + 6], di = m[mo + 7];
            if (k == Circuit.K_VAR_DIAG || k == Circuit.K_CONST_DIAG) {
                u[o] = ar * xr - ai * xi;
                u[o + 1] = ar * xi + ai * xr;
                u[o + 2] = dr * yr - di * yi;
                u[o + 3] = dr * yi + di * yr;
            } else {
                double br = m[mo + 2], bi = m[mo + 3], cr = m[mo + 4], ci = m[mo + 5];
                u[o] = ar * xr - ai * xi + br * yr - bi * yi;
                u[o + 1] = ar * xi + ai * xr + br * yi + bi * yr;
                u[o + 2] = cr * xr - ci * xi + dr * yr - di * yi;
                u[o + 3] = cr * xi + ci * xr + dr * yi + di * yr;
            }
        }
    }

    /**
     * Everything of a run that does not touch the state vector, for {@link #forward} and {@link #loadState} alike:
     * angles and factor matrices ({@link #prepareCached}), the prefix's qubit amplitudes and every block's fused
     * matrix (bmat), which the adjoint pass reads too.
     */
    private void prepareRun(double[] params, double[] inputs, int inOff) {
        prepareCached(params, inputs, inOff);
        probValid = false;
        stateValid = true;
        prefixAmplitudes(c, productPrefix, qubitAmp, fmat, bmat);
        final int[] kind = c.kind;
        for (int i = productPrefix; i < c.nInstr; i++) {
            if (kind[i] == Circuit.K_VAR || kind[i] == Circuit.K_VAR_DIAG) fuse(i);
        }
    }

    /**
     * The state after the leading single-qubit gates, built as a product of one-qubit states (qubitAmp, from
     * {@link #prepareRun}): a circuit that opens with a layer of rotations on |0...0> (every sub-generator does) skips
     * one full-vector pass per qubit.
     */
    private void productPrefixState() {
        final double[] u = qubitAmp;
        final double[] re = this.re, im = this.im;
        re[0] = 1.0;
        im[0] = 0.0;
        for (int q = 0, len = 1; q < n; q++, len <<= 1) {
            kern.appendQubit(re, im, len, u[4 * q], u[4 * q + 1], u[4 * q + 2], u[4 * q + 3]);
        }
    }

    private void gatherState(int[] src) {
        kern.gather(re, im, re2, im2, src, dim);
        double[] t = re;
        re = re2;
        re2 = t;
        t = im;
        im = im2;
        im2 = t;
    }

    private void gatherAdjoint(int[] src) {
        kern.gather(lre, lim, lre2, lim2, src, dim);
        double[] t = lre;
        lre = lre2;
        lre2 = t;
        t = lim;
        lim = lim2;
        lim2 = t;
    }

    /** bmat[i] = product of the block's factor matrices, later factors on the left. */
    private void fuse(int i) {
        int k = blockSplit[i], e = c.blockEnd[i];
        if (!reassociate || k == e) {
            fuse(c, i, fmat, bmat);
            return;
        }
        if (upperStale) fuseUpper();
        final int[] bf = c.blockFactors;
        int s = c.blockStart[i], o = 8 * i;
        if (k == s) {
            System.arraycopy(upperMat, o, bmat, o, 8);
            return;
        }
        System.arraycopy(fmat, 8 * bf[s], bmat, o, 8);
        for (int j = s + 1; j < k; j++) Kernels.mul(fmat, 8 * bf[j], bmat, o, bmat, o);
        Kernels.mul(upperMat, o, bmat, o, bmat, o);
    }

    /** upperMat[i] = the product of block i's factors from blockSplit on, for every block that has such factors. */
    private void fuseUpper() {
        final int[] bf = c.blockFactors;
        for (int i = 0; i < c.nInstr; i++) {
            if (c.kind[i] != Circuit.K_VAR && c.kind[i] != Circuit.K_VAR_DIAG) continue;
            int k = blockSplit[i], e = c.blockEnd[i], o = 8 * i;
            if (k == e) continue;
            System.arraycopy(fmat, 8 * bf[k], upperMat, o, 8);
            for (int j = k + 1; j < e; j++) Kernels.mul(fmat, 8 * bf[j], upperMat, o, upperMat, o);
        }
        upperStale = false;
    }

    static void fuse(Circuit c, int i, double[] fmat, double[] bmat) {
        final int[] bf = c.blockFactors;
        int s = c.blockStart[i], e = c.blockEnd[i], o = 8 * i;
        System.arraycopy(fmat, 8 * bf[s], bmat, o, 8);
        for (int k = s + 1; k < e; k++) Kernels.mul(fmat, 8 * bf[k], bmat, o, bmat, o);
    }

    private void ensureProb() {
        if (!stateValid) throw new IllegalStateException("no state: call run() (a gradient sweep consumes the state)");
        if (probValid) return;
        if (prob == null) prob = new double[dim];
        for (int b = 0; b < dim; b++) prob[b] = re[b] * re[b] + im[b] * im[b];
        probValid = true;
    }

    /**
     * Runs the circuit and draws one code of all its qubits (qubit k = bit k) from the final state's Born
     * distribution: the first code whose cumulative probability, summed in code order, exceeds u; when rounding
     * leaves the total just below u, the last code with weight. The run follows the circuit's {@link SamplingPlan}
     * when it has one (the same probabilities up to rounding: about 1e-16 of the total), and leaves no state to read.
     */
    public int sampleCode(double[] params, double[] inputs, int inOff, double u) {
        checkArgs(params, inputs, inOff);
        if (params == null) params = params0;
        if (inputs == null) {
            inputs = inputs0;
            inOff = 0;
        }
        SamplingPlan p = samplingPlan();
        if (p == null) {
            forward(params, inputs, inOff);
            return drawCode(re, im, null, u);
        }
        runPlan(p, params, inputs, inOff);
        return drawCodeBlocked(re, im, p.readIndex, u);
    }

    /**
     * Runs the circuit and writes readout r of the final state into out[off .. off + r.size(n)), for drawing from a
     * readout of some qubits (ancillas summed out, or Bernoulli marginals) when no gradient follows. By the circuit's
     * sampling plan when it has one ({@link #hasSamplingPlan}): the sums {@link #read} gives after {@link #run}, of
     * the plan's probabilities (the same up to rounding, about 1e-16 of the total), leaving no state to read; else
     * {@link #run} and {@link #read}, bit for bit.
     */
    public void readForSampling(double[] params, double[] inputs, int inOff, Readout r, double[] out, int off) {
        SamplingPlan p = samplingPlan();
        if (p == null) {
            run(params, inputs, inOff);
            read(r, out, off);
            return;
        }
        r.check(n);
        checkArgs(params, inputs, inOff);
        runPlan(p, params == null ? params0 : params, inputs == null ? inputs0 : inputs, inputs == null ? 0 : inOff);
        if (prob == null) prob = new double[dim];
        planProbabilities(p, prob);
        probValid = false; // prob is scratch here: no state backs it for read()
        compute(r, prob, out, off);
    }

    /** Whether {@link #sampleCode} runs a cheaper schedule than {@link #run}. */
    boolean hasSamplingPlan() {
        return samplingPlan() != null;
    }

    /** The Born probabilities that {@link #sampleCode} draws from, in code order (for tests); null without a plan. */
    double[] planProbabilities(double[] params, double[] inputs) {
        SamplingPlan p = samplingPlan();
        if (p == null) return null;
        runPlan(p, params == null ? params0 : params, inputs == null ? inputs0 : inputs, 0);
        double[] out = new double[dim];
        planProbabilities(p, out);
        return out;
    }

    /** The Born probabilities of a plan's run, in code order (its amplitudes are relabelled by readIndex). */
    private void planProbabilities(SamplingPlan p, double[] out) {
        final double[] re = this.re, im = this.im;
        final int[] index = p.readIndex;
        for (int y = 0; y < dim; y++) {
            int x = index == null ? y : index[y];
            out[y] = re[x] * re[x] + im[x] * im[x];
        }
    }

    private SamplingPlan samplingPlan() {
        if (!planChecked) {
            plan = SamplingPlan.of(c, kern.maskedLanes());
            planChecked = true;
        }
        return plan;
    }

    /**
     * {@link #prepareRun} for the sampling plan: every block through the cached upper products (the product prefix
     * too), and the blocks that open with an input RY ({@link #ryLead}) multiplied out from its trig directly.
     */
    private void preparePlan(double[] params, double[] inputs, int inOff) {
        if (shifting || !reassociate) {
            prepareRun(params, inputs, inOff);
            return;
        }
        prepareCached(params, inputs, inOff, planInputFactors);
        probValid = false;
        if (upperStale) fuseUpper();
        final int[] kind = c.kind;
        for (int i = 0; i < c.nInstr; i++) {
            if (ryLead[i] >= 0) {
                Kernels.mulRy(upperMat, 8 * i, ch[ryLead[i]], sh[ryLead[i]], bmat, 8 * i);
            } else if (kind[i] == Circuit.K_VAR || kind[i] == Circuit.K_VAR_DIAG) {
                fuse(i);
            }
        }
        prefixAmplitudes(c, productPrefix, qubitAmp, fmat, bmat, true);
    }

    private void runPlan(SamplingPlan p, double[] params, double[] inputs, int inOff) {
        preparePlan(params, inputs, inOff);
        stateValid = false; // the amplitudes end up relabelled: nothing for read() or a gradient
        final double[] re = this.re, im = this.im, u = qubitAmp;
        if (p.bondGate != null) {
            runBond(p);
        } else if (p.grows) {
            re[0] = 1.0;
            im[0] = 0.0;
            for (int s = 0; s < p.growKind.length; s++) {
                int a = p.growArg[s], len = p.growLen[s];
                switch (p.growKind[s]) {
                    case SamplingPlan.APPEND:
                        kern.appendQubit(re, im, len, u[4 * a], u[4 * a + 1], u[4 * a + 2], u[4 * a + 3]);
                        break;
                    case SamplingPlan.APPEND_CHAINED:
                        kern.appendQubitChained(re, im, len, a - 1, u[4 * a], u[4 * a + 1], u[4 * a + 2],
                                u[4 * a + 3]);
                        break;
                    default:
                        kern.apply(re, im, len, c.q0[a], c.kind[a] == Circuit.K_VAR ? bmat : c.constMat, 8 * a);
                }
            }
        } else {
            productPrefixState();
        }
        final int[] gi = p.gateInstr;
        final MaskedGate[] gm = p.gateMasked;
        for (int s = 0; s < gi.length; s++) {
            int i = gi[s];
            double[] m = c.kind[i] == Circuit.K_VAR ? bmat : c.constMat;
            if (gm[s] == null) kern.apply(re, im, dim, c.q0[i], m, 8 * i);
            else kern.applyMasked(re, im, dim, gm[s], m, 8 * i);
        }
    }

    /**
     * The two-branch growing blocks of {@link SamplingPlan}: branch y of the block over qubits 0..k holds the state
     * with the first layer's bit k (before the second layer's gate on qubit k) fixed to y, which is all that the next
     * qubit's factor needs; each step adds one qubit through the tensor t[w][n][o] = U[w][n] a[n ^ (chain1 ? o : 0)],
     * the last one sums the branches, and every gate after the second permutation is applied as soon as its qubit's
     * factors are in ({@link SamplingPlan#growLen}).
     */
    private void runBond(SamplingPlan p) {
        if (re2 == null) {
            re2 = new double[dim];
            im2 = new double[dim];
        }
        final double[] r0 = re, i0 = im, r1 = re2, i1 = im2, u = qubitAmp, t = bondTensor;
        int step = 0;
        for (int k = 0; k < n; k++) {
            int g = p.bondGate[k], off = g < 0 ? 0 : 8 * g;
            double[] m = g < 0 ? IDENTITY : c.kind[g] == Circuit.K_VAR ? bmat : c.constMat;
            boolean chained = p.chain1[k];
            for (int w = 0; w < 2; w++) {
                for (int nb = 0; nb < 2; nb++) {
                    double mr = m[off + 4 * w + 2 * nb], mi = m[off + 4 * w + 2 * nb + 1];
                    for (int o = 0; o < 2; o++) {
                        int a = 4 * k + 2 * (chained ? nb ^ o : nb);
                        double ar = u[a], ai = u[a + 1];
                        t[4 * (w * 2 + nb) + 2 * o] = mr * ar - mi * ai;
                        t[4 * (w * 2 + nb) + 2 * o + 1] = mr * ai + mi * ar;
                    }
                }
            }
            int len = 1 << k, split = p.chain2[k] ? k - 1 : -1;
            if (k == 0) {
                // branch y at v: U[v][y] a[y] (t[v][y][0])
                r0[0] = t[0];
                i0[0] = t[1];
                r0[1] = t[8];
                i0[1] = t[9];
                r1[0] = t[4];
                i1[0] = t[5];
                r1[1] = t[12];
                i1[1] = t[13];
            } else if (k < n - 1) {
                kern.bondStep(r0, i0, r1, i1, len, split, t);
            } else {
                closeCoefficients(p, t);
                kern.bondClose(r0, i0, r1, i1, len, split, t);
            }
            int have = 2 << k;
            for (; step < p.growKind.length && p.growLen[step] == have; step++) {
                int a = p.growArg[step];
                double[] gm = c.kind[a] == Circuit.K_VAR ? bmat : c.constMat;
                MaskedGate mg = p.growMasked[step];
                if (mg == null) {
                    kern.apply(r0, i0, have, c.q0[a], gm, 8 * a);
                    kern.apply(r1, i1, have, c.q0[a], gm, 8 * a);
                } else {
                    kern.applyMasked(r0, i0, have, mg, gm, 8 * a);
                    kern.applyMasked(r1, i1, have, mg, gm, 8 * a);
                }
            }
        }
    }

    /**
     * The closing step's coefficients t[f][b][o], from the step tensor t[w][n][o]: N[w][o] = sum over n of t[w][n][o]
     * (the branches summed), then the folded gate V on the last qubit, sum over c of V[b][c] N[c ^ f][o]
     * (N[b ^ f][o] without one).
     */
    private void closeCoefficients(SamplingPlan p, double[] t) {
        // N[w][o] at 16 + 2 (2 w + o), past the step tensor
        for (int w = 0; w < 2; w++) {
            for (int o = 0; o < 2; o++) {
                int a = 4 * (w * 2) + 2 * o, b = 4 * (w * 2 + 1) + 2 * o, n = 16 + 2 * (2 * w + o);
                t[n] = t[a] + t[b];
                t[n + 1] = t[a + 1] + t[b + 1];
            }
        }
        int g = p.foldedLast;
        double[] m = g < 0 ? IDENTITY : c.kind[g] == Circuit.K_VAR ? bmat : c.constMat;
        int off = g < 0 ? 0 : 8 * g;
        for (int f = 0; f < 2; f++) {
            for (int b = 0; b < 2; b++) {
                for (int o = 0; o < 2; o++) {
                    int at = 4 * (f * 2 + b) + 2 * o;
                    if (g < 0) {
                        t[at] = t[16 + 2 * (2 * (b ^ f) + o)];
                        t[at + 1] = t[16 + 2 * (2 * (b ^ f) + o) + 1];
                        continue;
                    }
                    double sr = 0, si = 0;
                    for (int cc = 0; cc < 2; cc++) {
                        double vr = m[off + 4 * b + 2 * cc], vi = m[off + 4 * b + 2 * cc + 1];
                        int n = 16 + 2 * (2 * (cc ^ f) + o);
                        double xr = t[n], xi = t[n + 1];
                        sr += vr * xr - vi * xi;
                        si += vr * xi + vi * xr;
                    }
                    t[at] = sr;
                    t[at + 1] = si;
                }
            }
        }
    }

    private static final double[] IDENTITY = {1, 0, 0, 0, 0, 0, 1, 0};

    /**
     * {@link #drawCode} with the running sum taken eight codes at a time (a pairwise sum of the eight), and code by
     * code only inside the block where it passes u: the same draw up to the rounding of the sums (as the plan's
     * amplitudes are), at a quarter of the dependent additions, which bound the sequential loop.
     */
    private static int drawCodeBlocked(double[] re, double[] im, int[] index, double u) {
        int dim = re.length;
        if (index == null || dim < 8) return drawCode(re, im, index, u);
        double acc = 0;
        for (int y = 0; y < dim; y += 8) {
            int x0 = index[y], x1 = index[y + 1], x2 = index[y + 2], x3 = index[y + 3];
            int x4 = index[y + 4], x5 = index[y + 5], x6 = index[y + 6], x7 = index[y + 7];
            double p0 = re[x0] * re[x0] + im[x0] * im[x0], p1 = re[x1] * re[x1] + im[x1] * im[x1];
            double p2 = re[x2] * re[x2] + im[x2] * im[x2], p3 = re[x3] * re[x3] + im[x3] * im[x3];
            double p4 = re[x4] * re[x4] + im[x4] * im[x4], p5 = re[x5] * re[x5] + im[x5] * im[x5];
            double p6 = re[x6] * re[x6] + im[x6] * im[x6], p7 = re[x7] * re[x7] + im[x7] * im[x7];
            double next = acc + (((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)));
            if (u < next) {
                double a = acc;
                if (u < (a += p0)) return y;
                if (u < (a += p1)) return y + 1;
                if (u < (a += p2)) return y + 2;
                if (u < (a += p3)) return y + 3;
                if (u < (a += p4)) return y + 4;
                if (u < (a += p5)) return y + 5;
                if (u < (a += p6)) return y + 6;
                // the block's total passed u (the steps' rounding may not have): its last code with weight
                if (p7 > 0) return y + 7;
                double[] p = {p0, p1, p2, p3, p4, p5, p6};
                int k = 6;
                while (p[k] == 0) k--;
                return y + k;
            }
            acc = next;
        }
        return drawCode(re, im, index, Double.POSITIVE_INFINITY);
    }

    /**
     * The inverse-CDF draw of {@link #sampleCode} on amplitudes (re, im) read through index (null: in place), with
     * the probability of each code computed as {@link #ensureProb} does and summed in code order, so that without
     * a plan the code is the one a probability readout would give.
     */
    private static int drawCode(double[] re, double[] im, int[] index, double u) {
        int dim = re.length;
        double acc = 0;
        for (int y = 0; y < dim; y++) {
            int x = index == null ? y : index[y];
            acc += re[x] * re[x] + im[x] * im[x];
            if (u < acc) return y;
        }
        for (int y = dim - 1; y >= 0; y--) {
            int x = index == null ? y : index[y];
            if (re[x] * re[x] + im[x] * im[x] > 0) return y;
        }
        return 0;
    }

    /** Writes the readout of the current state into out[0 .. r.size(n)). */
    public void read(Readout r, double[] out) {
        r.check(n);
        ensureProb();
        r.compute(prob, n, out);
    }

    /** Writes the readout into out[off .. off + r.size(n)). */
    public void read(Readout r, double[] out, int off) {
        r.check(n);
        ensureProb();
        compute(r, prob, out, off);
    }

    /** Readout r of the probabilities pr into out[off ..] (through a scratch array when off is not 0). */
    private void compute(Readout r, double[] pr, double[] out, int off) {
        if (off == 0) {
            r.compute(pr, n, out);
            return;
        }
        int size = r.size(n);
        if (outTmp == null || outTmp.length < size) outTmp = new double[size];
        r.compute(pr, n, outTmp);
        System.arraycopy(outTmp, 0, out, off, size);
    }

    public double[] read(Readout r) {
        double[] out = new double[r.size(n)];
        read(r, out);
        return out;
    }

    /** The real parts of the current amplitudes (a live view: do not modify). */
    public double[] real() {
        if (!stateValid) throw new IllegalStateException("no state: call run()");
        return re;
    }

    /** The imaginary parts of the current amplitudes (a live view: do not modify). */
    public double[] imag() {
        if (!stateValid) throw new IllegalStateException("no state: call run()");
        return im;
    }

    /**
     * Draws measurement shots from the current state over the given qubits (null = all); each shot is
     * the code sum_k bit(qubits[k]) 2^k. Writes {@code shots} codes to out[off..].
     */
    public void sample(int[] qubits, int shots, SplittableRandom rng, long[] out, int off) {
        ensureProb();
        if (cdf == null) cdf = new double[dim];
        double acc = 0;
        for (int b = 0; b < dim; b++) {
            acc += prob[b];
            cdf[b] = acc;
        }
        Readout sub = qubits == null ? null : Readout.probabilities(qubits);
        if (sub != null) sub.check(n);
        for (int k = 0; k < shots; k++) {
            double u = rng.nextDouble() * acc;
            int lo = 0, hi = dim - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) hi = mid;
                else lo = mid + 1;
            }
            // lo is the first state with cdf > u, so it never has probability zero.
            out[off + k] = sub == null ? lo : sub.subsetCode(lo);
        }
    }

    /**
     * Forward run, then one reverse (adjoint) sweep for the loss L = dot(cotangent, readout). Adds
     * dL/dparams to {@code gradParams} and dL/dinputs to {@code gradInputs[giOff..]} (either may be
     * null). Writes the readout to {@code out} when not null. Returns L.
     */
    public double gradient(double[] params, double[] inputs, int inOff, Readout readout, double[] cotangent,
            double[] gradParams, double[] gradInputs, int giOff, double[] out) {
        return gradient(params, inputs, inOff, readout, cotangent, 0, gradParams, gradInputs, giOff, out, 0);
    }

    /**
     * The general form, for flat batch arrays: the cotangent is read from {@code cotangent[cotOff..]} and
     * the readout written to {@code out[outOff..]} (when out is not null).
     */
    public double gradient(double[] params, double[] inputs, int inOff, Readout readout, double[] cotangent,
            int cotOff, double[] gradParams, double[] gradInputs, int giOff, double[] out, int outOff) {
        return gradient(params, inputs, inOff, null, 0, readout, cotangent, cotOff, gradParams, gradInputs, giOff, out,
                outOff);
    }

    /** Amplitudes in a saved state ({@link #saveState}): the real parts, then the imaginary parts. */
    public int stateLength() {
        return 2 * dim;
    }

    /** The final state of the last {@link #run} into {@code dst[off .. off + stateLength())}. */
    public void saveState(double[] dst, int off) {
        if (!stateValid) throw new IllegalStateException("no state: call run()");
        System.arraycopy(re, 0, dst, off, dim);
        System.arraycopy(im, 0, dst, off + dim, dim);
    }

    /**
     * {@link #gradient(double[], double[], int, Readout, double[], int, double[], double[], int, double[], int)} for
     * a run whose final state {@link #saveState} kept, with the same parameters and inputs: the gate matrices are
     * prepared again but the state is loaded, not computed (a training step's generator pass runs the circuits
     * for its readouts first, then for the gradient). The same bits as the gradient with its own forward run.
     */
    public double gradientFromState(double[] params, double[] inputs, int inOff, double[] state, int stateOff,
            Readout readout, double[] cotangent, int cotOff, double[] gradParams, double[] gradInputs, int giOff,
            double[] out, int outOff) {
        if (state == null || stateOff < 0 || state.length < stateOff + stateLength()) {
            throw new IllegalArgumentException("need a saved state of " + stateLength() + " doubles at offset " + stateOff);
        }
        return gradient(params, inputs, inOff, state, stateOff, readout, cotangent, cotOff, gradParams, gradInputs,
                giOff, out, outOff);
    }

    /** What {@link #forward} leaves for the adjoint sweep (the fused matrices), with the state copied in. */
    private void loadState(double[] params, double[] inputs, int inOff, double[] state, int off) {
        prepareRun(params, inputs, inOff);
        System.arraycopy(state, off, re, 0, dim);
        System.arraycopy(state, off + dim, im, 0, dim);
    }

    private double gradient(double[] params, double[] inputs, int inOff, double[] state, int stateOff,
            Readout readout, double[] cotangent, int cotOff, double[] gradParams, double[] gradInputs, int giOff,
            double[] out, int outOff) {
        checkArgs(params, inputs, inOff);
        readout.check(n);
        int size = readout.size(n);
        if (cotangent.length < cotOff + size) {
            throw new IllegalArgumentException("cotangent needs " + size + " entries at offset " + cotOff);
        }
        if (cotOff != 0) {
            if (cotTmp == null || cotTmp.length < size) cotTmp = new double[size];
            System.arraycopy(cotangent, cotOff, cotTmp, 0, size);
            cotangent = cotTmp;
        }
        if (params == null) params = params0;
        if (inputs == null) {
            inputs = inputs0;
            inOff = 0;
        }
        if (state == null) forward(params, inputs, inOff);
        else loadState(params, inputs, inOff, state, stateOff);
        ensureProb();
        if (outTmp == null || outTmp.length < size) outTmp = new double[size];
        readout.compute(prob, n, outTmp);
        if (out != null) System.arraycopy(outTmp, 0, out, outOff, size);
        double loss = 0;
        for (int k = 0; k < size; k++) loss += cotangent[k] * outTmp[k];

        if (lre == null) {
            lre = new double[dim];
            lim = new double[dim];
            if (c.hasPermutation()) {
                lre2 = new double[dim];
                lim2 = new double[dim];
            }
        }
        // lambda = W psi with W the diagonal observable; prob is reused as the weight buffer.
        readout.weights(cotangent, n, prob);
        probValid = false;
        for (int b = 0; b < dim; b++) {
            lre[b] = prob[b] * re[b];
            lim[b] = prob[b] * im[b];
        }
        Arrays.fill(gslot, 0.0);
        final int[] kind = c.kind, q0 = c.q0, q1 = c.q1;
        for (int i = c.nInstr - 1; i >= 0; i--) {
            switch (kind[i]) {
                case Circuit.K_VAR:
                    kern.reverse(re, im, lre, lim, dim, q0[i], bmat, 8 * i, r);
                    blockGradient(i);
                    break;
                case Circuit.K_VAR_DIAG:
                    kern.reverseDiag(re, im, lre, lim, dim, q0[i], bmat, 8 * i, r);
                    blockGradient(i);
                    break;
                case Circuit.K_CONST:
                case Circuit.K_CONST_DIAG:
                    Kernels.dagger(c.constMat, 8 * i, tmp, 0);
                    if (kind[i] == Circuit.K_CONST) {
                        kern.apply(re, im, dim, q0[i], tmp, 0);
                        kern.apply(lre, lim, dim, q0[i], tmp, 0);
                    } else {
                        kern.applyDiag(re, im, dim, q0[i], tmp, 0);
                        kern.applyDiag(lre, lim, dim, q0[i], tmp, 0);
                    }
                    break;
                case Circuit.K_CONST_X:
                    Kernels.applyX(re, im, dim, q0[i]);
                    Kernels.applyX(lre, lim, dim, q0[i]);
                    break;
                case Circuit.K_CNOT:
                    Kernels.cnot(re, im, dim, q0[i], q1[i]);
                    Kernels.cnot(lre, lim, dim, q0[i], q1[i]);
                    break;
                case Circuit.K_CZ:
                    Kernels.cz(re, im, dim, q0[i], q1[i]);
                    Kernels.cz(lre, lim, dim, q0[i], q1[i]);
                    break;
                case Circuit.K_PERM:
                    gatherState(c.permInv[i]);
                    gatherAdjoint(c.permInv[i]);
                    break;
                default:
                    Kernels.swap(re, im, dim, q0[i], q1[i]);
                    Kernels.swap(lre, lim, dim, q0[i], q1[i]);
            }
        }
        chain(c, params, inputs, inOff, gslot, gradParams, gradInputs, giOff, 0);
        // The reverse sweep took the state back to |0...0>: it must be run again before it is read.
        stateValid = false;
        return loss;
    }

    /** Same, with the inputs at offset 0 and the input gradient at offset 0. */
    public double gradient(double[] params, double[] inputs, Readout readout, double[] cotangent,
            double[] gradParams, double[] gradInputs) {
        return gradient(params, inputs, 0, readout, cotangent, gradParams, gradInputs, 0, null);
    }

    /**
     * The gradient contributions of one fused block F = M_{m-1} ... M_0, given r (the correlation of lambda
     * after the block with psi before it): dL/dangle = 2 Re tr(A dM_k B r^T), with A the factors after and
     * B the factors before M_k. With X_k = B_{k+1} r^T A_k, which obeys X_k = M_k X_{k-1} M_k^dag from
     * X_{-1} = r^T F, a Pauli rotation exp(-i t P / 2) gets dL/dt = Im tr(P X_k), and any other gate
     * 2 Re tr(dM_k M_k^dag X_k): two 2x2 products per factor in all.
     */
    private void blockGradient(int i) {
        blockGradient(c, i, r, bmat, fmat, ch, sh, gslot, tmp, x, d);
    }

    /** {@link #blockGradient(int)} on explicit workspaces (tmp, x, d: 8 each). */
    static void blockGradient(Circuit c, int i, double[] r, double[] bmat, double[] fmat, double[] ch, double[] sh,
            double[] gslot, double[] tmp, double[] x, double[] d) {
        final int[] bf = c.blockFactors;
        int s = c.blockStart[i], e = c.blockEnd[i];
        int last = e - 1;
        while (last >= s && !c.factorVariable[bf[last]]) last--;
        // x = r^T F
        Gate.set(tmp, 0, r[0], r[1], r[4], r[5], r[2], r[3], r[6], r[7]);
        Kernels.mul(tmp, 0, bmat, 8 * i, x, 0);
        for (int k = s; k <= last; k++) {
            int f = bf[k];
            Kernels.mul(fmat, 8 * f, x, 0, tmp, 0);
            Kernels.mulAdjointRight(tmp, 0, fmat, 8 * f, x, 0);
            if (!c.factorVariable[f]) continue;
            Gate g = c.factorGate[f];
            int slot = c.factorSlot[f];
            switch (g) {
                case RZ: gslot[slot] += x[1] - x[7]; break;            // Im(X00 - X11)
                case RX: gslot[slot] += x[3] + x[5]; break;            // Im(X01 + X10)
                case RY: gslot[slot] += x[2] - x[4]; break;            // Im(i (X01 - X10))
                default: {
                    Kernels.mulAdjointLeft(fmat, 8 * f, x, 0, tmp, 0); // M^dag X
                    for (int a = 0; a < g.angles(); a++) {
                        if (!c.slotVariable[slot + a]) continue;
                        g.derivative(ch, sh, slot, a, d, 0);
                        // 2 Re tr(D E) = 2 Re sum_ij D_ij E_ji
                        gslot[slot + a] += 2 * (d[0] * tmp[0] - d[1] * tmp[1] + d[2] * tmp[4] - d[3] * tmp[5]
                                + d[4] * tmp[2] - d[5] * tmp[3] + d[6] * tmp[6] - d[7] * tmp[7]);
                    }
                }
            }
        }
    }

    /** Chain rule from angle slots to parameters and inputs: angle = scale * param * input. */
    static void chain(Circuit c, double[] params, double[] inputs, int inOff, double[] g, double[] gradParams,
            double[] gradInputs, int giOff, int gpOff) {
        for (int s = 0; s < c.nSlots; s++) {
            if (!c.slotVariable[s]) continue;
            double gs = g[s] * c.slotScale[s];
            int p = c.slotParam[s], j = c.slotInput[s];
            if (p >= 0 && gradParams != null) gradParams[gpOff + p] += j >= 0 ? gs * inputs[inOff + j] : gs;
            if (j >= 0 && gradInputs != null) gradInputs[giOff + j] += p >= 0 ? gs * params[p] : gs;
        }
    }

    /**
     * The same gradient by the parameter-shift rule: two extra runs per variable angle, each angle shifted
     * by +-pi/2 (exact for every rotation gate of the set). For cross-checks and hardware-style costing.
     */
    public double parameterShiftGradient(double[] params, double[] inputs, int inOff, Readout readout,
            double[] cotangent, double[] gradParams, double[] gradInputs, int giOff) {
        checkArgs(params, inputs, inOff);
        readout.check(n);
        if (params == null) params = params0;
        if (inputs == null) {
            inputs = inputs0;
            inOff = 0;
        }
        int size = readout.size(n);
        double[] out = new double[size];
        double[] g = new double[c.nSlots];
        shifting = true;
        try {
            for (int s = 0; s < c.nSlots; s++) {
                if (!c.slotVariable[s]) continue;
                shift[s] = Math.PI / 2;
                double plus = loss(params, inputs, inOff, readout, cotangent, out);
                shift[s] = -Math.PI / 2;
                double minus = loss(params, inputs, inOff, readout, cotangent, out);
                shift[s] = 0;
                g[s] = 0.5 * (plus - minus);
            }
        } finally {
            shifting = false;
        }
        chain(c, params, inputs, inOff, g, gradParams, gradInputs, giOff, 0);
        return loss(params, inputs, inOff, readout, cotangent, out);
    }

    private double loss(double[] params, double[] inputs, int inOff, Readout readout, double[] cot, double[] out) {
        forward(params, inputs, inOff);
        ensureProb();
        readout.compute(prob, n, out);
        double l = 0;
        for (int k = 0; k < out.length; k++) l += cot[k] * out[k];
        return l;
    }
}
