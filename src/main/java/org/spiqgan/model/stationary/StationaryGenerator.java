package org.spiqgan.model.stationary;

import java.util.SplittableRandom;
import org.spiqgan.quantum.RealRowKernels;

/**
 * The circuits of a stationary autoregressive generator evaluated on a chunk of lanes: each lane is one
 * (latent, history) input, and the circuits give P(x_t | history, z) as the product over neuron groups of
 * the Born probability of the group's pattern. Forward, exact adjoint gradient and sampling.
 *
 * <p>States are batch-major rows ({@link RealRowKernels}: amplitude b of lane k is {@code psi[b][k]}), the
 * layout in which the JIT vectorizes every gate over the lanes.
 *
 * <p>Circuit of group g (n qubits), layer j: RY(a + w . z + V . h) on every qubit, then the entangler's
 * multiplexed RY blocks for targets 1..n-1 in order. Every gate is real, so states stay real and the
 * real kernels apply. Layer 0 acts on |0...0> and is a product state, built in one pass.
 *
 * <p>Lane inputs are one row per lane of {@code inputs()} values: the latent z (d) then the history
 * x_{t-1}, ..., x_{t-H} (N each, 0 or 1). Patterns are N bytes per lane.
 *
 * <p>Free-running generation ({@link #prepareLatent}, {@link #sampleGenerated}) takes cos and sin of the angles'
 * latent parts once per window and turns them by tabled feedback parts each bin, because the latent is fixed
 * for a window and the history is bits; the same states to rounding (1e-13), with no trigonometry per bin.
 */
public final class StationaryGenerator {
    /** Lanes per chunk: the batch-major state of a 10-qubit circuit is then 256 KiB. */
    public static final int LANES = 32;
    /** Born probabilities are floored here before the logarithm (a pattern the circuit cannot produce). */
    public static final double PROBABILITY_FLOOR = 1e-12;

    private final StationaryConfig cfg;
    private final Entangler family;
    private final int inputs;
    private final int row;
    /** source[i][e]: the input-row index weight e of neuron i's angles reads. */
    private final int[][] source;
    /** The entangler's (control, target) pairs of each group's circuit. */
    private final int[][][] pairs;

    public StationaryGenerator(StationaryConfig cfg) {
        this.cfg = cfg;
        this.family = cfg.family();
        this.inputs = cfg.inputsPerAngle();
        this.row = cfg.inputRow();
        this.source = new int[cfg.units()][inputs];
        for (int i = 0; i < cfg.units(); i++) for (int e = 0; e < inputs; e++) source[i][e] = cfg.inputIndex(i, e);
        this.pairs = new int[cfg.groups()][][];
        for (int g = 0; g < cfg.groups(); g++) pairs[g] = family.pairs(cfg.groupQubits(g));
    }

    public StationaryConfig config() { return cfg; }

    /** Values per lane in an input row (latent, then H bins of all N neurons). */
    public int inputs() { return row; }

    /** The RY angle of group g, layer j, qubit q for one input row starting at {@code in[off]}. */
    public double angle(double[] p, int g, int j, int q, double[] in, int off) {
        int po = cfg.offset(g, j) + q * (1 + inputs);
        int[] src = source[cfg.groupStart(g) + q];
        double th = p[po];
        for (int e = 0; e < inputs; e++) th += p[po + 1 + e] * in[off + src[e]];
        return th;
    }

    /** The entangler's rotation tables for a parameter vector: cos and sin of half of every block angle. */
    public final class Tables {
        final double[][][] cos;
        final double[][][] sin;
        /**
         * Generation's history tables ({@link #sampleGenerated}): hcos[g][j * n + q][block][pattern] = cos of half of
         * the sum of the feedback weights of that angle whose (binary) inputs are set in the pattern, for blocks of
         * {@link #HISTORY_BLOCK} consecutive feedback inputs; hsin likewise.
         */
        final double[][][][] hcos, hsin;

