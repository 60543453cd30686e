package org.spiqgan.quantum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.spiqgan.BadInputException;

/**
 * A quantum circuit on n qubits starting from |0...0>, whose gate angles are constants, trainable
 * parameters or inputs (see {@link Angle}). Immutable and thread-safe: one circuit serves a whole batch;
 * each thread evaluates it with its own {@link Evaluator}.
 *
 * <p>Basis index convention: b = sum_q bit_q 2^q (qubit 0 is the least significant bit).
 *
 * <p>On construction the circuit is compiled: consecutive single-qubit gates on one qubit (with no
 * two-qubit gate on that qubit in between) become one fused block, applied to the state as a single
 * 2x2 matrix. The block keeps its factors, so the adjoint pass still differentiates every angle.
 */
public final class Circuit {
    /** The largest register this machine simulates (2^26 amplitudes = 1 GiB per state vector). */
    public static final int MAX_QUBITS = 26;

    // Instruction kinds of the compiled program.
    static final int K_VAR = 0, K_VAR_DIAG = 1, K_CONST = 2, K_CONST_DIAG = 3, K_CONST_X = 4,
            K_CNOT = 5, K_CZ = 6, K_SWAP = 7, K_PERM = 8;

    /**
     * Runs of two or more permutation gates (CNOT, SWAP, X) become one gather pass through an index table
     * (4 bytes per amplitude per run), up to this register size.
     */
    static final int PERM_MAX_QUBITS = 20;

    private final int nQubits;
    private final int nParams;
    private final int nInputs;
    private final List<Op> ops;

    // Angle slots: every angle of every op, in op order.
    final int nSlots;
    final double[] slotConst;
    final int[] slotParam;
    final int[] slotInput;
    final double[] slotScale;
    final boolean[] slotVariable;
    final boolean[] slotTrig; // the slot's half-angle trig is needed at run time (it feeds a variable factor)

    // Factors: single-qubit ops.
    final int nFactors;
    final Gate[] factorGate;
    final int[] factorSlot;
    final boolean[] factorVariable;
    final double[] factorConstMat; // 8 per factor; valid when !factorVariable

    // Program.
    final int nInstr;
    final int[] kind;
    final int[] q0;
    final int[] q1;
    final int[] blockStart; // into blockFactors
    final int[] blockEnd;
    final int[] blockFactors;
    final double[] constMat; // 8 per instruction, for constant blocks
    final int[][] permSrc;   // K_PERM: new[i] = old[permSrc[i]]
    final int[][] permInv;   // K_PERM: old[i] = new[permInv[i]]

    /** True when the compiled program has a gather pass (the evaluator then needs a second buffer). */
    boolean hasPermutation() {
        for (int k : kind) {
            if (k == K_PERM) return true;
        }
        return false;
    }

