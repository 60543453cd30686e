package org.spiqgan.model;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.Adam;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.nn.LearningRateSchedule;

/**
 * Maximum-likelihood pre-training of the quantum generator before the GAN game starts.
 *
 * <p>Why: from a random initialisation a 10-qubit sub-generator outputs a near-uniform distribution over
 * 1024 patterns (firing probability 0.5 where the retina fires a few percent of bins), and the critic's
 * signal takes thousands of steps to pull it towards sparse patterns. The simulator gives the exact
 * Born probabilities, so the likelihood of real windows is available, and its gradient moves the
 * circuits straight to the data's spatial statistics; the GAN then refines what likelihood misses.
 *
 * <p>The objective is the model's own likelihood of whole windows. Given z the patches are independent,
 * so P(x | z) = prod_p P_p(x_p | z) and P(x) = E_z P(x | z), estimated with M latent draws shared by the
 * batch: NLL = -mean_n log (1/M) sum_m exp(sum_p log P_p(x_{n,p} | z_m)). Its gradient with respect to
 * P_p(b | z_m) is the posterior weight of z_m for window n divided by P_p(x_{n,p} | z_m), which becomes the
 * cotangent of one adjoint sweep per (patch, latent draw). With T > 1 the shared z is what can carry
 * temporal correlation, and the window likelihood rewards it. Autoregressive generators are pre-trained
 * as their plain part (feedback weights u stay at their initial 0).
 */
public final class LikelihoodPretrainer {
    /** Probabilities below this are treated as this, so the log and the division stay finite. */
    private static final double FLOOR = 1e-30;

    private final GeneratorConfig full;
    private final GeneratorConfig plain;
    private final PatchGenerator gen;
    private final SampleSet data;
    private final int latentDraws;
    private final int windowBatch;
    private double[][] out, cot;
    private int[] windows;
    private int[] codes; // pattern code of window n at patch p, [n * patches + p]
    private double[] logP, sum;

    public LikelihoodPretrainer(GeneratorConfig config, SampleSet data, int latentDraws, int windowBatch) {
        if (data.neurons() != config.neurons() || data.timesteps() != config.timesteps()) {
            throw new IllegalArgumentException("data " + data.shape() + " does not fit a generator of N = "
                    + config.neurons() + ", T = " + config.timesteps());
        }
        if (latentDraws < 1 || windowBatch < 1) throw new IllegalArgumentException("need at least one draw and window");
        this.full = config;
        this.plain = new GeneratorConfig(config.neurons(), config.timesteps(), config.layers(), config.groupSize(),
                config.ancillas(), config.inputWeights(), config.encoding(), config.latent(), config.rotations(),
                config.entangler(), config.ring(), config.shareTimesteps(), config.sampling(), config.zMax(), false);
        this.gen = new PatchGenerator(plain);
        this.data = data;
        this.latentDraws = latentDraws;
        this.windowBatch = windowBatch;
    }

    /**
     * Runs {@code steps} Adam steps (learning rate lr) on the plain parameters of theta (modified in
     * place), seeded by seed. Reports "step NLL" lines to progress every {@code reportEvery} steps. Returns
     * the mean NLL (nats per window) of the last step.
     */
    public double run(double[] theta, int steps, double lr, long seed, BatchExecutor ex, int reportEvery,
            Consumer<String> progress) {
        return run(theta, steps, lr, seed, ex, reportEvery, progress, null);
    }

    /**
     * As above, checking {@code stop} before every step: when it says true the run ends early and theta
     * is left as it was (the caller, who asked to stop, knows).
     */
    public double run(double[] theta, int steps, double lr, long seed, BatchExecutor ex, int reportEvery,
            Consumer<String> progress, java.util.function.BooleanSupplier stop) {
        return run(theta, steps, lr, seed, ex, reportEvery, progress, stop, null);
    }

    /** As above, telling {@code perStep} the NLL of every step (for the training curves). */
    public double run(double[] theta, int steps, double lr, long seed, BatchExecutor ex, int reportEvery,
            Consumer<String> progress, java.util.function.BooleanSupplier stop, java.util.function.DoubleConsumer perStep) {
        double[] p = plainParams(theta);
        Adam adam = new Adam(p.length, lr, 0.9, 0.999, Adam.DEFAULT_EPS, LearningRateSchedule.constant());
        double[] grad = new double[p.length];
        double nll = Double.NaN;
        long t0 = System.nanoTime(), lastLine = t0;
        for (int step = 0; step < steps; step++) {
            if (stop != null && stop.getAsBoolean()) return nll;
            nll = lossAndGradient(p, seed, step, grad, ex);
            if (!Double.isFinite(nll)) throw new IllegalStateException("pre-training diverged at step " + step);
            if (perStep != null) perStep.accept(nll);
            adam.step(p, grad, 0);
            long now = System.nanoTime();
            // A line every reportEvery steps, and at least every 5 s on slow models, with the time left.
            if (progress != null && reportEvery > 0
                    && ((step + 1) % reportEvery == 0 || step + 1 == steps || now - lastLine > 5_000_000_000L)) {
                double elapsed = (now - t0) / 1e9;
                progress.accept(String.format(java.util.Locale.ROOT, "pretrain step %d/%d: NLL %.4f nats per window, "
                        + "%.0f s elapsed, about %.0f s left", step + 1, steps, nll, elapsed, elapsed / (step + 1) * (steps - step - 1)));
                lastLine = now;
            }
        }
        writeBack(p, theta);
        return nll;
    }

    /** Parameters of the plain generator this pre-trainer optimises (for tests). */
    int plainParameterCount() {
        return gen.parameterCount();
    }

