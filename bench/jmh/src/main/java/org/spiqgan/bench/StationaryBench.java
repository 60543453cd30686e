package org.spiqgan.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spiqgan.model.stationary.SequenceEngine;
import org.spiqgan.model.stationary.Sequences;
import org.spiqgan.model.stationary.StationaryConfig;
import org.spiqgan.model.stationary.StationaryGenerator;
import org.spiqgan.nn.BatchExecutor;

/**
 * The stationary autoregressive generator at the paper's size with the defaults of {@code spiqgan train}
 * (N = 10 neurons in one 10-qubit circuit, 2 layers, all-pairs CRY entangler, latent d = 4 in [0, 1),
 * history H = 1, burn-in 20):
 * <ul>
 * <li>{@code likelihoodStep}: one exact-likelihood step as the trainer runs it: 64 windows of T = 30 bins
 *     (plus the history bin), 16 latent draws each (30,720 lanes), teacher-forced log P of every bin, the
 *     log-mean-exp over draws of every window, and the adjoint gradient of the mean NLL per bin with respect
 *     to all parameters. {@code bench/peers/bench_stationary.py} computes the same in PyTorch.</li>
 * <li>{@code generate}: free-running generation of {@code windows} windows (burn-in + 30 bins each).</li>
 * <li>{@code refineStep}: one free-running refinement step as the trainer runs it at the defaults
 *     ({@code --moment-samples} 256): generate 256 windows (burn-in + 30 bins), then the score-function
 *     gradient sum_l u_l d log P_l / d params over all their 12,800 bins (fixed pseudo-random weights u
 *     stand in for the moment loss's, which cost nothing next to the circuits).</li>
 * </ul>
 * {@code threads} workers (results do not depend on it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StationaryBench {
    public static final int N = 10, T = 30, BATCH = 64, DRAWS = 16;

    @Param({"2"})
    public int threads;

    @Param({"1024"})
    public int windows;

    StationaryConfig cfg;
    SequenceEngine engine;
    BatchExecutor ex;
    double[] params;
    Sequences data;
    double[] z;
    double[] grad;
    double[] zOut;
    double[] refineZ;
    double[] refineU;
    public static final int REFINE_WINDOWS = 256;

    /** The configuration and parameters the peer rebuilds (same seeds, same formulas). */
    public static StationaryConfig config() {
        return new StationaryConfig(N, N, 2, "cry", 4, 1.0, 1, 20, "all");
    }

    @Setup(Level.Trial)
    public void setUp() {
        cfg = config();
        engine = new SequenceEngine(new StationaryGenerator(cfg));
        ex = new BatchExecutor(threads);
        SplittableRandom rnd = new SplittableRandom(42);
        params = new double[cfg.parameterCount()];
        for (int i = 0; i < params.length; i++) params[i] = rnd.nextDouble() - 0.5;
        byte[] bits = new byte[BATCH * (1 + T) * N];
        for (int i = 0; i < bits.length; i++) bits[i] = (byte) (rnd.nextDouble() < 0.15 ? 1 : 0);
        data = new Sequences(bits, BATCH, N, 1, T);
        z = new double[BATCH * DRAWS * cfg.latent()];
        for (int i = 0; i < z.length; i++) z[i] = rnd.nextDouble() * cfg.zMax();
        grad = new double[params.length];
        zOut = new double[windows * cfg.latent()];
        refineZ = new double[REFINE_WINDOWS * cfg.latent()];
        refineU = new double[REFINE_WINDOWS * (cfg.burnIn() + T)];
        for (int i = 0; i < refineU.length; i++) refineU[i] = (rnd.nextDouble() - 0.5) / refineU.length;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ex.close();
    }

    /** Mean NLL per bin of the batch (log-mean-exp over draws), with its gradient in {@link #grad}. */
    public static double step(SequenceEngine engine, double[] params, Sequences data, double[] z, BatchExecutor ex, double[] grad) {
        SequenceEngine.Forward fw = engine.forward(params, data, z, DRAWS, ex);
        double[] lp = fw.logp, u = new double[lp.length], lw = new double[DRAWS];
        int len = data.length();
        double nll = 0;
        for (int s = 0; s < BATCH; s++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < DRAWS; k++) {
                double sum = 0;
                int o = (s * DRAWS + k) * len;
                for (int t = 0; t < len; t++) sum += lp[o + t];
                lw[k] = sum;
                max = Math.max(max, sum);
            }
            double z0 = 0;
            for (int k = 0; k < DRAWS; k++) z0 += Math.exp(lw[k] - max);
            nll -= (max + Math.log(z0 / DRAWS)) / (BATCH * (double) len);
            for (int k = 0; k < DRAWS; k++) {
                double w = Math.exp(lw[k] - max) / z0;
                int o = (s * DRAWS + k) * len;
                for (int t = 0; t < len; t++) u[o + t] = -w / (BATCH * (double) len);
            }
        }
        java.util.Arrays.fill(grad, 0.0);
        engine.gradient(fw, u, ex, grad);
        return nll;
    }

    @Benchmark
    public double likelihoodStep() {
        return step(engine, params, data, z, ex, grad);
    }

    @Benchmark
    public double[] refineStep() {
        Sequences gen = engine.generate(params, REFINE_WINDOWS, cfg.burnIn() + T, 11, refineZ, ex);
        java.util.Arrays.fill(grad, 0.0);
        engine.gradient(params, gen, refineZ, 1, refineU, ex, grad);
        return grad;
    }

    @Benchmark
    public Sequences generate() {
        return engine.generate(params, windows, cfg.burnIn() + T, 7, zOut, ex);
    }

    /** Prints the NLL and a gradient checksum of the benchmark's step, for the peer to compare against. */
    public static void main(String[] args) {
        StationaryBench b = new StationaryBench();
        b.threads = 1;
        b.windows = 32;
        b.setUp();
        double nll = b.likelihoodStep();
        double norm = 0;
        for (double g : b.grad) norm += g * g;
        System.out.printf(java.util.Locale.ROOT, "{\"nll\": %.17g, \"grad_norm\": %.17g, \"grad0\": %.17g, \"params\": %d}%n",
                nll, Math.sqrt(norm), b.grad[0], b.params.length);
        b.tearDown();
    }
}
