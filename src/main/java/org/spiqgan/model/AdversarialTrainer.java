package org.spiqgan.model;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
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
import org.spiqgan.stats.StatisticsAccumulator;
import org.spiqgan.stats.ValidationScore;

/**
 * WGAN-GP training of any {@link AdversarialGenerator} (SPEC section 4), quantum or classical: per step,
 * n_critic critic steps on real windows and relaxed generated batches, then one generator step on
 * {@link AdversarialLoss} plus the generator's own terms; Adam for both players, an exponential moving
 * average of the generator's parameters, optional learning-rate decay, validation of the EMA parameters
 * every {@code evalEvery} steps with the {@link ValidationScore}, and the best-scoring parameters kept.
 *
 * <p>Reproducibility: every random number comes from the {@link TrainingStreams}, every batch computation is
 * independent of the thread count, and {@link TrainerState} holds everything else that changes, so a run is
 * a function of (settings, data, seed) and a run resumed from a checkpoint continues bitwise identically.
 */
public final class AdversarialTrainer implements AutoCloseable {
    /** The loop's settings. {@code lrHalfLife}: learning rates halve every this many generator steps; 0 = constant. */
    public record Settings(long steps, int batch, int nCritic, double lrG, double lrC, double beta1, double beta2,
            double lambdaGp, double emaDecay, double lrHalfLife, long evalEvery, int validationSamples) {}

    /** The generator step's losses: total = adversarial + kLoss + temporalLoss. */
    public record Losses(double total, double adversarial, double kLoss, double temporalLoss) {}

    /** Callbacks of the training loop. */
    public interface Listener {
        default void step(TrainerState s, Losses g, WganGpResult c) {}

        default void validated(TrainerState s, JsonObject metrics) {}

        /** Called after every step; write a checkpoint when due. */
        default void afterStep(TrainerState s) {}
    }

    private final AdversarialGenerator gen;
    private final Settings st;
    private final TrainingStreams streams;
    private final SampleSet fit;
    private final ValidationScore score;
    private final Critic critic;
    private final Adam adamG;
    private final Adam adamC;
    private final BatchExecutor ex;

    /**
     * @param fit   the windows of the gradient steps
     * @param score validation against held-out windows; null: no validation (no best checkpoint)
     */
    public AdversarialTrainer(AdversarialGenerator gen, Settings settings, CriticSpec criticSpec, TrainingStreams streams,
            SampleSet fit, ValidationScore score, int threads) {
        this.gen = gen;
        this.st = settings;
        this.streams = streams;
        this.fit = fit;
        this.score = score;
        this.critic = criticSpec.build(gen.neurons(), gen.timesteps(), streams.criticInit());
        double h = settings.lrHalfLife();
        LearningRateSchedule sg = h > 0 ? LearningRateSchedule.halfLife(h) : LearningRateSchedule.constant();
        LearningRateSchedule sc = h > 0 ? LearningRateSchedule.halfLife(h * settings.nCritic()) : LearningRateSchedule.constant();
        this.adamG = new Adam(gen.parameterCount(), settings.lrG(), settings.beta1(), settings.beta2(), Adam.DEFAULT_EPS, sg);
        this.adamC = new Adam(critic.parameterCount(), settings.lrC(), settings.beta1(), settings.beta2(), Adam.DEFAULT_EPS, sc);
        this.ex = threads <= 1 ? BatchExecutor.serial() : new BatchExecutor(threads);
    }

    public AdversarialGenerator generator() { return gen; }

    public Critic critic() { return critic; }

    public BatchExecutor executor() { return ex; }

    /** The generator's initial parameters (before any pre-training). */
    public double[] initialParameters() {
        return gen.initialParameters(streams.generatorInit());
    }

    /** The state at step 0 with generator parameters {@code theta} (their EMA starts there). */
    public TrainerState newState(double[] theta) {
        TrainerState s = new TrainerState();
        s.step = 0;
        s.theta = theta;
        s.ema = theta.clone();
        s.critic = critic.params().clone();
        s.adamG = adamG.state();
        s.adamC = adamC.state();
        s.streams = streams.positions();
        return s;
    }

    /** Loads a state (from a checkpoint) into the optimizers, the critic and the random streams. */
    public void load(TrainerState s) {
        critic.setParams(s.critic);
        adamG.restore(s.adamG);
        adamC.restore(s.adamC);
        if (s.streams != null) streams.restore(s.streams);
    }

