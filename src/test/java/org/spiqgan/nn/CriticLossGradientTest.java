package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WGAN-GP loss's parameter gradient, penalty included, against central finite differences of the
 * whole loss at fixed interpolation weights.
 */
class CriticLossGradientTest {

    private static final double TOL = 1e-5;

    static Stream<Arguments> critics() {
        return Stream.of(
                Arguments.of("mlp 3x4 h5 b5", Critics.mlp(3, 4, 5, new SplittableRandom(1)), 5),
                Arguments.of("mlp 2x7 h6 b11", Critics.mlp(2, 7, 6, new SplittableRandom(2)), 11),
                Arguments.of("mlp 4x1 h8 b3", Critics.mlp(4, 1, 8, new SplittableRandom(3)), 3),
                Arguments.of("mlp 1x1 h3 b4", Critics.mlp(1, 1, 3, new SplittableRandom(4)), 4),
                Arguments.of("conv 3x8 c4,5 b5", Critics.conv(3, 8, 4, 5, new SplittableRandom(5)), 5),
                Arguments.of("conv 2x1 c3,2 b9", Critics.conv(2, 1, 3, 2, new SplittableRandom(6)), 9),
                Arguments.of("conv 4x11 c5,6 b4", Critics.conv(4, 11, 5, 6, new SplittableRandom(7)), 4),
                Arguments.of("conv 2x30 c3,4 b3", Critics.conv(2, 30, 3, 4, new SplittableRandom(8)), 3),
                Arguments.of("sigmoid net 3x3 b6", sigmoidCritic(3, 3, new SplittableRandom(9)), 6));
    }

    /** A smooth critic, so the curvature terms of double backpropagation are exercised too. */
    static Critic sigmoidCritic(int n, int t, SplittableRandom rng) {
        int d = n * t;
        Critic c = new Critic("sigmoid", n, t, List.of(
                new Linear(d, 5), new Sigmoid(5), new Linear(5, 4), new LeakyReLU(4, 0.2), new Linear(4, 1)));
        c.initialize(rng);
        // larger weights, so that the input gradient's norm is away from 1 and the sigmoid is curved
        for (int k = 0; k < c.parameterCount(); k++) c.params()[k] *= 3.0;
        return c;
    }

