package org.spiqgan.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.nn.Critic;
import org.spiqgan.nn.CriticLoss;

/**
 * The generator's side of training (SPEC section 4): relaxed samples for the critic, and the generator
 * loss {@code L_G = -mean C(x_gen) + lambda_k K + lambda_acg ACG} with its exact gradient: dL/dx from the
 * critic, back through the relaxation to a cotangent on each patch's readout, plus the cotangents of the
 * K-loss and the temporal loss, then one adjoint sweep per (patch, item).
 *
 * <p>Randomness: the latent z is passed in; relaxation noise of (patch p, item b) comes from
 * {@code itemRandom(noiseSeed, p * batch + b)}, so results depend on no thread schedule.
 */
public final class GeneratorObjective {
    /** Probabilities below this enter the Gumbel logits as this (log 0 = -inf); no gradient there. */
    static final double PROB_FLOOR = 1e-300;

    private final PatchGenerator gen;
    private final GeneratorConfig cfg;
    private final CriticInput input;
    private final double tau;
    /** The relaxation of Bernoulli sampling (born sampling relaxes the basis state by Gumbel-softmax, below). */
    private final BinaryConcrete concrete;
    private final double lambdaK;
    private final double[] kData; // P_data(k), k = 0..N
    private final double lambdaAcg;
    private final double[] acgData; // A_data(tau), tau = 1..L
    private final boolean born;
    private final PatchReadouts readouts;
    private final KLoss kLoss;
    private final TemporalLoss temporalLoss;
    private final SoftmaxKernels softmax = SoftmaxKernels.chosen();

    public record Losses(double total, double adversarial, double kLoss, double acgLoss) {}

    /**
     * @param kData P_data(k) for k = 0..N (used when lambdaK > 0)
     * @param acgData A_data(tau) for tau = 1..L, L = min(10, T - 1) (used when lambdaAcg > 0)
     */
    public GeneratorObjective(PatchGenerator gen, CriticInput input, double tau, double lambdaK, double[] kData,
            double lambdaAcg, double[] acgData) {
        this.gen = gen;
        this.cfg = gen.config();
        this.input = input;
        this.tau = tau;
        this.concrete = new BinaryConcrete(input, tau);
        this.lambdaK = lambdaK;
        this.kData = kData == null ? null : kData.clone();
        this.lambdaAcg = lambdaAcg;
        this.acgData = acgData == null ? null : acgData.clone();
        this.born = cfg.sampling() == GeneratorConfig.Sampling.BORN;
        this.readouts = new PatchReadouts(gen);
        this.kLoss = new KLoss(readouts, lambdaK, this.kData);
        this.temporalLoss = new TemporalLoss(readouts, lambdaAcg, this.acgData);
        if (!(tau > 0)) throw new IllegalArgumentException("tau must be positive");
        if (lambdaK != 0 && (kData == null || kData.length != cfg.neurons() + 1)) {
            throw new IllegalArgumentException("K-loss needs P_data(k) for k = 0..N");
        }
        if (lambdaAcg != 0 && (acgData == null || acgData.length != acgLags(cfg.timesteps()))) {
            throw new IllegalArgumentException("temporal loss needs A_data for lags 1.." + acgLags(cfg.timesteps()));
        }
    }

    public PatchGenerator generator() { return gen; }

    public static int acgLags(int timesteps) { return org.spiqgan.stats.StatisticsAccumulator.acgLags(timesteps); }

    private int noiseSize(int patch) {
        if (input == CriticInput.MARGINALS) return 0;
        int m = cfg.groupNeurons(gen.groupOf(patch));
        return born ? 1 << m : m;
    }

    /** Everything computed in one forward pass, kept for the backward pass. */
    public final class Pass {
        final int batch;
        final double[] z;
        final double[][] readout;
        /** The relaxation's noise; for born sampling, relaxForward overwrites it with the scores (log P + g) / tau. */
        final double[][] noise;
        public final double[] x; // (batch, N, T)
        double[][][] arInputs; // [t][g][b * width]: circuit inputs of the autoregressive generator

        Pass(int batch, double[] z) {
            this.batch = batch;
            this.z = z;
            this.readout = gen.newReadoutArrays(batch);
            this.noise = new double[gen.patches()][];
            for (int p = 0; p < noise.length; p++) noise[p] = new double[batch * noiseSize(p)];
            this.x = new double[batch * cfg.neurons() * cfg.timesteps()];
        }