    private Circuit(int nQubits, int nParams, int nInputs, List<Op> ops) {
        this.nQubits = nQubits;
        this.nParams = nParams;
        this.nInputs = nInputs;
        this.ops = Collections.unmodifiableList(new ArrayList<>(ops));

        int slots = 0, factors = 0;
        for (Op op : ops) {
            slots += op.gate().angles();
            if (op.gate().qubits() == 1) factors++;
        }
        nSlots = slots;
        slotConst = new double[slots];
        slotParam = new int[slots];
        slotInput = new int[slots];
        slotScale = new double[slots];
        slotVariable = new boolean[slots];
        slotTrig = new boolean[slots];
        nFactors = factors;
        factorGate = new Gate[factors];
        factorSlot = new int[factors];
        factorVariable = new boolean[factors];
        factorConstMat = new double[8 * factors];

        int s = 0, f = 0;
        int[] opFactor = new int[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            Op op = ops.get(k);
            int first = s;
            boolean variable = false;
            for (int a = 0; a < op.gate().angles(); a++, s++) {
                Angle ang = op.angle(a);
                slotConst[s] = ang.constantValue();
                slotParam[s] = ang.paramIndex();
                slotInput[s] = ang.inputIndex();
                slotScale[s] = ang.scale();
                slotVariable[s] = !ang.isConstant();
                variable |= slotVariable[s];
            }
            if (op.gate().qubits() == 1) {
                factorGate[f] = op.gate();
                factorSlot[f] = first;
                factorVariable[f] = variable;
                if (variable) {
                    for (int a = first; a < s; a++) slotTrig[a] = true;
                }
                if (op.gate() == Gate.UNITARY) {
                    for (int e = 0; e < 8; e++) factorConstMat[8 * f + e] = op.matrixEntry(e);
                } else if (!variable) {
                    op.gate().matrix(slotConst, first, factorConstMat, 8 * f);
                }
                opFactor[k] = f++;
            } else {
                opFactor[k] = -1;
            }
        }

        // Fuse: each qubit collects its pending single-qubit factors until a two-qubit gate touches it.
        Program p = new Program(ops.size() + nQubits);
        List<List<Integer>> pending = new ArrayList<>();
        for (int q = 0; q < nQubits; q++) pending.add(new ArrayList<>());
        for (int k = 0; k < ops.size(); k++) {
            Op op = ops.get(k);
            if (op.gate().qubits() == 1) {
                pending.get(op.qubit(0)).add(opFactor[k]);
            } else {
                // A run of consecutive two-qubit ops: flush the pending blocks of every qubit it touches
                // first (they precede the whole run), so that the run stays contiguous and permutation
                // runs can become one gather pass.
                int e = k;
                while (e < ops.size() && ops.get(e).gate().qubits() == 2) e++;
                for (int r = k; r < e; r++) {
                    flush(p, pending, ops.get(r).qubit(0));
                    flush(p, pending, ops.get(r).qubit(1));
                }
                for (int r = k; r < e; r++) {
                    Op o2 = ops.get(r);
                    int kd = o2.gate() == Gate.CNOT ? K_CNOT : o2.gate() == Gate.CZ ? K_CZ : K_SWAP;
                    p.add(kd, o2.qubit(0), o2.qubit(1), null, null);
                }
                k = e - 1;
            }
        }
        for (int q = 0; q < nQubits; q++) flush(p, pending, q);
        if (nQubits <= PERM_MAX_QUBITS) p = mergePermutations(p, ops.size() + nQubits);
        nInstr = p.size;
        permSrc = java.util.Arrays.copyOf(p.src, nInstr);
        permInv = java.util.Arrays.copyOf(p.inv, nInstr);
        kind = java.util.Arrays.copyOf(p.kind, nInstr);
        q0 = java.util.Arrays.copyOf(p.q0, nInstr);
        q1 = java.util.Arrays.copyOf(p.q1, nInstr);
        blockStart = java.util.Arrays.copyOf(p.start, nInstr);
        blockEnd = java.util.Arrays.copyOf(p.end, nInstr);
        blockFactors = p.factors.stream().mapToInt(Integer::intValue).toArray();
        constMat = java.util.Arrays.copyOf(p.mat, 8 * nInstr);
    }

    private void flush(Program p, List<List<Integer>> pending, int q) {
        List<Integer> fs = pending.get(q);
        if (fs.isEmpty()) return;
        boolean variable = false, diagonal = true;
        for (int f : fs) {
            variable |= factorVariable[f];
            diagonal &= factorGate[f].isDiagonal() || (factorGate[f] == Gate.UNITARY
                    && isDiagonal(factorConstMat, 8 * f));
        }
        if (variable) {
            p.add(diagonal ? K_VAR_DIAG : K_VAR, q, -1, fs, null);
        } else {
            double[] m = {1, 0, 0, 0, 0, 0, 1, 0};
            for (int f : fs) Kernels.mul(factorConstMat, 8 * f, m, 0, m, 0);
            if (isIdentity(m)) {
                fs.clear();
                return;
            }
            int kd = isDiagonal(m, 0) ? K_CONST_DIAG : isX(m) ? K_CONST_X : K_CONST;
            p.add(kd, q, -1, fs, m);
        }
        fs.clear();
    }

    private static boolean isDiagonal(double[] m, int off) {
        return m[off + 2] == 0 && m[off + 3] == 0 && m[off + 4] == 0 && m[off + 5] == 0;
    }

