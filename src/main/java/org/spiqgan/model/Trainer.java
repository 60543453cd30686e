package org.spiqgan.model;

import com.google.gson.JsonObject;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.Adam;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.nn.Critic;
import org.spiqgan.nn.CriticLoss;
import org.spiqgan.nn.CriticSpec;
import org.spiqgan.nn.LearningRateSchedule;
import org.spiqgan.nn.WganGpResult;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.Statistics;
import org.spiqgan.stats.StatisticsAccumulator;

/**
 * WGAN-GP training of the patch generator (SPEC section 4): per step, n_critic critic steps on fresh real
 * and relaxed generated batches, then one generator step; Adam for both, an exponential moving average
 * of the generator's parameters, optional learning-rate decay, validation of the EMA generator every
 * {@code evalEvery} steps and the best validation score kept.
 *
 * <p>Reproducibility: all random numbers of step s come from {@link StepRandom#of}(seed, s, purpose), and
 * every batch computation is independent of the thread count, so a run is a function of (configuration,
 * data, seed) and a resumed run continues bitwise identically.
 */
public final class Trainer implements AutoCloseable {
    /** Generated samples per validation when the spec leaves it at 0: at least this many, else one per validation window. */
    public static final int MIN_VALIDATION_SAMPLES = 4096;

    /** Real windows per likelihood pre-training step. */
    static final int PRETRAIN_WINDOWS = 128;

    private final GeneratorConfig gc;
    private final TrainConfig tc;
    private final TrainingData data;
    private final PatchGenerator gen;
    private final GeneratorObjective objective;
    private final Critic critic;
    private final Adam adamG;
    private final Adam adamC;
    private final BatchExecutor ex;
    private final Statistics validationStats;
    private final int validationCount;

    /** Callbacks of the training loop. */
    public interface Listener {
        default void step(TrainerState s, GeneratorObjective.Losses g, WganGpResult c) {}

        default void validated(TrainerState s, JsonObject metrics) {}

        /** Called after every step; write a checkpoint when due. */
        default void afterStep(TrainerState s) {}
    }

    public Trainer(GeneratorConfig gc, TrainConfig tc, TrainingData data, int threads) {
        this.gc = gc;
        this.tc = tc;
        this.data = data;
        this.gen = new PatchGenerator(gc);
        this.objective = new GeneratorObjective(gen, tc.criticInput(), tc.tau(), tc.effectiveLambdaK(), data.kData(),
                tc.lambdaAcg(), tc.lambdaAcg() != 0 ? data.acgData() : null);
        CriticSpec spec = CriticSpec.parse(tc.critic(), "critic");
        this.critic = spec.build(gc.neurons(), gc.timesteps(), StepRandom.of(tc.seed(), -1, 1));
        LearningRateSchedule sg = tc.lrDecayHalfLife() > 0 ? LearningRateSchedule.halfLife(tc.lrDecayHalfLife())
                : LearningRateSchedule.constant();
        LearningRateSchedule sc = tc.lrDecayHalfLife() > 0 ? LearningRateSchedule.halfLife(tc.lrDecayHalfLife() * tc.nCritic())
                : LearningRateSchedule.constant();
        this.adamG = new Adam(gen.parameterCount(), tc.lrG(), tc.beta1(), tc.beta2(), Adam.DEFAULT_EPS, sg);
        this.adamC = new Adam(critic.parameterCount(), tc.lrC(), tc.beta1(), tc.beta2(), Adam.DEFAULT_EPS, sc);
        this.ex = threads == 1 ? BatchExecutor.serial() : new BatchExecutor(threads);
        SampleSet v = data.validation();
        this.validationStats = v != null && v.samples() > 0
                ? new StatisticsAccumulator(v.neurons(), v.timesteps()).add(v).result() : null;
        this.validationCount = tc.validationSamples() > 0 ? tc.validationSamples()
                : Math.max(MIN_VALIDATION_SAMPLES, v == null ? 0 : v.samples());
    }

    public PatchGenerator generator() { return gen; }

    public Critic critic() { return critic; }

    public GeneratorObjective objective() { return objective; }

    public BatchExecutor executor() { return ex; }

    public TrainerState initialState() {
        return initialState(null);
    }

    /** The state at step 0, after the likelihood pre-training when configured (progress lines to progress). */
    public TrainerState initialState(java.util.function.Consumer<String> progress) {
        return initialState(progress, null);
    }

    /** As above; null when {@code stop} asked to stop during the pre-training (there is no state to keep). */
    public TrainerState initialState(java.util.function.Consumer<String> progress, java.util.function.BooleanSupplier stop) {
        TrainerState s = new TrainerState();
        s.step = 0;
        s.theta = gen.initialParams(StepRandom.of(tc.seed(), -1, 0), tc.initSpread());
        if (tc.pretrainSteps() > 0) {
            java.util.List<Double> nll = new java.util.ArrayList<>();
            new LikelihoodPretrainer(gen.config(), data.fit(), tc.batch(), PRETRAIN_WINDOWS)
                    .run(s.theta, tc.pretrainSteps(), tc.pretrainLr(), tc.seed(), ex, 50, progress, stop, nll::add);
            if (stop != null && stop.getAsBoolean()) return null;
            s.pretrainNll = nll.stream().mapToDouble(Double::doubleValue).toArray();
        }
        s.ema = s.theta.clone();
        s.critic = critic.params().clone();
        s.adamG = adamG.state();
        s.adamC = adamC.state();
        return s;
    }