        Tables(double[] p) {
            int groups = cfg.groups();
            cos = new double[groups][][];
            sin = new double[groups][][];
            hcos = new double[groups][][][];
            hsin = new double[groups][][][];
            int d = cfg.latent(), fb = inputs - d, blocks = historyBlocks();
            for (int g = 0; g < groups; g++) {
                int n = cfg.groupQubits(g);
                hcos[g] = new double[cfg.layers() * n][blocks][];
                hsin[g] = new double[cfg.layers() * n][blocks][];
                for (int j = 0; j < cfg.layers(); j++) {
                    for (int q = 0; q < n; q++) {
                        int po = cfg.offset(g, j) + q * (1 + inputs) + 1 + d;
                        for (int b = 0; b < blocks; b++) {
                            int first = b * HISTORY_BLOCK, size = Math.min(HISTORY_BLOCK, fb - first);
                            double[] hc = new double[1 << size], hs = new double[1 << size];
                            for (int pat = 0; pat < 1 << size; pat++) {
                                double sum = 0;
                                for (int i = 0; i < size; i++) if ((pat >>> i & 1) != 0) sum += p[po + first + i];
                                hc[pat] = Math.cos(sum / 2);
                                hs[pat] = Math.sin(sum / 2);
                            }
                            hcos[g][j * n + q][b] = hc;
                            hsin[g][j * n + q][b] = hs;
                        }
                    }
                }
            }
            for (int g = 0; g < groups; g++) {
                int n = cfg.groupQubits(g);
                cos[g] = new double[cfg.layers() * n][];
                sin[g] = new double[cfg.layers() * n][];
                for (int j = 0; j < cfg.layers(); j++) {
                    int off = cfg.offset(g, j) + n * (1 + inputs);
                    for (int r = 1; r < n; r++) {
                        if (!family.hasControls(r)) continue;
                        double[] ang = new double[1 << r];
                        family.angleTable(p, off, n, r, ang);
                        double[] c = new double[1 << r], s = new double[1 << r];
                        for (int lo = 0; lo < ang.length; lo++) {
                            c[lo] = Math.cos(ang[lo] / 2);
                            s[lo] = Math.sin(ang[lo] / 2);
                        }
                        cos[g][j * n + r] = c;
                        sin[g][j * n + r] = s;
                    }
                }
            }
        }
    }

    public Tables tables(double[] params) { return new Tables(params); }

    /** Feedback inputs per table block of generation's angles: 2^5 patterns of cos and sin per block and angle. */
    static final int HISTORY_BLOCK = 5;

    private int historyBlocks() {
        return historyBlocks(cfg);
    }

    /** Table blocks of the feedback inputs of an angle ({@link #HISTORY_BLOCK} inputs each, the last maybe fewer). */
    static int historyBlocks(StationaryConfig cfg) {
        return (cfg.inputsPerAngle() - cfg.latent() + HISTORY_BLOCK - 1) / HISTORY_BLOCK;
    }

    /** Scratch space of one thread. */
    public static final class Workspace {
        /** State and adjoint rows (2^n of LANES); per-lane cos, sin and angle gradient rows, one per (layer, qubit). */
        final double[][] psi, lam, c, s, gth, scratch;
        final double[] tableGrad, draw;
        final int[] pick;
        /** Generation: cos and sin of half of every angle's bias-plus-latent part, per group, row j * n + q, lane k. */
        final double[][][] latentCos, latentSin;
        /** Generation: each lane's pattern of feedback inputs in every table block. */
        final int[][] pattern;

        public Workspace(StationaryConfig cfg) {
            int n = Math.min(cfg.groupSize(), cfg.units());
            psi = RealRowKernels.state(n, LANES);
            lam = RealRowKernels.state(n, LANES);
            c = new double[cfg.layers() * n][LANES];
            s = new double[cfg.layers() * n][LANES];
            gth = new double[cfg.layers() * n][LANES];
            scratch = new double[4][LANES];
            tableGrad = new double[Math.max(1, 1 << (n - 1))];
            draw = new double[LANES];
            pick = new int[LANES];
            latentCos = new double[cfg.groups()][cfg.layers() * n][LANES];
            latentSin = new double[cfg.groups()][cfg.layers() * n][LANES];
            pattern = new int[Math.max(1, historyBlocks(cfg))][LANES];
        }
    }