    /** Trains until the settings' steps or until {@code stop} says so (checked after every step). */
    public void run(TrainerState s, Listener listener, BooleanSupplier stop) {
        load(s);
        int batch = st.batch(), d = gen.neurons() * gen.timesteps();
        byte[] fv = fit.values();
        double[] real = new double[batch * d];
        double[] eps = new double[batch];
        double[] dx = new double[batch * d];
        double[] grad = new double[gen.parameterCount()];
        ExponentialMovingAverage ema = new ExponentialMovingAverage(st.emaDecay(), s.ema, 0, s.ema.length);
        long t0 = System.nanoTime();
        double seconds0 = s.seconds;
        while (s.step < st.steps()) {
            long step = s.step + 1;
            WganGpResult cr = null;
            for (int k = 0; k < st.nCritic(); k++) {
                RandomGenerator dr = streams.data(step, k);
                for (int b = 0; b < batch; b++) {
                    int idx = dr.nextInt(fit.samples());
                    for (int j = 0; j < d; j++) real[b * d + j] = fv[idx * d + j];
                }
                AdversarialGenerator.Noise noise = gen.draw(streams.noise(step, k), batch, eps);
                double[] x = gen.relaxedForward(s.theta, noise, batch, ex);
                cr = CriticLoss.wganGp(critic, real, x, batch, st.lambdaGp(), eps, ex);
                if (!Double.isFinite(cr.loss())) throw new DivergenceException(step, "critic loss " + cr.loss());
                adamC.step(critic);
            }
            AdversarialGenerator.Noise noise = gen.draw(streams.noise(step, st.nCritic()), batch, null);
            double[] x = gen.relaxedForwardForBackward(s.theta, noise, batch, ex);
            double adversarial = AdversarialLoss.valueAndGradient(critic, x, batch, dx, ex);
            AdversarialGenerator.LossTerms terms = gen.backward(s.theta, dx, grad, ex);
            Losses gl = new Losses(adversarial + terms.kLoss() + terms.temporalLoss(), adversarial, terms.kLoss(), terms.temporalLoss());
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
            if (step % st.evalEvery() == 0 || step == st.steps()) {
                JsonObject m = metrics(s, gl, cr);
                s.metrics.add(m);
                listener.validated(s, m);
            }
            s.streams = streams.positions();
            listener.afterStep(s);
            if (stop.getAsBoolean()) return;
        }
    }

    private JsonObject metrics(TrainerState s, Losses gl, WganGpResult cr) {
        JsonObject m = new JsonObject();
        m.addProperty("step", s.step);
        m.addProperty("seconds", Math.round(s.seconds * 1000) / 1000.0);
        m.addProperty("lossC", cr.loss());
        m.addProperty("wasserstein", cr.wasserstein());
        m.addProperty("gradNorm", cr.meanGradNorm());
        m.addProperty("lossG", gl.total());
        m.addProperty("adversarial", gl.adversarial());
        m.addProperty("kLoss", gl.kLoss());
        m.addProperty("acgLoss", gl.temporalLoss());
        if (score != null) {
            JsonObject v = validate(s.ema, s.step);
            m.add("validation", v);
            double sc = v.get("score").isJsonNull() ? Double.NaN : v.get("score").getAsDouble();
            boolean best = sc < s.bestScore;
            if (best) {
                s.bestScore = sc;
                s.bestStep = s.step;
                s.bestParams = s.ema.clone();
            }
            m.addProperty("best", best);
            s.lastValidation = v;
        }
        return m;
    }

    /** The validation errors and {@link ValidationScore} of samples of the given (EMA) parameters at {@code step}. */
    public JsonObject validate(double[] params, long step) {
        SampleSet g = gen.sample(params, st.validationSamples(), streams.validation(step), ex);
        Comparison c = score.compare(new StatisticsAccumulator(g.neurons(), g.timesteps()).add(g).result());
        double[] ratios = new double[Comparison.Error.values().length];
        double value = score.score(c, ratios);
        JsonObject v = new JsonObject();
        v.addProperty("samples", st.validationSamples());
        put(v, "stateJs", c.stateJsBits());
        put(v, "kMse", c.kProbabilityMse());
        put(v, "rateMse", c.rateMse());
        put(v, "covMse", c.covarianceMse());
        put(v, "acgMse", c.acgMse());
        put(v, "lagCovMse", c.lagCovarianceMse());
        JsonObject r = new JsonObject();
        for (Comparison.Error e : Comparison.Error.values()) put(r, e.key, ratios[e.ordinal()]);
        v.add("ratios", r);
        put(v, "score", value);
        return v;
    }

    private static void put(JsonObject o, String key, double value) {
        if (Double.isFinite(value)) o.addProperty(key, value);
        else o.add(key, JsonNull.INSTANCE);
    }

    @Override
    public void close() {
        if (ex != BatchExecutor.serial()) ex.close();
    }
}
