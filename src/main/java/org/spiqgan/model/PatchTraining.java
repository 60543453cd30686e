package org.spiqgan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.CriticSpec;
import org.spiqgan.stats.StatisticsAccumulator;
import org.spiqgan.stats.ValidationScore;

/**
 * Puts together the {@link AdversarialTrainer} of the patch model (SPEC section 4): its generator with the
 * K-loss and the temporal loss, the counter-based {@link StepStreams}, the validation against the
 * validation windows, and the optional likelihood pre-training before the adversarial phase.
 */
public final class PatchTraining {
    /** Generated samples per validation when the spec leaves it at 0: at least this many, else one per validation window. */
    public static final int MIN_VALIDATION_SAMPLES = 4096;

    /** Real windows per likelihood pre-training step. */
    static final int PRETRAIN_WINDOWS = 128;

    private PatchTraining() {}

    /** The trainer of a patch-model run. */
    public static AdversarialTrainer trainer(GeneratorConfig gc, TrainConfig tc, TrainingData data, int threads) {
        PatchGenerator gen = new PatchGenerator(gc);
        GeneratorObjective objective = new GeneratorObjective(gen, tc.criticInput(), tc.tau(), tc.effectiveLambdaK(), data.kData(),
                tc.lambdaAcg(), tc.lambdaAcg() != 0 ? data.acgData() : null);
        SampleSet v = data.validation();
        ValidationScore score = v != null && v.samples() > 0 ? new ValidationScore(stats(data.fitWindows()), stats(v)) : null;
        int validationCount = tc.validationSamples() > 0 ? tc.validationSamples()
                : Math.max(MIN_VALIDATION_SAMPLES, v == null ? 0 : v.samples());
        AdversarialTrainer.Settings s = new AdversarialTrainer.Settings(tc.steps(), tc.batch(), tc.nCritic(), tc.lrG(), tc.lrC(),
                tc.beta1(), tc.beta2(), tc.lambdaGp(), tc.emaDecay(), tc.lrDecayHalfLife(), tc.evalEvery(), validationCount);
        return new AdversarialTrainer(new PatchAdversarialGenerator(objective, tc.initSpread()), s,
                CriticSpec.parse(tc.critic(), "critic"), new StepStreams(tc.seed()), data.fit(), score, threads);
    }

    /** The patch generator the trainer trains. */
    public static PatchGenerator generator(AdversarialTrainer t) {
        return ((PatchAdversarialGenerator) t.generator()).generator();
    }

    /**
     * The state at step 0, after the likelihood pre-training when configured (progress lines to progress);
     * null when {@code stop} asked to stop during the pre-training (there is no state to keep).
     */
    public static TrainerState initialState(AdversarialTrainer t, TrainConfig tc, TrainingData data, Consumer<String> progress,
            BooleanSupplier stop) {
        double[] theta = t.initialParameters();
        double[] pretrainNll = null;
        if (tc.pretrainSteps() > 0) {
            List<Double> nll = new ArrayList<>();
            new LikelihoodPretrainer(generator(t).config(), data.fit(), tc.batch(), PRETRAIN_WINDOWS)
                    .run(theta, tc.pretrainSteps(), tc.pretrainLr(), tc.seed(), t.executor(), 50, progress, stop, nll::add);
            if (stop != null && stop.getAsBoolean()) return null;
            pretrainNll = nll.stream().mapToDouble(Double::doubleValue).toArray();
        }
        TrainerState s = t.newState(theta);
        s.pretrainNll = pretrainNll;
        return s;
    }

    private static org.spiqgan.stats.Statistics stats(SampleSet s) {
        return new StatisticsAccumulator(s.neurons(), s.timesteps()).add(s).result();
    }
}