    /**
     * Generation, once per chunk of windows: cos and sin of half of a + w . z of every angle and lane (the
     * latent part of the angle, fixed for a window), for {@link #sampleGenerated}. Input rows as for
     * {@link #sample}; only their latent values are read.
     */
    public void prepareLatent(double[] p, int lanes, double[] in, Workspace w) {
        int d = cfg.latent();
        for (int g = 0; g < cfg.groups(); g++) {
            int n = cfg.groupQubits(g);
            for (int j = 0; j < cfg.layers(); j++) {
                int base = cfg.offset(g, j);
                for (int q = 0; q < n; q++) {
                    int po = base + q * (1 + inputs);
                    double[] cr = w.latentCos[g][j * n + q], sr = w.latentSin[g][j * n + q];
                    int[] src = source[cfg.groupStart(g) + q];
                    for (int k = 0; k < lanes; k++) {
                        double th = p[po];
                        int io = k * row;
                        for (int e = 0; e < d; e++) th += p[po + 1 + e] * in[io + src[e]];
                        cr[k] = Math.cos(th / 2);
                        sr[k] = Math.sin(th / 2);
                    }
                }
            }
        }
    }

    /**
     * {@link #angles} for generation without trigonometry per bin: the latent part's cos and sin from
     * {@link #prepareLatent}, turned by the tabled angle of the lane's feedback pattern in each block
     * (cos and sin of a sum from those of its parts). Equal to {@link #angles} to rounding
     * (StationaryGeneratorTest: states within 1e-13).
     */
    private void anglesGenerated(Tables t, int g, int lanes, double[] in, Workspace w) {
        int n = cfg.groupQubits(g), d = cfg.latent(), fb = inputs - d, blocks = historyBlocks();
        for (int q = 0; q < n; q++) {
            int[] src = source[cfg.groupStart(g) + q];
            for (int b = 0; b < blocks; b++) {
                int first = d + b * HISTORY_BLOCK, size = Math.min(HISTORY_BLOCK, fb - b * HISTORY_BLOCK);
                int[] pat = w.pattern[b];
                for (int k = 0; k < lanes; k++) {
                    int io = k * row, code = 0;
                    for (int i = 0; i < size; i++) code |= (in[io + src[first + i]] != 0 ? 1 : 0) << i;
                    pat[k] = code;
                }
            }
            for (int j = 0; j < cfg.layers(); j++) {
                int o = j * n + q;
                double[] cr = w.c[o], sr = w.s[o];
                System.arraycopy(w.latentCos[g][o], 0, cr, 0, lanes);
                System.arraycopy(w.latentSin[g][o], 0, sr, 0, lanes);
                for (int b = 0; b < blocks; b++) {
                    double[] hc = t.hcos[g][o][b], hs = t.hsin[g][o][b];
                    int[] pat = w.pattern[b];
                    for (int k = 0; k < lanes; k++) {
                        int code = pat[k];
                        double ct = hc[code], st = hs[code], x = cr[k], y = sr[k];
                        cr[k] = x * ct - y * st;
                        sr[k] = y * ct + x * st;
                    }
                }
            }
        }
    }

    /** cos and sin of half of every RY angle of group g: row j * n + q, lane k. */
    private void angles(double[] p, int g, int lanes, double[] in, Workspace w) {
        int n = cfg.groupQubits(g);
        for (int j = 0; j < cfg.layers(); j++) {
            int base = cfg.offset(g, j);
            for (int q = 0; q < n; q++) {
                int po = base + q * (1 + inputs);
                double a = p[po];
                double[] cr = w.c[j * n + q], sr = w.s[j * n + q];
                int[] src = source[cfg.groupStart(g) + q];
                for (int k = 0; k < lanes; k++) {
                    double th = a;
                    int io = k * row;
                    for (int e = 0; e < inputs; e++) th += p[po + 1 + e] * in[io + src[e]];
                    cr[k] = Math.cos(th / 2);
                    sr[k] = Math.sin(th / 2);
                }
            }
        }
    }

