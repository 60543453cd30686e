package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.nn.BatchExecutor;

/**
 * The patch generator's batch-major lane path gives the per-item path's bits (tolerance 0) for readouts
 * and gradients, plain and autoregressive, with ancillas and with a batch that does not fill the last
 * chunk, on 1, 2 and 3 threads.
 */
class PatchLanePathTest {

    private static GeneratorConfig config(boolean autoregressive, int ancillas, GeneratorConfig.Sampling sampling) {
        return new GeneratorConfig(5, 3, 2, 3, ancillas, true, ReuploadingAnsatz.Encoding.RY,
                ReuploadingAnsatz.Latent.SHARED, ReuploadingAnsatz.Rotations.RZ_RY_RZ,
                ReuploadingAnsatz.Entangler.CNOT, false, false, sampling, Math.PI, autoregressive);
    }

    @Test
    void lanePathIsBitwiseThePerItemPathOnAnyThreadCount() {
        for (boolean ar : new boolean[] {false, true}) {
            for (GeneratorConfig.Sampling s : GeneratorConfig.Sampling.values()) {
                GeneratorConfig cfg = config(ar, ar ? 0 : 1, s);
                PatchGenerator items = new PatchGenerator(cfg, false), lanes = new PatchGenerator(cfg, true);
                assertEquals(0, items.lanes());
                assertTrue(lanes.lanes() > 0);
                assertEquals(0, new PatchGenerator(cfg).lanes(), "the default is the per-item path");
                assertTrue(lanes.laneGradients());
                int batch = lanes.lanes() + 5; // one full and one partial chunk
                double[] theta = items.initialParams(new SplittableRandom(4));
                double[] z = items.drawLatent(new SplittableRandom(9), batch);
                double[][] cot = items.newReadoutArrays(batch);
                SplittableRandom r = new SplittableRandom(11);
                for (double[] c : cot) for (int k = 0; k < c.length; k++) c[k] = r.nextDouble(-1, 1);
                Result ref = run(items, theta, z, batch, cot, BatchExecutor.serial());
                for (int threads = 1; threads <= 3; threads++) {
                    BatchExecutor ex = threads == 1 ? BatchExecutor.serial() : new BatchExecutor(threads);
                    Result got = run(lanes, theta, z, batch, cot, ex);
                    String what = "autoregressive=" + ar + " " + s + " threads=" + threads;
                    for (int p = 0; p < ref.readout.length; p++) assertArrayEquals(ref.readout[p], got.readout[p], 0.0, what);
                    assertArrayEquals(ref.grad, got.grad, 0.0, what);
                    assertEquals(Double.doubleToLongBits(ref.loss), Double.doubleToLongBits(got.loss), what);
                    if (ref.gradInputs != null) {
                        for (int g = 0; g < ref.gradInputs.length; g++) assertArrayEquals(ref.gradInputs[g], got.gradInputs[g], 0.0, what);
                    }
                    if (threads > 1) ex.close();
                }
            }
        }
    }

    private record Result(double[][] readout, double[] grad, double loss, double[][] gradInputs) {}

    private static Result run(PatchGenerator gen, double[] theta, double[] z, int batch, double[][] cot, BatchExecutor ex) {
        double[][] out = gen.newReadoutArrays(batch);
        double[] grad = new double[gen.parameterCount()];
        GeneratorConfig cfg = gen.config();
        if (!gen.autoregressive()) {
            gen.readouts(theta, z, batch, out, ex);
            double loss = gen.gradient(theta, z, batch, cot, grad, ex);
            return new Result(out, grad, loss, null);
        }
        int groups = cfg.groups();
        double[][] in = new double[groups][], gin = new double[groups][];
        SplittableRandom r = new SplittableRandom(3);
        for (int g = 0; g < groups; g++) {
            in[g] = new double[batch * gen.inputWidth(g)];
            for (int k = 0; k < in[g].length; k++) in[g][k] = r.nextDouble();
            gin[g] = new double[in[g].length];
        }
        double[][] allGin = new double[groups * cfg.timesteps()][];
        for (int t = cfg.timesteps() - 1; t >= 0; t--) {
            gen.readoutsAt(theta, t, in, batch, out, ex);
            gen.gradientAt(theta, t, in, batch, cot, grad, gin, ex);
            for (int g = 0; g < groups; g++) allGin[g * cfg.timesteps() + t] = gin[g].clone();
        }
        return new Result(out, grad, 0, allGin);
    }
}