    /** Identity to rounding (H H gives 1 + 2e-16): such a block is dropped. */
    private static boolean isIdentity(double[] m) {
        double eps = 1e-15;
        return Math.abs(m[0] - 1) < eps && Math.abs(m[1]) < eps && Math.abs(m[6] - 1) < eps && Math.abs(m[7]) < eps
                && Math.abs(m[2]) < eps && Math.abs(m[3]) < eps && Math.abs(m[4]) < eps && Math.abs(m[5]) < eps;
    }

    private static boolean isX(double[] m) {
        return m[0] == 0 && m[1] == 0 && m[6] == 0 && m[7] == 0 && m[2] == 1 && m[3] == 0 && m[4] == 1
                && m[5] == 0;
    }

    private static boolean isPermutation(int kind) {
        return kind == K_CNOT || kind == K_SWAP || kind == K_CONST_X;
    }

    /** Replaces each run of two or more permutation instructions by one K_PERM gather. */
    private Program mergePermutations(Program p, int cap) {
        Program out = new Program(cap);
        out.factors.addAll(p.factors);
        int dim = 1 << nQubits;
        for (int i = 0; i < p.size; ) {
            int e = i;
            while (e < p.size && isPermutation(p.kind[e])) e++;
            if (e - i >= 2) {
                int[] src = new int[dim], inv = new int[dim];
                for (int c = 0; c < dim; c++) {
                    int b = c;
                    // new[c] = old[pi_1(pi_2(... pi_m(c)))]: each gate is an involution on indices
                    for (int k = e - 1; k >= i; k--) b = permute(p.kind[k], p.q0[k], p.q1[k], b);
                    src[c] = b;
                    inv[b] = c;
                }
                out.add(K_PERM, -1, -1, null, null);
                out.src[out.size - 1] = src;
                out.inv[out.size - 1] = inv;
                i = e;
            } else {
                out.copy(p, i);
                i++;
            }
        }
        return out;
    }

    static int permute(int kind, int a, int b, int x) {
        switch (kind) {
            case K_CONST_X: return x ^ (1 << a);
            case K_CNOT: return ((x >>> a) & 1) != 0 ? x ^ (1 << b) : x;
            default: {
                int ba = (x >>> a) & 1, bb = (x >>> b) & 1;
                return ba == bb ? x : x ^ (1 << a) ^ (1 << b);
            }
        }
    }

    private static final class Program {
        int size;
        int[] kind, q0, q1, start, end;
        double[] mat;
        int[][] src, inv;
        final List<Integer> factors = new ArrayList<>();

        void copy(Program p, int i) {
            kind[size] = p.kind[i];
            q0[size] = p.q0[i];
            q1[size] = p.q1[i];
            start[size] = p.start[i];
            end[size] = p.end[i];
            System.arraycopy(p.mat, 8 * i, mat, 8 * size, 8);
            size++;
        }

        Program(int cap) {
            src = new int[cap][];
            inv = new int[cap][];
            kind = new int[cap];
            q0 = new int[cap];
            q1 = new int[cap];
            start = new int[cap];
            end = new int[cap];
            mat = new double[8 * cap];
        }

        void add(int k, int a, int b, List<Integer> fs, double[] m) {
            kind[size] = k;
            q0[size] = a;
            q1[size] = b;
            start[size] = factors.size();
            if (fs != null) factors.addAll(fs);
            end[size] = factors.size();
            if (m != null) System.arraycopy(m, 0, mat, 8 * size, 8);
            size++;
        }
    }

    public static Builder builder(int nQubits) {
        return new Builder(nQubits);
    }

    /** Fails with the memory it would need when n is outside 1..{@value #MAX_QUBITS}. */
    public static void checkQubitCount(Object source, int n) {
        if (n < 1) throw BadInputException.of(source, "qubits", "need at least 1 qubit, got " + n);
        if (n > MAX_QUBITS) {
            double gib = Math.pow(2, n) * 16 / (1L << 30);
            throw BadInputException.of(source, "qubits", String.format(java.util.Locale.ROOT,
                    "%d qubits would need %.0f GiB for one state vector (%.0f GiB with gradients); "
                            + "the limit on this machine is %d qubits", n, gib, 2 * gib, MAX_QUBITS));
        }
    }

