package org.spiqgan.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.Adam;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.nn.Critic;
import org.spiqgan.nn.CriticLoss;
import org.spiqgan.nn.CriticSpec;
import org.spiqgan.nn.ExponentialMovingAverage;
import org.spiqgan.nn.LearningRateSchedule;
import org.spiqgan.nn.WganGpResult;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.Statistics;
import org.spiqgan.stats.StatisticsAccumulator;

/**
 * A compact WGAN-GP loop for the classical generators (SPEC.md section 4 with Bernoulli outputs): the
 * critic of {@code org.spiqgan.nn} sees real windows and binary-concrete relaxed samples
 * {@code x = sigmoid((h + logit u) / tau)} of the generator's logits h; n_critic critic steps per
 * generator step, Adam for both, an exponential moving average of the generator's parameters, and the
 * checkpoint (of the EMA parameters) with the best validation score. Seeded: a seed and the options
 * give the same model.
 *
 * <p>Validation score (lower is better): the geometric mean over rate, covariance, P(k) and
 * autocorrelogram MSE (and state JS when N <= 20) of {@code error / floor}, where the error compares
 * generated samples with the validation windows and the floor is the same error for the gradient-step
 * windows (stride T): every statistic counts equally, in units of its own sampling noise, and the
 * geometric mean keeps one badly missed statistic (at first the autocorrelogram, about 1000x its floor)
 * from hiding progress on the others.
 */
public final class GanTrainer {

    /** Training options; defaults in {@link #defaults()}. */
    public record Options(int steps, int batch, int nCritic, double lrGenerator, double lrCritic, double beta1,
                          double beta2, double lambdaGp, double tau, double emaDecay, CriticSpec critic,
                          int validateEvery, int validationSamples, long seed, int threads, CriticInput criticInput) {
        public static Options defaults() {
            return new Options(800, 64, 5, 5e-4, 5e-4, 0.5, 0.9, CriticLoss.DEFAULT_LAMBDA_GP, 0.5, 0.99,
                    CriticSpec.defaults(), 100, 2000, 1, 1, CriticInput.MARGINALS);
        }
    }

    /** What the critic sees of a generated sample (SPEC.md section 4, Bernoulli outputs). */
    public enum CriticInput {
        /** binary-concrete relaxation sigmoid((h + logit u) / tau) */
        GUMBEL,
        /** the hard Bernoulli sample forward, the relaxed gradient backward */
        STRAIGHT_THROUGH,
        /** the firing probabilities sigmoid(h) (Spike-GAN's choice) */
        MARGINALS;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        public static CriticInput parse(String s) {
            for (CriticInput c : values()) if (c.id().equals(s)) return c;
            throw new IllegalArgumentException("must be gumbel, straight-through or marginals, not '" + s + "'");
        }
    }

    /** One validation: step, critic's Wasserstein estimate, score. */
    public record Progress(int step, double wasserstein, double score, boolean best, double secondsPerStep) {}

    private final Options o;

    public GanTrainer(Options options) {
        this.o = options;
    }

