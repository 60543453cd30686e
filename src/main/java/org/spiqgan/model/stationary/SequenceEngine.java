package org.spiqgan.model.stationary;

import java.util.SplittableRandom;
import org.spiqgan.nn.BatchExecutor;

/**
 * Runs a {@link StationaryGenerator} over whole sequences: teacher-forced log-probabilities and their
 * weighted gradient (every predicted bin of every sequence under every latent draw is one lane), and
 * free-running generation with burn-in. Work is cut into fixed chunks of {@link StationaryGenerator#LANES}
 * lanes and gradients are summed in chunk order, so results do not depend on the thread count.
 */
public final class SequenceEngine {
    private final StationaryGenerator gen;
    private final StationaryConfig cfg;
    private final ThreadLocal<Scratch> scratch;
    /**
     * The kept final states of the last forward sweep, per chunk and group, reused by the next sweep: a
     * likelihood step keeps hundreds of MB of states (30,720 lanes of 8 KiB at the defaults), and allocating
     * them anew each step made the collector copy them while they were live (pauses of 0.1-0.8 s, about one a step).
     */
    private double[][][] kept = new double[0][][];
    /** Counts forward sweeps that keep states; a {@link Forward} is valid while it holds the current count. */
    private long sweeps;

    /** Everything a thread needs for one chunk, allocated once per thread: the generator's workspace and the lane rows. */
    private static final class Scratch {
        final StationaryGenerator.Workspace w;
        final double[] in;
        final byte[] x;
        double[] lp = new double[0];
        double[] u = new double[0];
        double[] g = new double[0];

        Scratch(StationaryConfig cfg, int width) {
            w = new StationaryGenerator.Workspace(cfg);
            in = new double[StationaryGenerator.LANES * width];
            x = new byte[StationaryGenerator.LANES * cfg.units()];
        }

        double[] lp(int size) {
            if (lp.length < size) lp = new double[size];
            return lp;
        }

        double[] u(int size) {
            if (u.length < size) u = new double[size];
            return u;
        }

        /** A zeroed gradient of {@code size} values. */
        double[] g(int size) {
            if (g.length != size) g = new double[size];
            else java.util.Arrays.fill(g, 0.0);
            return g;
        }
    }

