package org.spiqgan.model.stationary;

import java.util.SplittableRandom;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.StepRandom;
import org.spiqgan.nn.Adam;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.nn.Critic;
import org.spiqgan.nn.CriticLoss;
import org.spiqgan.nn.CriticSpec;
import org.spiqgan.nn.LearningRateSchedule;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.ValidationScore;
import org.spiqgan.stats.StatisticsAccumulator;

/**
 * Trains a stationary generator: exact teacher-forced likelihood, then likelihood plus the free-running
 * moment loss. Every step's randomness is a function of (seed, step), so a run resumed from a checkpoint
 * continues exactly as if it had not stopped.
 *
 * <p>Validation score (lower is better): the geometric mean, over the six error statistics of SPEC
 * section 5 that apply, of the error of generated windows against the validation split divided by the
 * same error of the fit split against the validation split (the validation noise floor). 1 is
 * indistinguishable from held-out data; the best-scoring EMA parameters are kept.
 */
public final class StationaryTrainer {
    /** What the trainer reports while it runs (progress bars and logs live with the caller). */
    public interface Listener {
        default void step(long step, long total, String phase, double nll, double momentLoss) {}

        default void validated(long step, double score, double[] ratios, boolean best) {}

        /** Called at every checkpoint; the state may be written. */
        default void checkpoint(StationaryState state) {}

        /** Polled between steps: true stops training after writing a checkpoint. */
        default boolean stopRequested() { return false; }
    }

    private final SequenceEngine engine;
    private final StationaryConfig cfg;
    private final StationaryTraining tr;
    private final Sequences fit;
    private final ValidationScore score;
    private final FreeRunningMoments moments;
    private final SampleSet fitWindows;
    private final int timesteps;
    /** The refinement phase's critic and its optimizer, built when that phase starts (null without one). */
    private Critic critic;
    private Adam criticAdam;
    private double lastWasserstein = Double.NaN;

    /**
     * @param fit        training windows of history + T bins (stride 1)
     * @param fitWindows training windows of T bins (non-overlapping), for the validation floor and moment targets
     * @param validation validation windows of T bins
     */
    public StationaryTrainer(StationaryConfig cfg, StationaryTraining tr, SampleSet fit, SampleSet fitWindows, SampleSet validation) {
        this.cfg = cfg;
        this.tr = tr;
        this.engine = new SequenceEngine(new StationaryGenerator(cfg));
        this.fit = Sequences.ofWindows(fit, cfg.history());
        this.timesteps = validation.timesteps();
        this.score = new ValidationScore(new StatisticsAccumulator(cfg.neurons(), timesteps).add(fitWindows).result(),
                new StatisticsAccumulator(cfg.neurons(), timesteps).add(validation).result());
        this.moments = new FreeRunningMoments(fitWindows, tr.lambda());
        this.fitWindows = fitWindows;
    }

    /** The critic of the refinement phase: restored from the state, or freshly initialised from the seed. */
    private void ensureCritic(StationaryState s) {
        if (critic != null || !tr.adversarial().on()) return;
        Adversarial a = tr.adversarial();
        critic = CriticSpec.parse(a.critic(), "critic").build(cfg.neurons(), timesteps, StepRandom.of(tr.seed(), 0, 14));
        criticAdam = new Adam(critic.parameterCount(), a.lrCritic(), 0.5, 0.9, Adam.DEFAULT_EPS, LearningRateSchedule.constant());
        if (s.critic != null) {
            critic.setParams(s.critic);
            criticAdam.restore(s.criticAdam);
        }
    }

    private void saveCritic(StationaryState s) {
        if (critic == null) return;
        s.critic = critic.params().clone();
        s.criticAdam = criticAdam.state();
    }

    public SequenceEngine engine() { return engine; }

    /** A fresh state that starts from given parameters (fine-tuning a trained run). */
    public StationaryState startFrom(double[] params) {
        if (params.length != cfg.parameterCount()) throw new IllegalArgumentException("initial parameters: " + params.length
                + " values for a generator of " + cfg.parameterCount());
        StationaryState s = new StationaryState();
        s.params = params.clone();
        s.ema = params.clone();
        s.adam = new Adam(s.params.length, tr.lr()).state();
        return s;
    }

    /** A fresh state at the data-informed start. */
    public StationaryState start(double[] rates) {
        StationaryState s = new StationaryState();
        s.params = engine.generator().initialParameters(rates, tr.initSpread(), tr.seed());
        s.ema = s.params.clone();
        s.adam = new Adam(s.params.length, tr.lr()).state();
        return s;
    }