        /** A pass over new latents in the arrays of {@code old} (a forward pass writes every entry of them). */
        private Pass(Pass old, double[] z) {
            this.batch = old.batch;
            this.z = z;
            this.readout = old.readout;
            this.noise = old.noise;
            this.x = old.x;
        }
    }

    /** Readouts and the critic's view x of a batch. */
    public Pass forward(double[] theta, double[] z, int batch, long noiseSeed, BatchExecutor ex) {
        return forward(theta, z, batch, noiseSeed, ex, null);
    }

    /**
     * As {@link #forward(double[], double[], int, long, BatchExecutor)}, writing into the arrays of {@code reuse}
     * (a finished pass of the same batch size, which becomes invalid; null: new arrays). A training step makes six
     * passes of 2^m doubles per patch and item, so reusing them saves the allocation and the collector's work.
     */
    public Pass forward(double[] theta, double[] z, int batch, long noiseSeed, BatchExecutor ex, Pass reuse) {
        return forward(theta, z, batch, noiseSeed, ex, reuse, false);
    }

    /**
     * As {@link #forward(double[], double[], int, long, BatchExecutor, Pass)}; {@code backwardFollows}: the
     * circuits' final states are kept for the {@link #backward} of this pass, which then need not run them again.
     */
    public Pass forward(double[] theta, double[] z, int batch, long noiseSeed, BatchExecutor ex, Pass reuse,
            boolean backwardFollows) {
        Pass pass = reuse != null && reuse.batch == batch ? new Pass(reuse, z) : new Pass(batch, z);
        if (gen.autoregressive()) {
            int tt = cfg.timesteps(), groups = cfg.groups();
            pass.arInputs = new double[tt][groups][];
            for (int t = 0; t < tt; t++) {
                for (int g = 0; g < groups; g++) pass.arInputs[t][g] = arInputs(z, batch, g, t, pass.x);
                gen.readoutsAt(theta, t, pass.arInputs[t], batch, pass.readout, ex);
                int items = groups * batch, ft = t;
                ex.run(BatchExecutor.chunks(items), c -> {
                    int from = c * BatchExecutor.CHUNK, to = Math.min(items, from + BatchExecutor.CHUNK);
                    Scratch w = scratch.get();
                    for (int k = from; k < to; k++) {
                        int g = k / batch, b = k % batch, p = g * tt + ft;
                        relaxForward(pass, p, b, noiseSeed, (long) p * batch + b, w);
                    }
                });
            }
            return pass;
        }
        gen.readouts(theta, z, batch, pass.readout, ex, backwardFollows);
        int items = gen.patches() * batch;
        ex.run(BatchExecutor.chunks(items), c -> {
            int from = c * BatchExecutor.CHUNK, to = Math.min(items, from + BatchExecutor.CHUNK);
            Scratch w = scratch.get();
            for (int k = from; k < to; k++) relaxForward(pass, k / batch, k % batch, noiseSeed, k, w);
        });
        return pass;
    }