    /**
     * The NLL estimate of step {@code step} (its latent draws and windows come from seed and step) at plain
     * parameters p, and its exact gradient written to grad.
     */
    double lossAndGradient(double[] p, long seed, long step, double[] grad, BatchExecutor ex) {
        int patches = gen.patches(), m = latentDraws, d = windowBatch;
        if (out == null) {
            out = gen.newReadoutArrays(m);
            cot = gen.newReadoutArrays(m);
            windows = new int[d];
            codes = new int[d * patches];
            logP = new double[d * m * patches];
            sum = new double[d * m];
        }
        SplittableRandom rng = StepRandom.of(seed, step, 0x5052_4554L); // "PRET"
        double[] z = gen.drawLatent(rng, m);
        for (int n = 0; n < d; n++) windows[n] = rng.nextInt(data.samples());
        for (int n = 0; n < d; n++) {
            for (int pa = 0; pa < patches; pa++) codes[n * patches + pa] = patternCode(pa, windows[n]);
        }
        gen.readouts(p, z, m, out, ex);
        java.util.Arrays.fill(sum, 0.0);
        for (int pa = 0; pa < patches; pa++) {
            for (int n = 0; n < d; n++) {
                for (int k = 0; k < m; k++) {
                    double lp = Math.log(Math.max(FLOOR, patternProbability(out[pa], pa, k, codes[n * patches + pa])));
                    logP[(n * m + k) * patches + pa] = lp;
                    sum[n * m + k] += lp;
                }
            }
        }
        double total = 0;
        for (int pa = 0; pa < patches; pa++) java.util.Arrays.fill(cot[pa], 0.0);
        for (int n = 0; n < d; n++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) max = Math.max(max, sum[n * m + k]);
            double s = 0;
            for (int k = 0; k < m; k++) s += Math.exp(sum[n * m + k] - max);
            double lse = max + Math.log(s);
            total += lse - Math.log(m);
            for (int k = 0; k < m; k++) {
                // d(-log P(x_n)) / d P_p(x_{n,p} | z_k) = -w_{n,k} / P_p(x_{n,p} | z_k), w the posterior weight.
                double w = Math.exp(sum[n * m + k] - lse);
                if (w == 0) continue;
                for (int pa = 0; pa < patches; pa++) {
                    double prob = Math.exp(logP[(n * m + k) * patches + pa]);
                    addCotangent(cot[pa], pa, k, codes[n * patches + pa], -w / (d * prob), prob, out[pa]);
                }
            }
        }
        gen.gradient(p, z, m, cot, grad, ex);
        return -total / d;
    }

    /** The pattern of the window's neurons of patch p's group at its timestep, bit i = neuron start + i. */
    private int patternCode(int patch, int window) {
        int g = gen.groupOf(patch), t = gen.timeOf(patch), start = plain.groupStart(g), width = plain.groupNeurons(g);
        int code = 0;
        for (int i = 0; i < width; i++) code |= data.get(window, start + i, t) << i;
        return code;
    }

    /** P_p(x | z_k) of the pattern with that code, from the readout of patch p for latent draw k. */
    private double patternProbability(double[] readout, int patch, int k, int code) {
        int size = gen.readoutSize(patch), o = k * size;
        if (plain.sampling() == GeneratorConfig.Sampling.BORN) return readout[o + code];
        int width = plain.groupNeurons(gen.groupOf(patch));
        double prob = 1;
        for (int i = 0; i < width; i++) {
            double q = readout[o + i];
            prob *= (code >> i & 1) != 0 ? q : 1 - q;
        }
        return prob;
    }

    /** Adds c x dP_p(x | z_k) / d readout (prob = P_p(x | z_k), floored) to the cotangent of patch p, draw k. */
    private void addCotangent(double[] cot, int patch, int k, int code, double c, double prob, double[] readout) {
        int size = gen.readoutSize(patch), o = k * size;
        if (plain.sampling() == GeneratorConfig.Sampling.BORN) {
            cot[o + code] += c;
            return;
        }
        // P = prod_i q_i^x_i (1 - q_i)^(1 - x_i): dP/dq_i = P / q_i or -P / (1 - q_i).
        int width = plain.groupNeurons(gen.groupOf(patch));
        for (int i = 0; i < width; i++) {
            double q = readout[o + i];
            cot[o + i] += (code >> i & 1) != 0 ? c * prob / Math.max(FLOOR, q) : -c * prob / Math.max(FLOOR, 1 - q);
        }
    }

    /** The plain circuit parameters of each set: a prefix of the set's parameters when autoregressive. */
    private double[] plainParams(double[] theta) {
        if (!full.autoregressive()) return theta.clone();
        double[] p = new double[gen.parameterCount()];
        forEachSet((fullOff, plainOff, len) -> System.arraycopy(theta, fullOff, p, plainOff, len));
        return p;
    }

    private void writeBack(double[] p, double[] theta) {
        if (!full.autoregressive()) {
            System.arraycopy(p, 0, theta, 0, p.length);
            return;
        }
        forEachSet((fullOff, plainOff, len) -> System.arraycopy(p, plainOff, theta, fullOff, len));
    }

    private interface SetCopy {
        void copy(int fullOffset, int plainOffset, int length);
    }

    private void forEachSet(SetCopy f) {
        int fullOff = 0, plainOff = 0;
        for (int g = 0; g < full.groups(); g++) {
            int sets = full.shareTimesteps() ? 1 : full.timesteps();
            for (int s = 0; s < sets; s++) {
                int len = plain.setParamCount(g);
                f.copy(fullOff, plainOff, len);
                fullOff += full.setParamCount(g);
                plainOff += len;
            }
        }
    }
}
