package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each layer's backward passes and tangent map against central finite differences of its forward. */
class LayerGradientTest {

    private static final double H = 1e-5;
    private static final double TOL = 1e-6;

    static Stream<Layer> layers() {
        return Stream.of(
                new Linear(7, 4),
                new Linear(1, 1),
                new Linear(30, 13),
                new Conv1D(3, 10, 4, 5, 2, 2),
                new Conv1D(2, 9, 3, 3, 1, 0),
                new Conv1D(4, 1, 2, 5, 2, 2),
                new Conv1D(2, 11, 5, 4, 3, 1),
                new Conv1D(1, 6, 2, 1, 1, 0),
                new LeakyReLU(9, 0.2),
                new LeakyReLU(5, 0.01),
                new Sigmoid(8));
    }

    private static double[] randomInput(Layer layer, SplittableRandom rng) {
        double[] x = new double[layer.inSize()];
        for (int i = 0; i < x.length; i++) {
            // Keep away from the LeakyReLU kink so that finite differences see one linear piece.
            double u = rng.nextDouble(0.1, 2.0);
            x[i] = rng.nextBoolean() ? u : -u;
        }
        return x;
    }

    private static double[] random(int n, SplittableRandom rng) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = rng.nextDouble(-1.0, 1.0);
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(Layer layer) {
        SplittableRandom rng = new SplittableRandom(11);
        layer.initialize(rng);
        double[] x = randomInput(layer, rng);
        double[] gy = random(layer.outSize(), rng);
        double[] y = new double[layer.outSize()];
        // f(x, theta) = gy . layer(x)
        java.util.function.DoubleSupplier f = () -> {
            layer.forward(x, y);
            return dot(gy, y);
        };

        double[] gx = new double[layer.inSize()];
        layer.backwardInput(x, gy, gx);
        double[] fdx = new double[x.length];
        for (int i = 0; i < x.length; i++) fdx[i] = Fd.derivative(x, i, H, f);
        Fd.assertClose(gx, fdx, TOL, layer + " input gradient");

        int n = layer.parameterCount();
        if (n > 0) {
            double[] target = new double[layer.params().length];
            layer.accumulateGrad(x, gy, target, true);
            // accumulate means add: a second call doubles it
            layer.accumulateGrad(x, gy, target, true);
            double[] got = new double[n], fdp = new double[n];
            for (int k = 0; k < n; k++) {
                got[k] = target[layer.offset() + k] / 2.0;
                fdp[k] = Fd.derivative(layer.params(), layer.offset() + k, H, f);
            }
            Fd.assertClose(got, fdp, TOL, layer + " parameter gradient");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void tangentIsTheJacobianTimesTheDirection(Layer layer) {
        SplittableRandom rng = new SplittableRandom(12);
        layer.initialize(rng);
        double[] x = randomInput(layer, rng);
        double[] xd = random(layer.inSize(), rng);
        double[] yd = new double[layer.outSize()];
        layer.tangent(x, xd, yd);
        double[] y = new double[layer.outSize()];
        double[] fd = new double[layer.outSize()];
        for (int o = 0; o < fd.length; o++) {
            final int oo = o;
            double[] xs = x.clone();
            double plus, minus;
            for (int i = 0; i < xs.length; i++) xs[i] = x[i] + H * xd[i];
            layer.forward(xs, y);
            plus = y[oo];
            for (int i = 0; i < xs.length; i++) xs[i] = x[i] - H * xd[i];
            layer.forward(xs, y);
            minus = y[oo];
            fd[o] = (plus - minus) / (2 * H);
        }
        Fd.assertClose(yd, fd, TOL, layer + " tangent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void biasFreeAccumulationSkipsOnlyTheBias(Layer layer) {
        SplittableRandom rng = new SplittableRandom(13);
        layer.initialize(rng);
        double[] x = randomInput(layer, rng);
        double[] gy = random(layer.outSize(), rng);
        double[] with = new double[layer.params().length];
        double[] without = new double[layer.params().length];
        layer.accumulateGrad(x, gy, with, true);
        layer.accumulateGrad(x, gy, without, false);
        int n = layer.parameterCount();
        int biases = layer instanceof Linear ? layer.outSize()
                : layer instanceof Conv1D c ? c.channelsOut() : 0;
        for (int k = 0; k < n; k++) {
            double expected = k < n - biases ? with[k] : 0.0;
            assertEquals(expected, without[k], 0.0, layer + " parameter " + k);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void severalSamplesAtOnceEqualOneByOne(Layer layer) {
        SplittableRandom rng = new SplittableRandom(14);
        layer.initialize(rng);
        int m = 3, in = layer.inSize(), out = layer.outSize();
        double[] x = new double[m * in], xd = random(m * in, rng), gy = random(m * out, rng);
        for (int s = 0; s < m; s++) System.arraycopy(randomInput(layer, rng), 0, x, s * in, in);
        double[] y = new double[m * out], yd = new double[m * out], gx = new double[m * in];
        double[] target = new double[layer.params().length];
        layer.forward(x, y, m);
        layer.tangent(x, xd, yd, m);
        layer.backwardInput(x, gy, gx, m);
        layer.accumulateGrad(x, gy, target, true, m);

        double[] y1 = new double[out], yd1 = new double[out], gx1 = new double[in];
        double[] target1 = new double[layer.params().length];
        for (int s = 0; s < m; s++) {
            double[] xs = java.util.Arrays.copyOfRange(x, s * in, (s + 1) * in);
            double[] xds = java.util.Arrays.copyOfRange(xd, s * in, (s + 1) * in);
            double[] gys = java.util.Arrays.copyOfRange(gy, s * out, (s + 1) * out);
            layer.forward(xs, y1);
            layer.tangent(xs, xds, yd1);
            layer.backwardInput(xs, gys, gx1);
            layer.accumulateGrad(xs, gys, target1, true);
            org.junit.jupiter.api.Assertions.assertArrayEquals(y1, java.util.Arrays.copyOfRange(y, s * out, (s + 1) * out), 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(yd1, java.util.Arrays.copyOfRange(yd, s * out, (s + 1) * out), 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(gx1, java.util.Arrays.copyOfRange(gx, s * in, (s + 1) * in), 0.0);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(target1, target, 0.0);
    }

    @org.junit.jupiter.api.Test
    void convolutionGeometryMatchesPyTorch() {
        assertEquals(15, Conv1D.outLength(30, 5, 2, 2));
        assertEquals(8, Conv1D.outLength(15, 5, 2, 2));
        assertEquals(1, Conv1D.outLength(1, 5, 2, 2));
        assertEquals(7, Conv1D.outLength(9, 3, 1, 0));
        assertEquals(4, Conv1D.outLength(11, 4, 3, 1));
    }
}
