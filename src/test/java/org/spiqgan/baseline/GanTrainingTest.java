package org.spiqgan.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.Splits;
import org.spiqgan.data.SyntheticRecording;
import org.spiqgan.data.Windows;
import org.spiqgan.model.AdversarialTrainer;
import org.spiqgan.model.CriticInput;
import org.spiqgan.model.TrainerState;
import org.spiqgan.nn.CriticSpec;
import org.spiqgan.stats.Comparison;
import org.spiqgan.stats.Statistics;

class GanTrainingTest {
    /**
     * On the synthetic recording (4 most active neurons, T = 6; spike history makes its autocorrelogram
     * 0.58, 0.49, ... against rates near 0.1), 300 generator steps (critic input: marginals) must cut the
     * untrained generator's autocorrelogram MSE (the generator starts at the data's rates, independent
     * in time) at least 5-fold and its lag-1 cross-covariance MSE by at least 30%, against the
     * validation windows. (Observed: ACG MSE 0.096 -> 0.0035.)
     */
    @Test
    void trainedSpikeGanBeatsItsUntrainedSelf() {
        int t = 6;
        ClassicalGanTraining.Data d = syntheticTop4(t);
        SampleSet fitEval = d.fitWindows(), val = d.validation();
        ClassicalGanTraining.Options o = new ClassicalGanTraining.Options(300, 32, 5, 1e-3, 1e-3, 0.5, 0.9, 10, 0.5, 0.9,
                CriticSpec.mlp(32), 300, 2000, 3, CriticInput.MARGINALS, 300);
        Generator g = new Generator(Generator.Kind.SPIKEGAN, 4, t, 8, 4);
        ClassicalGan trained;
        try (AdversarialTrainer tr = ClassicalGanTraining.trainer(g, o, d, 1)) {
            TrainerState s = tr.newState(tr.initialParameters());
            tr.run(s, new AdversarialTrainer.Listener() {}, () -> false);
            trained = ClassicalGanTraining.snapshot(g, o, s, "finished", tr.critic().parameterCount());
        }

        Generator untrained = new Generator(Generator.Kind.SPIKEGAN, 4, t, 8, 4);
        untrained.initialize(new SplittableRandom(3).split());
        untrained.initializeOutputBias(ClassicalGanTraining.stats(fitEval).firingProbability());
        Statistics v = ClassicalGanTraining.stats(val);
        Comparison before = Comparison.of(ClassicalGanTraining.stats(new ClassicalGan(untrained, null).generate(4000, 1)), v);
        Comparison after = Comparison.of(ClassicalGanTraining.stats(trained.generate(4000, 1)), v);
        assertTrue(after.acgMse() < before.acgMse() / 5, "ACG MSE untrained " + before.acgMse() + ", trained " + after.acgMse());
        assertTrue(after.lagCovarianceMse() < 0.7 * before.lagCovarianceMse(),
                "lag-cov MSE untrained " + before.lagCovarianceMse() + ", trained " + after.lagCovarianceMse());
    }

    /**
     * The thread count changes no bit of a classical GAN's training (as for the quantum generators), which is
     * what lets {@code baseline train} use every core by default: parameters after 12 steps with 1, 2 and 3
     * threads, for both generator kinds and two critic inputs.
     */
    @Test
    void trainingIsBitwiseIndependentOfTheThreadCount() {
        int t = 6;
        ClassicalGanTraining.Data d = syntheticTop4(t);
        for (Generator.Kind kind : Generator.Kind.values()) {
            for (CriticInput input : new CriticInput[] {CriticInput.GUMBEL, CriticInput.MARGINALS}) {
                ClassicalGanTraining.Options o = new ClassicalGanTraining.Options(12, 32, 5, 1e-3, 1e-3, 0.5, 0.9, 10, 0.5, 0.9,
                        CriticSpec.mlp(16), 6, 256, 3, input, 6);
                double[] one = null;
                for (int threads = 1; threads <= 3; threads++) {
                    Generator g = new Generator(kind, 4, t, 8, 4);
                    try (AdversarialTrainer tr = ClassicalGanTraining.trainer(g, o, d, threads)) {
                        TrainerState s = tr.newState(tr.initialParameters());
                        tr.run(s, new AdversarialTrainer.Listener() {}, () -> false);
                        if (one == null) one = s.theta.clone();
                        else assertArrayEquals(one, s.theta, 0.0, kind + " " + input + " with " + threads + " threads");
                    }
                }
            }
        }
    }

    /**
     * The synthetic recording's 4 most active neurons: every window of T bins of the fit split (stride 1, for
     * training), its disjoint windows (for the statistics) and the validation split's.
     */
    private static ClassicalGanTraining.Data syntheticTop4(int t) {
        var raster = SyntheticRecording.generate(SyntheticRecording.DEFAULT_SEED);
        Splits sp = Splits.of(raster, 0.8, 0.1);
        int[] neurons = org.spiqgan.data.NeuronSelection.parse("top:4").select(raster, sp.train());
        return new ClassicalGanTraining.Data(Windows.cut(raster, neurons, t, 1, sp.fit()), Windows.cut(raster, neurons, t, t, sp.fit()),
                Windows.cut(raster, neurons, t, t, sp.validation()));
    }
}
