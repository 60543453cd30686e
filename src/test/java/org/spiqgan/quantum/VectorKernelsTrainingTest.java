package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.SpiqganCli;
import org.spiqgan.model.ModelFile;

/**
 * Patch-model training with the vector kernels: bitwise the same on 1, 2 and 3 threads (every item gets the same
 * kernels, so the thread count only changes who computes what), and close to the scalar kernels' training
 * (reassociation only; a few steps of a 6-qubit model, so qubits below and above the lane count both run).
 */
class VectorKernelsTrainingTest {
    @TempDir
    static Path dir;

    private static ModelFile train(String name, int threads) {
        Path d = dir.resolve(name);
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = SpiqganCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("train", "--model", "patch", "--synthetic", "--neurons", "top:6", "--timesteps", "2",
                "--group-size", "6", "--layers", "2", "--batch", "12", "--steps", "3", "--pretrain", "2",
                "--eval-every", "2", "--validation-samples", "50", "--critic", "mlp:8", "--threads",
                Integer.toString(threads), "--quiet", "--out", d.toString());
        assertEquals(0, code, err.toString());
        return ModelFile.read(d);
    }

    @Test
    void trainingWithTheVectorKernelsIsBitwiseIndependentOfTheThreadCount() {
        StateKernels old = KernelChoice.use(KernelChoice.vectorKernels());
        ModelFile[] m = new ModelFile[3];
        try {
            for (int t = 1; t <= 3; t++) m[t - 1] = train("vector" + t, t);
        } finally {
            KernelChoice.use(old);
        }
        for (int t = 2; t <= 3; t++) {
            assertArrayEquals(m[0].state.theta, m[t - 1].state.theta, 0.0, t + " threads");
            assertArrayEquals(m[0].state.critic, m[t - 1].state.critic, 0.0, t + " threads");
        }
        // The same training with the scalar kernels: not the same bits (so the vector kernels did run), but close.
        KernelChoice.use(StateKernels.SCALAR);
        ModelFile s = train("scalar", 2);
        KernelChoice.use(old);
        assertFalse(Arrays.equals(s.state.theta, m[0].state.theta), "the vector kernels ran");
        double diff = 0, scale = 0;
        for (int k = 0; k < s.state.theta.length; k++) {
            diff = Math.max(diff, Math.abs(s.state.theta[k] - m[0].state.theta[k]));
            scale = Math.max(scale, Math.abs(s.state.theta[k]));
        }
        assertTrue(diff <= 1e-9 * Math.max(1, scale), "parameters moved by " + diff);
    }
}