    /** Circuit inputs of group g at timestep t: the latent prefix, then x_{t-1} of the group (0 at t = 0). */
    private double[] arInputs(double[] z, int batch, int g, int t, double[] x) {
        int w = gen.inputWidth(g), m = cfg.groupNeurons(g), zw = w - m, start = cfg.groupStart(g), lat = gen.latentSize();
        double[] in = new double[batch * w];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(z, b * lat, in, b * w, zw);
            if (t > 0) for (int q = 0; q < m; q++) in[b * w + zw + q] = x[xIndex(b, start + q, t - 1)];
        }
        return in;
    }

    private int xIndex(int batchItem, int neuron, int t) {
        return (batchItem * cfg.neurons() + neuron) * cfg.timesteps() + t;
    }

    private static double openUniform(SplittableRandom r) {
        return ((r.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    private void relaxForward(Pass pass, int p, int b, long noiseSeed, long item, Scratch w) {
        int g = gen.groupOf(p), t = gen.timeOf(p), m = cfg.groupNeurons(g), start = cfg.groupStart(g);
        int size = gen.readoutSize(p), ro = b * size, ns = noiseSize(p), no = b * ns;
        double[] r = pass.readout[p], nz = pass.noise[p], x = pass.x;
        if (ns > 0) drawNoise(nz, no, ns, noiseSeed, item);
        if (born) {
            int dim = 1 << m;
            double[] sums = w.marginals(m);
            if (input == CriticInput.MARGINALS) {
                softmax.marginals(r, ro, m, sums);
                for (int i = 0; i < m; i++) x[xIndex(b, start + i, t)] = sums[i];
                return;
            }
            // The scores s_b = (log P_b + g_b) / tau replace the noise in the pass: the backward pass needs only
            // them, and keeping them saves it the logarithms.
            double max = softmax.scores(r, ro, nz, no, dim, tau, PROB_FLOOR);
            if (input == CriticInput.STRAIGHT_THROUGH) {
                int arg = 0;
                while (!(nz[no + arg] == max)) arg++; // the first largest score (no NaN: the probabilities are floored)
                for (int i = 0; i < m; i++) x[xIndex(b, start + i, t)] = arg >> i & 1;
                return;
            }
            double[] y = w.softmax(dim);
            softmax.softmax(nz, no, dim, max, y);
            softmax.marginals(y, 0, m, sums);
            for (int i = 0; i < m; i++) x[xIndex(b, start + i, t)] = sums[i];
        } else {
            for (int i = 0; i < m; i++) x[xIndex(b, start + i, t)] = concrete.fromProbability(r[ro + i], ns > 0 ? nz[no + i] : 0);
        }
    }

    /**
     * One item's relaxation noise into {@code nz[no .. no + ns)}: born, the uniforms, which softmax.scores turns into
     * Gumbel noise and the scores; bernoulli, logistic noise. A method of its own because a loop this long inside
     * relaxForward had JDK 17 compile relaxForward on the stack first; the profile left to its normal compilation then
     * sometimes showed the scores call as cold, C2 did not inline the Vector API kernel, and the kernel ran in C1 code
     * for the whole run (0.35-0.40 instead of 0.30-0.32 s per two-thread step, BENCHMARKS.md, issue 12, eighth part).
     */
    private void drawNoise(double[] nz, int no, int ns, long noiseSeed, long item) {
        SplittableRandom rng = org.spiqgan.quantum.BatchSimulator.itemRandom(noiseSeed, item);
        for (int k = 0; k < ns; k++) {
            double u = openUniform(rng);
            nz[no + k] = born ? u : BinaryConcrete.logisticNoise(u);
        }
    }

    /** A worker thread's buffers for the relaxation, fetched once per chunk of items (not per item). */
    private static final class Scratch {
        private double[] softmax = new double[1], dy = new double[1], marginals = new double[1];

        double[] softmax(int size) {
            if (softmax.length < size) softmax = new double[size];
            return softmax;
        }

        double[] dy(int size) {
            if (dy.length < size) dy = new double[size];
            return dy;
        }

        double[] marginals(int size) {
            if (marginals.length < size) marginals = new double[size];
            return marginals;
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** Adds to cot[p][b*size..] the backward map of the relaxation applied to gx (dL/dx). */
    private void relaxBackward(Pass pass, int p, int b, double[] gx, double[][] cot, Scratch w) {
        int g = gen.groupOf(p), t = gen.timeOf(p), m = cfg.groupNeurons(g), start = cfg.groupStart(g);
        int size = gen.readoutSize(p), ro = b * size, ns = noiseSize(p), no = b * ns;
        double[] r = pass.readout[p], nz = pass.noise[p], c = cot[p];
        if (born) {
            int dim = 1 << m;
            double[] d = dyTable(gx, b, start, t, m, w.dy(dim));
            if (input == CriticInput.MARGINALS) {
                for (int bb = 0; bb < dim; bb++) c[ro + bb] += d[bb];
                return;
            }
            // relaxForward left the scores s_b in the noise array
            double[] y = w.softmax(dim);
            softmax.softmax(nz, no, dim, softmax.max(nz, no, dim), y);
            // dL/dy_b = sum_i gx_i bit_i(b); softmax: dL/ds_b = y_b (dL/dy_b - sum_c y_c dL/dy_c); s_b = (log P_b + g_b) / tau
            double mean = 0;
            for (int bb = 0; bb < dim; bb++) mean += y[bb] * d[bb];
            for (int bb = 0; bb < dim; bb++) {
                double pb = r[ro + bb];
                if (pb < PROB_FLOOR) continue;
                c[ro + bb] += y[bb] * (d[bb] - mean) / (tau * pb);
            }
        } else {
            for (int i = 0; i < m; i++) {
                concrete.addProbabilityGradient(r[ro + i], ns > 0 ? nz[no + i] : 0, gx[xIndex(b, start + i, t)], c, ro + i);
            }
        }
    }

    /**
     * d[code] = sum of gx over the set bits i of code (neurons start + i at bin t), in increasing i, for every code
     * of m bits: each entry is the one without its highest bit plus that bit's term, which adds the terms in the
     * same order as a loop over the bits, in O(2^m) instead of O(m 2^m).
     */
    private double[] dyTable(double[] gx, int b, int start, int t, int m, double[] d) {
        int dim = 1 << m;
        d[0] = 0;
        for (int code = 1; code < dim; code++) {
            int h = 31 - Integer.numberOfLeadingZeros(code);
            d[code] = d[code ^ (1 << h)] + gx[xIndex(b, start + h, t)];
        }
        return d;
    }

    /**
     * The generator loss at theta for latent z and relaxation noise seed, and its gradient (overwritten
     * into {@code grad}). The critic's parameters are left untouched.
     */
    public Losses lossAndGradient(double[] theta, double[] z, int batch, long noiseSeed, Critic critic, double[] grad,
            BatchExecutor ex) {
        Pass pass = forward(theta, z, batch, noiseSeed, ex);
        double[] gx = new double[pass.x.length];
        double adversarial = AdversarialLoss.valueAndGradient(critic, pass.x, batch, gx, ex);
        AdversarialGenerator.LossTerms t = backward(pass, theta, gx, grad, ex);
        return new Losses(adversarial + t.kLoss() + t.temporalLoss(), adversarial, t.kLoss(), t.temporalLoss());
    }

    /**
     * The gradient of the generator loss for a forward pass: {@code gx} holds d(adversarial loss)/dx (it is
     * used as scratch); the K-loss and the temporal loss are added; {@code grad} is overwritten with dL/dtheta.
     */
    AdversarialGenerator.LossTerms backward(Pass pass, double[] theta, double[] gx, double[] grad, BatchExecutor ex) {
        int batch = pass.batch;
        double[][] cot = gen.newReadoutArrays(batch);
        if (gen.autoregressive()) {
            double k = lambdaK != 0 ? kLoss.valueAndCotangent(pass.readout, batch, cot, ex) : 0;
            double a = lambdaAcg != 0 ? temporalLoss.valueAndCotangent(pass.readout, batch, cot) : 0;
            int tt = cfg.timesteps(), groups = cfg.groups();
            double[][] gin = new double[groups][];
            for (int g = 0; g < groups; g++) gin[g] = new double[batch * gen.inputWidth(g)];
            Arrays.fill(grad, 0.0);
            // Reverse time order: x_t feeds patch t+1, so its gradient is complete once t+1 is done.
            for (int t = tt - 1; t >= 0; t--) {
                int gitems = groups * batch, ft = t;
                ex.run(BatchExecutor.chunks(gitems), c -> {
                    int from = c * BatchExecutor.CHUNK, to = Math.min(gitems, from + BatchExecutor.CHUNK);
                    Scratch w = scratch.get();
                    for (int kk = from; kk < to; kk++) relaxBackward(pass, (kk / batch) * tt + ft, kk % batch, gx, cot, w);
                });
                gen.gradientAt(theta, t, pass.arInputs[t], batch, cot, grad, gin, ex);
                if (t == 0) break;
                for (int g = 0; g < groups; g++) {
                    int w = gen.inputWidth(g), m = cfg.groupNeurons(g), zw = w - m, start = cfg.groupStart(g);
                    for (int b = 0; b < batch; b++) {
                        for (int q = 0; q < m; q++) gx[xIndex(b, start + q, t - 1)] += gin[g][b * w + zw + q];
                    }
                }
            }
            return new AdversarialGenerator.LossTerms(k, a);
        }
        int items = gen.patches() * batch;
        ex.run(BatchExecutor.chunks(items), c -> {
            int from = c * BatchExecutor.CHUNK, to = Math.min(items, from + BatchExecutor.CHUNK);
            Scratch w = scratch.get();
            for (int kk = from; kk < to; kk++) relaxBackward(pass, kk / batch, kk % batch, gx, cot, w);
        });
        double k = lambdaK != 0 ? kLoss.valueAndCotangent(pass.readout, batch, cot, ex) : 0;
        double a = lambdaAcg != 0 ? temporalLoss.valueAndCotangent(pass.readout, batch, cot) : 0;
        gen.gradient(theta, pass.z, batch, cot, grad, ex);
        return new AdversarialGenerator.LossTerms(k, a);
    }

    /**
     * Hard samples (what generation and evaluation use): born = one shot per patch over the data qubits,
     * bernoulli = independent spikes; item b's randomness from itemRandom(seed, b).
     */
    public static SampleSet sample(PatchGenerator gen, double[] theta, int count, long seed, BatchExecutor ex) {
        return sample(gen, theta, 0, count, seed, ex);
    }

    /**
     * Items {@code offset .. offset + count - 1} of the sequence {@link #sample(PatchGenerator, double[], int, long,
     * BatchExecutor)} draws (item b's randomness from itemRandom(seed, b)), so that a large sample can be made
     * and written in parts with the same bits as in one call.
     */
    public static SampleSet sample(PatchGenerator gen, double[] theta, long offset, int count, long seed, BatchExecutor ex) {
        GeneratorConfig cfg = gen.config();
        int n = cfg.neurons(), tt = cfg.timesteps(), block = 1024;
        byte[] values = new byte[Math.multiplyExact(Math.multiplyExact(count, n), tt)];
        boolean born = cfg.sampling() == GeneratorConfig.Sampling.BORN;
        for (int from = 0; from < count; from += block) {
            int batch = Math.min(block, count - from);
            int first = from;
            double[] z = new double[batch * gen.latentSize()];
            double[] u = new double[batch * gen.patches() * cfg.groupSize()];
            for (int b = 0; b < batch; b++) {
                SplittableRandom r = org.spiqgan.quantum.BatchSimulator.itemRandom(seed, offset + first + b);
                for (int k = 0; k < gen.latentSize(); k++) z[b * gen.latentSize() + k] = cfg.zMax() * r.nextDouble();
                for (int k = 0; k < gen.patches() * cfg.groupSize(); k++) u[b * gen.patches() * cfg.groupSize() + k] = r.nextDouble();
            }
            int uStride = cfg.groupSize();
            if (gen.autoregressive()) {
                // Time order with the measured patterns fed forward (classical feed-forward on hardware).
                double[][] out = gen.newReadoutArrays(batch);
                double[] hard = new double[batch * n * tt];
                for (int t = 0; t < tt; t++) {
                    double[][] in = new double[cfg.groups()][];
                    for (int g = 0; g < cfg.groups(); g++) {
                        int w = gen.inputWidth(g), m = cfg.groupNeurons(g), zw = w - m, start = cfg.groupStart(g);
                        in[g] = new double[batch * w];
                        for (int b = 0; b < batch; b++) {
                            System.arraycopy(z, b * gen.latentSize(), in[g], b * w, zw);
                            if (t > 0) for (int q = 0; q < m; q++) in[g][b * w + zw + q] = hard[(b * n + start + q) * tt + t - 1];
                        }
                    }
                    gen.sampleReadoutsAt(theta, t, in, batch, out, ex);
                    for (int g = 0; g < cfg.groups(); g++) {
                        int p = g * tt + t, m = cfg.groupNeurons(g), start = cfg.groupStart(g);
                        for (int b = 0; b < batch; b++) {
                            int code = PatchGenerator.hardPattern(out[p], b * gen.readoutSize(p), m, !born, u,
                                    (b * gen.patches() + p) * uStride);
                            for (int i = 0; i < m; i++) {
                                int bit = code >> i & 1;
                                hard[(b * n + start + i) * tt + t] = bit;
                                values[((first + b) * n + start + i) * tt + t] = (byte) bit;
                            }
                        }
                    }
                }
                continue;
            }
            int[] codes = new int[gen.patches() * batch];
            gen.samplePatterns(theta, z, u, uStride, batch, codes, ex);
            for (int p = 0; p < gen.patches(); p++) {
                int g = gen.groupOf(p), t = gen.timeOf(p), m = cfg.groupNeurons(g), start = cfg.groupStart(g);
                for (int b = 0; b < batch; b++) {
                    int code = codes[p * batch + b], base = ((first + b) * n + start) * tt + t;
                    for (int i = 0; i < m; i++) values[base + i * tt] = (byte) (code >> i & 1);
                }
            }
        }
        return new SampleSet(count, n, tt, values);
    }

    /** P_gen(k): mean over items and timesteps of the groups' Hamming distributions convolved. */
    public double[] kDistribution(double[][] readout, int batch) { return readouts.kDistribution(readout, batch); }

    /** Marginals P(spike) of every (item, neuron, timestep), layout (b, i, t). */
    public double[] marginals(double[][] readout, int batch) { return readouts.marginals(readout, batch); }

    double[] kData() { return kData == null ? null : Arrays.copyOf(kData, kData.length); }
}