    public SequenceEngine(StationaryGenerator gen) {
        this.gen = gen;
        this.cfg = gen.config();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(cfg, gen.inputs()));
    }

    public StationaryGenerator generator() { return gen; }

    /** Lane l = (s * draws + m) * length + t. */
    private static int chunks(long lanes) {
        return (int) ((lanes + StationaryGenerator.LANES - 1) / StationaryGenerator.LANES);
    }

    /** Fills inputs (z, then x_{t-1} .. x_{t-H}) and targets x_t of the chunk's lanes; returns the lane count. */
    private int fill(Sequences s, double[] z, int draws, int chunk, double[] in, byte[] x) {
        int n = cfg.units(), d = cfg.latent(), h = cfg.history(), width = gen.inputs();
        long total = (long) s.count() * draws * s.length();
        int first = chunk * StationaryGenerator.LANES;
        int lanes = (int) Math.min(StationaryGenerator.LANES, total - first);
        for (int k = 0; k < lanes; k++) {
            int l = first + k;
            int t = l % s.length(), sm = l / s.length(), seq = sm / draws;
            int io = k * width;
            System.arraycopy(z, sm * d, in, io, d);
            int bin = s.history() + t;
            for (int lag = 1; lag <= h; lag++) {
                int b = bin - lag;
                int o = io + d + (lag - 1) * n;
                if (b < 0) {
                    java.util.Arrays.fill(in, o, o + n, 0.0);
                } else {
                    int src = s.offset(seq, b);
                    for (int i = 0; i < n; i++) in[o + i] = s.bits()[src + i];
                }
            }
            System.arraycopy(s.bits(), s.offset(seq, bin), x, k * n, n);
        }
        return lanes;
    }

    /** The forward sweep of one parameter vector over sequences: log-probabilities per lane and the final states. */
    public static final class Forward {
        public final double[] logp;
        final double[][][] states;
        final double[] p;
        final Sequences s;
        final double[] z;
        final int draws;
        final int alts;
        final StationaryGenerator.Tables tables;
        final long sweep;

        Forward(double[] logp, double[][][] states, long sweep, double[] p, Sequences s, double[] z, int draws, int alts,
                StationaryGenerator.Tables t) {
            this.sweep = sweep;
            this.alts = alts;
            this.logp = logp;
            this.states = states;
            this.p = p;
            this.s = s;
            this.z = z;
            this.draws = draws;
            this.tables = t;
        }
    }

    /**
     * log P(x_t | history, z_m) for every lane, keeping the final states for
     * {@link #gradient(Forward, double[], BatchExecutor, double[])}. The states live in storage of this engine
     * that the next call of this method reuses: a Forward is good for one gradient until then (the gradient
     * refuses a stale one). Not for concurrent sweeps on one engine.
     */
    public Forward forward(double[] p, Sequences s, double[] z, int draws, BatchExecutor ex) {
        return forward(p, s, z, draws, 1, ex);
    }

    /**
     * As {@link #forward(double[], Sequences, double[], int, BatchExecutor)} with {@code alts} patterns per lane, the
     * target with its hidden units set to each a < alts: {@code logp[lane * alts + a]}
     * ({@link StationaryGenerator#logProb(double[], StationaryGenerator.Tables, int, double[], byte[], int,
     * StationaryGenerator.Workspace, double[], double[][])}).
     */
    public Forward forward(double[] p, Sequences s, double[] z, int draws, int alts, BatchExecutor ex) {
        return sweep(p, s, z, draws, alts, true, ex);
    }

    private Forward sweep(double[] p, Sequences s, double[] z, int draws, int alts, boolean keep, BatchExecutor ex) {
        long total = (long) s.count() * draws * s.length();
        double[] out = new double[Math.toIntExact(total * alts)];
        StationaryGenerator.Tables t = gen.tables(p);
        int nc = chunks(total);
        if (keep && kept.length < nc) kept = java.util.Arrays.copyOf(kept, nc);
        double[][][] states = keep ? kept : null;
        long sweep = keep ? ++sweeps : -1;
        ex.run(nc, c -> {
            Scratch sc = scratch.get();
            double[] lp = sc.lp(StationaryGenerator.LANES * alts);
            int lanes = fill(s, z, draws, c, sc.in, sc.x);
            // a chunk's slot is touched by one task only; logProb fills (and first allocates) its groups' states
            if (keep && states[c] == null) states[c] = new double[cfg.groups()][];
            gen.logProb(p, t, lanes, sc.in, sc.x, alts, sc.w, lp, keep ? states[c] : null);
            System.arraycopy(lp, 0, out, c * StationaryGenerator.LANES * alts, lanes * alts);
        });
        return new Forward(out, states, sweep, p, s, z, draws, alts, t);
    }

    /** Adds sum_l u_l d log P_l / d params to {@code grad}, from a kept forward sweep. */
    public void gradient(Forward f, double[] u, BatchExecutor ex, double[] grad) {
        if (f.states != null && f.sweep != sweeps) {
            throw new IllegalStateException("the kept states of this forward sweep were reused by a later sweep");
        }
        gradient(f.p, f.tables, f.s, f.z, f.draws, f.alts, u, f.states, ex, grad);
    }

    /**
     * The gradient over all chunks: each chunk's part goes to its own slice of one buffer and the slices are
     * added to {@code grad} in chunk order, as the sum was always formed (the same bits for any thread count);
     * {@code states} are the kept final states of every chunk, or null to compute them here.
     */
    private void gradient(double[] p, StationaryGenerator.Tables tables, Sequences s, double[] z, int draws, int alts, double[] u,
            double[][][] states, BatchExecutor ex, double[] grad) {
        long total = (long) s.count() * draws * s.length();
        int nc = chunks(total), size = grad.length;
        double[] parts = new double[Math.multiplyExact(nc, size)];
        boolean[] used = new boolean[nc];
        ex.run(nc, c -> {
            int first = c * StationaryGenerator.LANES * alts;
            int lanes = (int) Math.min(StationaryGenerator.LANES, total - (long) c * StationaryGenerator.LANES);
            boolean any = false;
            for (int k = 0; k < lanes * alts; k++) any |= u[first + k] != 0;
            if (!any) return;
            Scratch sc = scratch.get();
            double[] uc = sc.u(StationaryGenerator.LANES * alts);
            fill(s, z, draws, c, sc.in, sc.x);
            System.arraycopy(u, first, uc, 0, lanes * alts);
            double[] g = sc.g(size);
            gen.gradient(p, tables, lanes, sc.in, sc.x, alts, uc, sc.w, g, states == null ? null : states[c]);
            System.arraycopy(g, 0, parts, c * size, size);
            used[c] = true;
        });
        for (int c = 0; c < nc; c++) {
            if (!used[c]) continue;
            for (int i = 0, o = c * size; i < size; i++) grad[i] += parts[o + i];
        }
    }

    /** log P(x_t | history, z_m) for every lane (sequence, draw, predicted bin); z holds count x draws x d values. */
    public double[] logProbs(double[] p, Sequences s, double[] z, int draws, BatchExecutor ex) {
        return sweep(p, s, z, draws, 1, false, ex).logp;
    }

    /**
     * Adds sum_l u_l d log P_l / d params to {@code grad} (lanes as in {@link #logProbs}); each chunk's forward
     * sweep runs just before its reverse sweep, so no states are kept.
     */
    public void gradient(double[] p, Sequences s, double[] z, int draws, double[] u, BatchExecutor ex, double[] grad) {
        gradient(p, gen.tables(p), s, z, draws, 1, u, null, ex, grad);
    }

    /**
     * Free-running generation: {@code count} sequences of {@code length} bins after {@code history} empty
     * bins, one latent z per sequence drawn from U[0, zMax)^d (written to {@code zOut}, count x d), each bin a
     * Born sample given z and the sampled history. Reproducible from the seed, whatever the thread count.
     */
    public Sequences generate(double[] p, int count, int length, long seed, double[] zOut, BatchExecutor ex) {
        return generate(p, count, length, seed, zOut, ex, 0);
    }

    /**
     * As {@link #generate(double[], int, int, long, double[], BatchExecutor)} for the sequences from index
     * {@code first} on (a multiple of {@link StationaryGenerator#LANES}): the parts of a large generation are
     * bit for bit the corresponding rows of one call.
     */
    public Sequences generate(double[] p, int count, int length, long seed, double[] zOut, BatchExecutor ex, long firstSequence) {
        if (firstSequence % StationaryGenerator.LANES != 0) {
            throw new IllegalArgumentException("the first sequence must be a multiple of " + StationaryGenerator.LANES);
        }
        long chunkOffset = firstSequence / StationaryGenerator.LANES;
        int n = cfg.units(), d = cfg.latent(), h = cfg.history(), width = gen.inputs();
        int bins = h + length;
        byte[] bits = new byte[Math.multiplyExact(Math.multiplyExact(count, bins), n)];
        StationaryGenerator.Tables t = gen.tables(p);
        int nc = chunks(count);
        ex.run(nc, c -> {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c + chunkOffset);
            Scratch sc = scratch.get();
            StationaryGenerator.Workspace w = sc.w;
            int first = c * StationaryGenerator.LANES;
            int lanes = Math.min(StationaryGenerator.LANES, count - first);
            double[] in = sc.in;
            byte[] x = sc.x;
            // the history rows start empty (zero); the latent part is set below
            java.util.Arrays.fill(in, 0.0);
            for (int k = 0; k < lanes; k++) {
                for (int e = 0; e < d; e++) {
                    double v = rnd.nextDouble() * cfg.zMax();
                    in[k * width + e] = v;
                    zOut[(first + k) * d + e] = v;
                }
            }
            // cos and sin of the angles' latent parts once per window; per bin only the feedback part turns them
            gen.prepareLatent(p, lanes, in, w);
            for (int b = h; b < bins; b++) {
                gen.sampleGenerated(p, t, lanes, in, x, rnd, w);
                for (int k = 0; k < lanes; k++) {
                    int io = k * width + d;
                    // shift the history by one bin: x_{t-1} becomes x_{t-2}, ...
                    for (int e = h * n - 1; e >= n; e--) in[io + e] = in[io + e - n];
                    if (h > 0) for (int i = 0; i < n; i++) in[io + i] = x[k * n + i];
                    System.arraycopy(x, k * n, bits, ((first + k) * bins + b) * n, n);
                }
            }
        });
        return new Sequences(bits, count, n, h, length);
    }
}
