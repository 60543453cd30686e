package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.model.ReuploadingAnsatz;

/** Issue 15 item 10: the pre-training's progress lines say how long is left. */
class PretrainProgressTest {
    @Test
    void progressLinesCarryElapsedTimeAndTimeLeft() {
        GeneratorConfig cfg = new GeneratorConfig(2, 1, 1, 2, 0, true, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RZ_RY_RZ, ReuploadingAnsatz.Entangler.CNOT,
                false, false, GeneratorConfig.Sampling.BORN, Math.PI, false);
        SplittableRandom r = new SplittableRandom(1);
        byte[] v = new byte[100 * 2];
        for (int k = 0; k < v.length; k++) v[k] = (byte) (r.nextDouble() < 0.3 ? 1 : 0);
        SampleSet data = new SampleSet(100, 2, 1, v);
        LikelihoodPretrainer pre = new LikelihoodPretrainer(cfg, data, 4, 8);
        double[] theta = new PatchGenerator(cfg).initialParams(new SplittableRandom(2));
        List<String> lines = new ArrayList<>();
        try (BatchExecutor ex = new BatchExecutor(1)) {
            pre.run(theta, 4, 0.01, 3, ex, 2, lines::add);
        }
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("pretrain step 2/4: NLL ") && lines.get(0).contains(" s elapsed, about ")
                && lines.get(0).endsWith(" s left"), lines.get(0));
        assertTrue(lines.get(1).endsWith("about 0 s left"), lines.get(1));
    }
}