    private Adam adam(StationaryState s) {
        LearningRateSchedule sched = tr.lrHalfLife() > 0 ? LearningRateSchedule.halfLife(tr.lrHalfLife()) : LearningRateSchedule.constant();
        Adam a = new Adam(s.params.length, tr.lr(), Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPS, sched);
        a.restore(s.adam);
        return a;
    }

    /** Runs until {@code tr.steps()} or a stop request; returns true when finished. */
    public boolean run(StationaryState s, BatchExecutor ex, Listener listener) {
        Adam adam = adam(s);
        long total = tr.steps();
        double[] grad = new double[s.params.length];
        long t0 = System.nanoTime();
        double secondsBefore = s.seconds;
        while (s.step < total) {
            if (listener.stopRequested()) {
                s.adam = adam.state();
                saveCritic(s);
                listener.checkpoint(s);
                return false;
            }
            long step = s.step;
            boolean refine = step >= tr.likelihoodSteps();
            if (refine && step == tr.likelihoodSteps() && step > 0) {
                // Refinement starts from the likelihood phase's best validated parameters (not from wherever the
                // last step left them), so it refines the model that phase would have given.
                if (s.best != null) {
                    s.params = s.best.clone();
                    s.ema = s.best.clone();
                }
                // A new objective: a fresh optimizer, so that step sizes start at the learning rate instead of
                // being scaled by the likelihood phase's gradient moments.
                s.adam = new Adam(s.params.length, tr.lr()).state();
                adam = adam(s);
            }
            if (refine) ensureCritic(s);
            java.util.Arrays.fill(grad, 0);
            double nll = likelihoodGradient(s.params, step, ex, grad);
            double ml = refine ? momentGradient(s.params, step, ex, grad) : 0;
            adam.step(s.params, grad, 0);
            double d = tr.ema();
            for (int i = 0; i < s.ema.length; i++) s.ema[i] = d * s.ema[i] + (1 - d) * s.params[i];
            s.step++;
            s.seconds = secondsBefore + (System.nanoTime() - t0) / 1e9;
            String phase = refine ? "refine" : "likelihood";
            StationaryState.Metric m = new StationaryState.Metric(s.step, phase, nll, ml);
            if (refine && critic != null) m.wasserstein = Double.isFinite(lastWasserstein) ? lastWasserstein : null;
            listener.step(s.step, total, phase, nll, ml);
            // the likelihood phase's last step is always validated: refinement starts from that phase's best
            if (s.step % tr.evalEvery() == 0 || s.step == total || s.step == tr.likelihoodSteps()) {
                double[] ratios = new double[Comparison.Error.values().length];
                double score = validate(s.ema, ex, ratios);
                boolean best = score < s.bestScore;
                if (best) {
                    s.bestScore = score;
                    s.bestStep = s.step;
                    s.best = s.ema.clone();
                }
                m.score = Double.isFinite(score) ? score : null;
                m.ratios = new Double[ratios.length];
                for (int i = 0; i < ratios.length; i++) m.ratios[i] = Double.isFinite(ratios[i]) ? ratios[i] : null;
                listener.validated(s.step, score, ratios, best);
            }
            s.metrics.add(m);
            if (s.step % tr.checkpointEvery() == 0 || s.step == total) {
                s.adam = adam.state();
                saveCritic(s);
                listener.checkpoint(s);
            }
        }
        return true;
    }

