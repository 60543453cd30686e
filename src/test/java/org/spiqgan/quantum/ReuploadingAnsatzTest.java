package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.model.ReuploadingAnsatz;

class ReuploadingAnsatzTest {

    @Test
    void parameterCountsAreExact() {
        assertEquals(5 * 4 * 4, ReuploadingAnsatz.of(4, 5).paramCount());
        assertEquals(5 * 4 * 3, ReuploadingAnsatz.of(4, 5).inputWeights(false).paramCount());
        assertEquals(3 * 6 * 2, ReuploadingAnsatz.of(6, 3).rotations(ReuploadingAnsatz.Rotations.RY).paramCount());
        assertEquals(2 * 3 * 3, ReuploadingAnsatz.of(3, 2).rotations(ReuploadingAnsatz.Rotations.RY_RZ).paramCount());
        assertEquals(4, ReuploadingAnsatz.of(4, 5).inputCount());
        assertEquals(20, ReuploadingAnsatz.of(4, 5).latent(ReuploadingAnsatz.Latent.PER_LAYER).inputCount());
        Circuit c = ReuploadingAnsatz.of(4, 5).build();
        assertEquals(80, c.paramCount());
        assertEquals(4, c.inputCount());
        // 4 encodings + 12 rotations + 3 CNOTs per layer
        assertEquals(5 * 19, c.ops().size());
        // fused: one block per qubit plus one gather pass for the 3 CNOTs, per layer
        assertEquals(5 * 5, c.fusedInstructionCount());
    }

    @Test
    void matchesAHandWrittenCircuit() {
        ReuploadingAnsatz g = ReuploadingAnsatz.of(3, 2).ring(true);
        double[] p = g.initialParams(new SplittableRandom(1));
        double[] z = {0.4, 1.7, 2.9};
        p[g.weightIndex(1, 2)] = 0.6;
        Circuit.Builder b = Circuit.builder(3);
        for (int j = 0; j < 2; j++) {
            for (int q = 0; q < 3; q++) {
                int base = (j * 3 + q) * 4;
                b.ry(q, p[base] * z[q]).rz(q, p[base + 1]).ry(q, p[base + 2]).rz(q, p[base + 3]);
            }
            b.cnot(0, 1).cnot(1, 2).cnot(2, 0);
        }
        assertArrayEquals(b.build().probabilities(null, null), g.build().probabilities(p, z), 1e-14);
    }

    @Test
    void optionsBuildWorkingCircuits() {
        for (ReuploadingAnsatz.Entangler e : ReuploadingAnsatz.Entangler.values()) {
            for (ReuploadingAnsatz.Rotations r : ReuploadingAnsatz.Rotations.values()) {
                ReuploadingAnsatz g = ReuploadingAnsatz.of(4, 3).entangler(e).rotations(r)
                        .encoding(ReuploadingAnsatz.Encoding.RX).latent(ReuploadingAnsatz.Latent.PER_LAYER);
                Circuit c = g.build();
                double[] z = RandomCircuits.uniform(new java.util.Random(1), g.inputCount(), 0, Math.PI);
                double[] prob = c.probabilities(g.initialParams(new SplittableRandom(2)), z);
                assertArrayEquals(ReferenceSim.probabilities(c, g.initialParams(new SplittableRandom(2)), z), prob, 1e-13);
            }
        }
    }
}
