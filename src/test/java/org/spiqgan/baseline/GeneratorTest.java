package org.spiqgan.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    @Test
    void parameterCountsMatchClosedForms() {
        // spikegan: d*2W*L0 + 2W*L0 + 5*2W*W + W + 5*W*N + N, L0 = ceil(T/4); written out by hand
        assertEquals(128 * 8 * 8 + 8 * 8 + 5 * 8 * 4 + 4 + 5 * 4 * 10 + 10,
                new Generator(Generator.Kind.SPIKEGAN, 10, 30, 128, 4).parameterCount());
        assertEquals(16 * 32 * 1 + 32 + 5 * 32 * 16 + 16 + 5 * 16 * 3 + 3,
                new Generator(Generator.Kind.SPIKEGAN, 3, 1, 16, 16).parameterCount());
        assertEquals(8 * 6 * 2 + 6 * 2 + 5 * 6 * 3 + 3 + 5 * 3 * 50 + 50,
                new Generator(Generator.Kind.SPIKEGAN, 50, 5, 8, 3).parameterCount());
        // mlp: d*H + H + H*H + H + H*N*T + N*T
        assertEquals(128 * 64 + 64 + 64 * 64 + 64 + 64 * 300 + 300, new Generator(Generator.Kind.MLP, 10, 30, 128, 64).parameterCount());
        assertEquals(5 * 7 + 7 + 49 + 7 + 7 * 4 + 4, new Generator(Generator.Kind.MLP, 2, 2, 5, 7).parameterCount());
        for (Generator.Kind k : Generator.Kind.values()) {
            for (int[] c : new int[][] {{10, 30, 128, 4}, {50, 32, 64, 16}, {4, 1, 3, 2}, {7, 9, 11, 5}, {2, 2, 1, 1}}) {
                assertEquals(new Generator(k, c[0], c[1], c[2], c[3]).parameterCount(), Generator.parameterCount(k, c[0], c[1], c[2], c[3]),
                        k + " " + java.util.Arrays.toString(c));
            }
        }
    }

    /** L = sum_k c_k h_k over a batch; its gradient by backpropagation against central differences. */
    @Test
    void gradientsMatchFiniteDifferences() {
        for (Generator.Kind kind : Generator.Kind.values()) {
            for (int[] c : new int[][] {{3, 7, 4, 3}, {2, 1, 3, 2}, {4, 10, 5, 2}}) {
                Generator g = new Generator(kind, c[0], c[1], c[2], c[3]);
                SplittableRandom rng = new SplittableRandom(5);
                g.initialize(rng);
                int batch = 3, d = c[0] * c[1];
                Generator.Workspace w = g.workspace(batch);
                g.sampleLatents(w, batch, rng);
                double[] z = w.latents().clone();
                double[] coef = new double[batch * d];
                for (int k = 0; k < coef.length; k++) coef[k] = rng.nextDouble() * 2 - 1;
                java.util.function.DoubleSupplier loss = () -> {
                    System.arraycopy(z, 0, w.latents(), 0, z.length);
                    g.forward(w, batch);
                    double s = 0;
                    for (int k = 0; k < batch * d; k++) s += coef[k] * w.logits()[k];
                    return s;
                };
                loss.getAsDouble();
                System.arraycopy(coef, 0, w.logitGrad(), 0, coef.length);
                java.util.Arrays.fill(g.grads(), 0);
                g.backward(w, batch);
                double[] analytic = g.grads().clone();
                double[] p = g.params();
                double maxErr = 0, scale = 0;
                for (int k = 0; k < p.length; k++) {
                    double saved = p[k], h = 1e-6;
                    p[k] = saved + h;
                    double plus = loss.getAsDouble();
                    p[k] = saved - h;
                    double minus = loss.getAsDouble();
                    p[k] = saved;
                    double fd = (plus - minus) / (2 * h);
                    maxErr = Math.max(maxErr, Math.abs(fd - analytic[k]));
                    scale = Math.max(scale, Math.abs(fd));
                }
                assertTrue(maxErr / scale < 1e-7, kind + " relative gradient error " + maxErr / scale);
            }
        }
    }

    @Test
    void nearestUpsampleIsPyTorchNearest() {
        NearestUpsample up = new NearestUpsample(2, 3, 7);
        double[] x = {1, 2, 3, 10, 20, 30};
        double[] y = new double[14];
        up.forward(x, y, 1);
        // torch: index floor(j * 3 / 7) = 0,0,0,1,1,2,2
        assertEquals(java.util.List.of(1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 10.0, 10.0, 10.0, 20.0, 20.0, 30.0, 30.0),
                java.util.Arrays.stream(y).boxed().toList());
        double[] gy = new double[14];
        java.util.Arrays.fill(gy, 1);
        double[] gx = new double[6];
        up.backwardInput(x, gy, gx, 1);
        assertEquals(java.util.List.of(3.0, 2.0, 2.0, 3.0, 2.0, 2.0), java.util.Arrays.stream(gx).boxed().toList());
    }

    @Test
    void outputBiasStartsAtTheGivenRates() {
        for (Generator.Kind k : Generator.Kind.values()) {
            Generator g = new Generator(k, 3, 6, 4, 2);
            g.initialize(new SplittableRandom(1));
            java.util.Arrays.fill(g.params(), 0);
            g.initializeOutputBias(new double[] {0.1, 0.2, 0.5});
            Generator.Workspace w = g.workspace(1);
            g.forward(w, 1);
            for (int i = 0; i < 3; i++) {
                double p = 1 / (1 + Math.exp(-w.logits()[i * 6 + 2]));
                assertEquals(new double[] {0.1, 0.2, 0.5}[i], p, 1e-12, k.id());
            }
        }
    }
}