    /** Validation score of samples against the validation statistics, relative to the floor. */
    static double score(Statistics gen, Statistics validation, Comparison floor) {
        Comparison c = Comparison.of(gen, validation);
        Comparison.Error[] keys = {Comparison.Error.RATE, Comparison.Error.COVARIANCE, Comparison.Error.K_PROBABILITY,
                Comparison.Error.ACG, Comparison.Error.STATE_JS};
        double sum = 0;
        int count = 0;
        for (Comparison.Error k : keys) {
            double e = c.get(k), f = floor.get(k);
            if (Double.isFinite(e) && Double.isFinite(f) && f > 0) {
                sum += Math.log(Math.max(e, 1e-300) / f);
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.exp(sum / count);
    }

    /**
     * Trains a generator on {@code fit} (stride-1 windows), selecting on {@code validation} against the
     * floor {@code fitEval} (fit windows at stride T). {@code checkpoint} receives the best model so far
     * each time it improves (to be saved), {@code progress} every validation.
     */
    public ClassicalGan train(Generator g, SampleSet fit, SampleSet fitEval, SampleSet validation,
                              Consumer<ClassicalGan> checkpoint, Consumer<Progress> progress) {
        int n = g.neurons(), tt = g.timesteps(), d = n * tt, b = o.batch();
        SplittableRandom rng = new SplittableRandom(o.seed());
        g.initialize(rng.split());
        g.initializeOutputBias(stats(fitEval).firingProbability());
        Critic critic = o.critic().build(n, tt, rng.split());
        SplittableRandom data = rng.split(), noise = rng.split(), evalRng = rng.split();
        Adam adamG = new Adam(g.parameterCount(), o.lrGenerator(), o.beta1(), o.beta2(), Adam.DEFAULT_EPS, LearningRateSchedule.constant());
        Adam adamC = new Adam(critic.parameterCount(), o.lrCritic(), o.beta1(), o.beta2(), Adam.DEFAULT_EPS, LearningRateSchedule.constant());
        ExponentialMovingAverage emaAverage = new ExponentialMovingAverage(o.emaDecay(), g.params(), 0, g.parameterCount());
        double[] ema = emaAverage.average();
        double[] best = ema.clone();
        int bestStep = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        Statistics valStats = stats(validation);
        Comparison floor = Comparison.of(stats(fitEval), valStats);

        Generator.Workspace w = g.workspace(b);
        double[] real = new double[b * d];
        double[] gen = new double[b * d];
        double[] gx = new double[b * d];
        double[] slope = new double[b * d];
        byte[] fv = fit.values();
        JsonArray history = new JsonArray();
        double lastW = Double.NaN;
        long start = System.nanoTime();
        try (BatchExecutor ex = o.threads() <= 1 ? BatchExecutor.serial() : new BatchExecutor(o.threads())) {
            for (int step = 1; step <= o.steps(); step++) {
                for (int c = 0; c < o.nCritic(); c++) {
                    for (int s = 0; s < b; s++) {
                        int pick = data.nextInt(fit.samples());
                        for (int k = 0; k < d; k++) real[s * d + k] = fv[pick * d + k];
                    }
                    g.sampleLatents(w, b, noise);
                    g.forward(w, b);
                    relax(w.logits(), gen, null, b * d, noise);
                    WganGpResult r = CriticLoss.wganGp(critic, real, gen, b, o.lambdaGp(), noise, ex);
                    lastW = r.wasserstein();
                    adamC.step(critic);
                }
                g.sampleLatents(w, b, noise);
                g.forward(w, b);
                relax(w.logits(), gen, slope, b * d, noise);
                CriticLoss.criticInputGradient(critic, gen, b, -1.0 / b, gx, ex);
                double[] gh = w.logitGrad();
                for (int k = 0; k < b * d; k++) gh[k] = gx[k] * slope[k];
                java.util.Arrays.fill(g.grads(), 0.0);
                g.backward(w, b);
                adamG.step(g.params(), g.grads(), 0);
                double[] p = g.params();
                emaAverage.update(p, 0);

                if (step % o.validateEvery() == 0 || step == o.steps()) {
                    double[] current = p.clone();
                    g.setParams(ema);
                    SampleSet x = ClassicalGan.sample(g, o.validationSamples(), evalRng.split());
                    double sc = score(stats(x), valStats, floor);
                    g.setParams(current);
                    boolean improved = sc < bestScore;
                    if (improved) {
                        bestScore = sc;
                        bestStep = step;
                        System.arraycopy(ema, 0, best, 0, ema.length);
                    }
                    double secondsPerStep = (System.nanoTime() - start) / 1e9 / step;
                    JsonObject h = new JsonObject();
                    h.addProperty("step", step);
                    h.addProperty("wasserstein", lastW);
                    h.addProperty("score", sc);
                    history.add(h);
                    if (improved && checkpoint != null) checkpoint.accept(snapshot(g, best, step, bestStep, bestScore, history, critic, secondsPerStep));
                    if (progress != null) progress.accept(new Progress(step, lastW, sc, improved, secondsPerStep));
                }
            }
        }
        double secondsPerStep = (System.nanoTime() - start) / 1e9 / o.steps();
        return snapshot(g, best, o.steps(), bestStep, bestScore, history, critic, secondsPerStep);
    }

    private ClassicalGan snapshot(Generator g, double[] params, int steps, int bestStep, double bestScore, JsonArray history,
                                  Critic critic, double secondsPerStep) {
        Generator copy = new Generator(g.kind(), g.neurons(), g.timesteps(), g.latent(), g.width());
        copy.setParams(params);
        JsonObject t = new JsonObject();
        t.addProperty("stepsDone", steps);
        t.addProperty("bestStep", bestStep);
        t.addProperty("bestValidationScore", bestScore);
        t.addProperty("secondsPerStep", secondsPerStep);
        t.addProperty("critic", o.critic().toString());
        t.addProperty("criticParameters", critic.parameterCount());
        t.addProperty("steps", o.steps());
        t.addProperty("batch", o.batch());
        t.addProperty("nCritic", o.nCritic());
        t.addProperty("lrGenerator", o.lrGenerator());
        t.addProperty("lrCritic", o.lrCritic());
        t.addProperty("beta1", o.beta1());
        t.addProperty("beta2", o.beta2());
        t.addProperty("lambdaGp", o.lambdaGp());
        t.addProperty("tau", o.tau());
        t.addProperty("criticInput", o.criticInput().id());
        t.addProperty("emaDecay", o.emaDecay());
        t.addProperty("seed", o.seed());
        t.addProperty("score", "geometric mean of error/floor over rate, covariance, P(k), ACG MSE (and state JS for N <= 20), validation split");
        t.add("history", history.deepCopy());
        return new ClassicalGan(copy, t);
    }

    /**
     * The critic's view of generated logits h, per {@link CriticInput}; {@code slope} (when not null)
     * receives dx/dh used backward (for straight-through: that of the relaxed sample).
     */
    private void relax(double[] h, double[] out, double[] slope, int count, SplittableRandom rng) {
        double invTau = 1 / o.tau();
        CriticInput mode = o.criticInput();
        for (int k = 0; k < count; k++) {
            if (mode == CriticInput.MARGINALS) {
                double p = 1 / (1 + Math.exp(-h[k]));
                out[k] = p;
                if (slope != null) slope[k] = p * (1 - p);
                continue;
            }
            double u = rng.nextDouble();
            while (u == 0) u = rng.nextDouble();
            double a = h[k] + Math.log(u) - Math.log1p(-u);
            double soft = 1 / (1 + Math.exp(-a * invTau));
            out[k] = mode == CriticInput.GUMBEL ? soft : a > 0 ? 1 : 0;
            if (slope != null) slope[k] = soft * (1 - soft) * invTau;
        }
    }

    static Statistics stats(SampleSet s) {
        return new StatisticsAccumulator(s.neurons(), s.timesteps()).add(s).result();
    }
}