    /** Loads a state (from a checkpoint) into the optimizers and the critic. */
    public void load(TrainerState s) {
        critic.setParams(s.critic);
        adamG.restore(s.adamG);
        adamC.restore(s.adamC);
    }

    /** Trains until {@code tc.steps()} or until {@code stop} says so (checked after every step). */
    public void run(TrainerState s, Listener listener, BooleanSupplier stop) {
        load(s);
        int batch = tc.batch(), d = gc.neurons() * gc.timesteps();
        SampleSet fit = data.fit();
        byte[] fv = fit.values();
        double[] real = new double[batch * d];
        double[] grad = new double[gen.parameterCount()];
        org.spiqgan.nn.ExponentialMovingAverage ema = new org.spiqgan.nn.ExponentialMovingAverage(tc.emaDecay(), s.ema, 0,
                s.ema.length);
        long t0 = System.nanoTime();
        double seconds0 = s.seconds;
        while (s.step < tc.steps()) {
            long step = s.step + 1;
            WganGpResult cr = null;
            for (int k = 0; k < tc.nCritic(); k++) {
                SplittableRandom r = StepRandom.of(tc.seed(), step, k);
                for (int b = 0; b < batch; b++) {
                    int idx = r.nextInt(fit.samples());
                    for (int j = 0; j < d; j++) real[b * d + j] = fv[idx * d + j];
                }
                double[] z = gen.drawLatent(r, batch);
                double[] eps = new double[batch];
                for (int b = 0; b < batch; b++) eps[b] = r.nextDouble();
                long noiseSeed = r.nextLong();
                GeneratorObjective.Pass pass = objective.forward(s.theta, z, batch, noiseSeed, ex);
                cr = CriticLoss.wganGp(critic, real, pass.x, batch, tc.lambdaGp(), eps, ex);
                if (!Double.isFinite(cr.loss())) throw new DivergenceException(step, "critic loss " + cr.loss());
                adamC.step(critic);
            }
            SplittableRandom r = StepRandom.of(tc.seed(), step, tc.nCritic());
            double[] z = gen.drawLatent(r, batch);
            long noiseSeed = r.nextLong();
            GeneratorObjective.Losses gl = objective.lossAndGradient(s.theta, z, batch, noiseSeed, critic, grad, ex);
            if (!Double.isFinite(gl.total())) throw new DivergenceException(step, "generator loss " + gl.total());
            for (double g : grad) if (!Double.isFinite(g)) throw new DivergenceException(step, "non-finite generator gradient");
            adamG.step(s.theta, grad, 0);
            ema.update(s.theta, 0);
            System.arraycopy(ema.average(), 0, s.ema, 0, s.ema.length);
            s.step = step;
            System.arraycopy(critic.params(), 0, s.critic, 0, s.critic.length);
            s.adamG = adamG.state();
            s.adamC = adamC.state();
            s.seconds = seconds0 + (System.nanoTime() - t0) * 1e-9;
            listener.step(s, gl, cr);
            if (step % tc.evalEvery() == 0 || step == tc.steps()) {
                JsonObject m = metrics(s, gl, cr);
                s.metrics.add(m);
                listener.validated(s, m);
            }
            listener.afterStep(s);
            if (stop.getAsBoolean()) return;
        }
    }

    private JsonObject metrics(TrainerState s, GeneratorObjective.Losses gl, WganGpResult cr) {
        JsonObject m = new JsonObject();
        m.addProperty("step", s.step);
        m.addProperty("seconds", Math.round(s.seconds * 1000) / 1000.0);
        m.addProperty("lossC", cr.loss());
        m.addProperty("wasserstein", cr.wasserstein());
        m.addProperty("gradNorm", cr.meanGradNorm());
        m.addProperty("lossG", gl.total());
        m.addProperty("adversarial", gl.adversarial());
        m.addProperty("kLoss", gl.kLoss());
        m.addProperty("acgLoss", gl.acgLoss());
        if (validationStats != null) {
            JsonObject v = validate(s.ema, s.step);
            m.add("validation", v);
            double score = v.get("score").getAsDouble();
            boolean best = score < s.bestScore;
            if (best) {
                s.bestScore = score;
                s.bestStep = s.step;
                s.bestParams = s.ema.clone();
            }
            m.addProperty("best", best);
            s.lastValidation = v;
        }
        return m;
    }

    /** Statistics of samples of the given (EMA) parameters against the validation windows. */
    public JsonObject validate(double[] params, long step) {
        long seed = StepRandom.of(tc.seed(), step, StepRandom.VALIDATION).nextLong();
        SampleSet g = GeneratorObjective.sample(gen, params, validationCount, seed, ex);
        Statistics gs = new StatisticsAccumulator(g.neurons(), g.timesteps()).add(g).result();
        Comparison c = Comparison.of(gs, validationStats);
        JsonObject v = new JsonObject();
        v.addProperty("samples", validationCount);
        put(v, "stateJs", c.stateJsBits());
        put(v, "kMse", c.kProbabilityMse());
        put(v, "rateMse", c.rateMse());
        put(v, "covMse", c.covarianceMse());
        put(v, "acgMse", c.acgMse());
        double js = Double.isNaN(c.stateJsBits()) ? 0 : c.stateJsBits();
        v.addProperty("score", js + tc.scoreWeight() * c.kProbabilityMse());
        return v;
    }

    private static void put(JsonObject o, String key, double value) {
        if (Double.isFinite(value)) o.addProperty(key, value);
        else o.add(key, com.google.gson.JsonNull.INSTANCE);
    }

    @Override
    public void close() {
        if (ex != BatchExecutor.serial()) ex.close();
    }
}
