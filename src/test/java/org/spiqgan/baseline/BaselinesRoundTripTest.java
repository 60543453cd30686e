package org.spiqgan.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.BadInputException;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SyntheticRecording;
import org.spiqgan.data.Windows;
import org.spiqgan.data.Splits;

class BaselinesRoundTripTest {
    @TempDir Path dir;

    static SampleSet windows(int n, int t) {
        var raster = SyntheticRecording.generate(SyntheticRecording.DEFAULT_SEED);
        var split = Splits.of(raster, 0.8, 0.1).train();
        int[] neurons = new int[n];
        for (int i = 0; i < n; i++) neurons[i] = i;
        return Windows.cut(raster, neurons, t, t, split);
    }

    private void roundTrip(Baseline b, String name) throws Exception {
        Path run = dir.resolve(name);
        Baselines.save(run, b, null);
        Baseline back = Baselines.load(run);
        assertEquals(b.kind(), back.kind());
        assertEquals(b.parameterCount(), back.parameterCount());
        assertEquals(b.kind(), org.spiqgan.model.RunFile.kindOf(run));
        assertArrayEquals(b.generate(50, 9).values(), back.generate(50, 9).values(), name);
    }

    @Test
    void everyKindGeneratesTheSameSamplesAfterSaveAndLoad() throws Exception {
        SampleSet x = windows(4, 6);
        roundTrip(IndependentBernoulliBaseline.fit(x), "bernoulli");
        roundTrip(DichotomizedGaussian.fit(x), "dg");
        var raster = SyntheticRecording.generate(SyntheticRecording.DEFAULT_SEED);
        roundTrip(DichotomizedGaussian.fitStimulusLocked(raster, new int[] {0, 1, 2}, Splits.of(raster, 0.8, 0.1).train().segments(), 5), "dg-locked");
        for (Generator.Kind k : Generator.Kind.values()) {
            Generator g = new Generator(k, 4, 6, 5, 3);
            g.initialize(new SplittableRandom(2));
            roundTrip(new ClassicalGan(g, null), k.id());
        }
    }

    @Test
    void badModelFilesAreOneLineErrors() throws Exception {
        Path run = dir.resolve("bad");
        Files.createDirectories(run);
        BadInputException e = assertThrows(BadInputException.class, () -> Baselines.load(run));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
        Files.writeString(run.resolve("model.json"), "{\"kind\": \"baseline/mlp\", \"neurons\": 2, \"timesteps\": 3, \"generator\": \"mlp\", "
                + "\"latent\": 2, \"width\": 2, \"parameters\": [1, 2]}");
        e = assertThrows(BadInputException.class, () -> Baselines.load(run));
        assertTrue(e.getMessage().contains("parameters") && e.getMessage().contains("needs"), e.getMessage());
        Files.writeString(run.resolve("model.json"), "{\"kind\": \"spiqgan/v1\", \"neurons\": 2, \"timesteps\": 3}");
        e = assertThrows(BadInputException.class, () -> Baselines.load(run));
        assertTrue(e.getMessage().contains("not a classical baseline"), e.getMessage());
        Files.writeString(run.resolve("model.json"), "{\"kind\": ");
        e = assertThrows(BadInputException.class, () -> Baselines.load(run));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}
