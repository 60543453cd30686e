package org.spiqgan.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * A cheaper schedule of a circuit's forward run for drawing samples ({@link Evaluator#sampleCode}), where only the
 * Born probabilities of the final state matter and no adjoint sweep follows. Two rewrites, both exact up to
 * floating-point rounding (the same products, grouped differently):
 * <ol>
 *   <li><b>Growing blocks.</b> When the circuit opens with single-qubit gates on |0...0> (a product state) followed
 *   by a permutation that sets each bit k to x_k or x_k ^ x_(k-1) (a CNOT chain), the permuted product state is
 *   built directly, qubit by qubit, and each gate of the next layer is applied as soon as every factor that reads
 *   its qubit is in: a gate on qubit q acts on the first 2^(q+2) amplitudes instead of all 2^n. The paper's
 *   second layer then costs about three passes instead of ten passes and a gather. When a second such
 *   permutation and a third layer follow, the state after the second permutation is a chain of per-qubit tensors
 *   whose bond is one bit (the second layer's input bit): the plan builds it in two branches, one per bond value,
 *   applies the third layer's gates to both as soon as their qubits' factors are in ({@link #bondGate}), and folds a
 *   gate on the last qubit into the step that sums the branches. The later layers' gates on the low qubits, in the
 *   relabelled form below, act on both branches too, as soon as their bits are in and every gate they do not commute
 *   with has acted: the paper's fourth and fifth layers then cost about eleven passes' work instead of twenty.</li>
 *   <li><b>Relabelling.</b> Every later permutation that is XOR-linear on the index bits (CNOT, SWAP, their chains
 *   and rings) moves no amplitude: the state stays where it is and the plan composes the index map, so that a
 *   gate on qubit q becomes a {@link MaskedGate} and the final probabilities are read through the map.</li>
 * </ol>
 * Built from the circuit's structure alone ({@link #of} returns null when the circuit has other two-qubit gates,
 * diagonal blocks after the prefix, or more than {@link Circuit#PERM_MAX_QUBITS} qubits).
 */
final class SamplingPlan {
    static final int APPEND = 0, APPEND_CHAINED = 1, GATE = 2;

    /** Growing-block steps (empty when the circuit does not open that way): kind, argument, length. */
    final int[] growKind, growArg, growLen;
    /** For a GATE step on a relabelled block, its masked form on the block's 2^k amplitudes; else null. */
    final MaskedGate[] growMasked;
    /** Whether the growing blocks replace the product prefix. */
    final boolean grows;
    /**
     * Two-branch growing blocks (when a second such permutation follows the first layer of gates): per qubit k, the
     * instruction of the gate between the two permutations (-1: none) and whether each permutation XORs bit k - 1
     * into bit k; the gates after the second permutation that may act before the branches close are the GATE steps
     * (on both branches), the others are {@link #gateInstr} (see {@code bondSchedule}). Null when the plan grows one
     * branch or none.
     */
    final int[] bondGate;
    final boolean[] chain1, chain2;
    /** The instruction of the gate on the last qubit folded into the two-branch closing step, or -1. */
    final int foldedLast;
    /** The gates on the whole state after that, in order: instruction and, on a relabelled state, its masked form. */
    final int[] gateInstr;
    final MaskedGate[] gateMasked;
    /** The index of each basis state's amplitude at the end, or null when the relabelling is the identity. */
    final int[] readIndex;

    private SamplingPlan(int[] growKind, int[] growArg, int[] growLen, MaskedGate[] growMasked, int[] bondGate,
            boolean[] chain1, boolean[] chain2, int foldedLast, int[] gateInstr, MaskedGate[] gateMasked,
            int[] readIndex) {
        this.growMasked = growMasked;
        this.bondGate = bondGate;
        this.foldedLast = foldedLast;
        this.chain1 = chain1;
        this.chain2 = chain2;
        this.growKind = growKind;
        this.growArg = growArg;
        this.growLen = growLen;
        this.grows = growKind.length > 0;
        this.gateInstr = gateInstr;
        this.gateMasked = gateMasked;
        this.readIndex = readIndex;
    }

    static SamplingPlan of(Circuit c, int lanes) {
        int n = c.qubits();
        if (n > Circuit.PERM_MAX_QUBITS) return null;
        int i = Evaluator.productPrefixLength(c);
        List<int[]> grow = new ArrayList<>();
        int[] src0 = i < c.nInstr ? permutationOf(c, i) : null;
        if (src0 != null && isLinear(src0) && isBidiagonal(src0, n)) {
            int e = i + 1;
            while (e < c.nInstr && isGate(c.kind[e])) e++;
            int[] src1 = e < c.nInstr ? permutationOf(c, e) : null;
            int[] perQubit = onePerQubit(c, i + 1, e, n);
            if (src1 != null && perQubit != null && isLinear(src1) && isBidiagonal(src1, n)) {
                boolean[] chain2 = chainBits(src1, n);
                int f = e + 1;
                while (f < c.nInstr && isGate(c.kind[f])) f++;
                // a lone gate on the last qubit goes into the closing step's coefficients
                int last = -1;
                for (int g = e + 1; g < f; g++) {
                    if (c.q0[g] == n - 1) last = last == -1 ? g : -2;
                }
                return bondSchedule(c, e + 1, Math.max(last, -1), perQubit, chainBits(src0, n), chain2, lanes);
            }
            boolean[] chained = chainBits(src0, n);
            for (int k = 0; k < n; k++) {
                grow.add(new int[] {chained[k] ? APPEND_CHAINED : APPEND, k, 1 << k});
                for (int g = i + 1; g < e; g++) {
                    if (reach(c.q0[g], chained) == k) grow.add(new int[] {GATE, g, 2 << k});
                }
            }
            i = e;
        }
        return finish(c, i, grow, lanes);
    }

    /**
     * The two-branch plan: every gate from instruction {@code from} on (the third layer's, then the relabelled later
     * ones) at the first step of the build where it may act on both branches, or on the closed state. The blocks hold
     * the state in the coordinates of the second permutation's output, so a gate there pairs x with x ^ mask and
     * takes its roles from role (a plain gate on qubit q: both 2^q). It may act after step k (bits 0..k in) when
     * mask and role lie within those bits and, if the next step's factor reads bit k (a chain bit), the mask leaves
     * bit k alone: the later factors then multiply both elements of each pair alike. It must also come after every
     * earlier gate it does not commute with: two such gates commute when neither's mask flips the parity the other's
     * role reads (their X and Z parts commute). Within a step the gates keep their order. So a later layer's gates
     * on the low qubits act on short blocks too, instead of one pass each over the whole state.
     */
    private static SamplingPlan bondSchedule(Circuit c, int from, int folded, int[] bondGate, boolean[] chain1,
            boolean[] chain2, int lanes) {
        int n = c.qubits(), dim = 1 << n, closed = n - 1;
        int[] map = identity(dim), inverse = map;
        boolean plain = true;
        // per gate: instruction, step, mask, role, plain (1) or relabelled (0)
        List<int[]> gates = new ArrayList<>();
        for (int i = from; i < c.nInstr; i++) {
            int[] src = permutationOf(c, i);
            if (src != null) {
                if (!isLinear(src)) return null;
                map = relabel(map, src);
                inverse = invert(map);
                plain = isIdentity(map);
                continue;
            }
            if (!isGate(c.kind[i])) return null;
            int q = c.q0[i], mask = map[1 << q], role = roleOf(inverse, n, q);
            int step = i == folded ? closed : firstStep(mask, role, chain2, n);
            for (int[] h : gates) {
                if (h[1] > step && !commute(mask, role, h[2], h[3])) step = h[1];
            }
            gates.add(new int[] {i, step, mask, role, plain ? 1 : 0});
        }
        List<int[]> grow = new ArrayList<>(), after = new ArrayList<>();
        for (int k = 0; k < closed; k++) {
            for (int[] g : gates) if (g[1] == k) grow.add(g);
        }
        for (int[] g : gates) if (g[1] == closed && g[0] != folded) after.add(g);
        int[] gk = new int[grow.size()], ga = new int[grow.size()], gl = new int[grow.size()];
        MaskedGate[] gm = new MaskedGate[grow.size()];
        for (int s = 0; s < gk.length; s++) {
            int[] g = grow.get(s);
            gk[s] = GATE;
            ga[s] = g[0];
            gl[s] = 2 << g[1];
            gm[s] = g[4] == 1 ? null : new MaskedGate(g[1] + 1, g[2], g[3], lanes);
        }
        int[] instr = new int[after.size()];
        MaskedGate[] masked = new MaskedGate[after.size()];
        for (int s = 0; s < instr.length; s++) {
            int[] g = after.get(s);
            instr[s] = g[0];
            masked[s] = g[4] == 1 ? null : new MaskedGate(n, g[2], g[3], lanes);
        }
        return new SamplingPlan(gk, ga, gl, gm, bondGate, chain1, chain2, folded, instr, masked,
                plain ? null : map);
    }

    /**
     * The first step after which a gate with this mask and role may act on the branches (n - 1: on the closed
     * state): its bits are in, and the next step's factor does not read a bit it flips.
     */
    private static int firstStep(int mask, int role, boolean[] chain2, int n) {
        for (int k = 0; k < n - 1; k++) {
            if ((mask | role) >>> (k + 1) == 0 && !(chain2[k + 1] && (mask >>> k & 1) == 1)) return k;
        }
        return n - 1;
    }

    /** Whether two masked gates commute: neither's flip changes the parity that decides the other's roles. */
    private static boolean commute(int maskA, int roleA, int maskB, int roleB) {
        return MaskedGate.parity(maskA & roleB) == 0 && MaskedGate.parity(maskB & roleA) == 0;
    }

    /** Row q of a linear map's inverse, as the bits of the indices 2^j whose basis state has bit q set. */
    private static int roleOf(int[] inverse, int n, int q) {
        int role = 0;
        for (int j = 0; j < n; j++) {
            if ((inverse[1 << j] >>> q & 1) == 1) role |= 1 << j;
        }
        return role;
    }

    /** The relabelled gates from instruction i on, after the growing steps. */
    private static SamplingPlan finish(Circuit c, int i, List<int[]> grow, int lanes) {
        int n = c.qubits(), dim = 1 << n;
        int[] map = identity(dim);
        boolean plain = true;
        List<Integer> instr = new ArrayList<>();
        List<MaskedGate> masked = new ArrayList<>();
        for (; i < c.nInstr; i++) {
            int[] src = permutationOf(c, i);
            if (src != null) {
                if (!isLinear(src)) return null;
                map = relabel(map, src);
                plain = isIdentity(map);
            } else if (isGate(c.kind[i])) {
                instr.add(i);
                masked.add(plain ? null : maskedGate(map, n, c.q0[i], lanes));
            } else {
                return null;
            }
        }
        int[] gk = new int[grow.size()], ga = new int[grow.size()], gl = new int[grow.size()];
        for (int k = 0; k < gk.length; k++) {
            gk[k] = grow.get(k)[0];
            ga[k] = grow.get(k)[1];
            gl[k] = grow.get(k)[2];
        }
        return new SamplingPlan(gk, ga, gl, new MaskedGate[gk.length], null, null, null, -1,
                instr.stream().mapToInt(Integer::intValue).toArray(), masked.toArray(new MaskedGate[0]),
                plain ? null : map);
    }

    /** The instruction of the gate on each qubit in [from, to), -1 for none; null when a qubit has two. */
    private static int[] onePerQubit(Circuit c, int from, int to, int n) {
        int[] g = new int[n];
        java.util.Arrays.fill(g, -1);
        for (int k = from; k < to; k++) {
            if (g[c.q0[k]] >= 0) return null;
            g[c.q0[k]] = k;
        }
        return g;
    }

    /** The last qubit whose factor reads qubit q after a chain with these bits: q + 1 when it XORs q into q + 1. */
    private static int reach(int q, boolean[] chain) {
        return q + 1 < chain.length && chain[q + 1] ? q + 1 : q;
    }

    /** Per bit k of a bidiagonal permutation: whether it XORs bit k - 1 into bit k. */
    private static boolean[] chainBits(int[] src, int n) {
        boolean[] b = new boolean[n];
        for (int k = 1; k < n; k++) b[k] = ((src[1 << (k - 1)] >>> k) & 1) == 1;
        return b;
    }

    private static boolean isGate(int kind) {
        return kind == Circuit.K_VAR || kind == Circuit.K_CONST;
    }

    /** new[y] = old[src[y]] of a permutation instruction, or null when instruction i is not one. */
    private static int[] permutationOf(Circuit c, int i) {
        int kind = c.kind[i];
        if (kind == Circuit.K_PERM) return c.permSrc[i];
        if (kind != Circuit.K_CNOT && kind != Circuit.K_SWAP) return null;
        int[] src = new int[1 << c.qubits()];
        for (int y = 0; y < src.length; y++) src[y] = Circuit.permute(kind, c.q0[i], c.q1[i], y);
        return src;
    }

    /** src[y] is the XOR of src over the bits of y. */
    static boolean isLinear(int[] src) {
        for (int y = 0; y < src.length; y++) {
            int x = 0;
            for (int b = y; b != 0; b &= b - 1) x ^= src[Integer.lowestOneBit(b)];
            if (src[y] != x) return false;
        }
        return true;
    }

    /** Bit k of src[y] is y_k or y_k ^ y_(k-1), for every k. */
    private static boolean isBidiagonal(int[] src, int n) {
        for (int j = 0; j < n; j++) {
            int col = src[1 << j];
            if (((col >>> j) & 1) != 1 || (col & ~(3 << j)) != 0) return false;
        }
        return true;
    }

    /** The index map after a permutation new[y] = old[src[y]]: basis state y now sits where y's source did. */
    private static int[] relabel(int[] map, int[] src) {
        int[] next = new int[map.length];
        for (int y = 0; y < map.length; y++) next[y] = map[src[y]];
        return next;
    }

    private static int[] invert(int[] map) {
        int[] inverse = new int[map.length];
        for (int y = 0; y < map.length; y++) inverse[map[y]] = y;
        return inverse;
    }

    private static int[] identity(int dim) {
        int[] m = new int[dim];
        for (int y = 0; y < dim; y++) m[y] = y;
        return m;
    }

    private static boolean isIdentity(int[] map) {
        for (int y = 0; y < map.length; y++) if (map[y] != y) return false;
        return true;
    }

    /** The gate on qubit q of a state whose basis state y sits at map[y]. */
    private static MaskedGate maskedGate(int[] map, int n, int q, int lanes) {
        // bit q of the basis state at index 2^j: map^-1 is linear, so its row q is these bits
        return new MaskedGate(n, map[1 << q], roleOf(invert(map), n, q), lanes);
    }
}
