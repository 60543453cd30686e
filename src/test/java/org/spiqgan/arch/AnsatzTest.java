package org.spiqgan.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.model.Ansatz;
import org.spiqgan.model.Ansatze;
import org.spiqgan.model.FeedbackAnsatz;
import org.spiqgan.model.GeneratorConfig;
import org.spiqgan.model.ReuploadingAnsatz;

/** Issue 10: circuit families are classes registered by name; the feedback family extends the paper's. */
class AnsatzTest {
    @Test
    void familiesAreRegisteredAndChosenByTheConfig() {
        assertTrue(Ansatze.names().contains(Ansatze.REUPLOADING));
        assertTrue(Ansatze.names().contains(Ansatze.REUPLOADING_FEEDBACK));
        GeneratorConfig plain = GeneratorConfig.defaults(5, 3, 2);
        GeneratorConfig ar = new GeneratorConfig(5, 3, 2, 5, 0, true, ReuploadingAnsatz.Encoding.RY, ReuploadingAnsatz.Latent.SHARED,
                ReuploadingAnsatz.Rotations.RZ_RY_RZ, ReuploadingAnsatz.Entangler.CNOT, false, false, GeneratorConfig.Sampling.BORN,
                Math.PI, true);
        assertTrue(plain.ansatz(0) instanceof ReuploadingAnsatz);
        assertTrue(ar.ansatz(0) instanceof FeedbackAnsatz);
        // l x n x 4 rotations and weights, plus l x n feedback weights
        assertEquals(2 * 5 * 4, plain.setParamCount(0));
        assertEquals(2 * 5 * 4 + 2 * 5, ar.setParamCount(0));
        assertEquals(5 + 5, ar.circuitInputs(0));
    }

    @Test
    void feedbackWithZeroWeightsIsThePaperCircuitAndOtherwiseReadsThePreviousPattern() {
        ReuploadingAnsatz base = ReuploadingAnsatz.of(3, 2);
        Ansatz fb = new FeedbackAnsatz(base, 3);
        double[] p = fb.initialParams(new SplittableRandom(3), 0);
        assertArrayEquals(base.initialParams(new SplittableRandom(3), 0), java.util.Arrays.copyOf(p, base.paramCount()));
        double[] z = {0.3, 1.1, 2.0};
        double[] in = {0.3, 1.1, 2.0, 1, 0, 1};
        double[] plain = base.build().probabilities(java.util.Arrays.copyOf(p, base.paramCount()), z);
        assertArrayEquals(plain, fb.build().probabilities(p, in), 1e-14);
        p[base.paramCount()] = 0.7;
        double[] fed = fb.build().probabilities(p, in);
        double diff = 0;
        for (int i = 0; i < fed.length; i++) diff += Math.abs(fed[i] - plain[i]);
        assertTrue(diff > 1e-3, "the feedback weight changes the output: " + diff);
    }

    @Test
    void oneSpecFieldNamesTheFamilyOfEitherModel() {
        org.spiqgan.model.TrainSpec p = org.spiqgan.model.TrainSpec.paper();
        assertEquals(Ansatze.REUPLOADING, p.generatorConfig(5, 3).ansatzName());
        p.ansatz = Ansatze.REUPLOADING_FEEDBACK;
        GeneratorConfig fb = p.generatorConfig(5, 3);
        assertTrue(fb.autoregressive() && fb.ansatz(0) instanceof FeedbackAnsatz);
        p.ansatz = "cry-chain";
        org.junit.jupiter.api.Assertions.assertThrows(org.spiqgan.BadInputException.class, p::validate);
        org.spiqgan.model.TrainSpec s = org.spiqgan.model.TrainSpec.defaults();
        assertEquals("cry", s.stationaryConfig(4).family().name());
        s.ansatz = "cry-chain";
        assertEquals("cry-chain", s.stationaryConfig(4).family().name());
        s.ansatz = Ansatze.REUPLOADING;
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.spiqgan.BadInputException.class, s::validate).getMessage()
                .startsWith("ansatz: "));
    }

    @Test
    void specsWrittenBeforeTheFieldWasSharedReadAsTheyMeant() {
        com.google.gson.JsonObject o = org.spiqgan.model.TrainSpec.paper().toJsonTree().getAsJsonObject();
        o.addProperty("ansatz", "cry");
        o.addProperty("autoregressive", true);
        assertEquals(Ansatze.REUPLOADING_FEEDBACK, org.spiqgan.model.TrainSpec.fromJson(o).ansatz);
        o.addProperty("autoregressive", false);
        assertEquals(Ansatze.REUPLOADING, org.spiqgan.model.TrainSpec.fromJson(o).ansatzOrDefault());
        // model files: a generator without a stored family reads it from autoregressive, and the family round-trips
        GeneratorConfig old = new GeneratorConfig(5, 3, 2, 5, 0, true, ReuploadingAnsatz.Encoding.RY, ReuploadingAnsatz.Latent.SHARED,
                ReuploadingAnsatz.Rotations.RZ_RY_RZ, ReuploadingAnsatz.Entangler.CNOT, false, false, GeneratorConfig.Sampling.BORN,
                Math.PI, true, null);
        assertEquals(Ansatze.REUPLOADING_FEEDBACK, old.ansatzName());
        assertEquals(old, old.withSampling(GeneratorConfig.Sampling.BORN));
    }
}