    /** The state of group g's circuit for every lane in {@code w.psi} (lanes beyond {@code lanes} hold padding). */
    void forward(double[] p, Tables t, int g, int lanes, double[] in, Workspace w) {
        angles(p, g, lanes, in, w);
        circuit(t, g, w);
    }

    /** As {@link #forward} with generation's angles ({@link #anglesGenerated}, after {@link #prepareLatent}). */
    void forwardGenerated(Tables t, int g, int lanes, double[] in, Workspace w) {
        anglesGenerated(t, g, lanes, in, w);
        circuit(t, g, w);
    }

    /** Group g's circuit on the angle rows in {@code w.c}, {@code w.s}: the final state in {@code w.psi}. */
    private void circuit(Tables t, int g, Workspace w) {
        int n = cfg.groupQubits(g);
        // Each qubit's RY and its multiplexed block as one pass (RealBatchKernels: the blocks of lower targets commute with it).
        for (int j = 0; j < cfg.layers(); j++) {
            if (j == 0) {
                RealRowKernels.productStateMultiplexed(w.psi, n, LANES, w.c, w.s, 0, t.cos[g], t.sin[g], 0);
            } else {
                for (int q = 0; q < n; q++) {
                    int o = j * n + q;
                    RealRowKernels.ryMultiplexed(w.psi, n, LANES, q, w.c[o], w.s[o], t.cos[g][o], t.sin[g][o], w.scratch);
                }
            }
        }
    }

    private int code(byte[] x, int k, int start, int n) {
        int code = 0;
        int o = k * cfg.units() + start;
        for (int q = 0; q < n; q++) code |= (x[o + q] & 1) << q;
        return code;
    }

    /** log P(x_k | inputs_k) for lanes k < lanes, written to {@code logp[k]}. */
    public void logProb(double[] p, Tables t, int lanes, double[] in, byte[] x, Workspace w, double[] logp) {
        logProb(p, t, lanes, in, x, w, logp, null);
    }

    /** As {@link #logProb}, and keeps each group's final states in {@code keep[g]} (allocated when null) for {@link #gradient}. */
    public void logProb(double[] p, Tables t, int lanes, double[] in, byte[] x, Workspace w, double[] logp, double[][] keep) {
        logProb(p, t, lanes, in, x, 1, w, logp, keep);
    }

    /**
     * log P of {@code alts} patterns per lane: x_k with its hidden units (the low bits of group 0) replaced by
     * each a < alts, written to {@code logp[k * alts + a]}; x_k's hidden bits must be 0. One forward sweep
     * serves all of them. With alts = 1 this is {@link #logProb}.
     */
    public void logProb(double[] p, Tables t, int lanes, double[] in, byte[] x, int alts, Workspace w, double[] logp, double[][] keep) {
        java.util.Arrays.fill(logp, 0, lanes * alts, 0.0);
        for (int g = 0; g < cfg.groups(); g++) {
            int n = cfg.groupQubits(g);
            forward(p, t, g, lanes, in, w);
            if (keep != null) {
                if (keep[g] == null) keep[g] = new double[LANES << n];
                for (int b = 0; b < 1 << n; b++) System.arraycopy(w.psi[b], 0, keep[g], b * LANES, LANES);
            }
            int variants = g == 0 ? alts : 1;
            for (int k = 0; k < lanes; k++) {
                int code = code(x, k, cfg.groupStart(g), n);
                for (int a = 0; a < alts; a++) {
                    double amp = w.psi[code | (variants == 1 ? 0 : a)][k];
                    logp[k * alts + a] += Math.log(amp * amp + PROBABILITY_FLOOR);
                }
            }
        }
    }

