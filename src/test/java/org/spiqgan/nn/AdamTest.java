package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void threeStepsByHand() {
        // Textbook Adam (Kingma & Ba, Algorithm 1) written out for one parameter.
        double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[] g = {0.5, -0.2, 0.1};
        double p = 1.0, m = 0, v = 0;
        double[] expected = new double[3];
        for (int t = 1; t <= 3; t++) {
            m = b1 * m + (1 - b1) * g[t - 1];
            v = b2 * v + (1 - b2) * g[t - 1] * g[t - 1];
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            p -= lr * mHat / (Math.sqrt(vHat) + eps);
            expected[t - 1] = p;
        }
        // and the first step numerically: Adam's first move is lr * g / (|g| + eps)
        assertEquals(1.0 - 0.1 * 0.5 / (0.5 + 1e-8), expected[0], 1e-15);

        Adam adam = new Adam(1, lr, b1, b2, eps, LearningRateSchedule.constant());
        double[] params = {1.0};
        for (int t = 0; t < 3; t++) {
            adam.step(params, new double[] {g[t]}, 0);
            assertEquals(expected[t], params[0], 1e-14, "step " + (t + 1));
        }
        assertEquals(3, adam.steps());
    }

    @Test
    void stepsAModuleThroughItsOffset() {
        Linear a = new Linear(2, 2);
        Critic critic = Critics.mlp(1, 2, 2, new SplittableRandom(1));
        Layer middle = critic.layers().get(2); // Linear(2, 2) inside the critic, offset 6
        assertEquals(6, middle.offset());
        double[] before = critic.params().clone();
        java.util.Arrays.fill(critic.grads(), 1.0);
        new Adam(middle.parameterCount(), 0.5).step(middle);
        for (int k = 0; k < before.length; k++) {
            boolean inside = k >= 6 && k < 6 + middle.parameterCount();
            if (inside) assertEquals(before[k] - 0.5, critic.params()[k], 1e-7);
            else assertEquals(before[k], critic.params()[k], 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> new Adam(3, 0.1).step(a));
    }

    @Test
    void schedules() {
        assertEquals(0.1, LearningRateSchedule.constant().rate(0.1, 1000), 0.0);
        LearningRateSchedule e = LearningRateSchedule.exponential(0.5);
        assertEquals(0.1, e.rate(0.1, 1), 0.0);
        assertEquals(0.025, e.rate(0.1, 3), 1e-17);
        LearningRateSchedule s = LearningRateSchedule.step(0.1, 10);
        assertEquals(1.0, s.rate(1.0, 10), 0.0);
        assertEquals(0.1, s.rate(1.0, 11), 1e-16);
        assertEquals(0.5, LearningRateSchedule.halfLife(100).rate(1.0, 101), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(1.5));
        Adam adam = new Adam(1, 0.2, 0.9, 0.999, 1e-8, e);
        adam.step(new double[1], new double[1], 0);
        assertEquals(0.1, adam.nextLearningRate(), 1e-17);
    }

    /** Trains a critic for a few steps on batches that depend only on the step index. */
    private static void train(Critic critic, Adam adam, int from, int to, BatchExecutor ex) {
        int batch = 12, d = critic.inputSize();
        for (int step = from; step < to; step++) {
            SplittableRandom rng = new SplittableRandom(1000 + step);
            double[] real = CriticLossGradientTest.samples(batch, d, true, rng);
            double[] gen = CriticLossGradientTest.samples(batch, d, false, rng);
            CriticLoss.wganGp(critic, real, gen, batch, 10.0, rng, ex);
            adam.step(critic);
        }
    }

    @Test
    void saveAndRestoreContinuesBitwiseIdentically() {
        for (boolean conv : new boolean[] {false, true}) {
            Critic critic = conv ? Critics.conv(3, 7, 4, 5, new SplittableRandom(5)) : Critics.mlp(3, 7, 9, new SplittableRandom(5));
            LearningRateSchedule decay = LearningRateSchedule.exponential(0.97);
            Adam adam = new Adam(critic.parameterCount(), 1e-2, 0.5, 0.9, 1e-8, decay);
            train(critic, adam, 0, 6, BatchExecutor.serial());

            // checkpoint through JSON, as a model file would carry it
            Gson gson = new Gson();
            String savedParams = gson.toJson(critic.params());
            String savedAdam = gson.toJson(adam.state());

            train(critic, adam, 6, 12, BatchExecutor.serial());

            Critic resumed = conv ? Critics.conv(3, 7, 4, 5, new SplittableRandom(99)) : Critics.mlp(3, 7, 9, new SplittableRandom(99));
            assertNotEquals(critic.params()[0], resumed.params()[0]);
            resumed.setParams(gson.fromJson(savedParams, double[].class));
            Adam resumedAdam = new Adam(resumed.parameterCount(), 1e-2, 0.5, 0.9, 1e-8, decay);
            resumedAdam.restore(gson.fromJson(savedAdam, Adam.State.class));
            assertEquals(6, resumedAdam.steps());
            try (BatchExecutor two = new BatchExecutor(2)) {
                train(resumed, resumedAdam, 6, 12, two);
            }

            assertArrayEquals(critic.params(), resumed.params(), 0.0, conv ? "conv" : "mlp");
            assertEquals(adam.state(), resumedAdam.state());
        }
    }

    @Test
    void restoreRejectsAStateOfTheWrongSize() {
        Adam adam = new Adam(3, 0.1);
        assertThrows(IllegalArgumentException.class, () -> adam.restore(new Adam.State(1, new double[2], new double[2])));
    }
}
