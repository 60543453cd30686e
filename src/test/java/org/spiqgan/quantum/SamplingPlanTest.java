package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SamplingPlan} and {@link Evaluator#sampleCode}: the growing blocks and the relabelled gates give the Born
 * probabilities of the plain run up to rounding (1e-14 absolute here, on probabilities that sum to 1), with the
 * scalar and the vector kernels, on the paper's circuits and on chains, rings and stray CNOTs and SWAPs; the codes
 * drawn are the plain run's inverse-CDF codes; circuits the plan cannot take keep the plain run, bit for bit.
 */
class SamplingPlanTest {
    private static final double TOL = 1e-14;
    private static final StateKernels[] KERNELS = {StateKernels.SCALAR, KernelChoice.vectorKernels()};

    /** CHAINS_THEN_RANDOM: two chains (the two-branch build), then random CNOTs, SWAPs and stray RYs. */
    enum Entangle { CHAIN, LAST_OPEN, RING, CHAIN_REVERSED, RANDOM_PAIRS, CHAINS_THEN_RANDOM, CZ }

    /** The re-uploading layer of the paper (RY(w z) RZ RY RZ per qubit, then an entangler), l layers. */
    static Circuit layers(int n, int l, Entangle ent, Random rng) {
        return layersBuilder(n, l, ent, rng).build();
    }

    static Circuit.Builder layersBuilder(int n, int l, Entangle ent, Random rng) {
        int perQubit = 4;
        Circuit.Builder b = Circuit.builder(n).params(l * n * perQubit).inputs(n);
        for (int j = 0; j < l; j++) {
            for (int q = 0; q < n; q++) {
                int o = (j * n + q) * perQubit;
                b.gate(Gate.RY, q, Angle.product(o, q));
                b.rz(q, Angle.param(o + 1));
                b.ry(q, Angle.param(o + 2));
                b.rz(q, Angle.param(o + 3));
            }
            if (n < 2) continue;
            Entangle now = ent == Entangle.CHAINS_THEN_RANDOM ? (j < 2 ? Entangle.CHAIN : Entangle.RANDOM_PAIRS) : ent;
            switch (now) {
                case LAST_OPEN:
                    if (j == l - 1) break;
                    for (int q = 0; q + 1 < n; q++) b.gate(Gate.CNOT, q, q + 1);
                    break;
                case CHAIN:
                    for (int q = 0; q + 1 < n; q++) b.gate(Gate.CNOT, q, q + 1);
                    break;
                case RING:
                    for (int q = 0; q + 1 < n; q++) b.gate(Gate.CNOT, q, q + 1);
                    if (n > 2) b.gate(Gate.CNOT, n - 1, 0);
                    break;
                case CHAIN_REVERSED:
                    for (int q = n - 1; q > 0; q--) b.gate(Gate.CNOT, q, q - 1);
                    break;
                case RANDOM_PAIRS:
                    for (int k = 0; k < 3; k++) {
                        int a = rng.nextInt(n), t = rng.nextInt(n - 1);
                        if (t >= a) t++;
                        b.gate(rng.nextBoolean() ? Gate.CNOT : Gate.SWAP, a, t);
                        b.gate(Gate.RY, rng.nextInt(n), Angle.param(rng.nextInt(l * n * perQubit)));
                    }
                    break;
                default:
                    for (int q = 0; q + 1 < n; q++) b.gate(Gate.CZ, q, q + 1);
            }
        }
        return b;
    }

    /** The plan's probabilities for random parameters and inputs against the reference simulator, every kernel. */
    static void assertPlanIsTheReference(Circuit c, Random rng, String where) {
        double[] params = random(rng, c.paramCount(), Math.PI), inputs = random(rng, c.inputCount(), Math.PI);
        double[] ref = ReferenceSim.probabilities(c, params, inputs);
        for (StateKernels k : KERNELS) {
            double[] got = new Evaluator(c, k).planProbabilities(params, inputs);
            for (int y = 0; y < got.length; y++) assertEquals(ref[y], got[y], TOL, where + " code " + y);
        }
    }

    static double[] random(Random rng, int size, double scale) {
        double[] v = new double[size];
        for (int k = 0; k < size; k++) v[k] = scale * (2 * rng.nextDouble() - 1);
        return v;
    }

    static double[] plainProbabilities(Circuit c, StateKernels k, double[] params, double[] inputs) {
        Evaluator e = new Evaluator(c, k);
        e.run(params, inputs);
        return e.read(Readout.probabilities(null));
    }

    @Test
    void planProbabilitiesAreThePlainRunsOnEveryEntanglerSizeAndKernel() {
        Random rng = new Random(7);
        for (Entangle ent : new Entangle[] {Entangle.CHAIN, Entangle.LAST_OPEN, Entangle.RING, Entangle.CHAIN_REVERSED,
            Entangle.RANDOM_PAIRS, Entangle.CHAINS_THEN_RANDOM}) {
            for (int n = 1; n <= 10; n++) {
                for (int l = 1; l <= 6; l++) {
                    Circuit c = layers(n, l, ent, rng);
                    double[] params = random(rng, c.paramCount(), Math.PI), inputs = random(rng, c.inputCount(), Math.PI);
                    double[] ref = ReferenceSim.probabilities(c, params, inputs);
                    for (StateKernels k : KERNELS) {
                        Evaluator e = new Evaluator(c, k);
                        double[] got = e.planProbabilities(params, inputs);
                        assertNotNull(got, ent + " n=" + n + " l=" + l);
                        double[] plain = plainProbabilities(c, k, params, inputs);
                        for (int y = 0; y < got.length; y++) {
                            String at = ent + " n=" + n + " l=" + l + " " + k.describe() + " code " + y;
                            assertEquals(plain[y], got[y], TOL, at);
                            assertEquals(ref[y], got[y], TOL, at + " (reference)");
                        }
                    }
                }
            }
        }
    }

    @Test
    void thePapersCircuitGrowsTwoBranchBlocksAndRelabelsEveryLaterChain() {
        Circuit c = layers(10, 5, Entangle.CHAIN, new Random(1));
        SamplingPlan p = SamplingPlan.of(c, 8);
        assertNotNull(p);
        assertNotNull(p.bondGate);
        // layer 2's ten gates go into the branch tensors, layer 3's gate on qubit 9 into the closing step's
        // coefficients; no gather
        for (int g : p.bondGate) assertTrue(g >= 0);
        assertEquals(9, c.q0[p.foldedLast]);
        assertNotNull(p.readIndex);
        // on the branches: layer 3's gate on qubit q < 8 after step q + 1 (2^(q+2) amplitudes per branch); layer 4's
        // (relabelled through one chain: bits q and q + 1) on q < 7 after step q + 2; layer 5's (two chains: bits q and
        // q + 2) on q < 6 after step q + 3
        int[] perLayer = new int[5];
        int lastLen = 0;
        for (int s = 0; s < p.growKind.length; s++) {
            assertEquals(SamplingPlan.GATE, p.growKind[s]);
            int a = p.growArg[s], q = c.q0[a], layer = layerOf(c, a);
            perLayer[layer]++;
            assertEquals(2 << (q + layer - 1), p.growLen[s], "layer " + layer + " gate on qubit " + q);
            assertEquals(layer > 2, p.growMasked[s] != null);
            assertTrue(p.growLen[s] >= lastLen, "steps in order");
            lastLen = p.growLen[s];
        }
        assertEquals(8, perLayer[2]);
        assertEquals(7, perLayer[3]);
        assertEquals(6, perLayer[4]);
        // on the closed state: layer 3's gate on qubit 8 (plain), then layer 4's on 7..9 and layer 5's on 6..9
        assertEquals(8, p.gateInstr.length);
        assertNull(p.gateMasked[0]);
        assertEquals(8, c.q0[p.gateInstr[0]]);
        for (int s = 1; s < 8; s++) {
            assertNotNull(p.gateMasked[s]);
            int layer = layerOf(c, p.gateInstr[s]), q = c.q0[p.gateInstr[s]];
            assertEquals(s < 4 ? 3 : 4, layer);
            assertEquals(s < 4 ? 6 + s : 2 + s, q);
        }
    }

    /** The 0-based layer of gate instruction a in {@link #layers}: the number of entanglers (runs of CNOTs) before it. */
    private static int layerOf(Circuit c, int a) {
        int layer = 0;
        for (int i = 0; i < a; i++) {
            boolean perm = c.kind[i] == Circuit.K_CNOT || c.kind[i] == Circuit.K_PERM;
            boolean next = c.kind[i + 1] == Circuit.K_CNOT || c.kind[i + 1] == Circuit.K_PERM;
            if (perm && !next) layer++;
        }
        return layer;
    }

    @Test
    void theBranchScheduleHoldsOnRandomLaterStructure() {
        // two chains (so the two-branch build), then layers whose entanglers are random CNOTs and SWAPs with stray
        // RYs between them: masks and roles of every shape reach the schedule's rules
        Random rng = new Random(23);
        int early = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 3 + rng.nextInt(8), l = 3 + rng.nextInt(4);
            Circuit c = layers(n, l, Entangle.CHAINS_THEN_RANDOM, rng);
            SamplingPlan p = SamplingPlan.of(c, 8);
            assertNotNull(p, "n=" + n + " l=" + l);
            assertNotNull(p.bondGate, "n=" + n + " l=" + l);
            for (MaskedGate g : p.growMasked) if (g != null) early++;
            assertPlanIsTheReference(c, rng, "trial " + trial + " n=" + n + " l=" + l);
        }
        assertTrue(early > 60, "relabelled gates on the branches: " + early);
    }

    @Test
    void aGateWaitsOnTheBranchesForEveryEarlierGateItDoesNotCommuteWith() {
        // after three paper layers (the last without its chain), CNOT(q + 1, q) and a gate on qubit q: in the branches' coordinates that gate
        // flips bit q and reads bits q and q + 1, so its bits are in after step q + 1, but the third layer's gate on
        // qubit q + 1 (which flips the bit it reads) may only act after step q + 2, and must act first
        Random rng = new Random(13);
        for (int n = 4; n <= 10; n++) {
            for (int q = 0; q + 2 < n; q++) {
                Circuit.Builder b = layersBuilder(n, 3, Entangle.LAST_OPEN, rng);
                b.gate(Gate.CNOT, q + 1, q);
                b.gate(Gate.RY, q, Angle.param(0));
                Circuit c = b.build();
                SamplingPlan p = SamplingPlan.of(c, 8);
                assertNotNull(p.bondGate);
                // the builder moves the third layer's gates that commute with the CNOT past it: find the new gate
                int cnot = 0;
                while (c.kind[cnot] != Circuit.K_CNOT) cnot++;
                int gate = cnot + 1, at = -1;
                while (c.q0[gate] != q) gate++;
                for (int s = 0; s < p.growKind.length; s++) if (p.growArg[s] == gate) at = s;
                String where = "n=" + n + " q=" + q;
                if (q + 2 < n - 1) {
                    assertTrue(at >= 0, where);
                    assertEquals(2 << (q + 2), p.growLen[at], where);
                }
                assertPlanIsTheReference(c, rng, where);
            }
        }
    }

    @Test
    void oneChainThenGatesGrowsOneBranch() {
        Circuit c = layers(10, 2, Entangle.LAST_OPEN, new Random(2));
        SamplingPlan p = SamplingPlan.of(c, 8);
        assertNotNull(p);
        assertNull(p.bondGate);
        assertTrue(p.grows);
        assertEquals(0, p.gateInstr.length);
        assertNull(p.readIndex);
    }

    @Test
    void sampledCodesAreThePlainRunsInverseCdfCodes() {
        Random rng = new Random(11);
        for (int n : new int[] {3, 6, 10}) {
            Circuit c = layers(n, 5, Entangle.CHAIN, rng);
            for (StateKernels k : KERNELS) {
                Evaluator fast = new Evaluator(c, k);
                assertTrue(fast.hasSamplingPlan());
                for (int trial = 0; trial < 40; trial++) {
                    double[] params = random(rng, c.paramCount(), Math.PI), inputs = random(rng, c.inputCount(), Math.PI);
                    double[] plain = plainProbabilities(c, k, params, inputs);
                    for (int draw = 0; draw < 25; draw++) {
                        double u = rng.nextDouble();
                        if (nearBoundary(plain, u)) continue;
                        assertEquals(inverseCdf(plain, u), fast.sampleCode(params, inputs, 0, u), "n=" + n + " u=" + u);
                    }
                }
                // past the total: the last code with weight
                double[] params = random(rng, c.paramCount(), Math.PI), inputs = random(rng, c.inputCount(), Math.PI);
                double[] plain = plainProbabilities(c, k, params, inputs);
                int last = plain.length - 1;
                while (plain[last] == 0) last--;
                assertEquals(last, fast.sampleCode(params, inputs, 0, 1.5));
            }
        }
    }

    @Test
    void readoutsByThePlanAreThePlainRunsReadouts() {
        // what ancillas (a subset's distribution) and Bernoulli sampling (marginals) read: the same sums of the plan's
        // probabilities, so the same values up to rounding
        Random rng = new Random(17);
        for (int n : new int[] {4, 7, 10}) {
            Circuit c = layers(n, 5, Entangle.CHAIN, rng);
            for (int m = 1; m <= n; m++) {
                int[] data = new int[m];
                for (int q = 0; q < m; q++) data[q] = q;
                for (Readout r : new Readout[] {Readout.probabilities(data), Readout.marginals(data)}) {
                    for (StateKernels k : KERNELS) {
                        Evaluator fast = new Evaluator(c, k), plain = new Evaluator(c, k);
                        for (int trial = 0; trial < 5; trial++) {
                            double[] params = random(rng, c.paramCount(), Math.PI), inputs = random(rng, c.inputCount(), Math.PI);
                            plain.run(params, inputs);
                            double[] want = plain.read(r), got = new double[want.length];
                            fast.readForSampling(params, inputs, 0, r, got, 0);
                            for (int j = 0; j < want.length; j++) assertEquals(want[j], got[j], TOL, "n=" + n + " m=" + m + " " + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void circuitsThePlanCannotTakeKeepThePlainRunBitForBit() {
        Random rng = new Random(5);
        Circuit c = layers(6, 3, Entangle.CZ, rng);
        assertNull(SamplingPlan.of(c, 8));
        for (StateKernels k : KERNELS) {
            Evaluator e = new Evaluator(c, k);
            assertFalse(e.hasSamplingPlan());
            double[] params = random(rng, c.paramCount(), Math.PI), inputs = random(rng, c.inputCount(), Math.PI);
            double[] plain = plainProbabilities(c, k, params, inputs);
            for (int draw = 0; draw < 200; draw++) {
                double u = rng.nextDouble();
                assertEquals(inverseCdf(plain, u), e.sampleCode(params, inputs, 0, u));
            }
        }
    }

    @Test
    void maskedGatesMatchTheGatherThenTheGateOnRandomLinearRelabellings() {
        Random rng = new Random(3);
        for (int n = 1; n <= 8; n++) {
            int dim = 1 << n;
            for (int trial = 0; trial < 20; trial++) {
                int[] map = randomLinearMap(rng, n);
                int q = rng.nextInt(n);
                double[] m = new double[8];
                for (int k = 0; k < 8; k++) m[k] = rng.nextGaussian();
                double[] re = random(rng, dim, 1), im = random(rng, dim, 1);
                // reference: gather into logical order, apply, compare through the map
                double[] lre = new double[dim], lim = new double[dim];
                for (int y = 0; y < dim; y++) {
                    lre[y] = re[map[y]];
                    lim[y] = im[map[y]];
                }
                Kernels.apply(lre, lim, dim, q, m, 0);
                for (StateKernels k : KERNELS) {
                    int role = 0;
                    for (int j = 0; j < n; j++) {
                        int y = 0;
                        while (map[y] != 1 << j) y++;
                        if ((y >>> q & 1) == 1) role |= 1 << j;
                    }
                    MaskedGate g = new MaskedGate(n, map[1 << q], role, k.maskedLanes());
                    double[] r = re.clone(), i = im.clone();
                    k.applyMasked(r, i, dim, g, m, 0);
                    for (int y = 0; y < dim; y++) {
                        assertEquals(lre[y], r[map[y]], 1e-13, "n=" + n + " q=" + q + " " + k.describe());
                        assertEquals(lim[y], i[map[y]], 1e-13, "n=" + n + " q=" + q + " " + k.describe());
                    }
                }
            }
        }
    }

    /** map[y] = A y for a random invertible A over GF(2) (columns drawn until independent). */
    static int[] randomLinearMap(Random rng, int n) {
        int dim = 1 << n;
        int[] col = new int[n];
        for (int j = 0; j < n; j++) {
            while (true) {
                int v = 1 + rng.nextInt(dim - 1);
                col[j] = v;
                if (rank(col, j + 1) == j + 1) break;
            }
        }
        int[] map = new int[dim];
        for (int y = 0; y < dim; y++) {
            int x = 0;
            for (int j = 0; j < n; j++) if ((y >>> j & 1) == 1) x ^= col[j];
            map[y] = x;
        }
        return map;
    }

    static int rank(int[] v, int count) {
        int[] b = java.util.Arrays.copyOf(v, count);
        int r = 0;
        for (int bit = 31; bit >= 0; bit--) {
            int piv = -1;
            for (int k = r; k < count; k++) if ((b[k] >>> bit & 1) == 1) { piv = k; break; }
            if (piv < 0) continue;
            int t = b[piv]; b[piv] = b[r]; b[r] = t;
            for (int k = 0; k < count; k++) if (k != r && (b[k] >>> bit & 1) == 1) b[k] ^= b[r];
            r++;
        }
        return r;
    }

    static int inverseCdf(double[] p, double u) {
        double acc = 0;
        for (int y = 0; y < p.length; y++) {
            acc += p[y];
            if (u < acc) return y;
        }
        for (int y = p.length - 1; y >= 0; y--) if (p[y] > 0) return y;
        return 0;
    }

    /** u within 1e-12 of a partial sum: rounding may then move the draw to a neighbouring code. */
    static boolean nearBoundary(double[] p, double u) {
        double acc = 0;
        for (double v : p) {
            acc += v;
            if (Math.abs(acc - u) < 1e-12) return true;
        }
        return false;
    }
}