    /**
     * Adds sum_k u_k d log P(x_k | inputs_k) / d params to {@code grad}; returns sum_k u_k log P(x_k | ...)
     * (one forward and one reverse sweep per group).
     */
    public double gradient(double[] p, Tables t, int lanes, double[] in, byte[] x, double[] u, Workspace w, double[] grad) {
        return gradient(p, t, lanes, in, x, u, w, grad, null);
    }

    /** As {@link #gradient}, starting from final states kept by {@link #logProb} (null: computed here). */
    public double gradient(double[] p, Tables t, int lanes, double[] in, byte[] x, double[] u, Workspace w, double[] grad, double[][] kept) {
        return gradient(p, t, lanes, in, x, 1, u, w, grad, kept);
    }

    /**
     * Adds sum_k sum_a u[k * alts + a] d log P(x_k with hidden bits a) / d params, the patterns of
     * {@link #logProb(double[], Tables, int, double[], byte[], int, Workspace, double[], double[][])}.
     */
    public double gradient(double[] p, Tables t, int lanes, double[] in, byte[] x, int alts, double[] u, Workspace w, double[] grad,
            double[][] kept) {
        double value = 0;
        for (int g = 0; g < cfg.groups(); g++) {
            int n = cfg.groupQubits(g);
            if (kept == null) {
                forward(p, t, g, lanes, in, w);
            } else {
                angles(p, g, lanes, in, w);
                for (int b = 0; b < 1 << n; b++) System.arraycopy(kept[g], b * LANES, w.psi[b], 0, LANES);
            }
            for (int b = 0; b < 1 << n; b++) java.util.Arrays.fill(w.lam[b], 0.0);
            boolean variants = g == 0 && alts > 1;
            for (int k = 0; k < lanes; k++) {
                int code = code(x, k, cfg.groupStart(g), n);
                if (variants) {
                    for (int a = 0; a < alts; a++) {
                        int b = code | a;
                        double amp = w.psi[b][k], prob = amp * amp + PROBABILITY_FLOOR, uk = u[k * alts + a];
                        value += uk * Math.log(prob);
                        w.lam[b][k] = uk * 2 * amp / prob;
                    }
                } else {
                    // the other groups' factor is common to every hidden variant: its weight is their sum
                    double uk = 0;
                    for (int a = 0; a < alts; a++) uk += u[k * alts + a];
                    double amp = w.psi[code][k], prob = amp * amp + PROBABILITY_FLOOR;
                    value += uk * Math.log(prob);
                    w.lam[code][k] = uk * 2 * amp / prob;
                }
            }
            for (int r = 0; r < cfg.layers() * n; r++) java.util.Arrays.fill(w.gth[r], 0.0);
            for (int j = cfg.layers() - 1; j >= 0; j--) {
                int entOff = cfg.offset(g, j) + n * (1 + inputs);
                for (int q = n - 1; q >= 0; q--) {
                    int o = j * n + q;
                    double[] c = t.cos[g][o];
                    if (c != null) java.util.Arrays.fill(w.tableGrad, 0, 1 << q, 0.0);
                    RealRowKernels.ryMultiplexedAdjoint(w.psi, w.lam, n, LANES, q, w.c[o], w.s[o], c, t.sin[g][o], w.gth[o], w.tableGrad,
                            w.scratch);
                    if (c != null) Entangler.tableGradient(pairs[g], w.tableGrad, q, grad, entOff);
                }
            }
            for (int j = 0; j < cfg.layers(); j++) {
                int base = cfg.offset(g, j);
                for (int q = 0; q < n; q++) {
                    int po = base + q * (1 + inputs);
                    double[] gr = w.gth[j * n + q];
                    int[] src = source[cfg.groupStart(g) + q];
                    double ga = 0;
                    for (int k = 0; k < lanes; k++) {
                        double gk = gr[k];
                        if (gk == 0) continue;
                        ga += gk;
                        int io = k * row;
                        for (int e = 0; e < inputs; e++) grad[po + 1 + e] += gk * in[io + src[e]];
                    }
                    grad[po] += ga;
                }
            }
        }
        return value;
    }