    /** Teacher-forced NLL per bin of a batch of real windows; adds its gradient to {@code grad}. */
    double likelihoodGradient(double[] p, long step, BatchExecutor ex, double[] grad) {
        SplittableRandom rnd = StepRandom.of(tr.seed(), step, 11);
        int b = tr.batch(), m = tr.draws(), d = cfg.latent(), len = fit.length();
        int[] idx = new int[b];
        for (int i = 0; i < b; i++) idx[i] = rnd.nextInt(fit.count());
        Sequences batch = fit.subset(idx);
        double[] z = new double[b * m * d];
        for (int i = 0; i < z.length; i++) z[i] = rnd.nextDouble() * cfg.zMax();
        if (cfg.hidden() > 0) return HiddenDrive.nllAndGradient(engine, p, batch, z, m, ex, grad);
        SequenceEngine.Forward fw = engine.forward(p, batch, z, m, ex);
        double[] lp = fw.logp;
        double[] u = new double[lp.length];
        double nll = 0;
        double[] lw = new double[m];
        for (int s = 0; s < b; s++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                double sum = 0;
                int o = (s * m + k) * len;
                for (int t = 0; t < len; t++) sum += lp[o + t];
                lw[k] = sum;
                max = Math.max(max, sum);
            }
            double z0 = 0;
            for (int k = 0; k < m; k++) z0 += Math.exp(lw[k] - max);
            nll -= (max + Math.log(z0 / m)) / (b * (double) len);
            for (int k = 0; k < m; k++) {
                double wgt = Math.exp(lw[k] - max) / z0;
                int o = (s * m + k) * len;
                // d NLL / d log P(x_t | z_k) = - posterior weight of z_k / (batch x bins)
                for (int t = 0; t < len; t++) u[o + t] = -wgt / (b * (double) len);
            }
        }
        engine.gradient(fw, u, ex, grad);
        return nll;
    }

    /** The free-running moment loss of a batch of generated windows; adds its score-function gradient. */
    double momentGradient(double[] p, long step, BatchExecutor ex, double[] grad) {
        int count = tr.momentSamples();
        double[] z = new double[count * cfg.latent()];
        Sequences gen = engine.generate(p, count, cfg.burnIn() + timesteps, StepRandom.of(tr.seed(), step, 12).nextLong(), z, ex);
        int len = gen.length();
        double[] u = new double[count * len];
        SampleSet windows = gen.dropFirstUnits(cfg.hidden()).lastBins(timesteps);
        double loss = moments.rewardToGoWeights(windows, len - timesteps, u);
        if (critic != null) adversarialWeights(windows, step, ex, u, len);
        engine.gradient(p, gen, z, 1, u, ex, grad);
        return loss;
    }

    /**
     * Trains the critic on real windows against these generated ones ({@code nCritic} WGAN-GP steps), then
     * adds the generator's adversarial weights to u: the loss -weight E[C(x)] / sd(C), whose score-function
     * gradient gives every bin of window s (burn-in included) the weight -weight (C(x_s) - mean C) / (sd count).
     * Dividing by the batch's spread of scores makes the weight a number of noise units whatever the critic's scale.
     */
    private void adversarialWeights(SampleSet gen, long step, BatchExecutor ex, double[] u, int len) {
        Adversarial a = tr.adversarial();
        int count = gen.samples(), size = cfg.neurons() * timesteps;
        double[] xg = new double[count * size], real = new double[count * size];
        byte[] gv = gen.values(), rv = fitWindows.values();
        for (int i = 0; i < xg.length; i++) xg[i] = gv[i];
        for (int c = 0; c < a.nCritic(); c++) {
            SplittableRandom rnd = StepRandom.of(tr.seed(), step, 20 + c);
            for (int k = 0; k < count; k++) {
                int src = rnd.nextInt(fitWindows.samples()) * size;
                for (int e = 0; e < size; e++) real[k * size + e] = rv[src + e];
            }
            var res = CriticLoss.wganGp(critic, real, xg, count, a.lambdaGp(), rnd, ex);
            criticAdam.step(critic);
            lastWasserstein = res.meanReal() - res.meanGen();
        }
        double[] score = new double[count];
        critic.score(xg, count, score, ex);
        double mean = 0, sq = 0;
        for (double v : score) mean += v / count;
        for (double v : score) sq += (v - mean) * (v - mean) / count;
        double sd = Math.sqrt(sq);
        if (!(sd > 1e-12)) return;
        for (int s = 0; s < count; s++) {
            double w = -a.weight() * (score[s] - mean) / (sd * count);
            for (int b = 0; b < len; b++) u[s * len + b] += w;
        }
    }

    /** Validation score of parameters p (see the class comment); the per-statistic ratios go to {@code ratios}. */
    public double validate(double[] p, BatchExecutor ex, double[] ratios) {
        SampleSet g = generate(p, tr.validationSamples(), StepRandom.of(tr.seed(), 0, StepRandom.VALIDATION).nextLong(), ex);
        return score.score(score.compare(new StatisticsAccumulator(cfg.neurons(), timesteps).add(g).result()), ratios);
    }

    /** {@code count} windows of T bins from parameters p, each after the configured burn-in. */
    public SampleSet generate(double[] p, int count, long seed, BatchExecutor ex) {
        return generate(engine, cfg, p, count, timesteps, seed, ex);
    }

    public static SampleSet generate(SequenceEngine engine, StationaryConfig cfg, double[] p, int count, int timesteps, long seed,
            BatchExecutor ex) {
        double[] z = new double[count * cfg.latent()];
        return engine.generate(p, count, cfg.burnIn() + timesteps, seed, z, ex).dropFirstUnits(cfg.hidden()).lastBins(timesteps);
    }
}