    public int qubits() {
        return nQubits;
    }

    public int paramCount() {
        return nParams;
    }

    public int inputCount() {
        return nInputs;
    }

    public List<Op> ops() {
        return ops;
    }

    /** Number of state-vector passes of the compiled (fused) program. */
    public int fusedInstructionCount() {
        return nInstr;
    }

    /**
     * Floating-point operations of one forward run under a counted model: a general 2x2 pass costs 14 flops
     * per amplitude (two complex multiplies and one complex add per output), a diagonal pass 6, a gather
     * or swap pass 0; fusing m factors costs 56 (m - 1) flops per block; trig is not counted.
     */
    public long forwardFlops() {
        long dim = 1L << nQubits, f = 0;
        for (int i = 0; i < nInstr; i++) {
            int k = kind[i];
            if (k == K_VAR || k == K_CONST) f += 14 * dim;
            else if (k == K_VAR_DIAG || k == K_CONST_DIAG) f += 6 * dim;
            else if (k == K_CZ) f += dim / 2; // sign flips on a quarter of the amplitudes (re and im)
            if (k == K_VAR || k == K_VAR_DIAG) f += 56L * (blockEnd[i] - blockStart[i] - 1);
        }
        return f;
    }

    /**
     * Flops of one forward plus adjoint sweep under the same model: the reverse pass applies each block's
     * inverse to two vectors (2 x 14 per amplitude) and correlates them (16 per amplitude) for parametrised
     * blocks; the block's 2x2 algebra costs 56 flops per 2x2 product (one per block, two per factor, one
     * more per ROT/U3 factor plus 16 per angle); the initial lambda = W psi costs 2 per amplitude.
     */
    public long gradientFlops() {
        long dim = 1L << nQubits, f = forwardFlops() + 2 * dim;
        for (int i = 0; i < nInstr; i++) {
            int k = kind[i];
            if (k == K_VAR) f += 44 * dim;
            else if (k == K_VAR_DIAG) f += 20 * dim;
            else if (k == K_CONST) f += 28 * dim;
            else if (k == K_CONST_DIAG) f += 12 * dim;
            else if (k == K_CZ) f += dim;
            if (k == K_VAR || k == K_VAR_DIAG) {
                f += 56;
                for (int b = blockStart[i]; b < blockEnd[i]; b++) {
                    int fct = blockFactors[b];
                    f += 112;
                    Gate g = factorGate[fct];
                    if (factorVariable[fct] && (g == Gate.ROT || g == Gate.U3)) f += 56 + 16L * g.angles();
                    else if (factorVariable[fct]) f += 2;
                }
            }
        }
        return f;
    }

    /** A new evaluator (state vector and workspaces) for use by one thread at a time. */
    public Evaluator newEvaluator() {
        return new Evaluator(this);
    }

    /** Convenience: the state after running the circuit once. */
    public Evaluator run(double[] params, double[] inputs) {
        Evaluator e = newEvaluator();
        e.run(params, inputs);
        return e;
    }

    /** Convenience: the full probability vector. */
    public double[] probabilities(double[] params, double[] inputs) {
        return run(params, inputs).read(Readout.probabilities());
    }

    /** Builds a circuit. Parameter and input counts default to (largest index used) + 1. */
    public static final class Builder {
        private final int n;
        private final List<Op> ops = new ArrayList<>();
        private int params, inputs;

        Builder(int n) {
            checkQubitCount(null, n);
            this.n = n;
        }

        /** Declares at least this many trainable parameters. */
        public Builder params(int count) {
            params = Math.max(params, count);
            return this;
        }

        /** Declares at least this many inputs. */
        public Builder inputs(int count) {
            inputs = Math.max(inputs, count);
            return this;
        }

        public int qubits() {
            return n;
        }

        public Builder gate(Gate g, int qubit, Angle... angles) {
            if (g.qubits() != 1 || g == Gate.UNITARY) throw new IllegalArgumentException(g + " is not a fixed or rotation 1-qubit gate");
            return add(new Op(g, new int[] {qubit}, angles, null));
        }