    /**
     * Draws x_k ~ P(. | inputs_k) for lanes k < lanes into {@code x} (N bytes per lane), group by group
     * (groups are independent given the inputs). Also returns log P of the drawn patterns in {@code logp}
     * when it is not null.
     */
    public void sample(double[] p, Tables t, int lanes, double[] in, byte[] x, SplittableRandom rnd, Workspace w, double[] logp) {
        sample(p, t, lanes, in, x, rnd, w, logp, false);
    }

    /**
     * {@link #sample} with generation's angles: the latent part's cos and sin from {@link #prepareLatent} for
     * these lanes' windows, the feedback part from tables, instead of cos and sin of every angle per bin (the
     * same probabilities to rounding).
     */
    public void sampleGenerated(double[] p, Tables t, int lanes, double[] in, byte[] x, SplittableRandom rnd, Workspace w) {
        sample(p, t, lanes, in, x, rnd, w, null, true);
    }

    private void sample(double[] p, Tables t, int lanes, double[] in, byte[] x, SplittableRandom rnd, Workspace w, double[] logp,
            boolean generated) {
        if (logp != null) java.util.Arrays.fill(logp, 0, lanes, 0.0);
        for (int g = 0; g < cfg.groups(); g++) {
            int n = cfg.groupQubits(g);
            if (generated) forwardGenerated(t, g, lanes, in, w);
            else forward(p, t, g, lanes, in, w);
            for (int k = 0; k < lanes; k++) w.draw[k] = rnd.nextDouble();
            // running sums of |psi|^2 of all lanes in one pass (lam is free here), then bisection: the linear scan's picks
            RealRowKernels.sample(w.psi, n, lanes, w.draw, w.lam, w.pick);
            for (int k = 0; k < lanes; k++) {
                int pick = w.pick[k];
                int o = k * cfg.units() + cfg.groupStart(g);
                for (int q = 0; q < n; q++) x[o + q] = (byte) ((pick >>> q) & 1);
                if (logp != null) {
                    double a = w.psi[pick][k];
                    logp[k] += Math.log(a * a + PROBABILITY_FLOOR);
                }
            }
        }
    }

    /** Born probabilities of group g's patterns for lane k < lanes into {@code out} (2^n values per lane). */
    public void probabilities(double[] p, Tables t, int g, int lanes, double[] in, Workspace w, double[] out) {
        int n = cfg.groupQubits(g);
        forward(p, t, g, lanes, in, w);
        int dim = 1 << n;
        for (int k = 0; k < lanes; k++) {
            for (int b = 0; b < dim; b++) {
                double a = w.psi[b][k];
                out[k * dim + b] = a * a;
            }
        }
    }

    /**
     * A data-informed start (SPEC 3c): layer 0's biases put every neuron at its firing probability r_i
     * (a = 2 asin sqrt r), every other angle and weight drawn from N(0, spread^2), feedback weights 0.
     */
    public double[] initialParameters(double[] rates, double spread, long seed) {
        if (rates.length == cfg.neurons() && cfg.hidden() > 0) {
            // hidden units start undecided: probability 1/2
            double[] all = new double[cfg.units()];
            java.util.Arrays.fill(all, 0, cfg.hidden(), 0.5);
            System.arraycopy(rates, 0, all, cfg.hidden(), rates.length);
            rates = all;
        }
        double[] p = new double[cfg.parameterCount()];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < p.length; i++) p[i] = spread * gaussian(rnd);
        for (int g = 0; g < cfg.groups(); g++) {
            int n = cfg.groupQubits(g);
            for (int j = 0; j < cfg.layers(); j++) {
                int base = cfg.offset(g, j);
                for (int q = 0; q < n; q++) {
                    int po = base + q * (1 + inputs);
                    for (int e = cfg.latent(); e < inputs; e++) p[po + 1 + e] = 0;
                    if (j == 0) {
                        double r = Math.min(Math.max(rates[cfg.groupStart(g) + q], 1e-4), 1 - 1e-4);
                        p[po] += 2 * Math.asin(Math.sqrt(r));
                    }
                }
            }
        }
        return p;
    }

    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