    static double[] samples(int batch, int d, boolean binary, SplittableRandom rng) {
        double[] x = new double[batch * d];
        for (int i = 0; i < x.length; i++) x[i] = binary ? (rng.nextDouble() < 0.3 ? 1.0 : 0.0) : rng.nextDouble();
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("critics")
    void lossGradientMatchesFiniteDifferences(String name, Critic critic, int batch) {
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        int d = critic.inputSize();
        double[] real = samples(batch, d, true, rng);
        double[] gen = samples(batch, d, false, rng);
        double[] eps = new double[batch];
        for (int b = 0; b < batch; b++) eps[b] = rng.nextDouble();
        BatchExecutor ex = BatchExecutor.serial();

        WganGpResult r = CriticLoss.wganGp(critic, real, gen, batch, 10.0, eps, ex);
        double[] analytic = critic.grads().clone();
        assertTrue(r.penalty() > 1e-3, "penalty should matter in this test: " + r.penalty());

        double[] fd = new double[critic.parameterCount()];
        for (int k = 0; k < fd.length; k++) {
            fd[k] = Fd.derivative(critic.params(), k, 1e-6,
                    () -> CriticLoss.wganGp(critic, real, gen, batch, 10.0, eps, ex).loss());
        }
        Fd.assertClose(analytic, fd, TOL, name);

        // The penalty part alone must be right too (the loss above could hide a small penalty error).
        CriticLoss.wganGp(critic, real, gen, batch, 0.0, eps, ex);
        double[] plain = critic.grads().clone();
        double[] penaltyAnalytic = new double[fd.length];
        double[] penaltyFd = new double[fd.length];
        for (int k = 0; k < fd.length; k++) {
            penaltyAnalytic[k] = analytic[k] - plain[k];
            penaltyFd[k] = Fd.derivative(critic.params(), k, 1e-6,
                    () -> CriticLoss.wganGp(critic, real, gen, batch, 10.0, eps, ex).penalty() * 10.0);
        }
        Fd.assertClose(penaltyAnalytic, penaltyFd, TOL, name + " penalty part");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("critics")
    void lossValueMatchesItsDefinition(String name, Critic critic, int batch) {
        SplittableRandom rng = new SplittableRandom(99);
        int d = critic.inputSize();
        double[] real = samples(batch, d, true, rng);
        double[] gen = samples(batch, d, false, rng);
        double[] eps = new double[batch];
        for (int b = 0; b < batch; b++) eps[b] = rng.nextDouble();
        WganGpResult r = CriticLoss.wganGp(critic, real, gen, batch, 10.0, eps, BatchExecutor.serial());

        // Independent evaluation: scores one by one, input gradients by finite differences.
        double meanReal = 0, meanGen = 0, penalty = 0;
        for (int b = 0; b < batch; b++) {
            meanReal += critic.score(real, b * d) / batch;
            meanGen += critic.score(gen, b * d) / batch;
            double[] xh = new double[d];
            for (int j = 0; j < d; j++) xh[j] = eps[b] * real[b * d + j] + (1 - eps[b]) * gen[b * d + j];
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double g = Fd.derivative(xh, j, 1e-6, () -> critic.score(xh, 0));
                sq += g * g;
            }
            penalty += Math.pow(Math.sqrt(sq) - 1, 2) / batch;
        }
        assertEquals(meanReal, r.meanReal(), 1e-12);
        assertEquals(meanGen, r.meanGen(), 1e-12);
        assertEquals(penalty, r.penalty(), 1e-7 * Math.max(1, penalty));
        assertEquals(meanGen - meanReal + 10 * r.penalty(), r.loss(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("critics")
    void inputGradientMatchesFiniteDifferences(String name, Critic critic, int batch) {
        SplittableRandom rng = new SplittableRandom(5);
        int d = critic.inputSize();
        double[] x = samples(batch, d, false, rng);
        double[] grad = new double[batch * d];
        double scale = -1.0 / batch;
        double mean = CriticLoss.criticInputGradient(critic, x, batch, scale, grad, BatchExecutor.serial());
        double[] fd = new double[batch * d];
        double expectedMean = 0;
        for (int b = 0; b < batch; b++) expectedMean += critic.score(x, b * d) / batch;
        for (int i = 0; i < fd.length; i++) {
            int b = i / d;
            fd[i] = scale * Fd.derivative(x, i, 1e-6, () -> critic.score(x, b * d));
        }
        assertEquals(expectedMean, mean, 1e-12);
        Fd.assertClose(grad, fd, 1e-6, name + " input gradient");
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        for (Critic critic : new Critic[] {
                Critics.mlp(5, 6, 16, new SplittableRandom(21)), Critics.conv(5, 6, 8, 8, new SplittableRandom(22))}) {
            int batch = 61;
            SplittableRandom rng = new SplittableRandom(23);
            double[] real = samples(batch, critic.inputSize(), true, rng);
            double[] gen = samples(batch, critic.inputSize(), false, rng);
            WganGpResult serial = CriticLoss.wganGp(critic, real, gen, batch, 10.0, new SplittableRandom(3),
                    BatchExecutor.serial());
            double[] serialGrads = critic.grads().clone();
            double[] serialInput = new double[gen.length];
            CriticLoss.criticInputGradient(critic, gen, batch, 1.0, serialInput, BatchExecutor.serial());
            for (int threads : new int[] {2, 3, 8}) {
                try (BatchExecutor ex = new BatchExecutor(threads)) {
                    WganGpResult par = CriticLoss.wganGp(critic, real, gen, batch, 10.0, new SplittableRandom(3), ex);
                    assertEquals(serial, par, threads + " threads");
                    assertArrayEquals(serialGrads, critic.grads(), 0.0, threads + " threads");
                    double[] input = new double[gen.length];
                    CriticLoss.criticInputGradient(critic, gen, batch, 1.0, input, ex);
                    assertArrayEquals(serialInput, input, 0.0, threads + " threads");
                }
            }
        }
    }

    @Test
    void zeroInputGradientGivesNoPenaltyGradientAndNoNaN() {
        Critic critic = Critics.mlp(2, 3, 4, new SplittableRandom(1));
        java.util.Arrays.fill(critic.params(), 0.0);
        int batch = 9;
        SplittableRandom rng = new SplittableRandom(2);
        double[] real = samples(batch, 6, true, rng), gen = samples(batch, 6, false, rng);
        WganGpResult r = CriticLoss.wganGp(critic, real, gen, batch, 10.0, rng, BatchExecutor.serial());
        assertEquals(1.0, r.penalty(), 0.0);
        assertEquals(10.0, r.loss(), 0.0);
        // gen and real terms cancel (up to rounding of +-1/batch sums); the penalty adds nothing
        for (double g : critic.grads()) assertEquals(0.0, g, 1e-15);
    }

    @Test
    void parameterCountsAreExact() {
        assertEquals(300 * 128 + 128 + 128 * 128 + 128 + 128 + 1, Critics.mlp(10, 30, 128, new SplittableRandom(1)).parameterCount());
        assertEquals(Critics.mlpParameterCount(10, 30, 128), Critics.mlp(10, 30, 128, new SplittableRandom(1)).parameterCount());
        // conv, N = 10, T = 30: lengths 30 -> 15 -> 8
        assertEquals(32 * 10 * 5 + 32 + 64 * 32 * 5 + 64 + 64 * 8 + 1, Critics.conv(10, 30, 32, 64, new SplittableRandom(1)).parameterCount());
        assertEquals(Critics.convParameterCount(10, 30, 32, 64), Critics.conv(10, 30, 32, 64, new SplittableRandom(1)).parameterCount());
        assertEquals(Critics.convParameterCount(4, 1, 3, 5), Critics.conv(4, 1, 3, 5, new SplittableRandom(1)).parameterCount());
        assertEquals(3 * 4 * 5 + 3 + 5 * 3 * 5 + 5 + 5 * 1 + 1, Critics.convParameterCount(4, 1, 3, 5));
    }

    @Test
    void initialisationIsPyTorchDefaultAndSeeded() {
        Critic a = Critics.mlp(3, 5, 7, new SplittableRandom(42));
        Critic b = Critics.mlp(3, 5, 7, new SplittableRandom(42));
        assertArrayEquals(a.params(), b.params(), 0.0);
        int k = 0;
        for (Layer layer : a.layers()) {
            if (layer.parameterCount() == 0) continue;
            double bound = 1.0 / Math.sqrt(layer.inSize());
            for (int i = 0; i < layer.parameterCount(); i++, k++) {
                assertTrue(Math.abs(a.params()[k]) <= bound, layer + " parameter " + i);
            }
        }
        Critic c = Critics.conv(3, 9, 4, 6, new SplittableRandom(43));
        List<Layer> layers = c.layers();
        Conv1D second = (Conv1D) layers.get(2);
        double bound = 1.0 / Math.sqrt(4 * 5);
        for (int i = 0; i < second.parameterCount(); i++) {
            assertTrue(Math.abs(c.params()[second.offset() + i]) <= bound);
        }
    }
}