        public Builder gate(Gate g, int a, int b) {
            if (g.qubits() != 2) throw new IllegalArgumentException(g + " is not a 2-qubit gate");
            if (a == b) throw new IllegalArgumentException(g + " on the same qubit twice: " + a);
            return add(new Op(g, new int[] {a, b}, new Angle[0], null));
        }

        public Builder rx(int q, Angle a) { return gate(Gate.RX, q, a); }
        public Builder ry(int q, Angle a) { return gate(Gate.RY, q, a); }
        public Builder rz(int q, Angle a) { return gate(Gate.RZ, q, a); }
        public Builder rx(int q, double a) { return gate(Gate.RX, q, Angle.constant(a)); }
        public Builder ry(int q, double a) { return gate(Gate.RY, q, Angle.constant(a)); }
        public Builder rz(int q, double a) { return gate(Gate.RZ, q, Angle.constant(a)); }

        /** PennyLane Rot(phi, theta, omega) = RZ(omega) RY(theta) RZ(phi). */
        public Builder rot(int q, Angle phi, Angle theta, Angle omega) { return gate(Gate.ROT, q, phi, theta, omega); }

        /** OpenQASM u3(theta, phi, lambda). */
        public Builder u3(int q, Angle theta, Angle phi, Angle lambda) { return gate(Gate.U3, q, theta, phi, lambda); }

        public Builder h(int q) { return gate(Gate.H, q); }
        public Builder x(int q) { return gate(Gate.X, q); }
        public Builder y(int q) { return gate(Gate.Y, q); }
        public Builder z(int q) { return gate(Gate.Z, q); }
        public Builder s(int q) { return gate(Gate.S, q); }
        public Builder sdg(int q) { return gate(Gate.SDG, q); }
        public Builder t(int q) { return gate(Gate.T, q); }
        public Builder tdg(int q) { return gate(Gate.TDG, q); }
        public Builder cnot(int control, int target) { return gate(Gate.CNOT, control, target); }
        public Builder cz(int a, int b) { return gate(Gate.CZ, a, b); }
        public Builder swap(int a, int b) { return gate(Gate.SWAP, a, b); }

        /**
         * Any constant 2x2 unitary, row-major {@code (re00, im00, re01, im01, re10, im10, re11, im11)}.
         * Checked to be unitary to 1e-9.
         */
        public Builder unitary(int q, double[] m) {
            if (m.length != 8) throw new IllegalArgumentException("2x2 complex matrix needs 8 doubles");
            double[] p = new double[8];
            double[] d = new double[8];
            Kernels.dagger(m, 0, d, 0);
            Kernels.mul(d, 0, m, 0, p, 0);
            double err = Math.abs(p[0] - 1) + Math.abs(p[1]) + Math.abs(p[2]) + Math.abs(p[3]) + Math.abs(p[4])
                    + Math.abs(p[5]) + Math.abs(p[6] - 1) + Math.abs(p[7]);
            if (!(err < 1e-9)) throw new IllegalArgumentException("matrix is not unitary (|U^dag U - I| = " + err + ")");
            return add(new Op(Gate.UNITARY, new int[] {q}, new Angle[0], m));
        }

        /** Appends an op of another circuit (same conventions). */
        public Builder add(Op op) {
            for (int q : op.qubits()) {
                if (q < 0 || q >= n) throw new IllegalArgumentException("qubit " + q + " out of range 0.." + (n - 1));
            }
            if (op.angles().size() != op.gate().angles()) {
                throw new IllegalArgumentException(op.gate() + " takes " + op.gate().angles() + " angles");
            }
            for (Angle a : op.angles()) {
                if (a.paramIndex() >= 0) params = Math.max(params, a.paramIndex() + 1);
                if (a.inputIndex() >= 0) inputs = Math.max(inputs, a.inputIndex() + 1);
            }
            ops.add(op);
            return this;
        }

        public Circuit build() {
            return new Circuit(n, params, inputs, ops);
        }
    }
}
