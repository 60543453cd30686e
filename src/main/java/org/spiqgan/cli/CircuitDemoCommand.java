package org.spiqgan.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.spiqgan.quantum.BatchSimulator;
import org.spiqgan.quantum.Circuit;
import org.spiqgan.quantum.Qasm;
import org.spiqgan.quantum.Readout;
import org.spiqgan.model.ReuploadingAnsatz;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spiqgan circuit demo}: a tour of the simulator on one SpiQGAN sub-generator circuit (n = 4 qubits,
 * l = 5 layers, random parameters, seed 1). It was the first quickstart, before the GAN existed.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Demo: run a SpiQGAN sub-generator circuit (random parameters) on a batch of latent vectors.")
public final class CircuitDemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReuploadingAnsatz g = ReuploadingAnsatz.of(4, 5);
        Circuit c = g.build();
        SplittableRandom rng = new SplittableRandom(1);
        double[] params = g.initialParams(rng);
        int batch = 64;
        double[][] z = new double[batch][g.inputCount()];
        for (double[] row : z) {
            for (int k = 0; k < row.length; k++) row[k] = Math.PI * rng.nextDouble();
        }
        out.println(g);
        out.printf(Locale.ROOT, "trainable parameters: %d (= %d layers x %d qubits x %d), latent inputs: %d%n",
                g.paramCount(), g.layers(), g.qubits(), g.perQubit(), g.inputCount());
        out.printf(Locale.ROOT, "gates: %d, state-vector passes after fusion: %d%n", c.ops().size(),
                c.fusedInstructionCount());
        try (BatchSimulator sim = new BatchSimulator(c)) {
            double[][] marg = sim.read(params, z, Readout.marginals());
            double[][] ham = sim.read(params, z, Readout.hamming());
            out.printf(Locale.ROOT, "batch of %d latent vectors z ~ U[0, pi)^%d, %d threads%n", batch, g.inputCount(),
                    sim.threads());
            for (int b = 0; b < 3; b++) {
                out.printf(Locale.ROOT, "  z[%d] marginals P(q=1): %s  Hamming weight: %s%n", b, vec(marg[b]), vec(ham[b]));
            }
            // Loss: mean firing probability over the batch; its gradient by one adjoint sweep per item.
            double[][] cot = new double[batch][g.qubits()];
            for (double[] row : cot) java.util.Arrays.fill(row, 1.0 / (batch * g.qubits()));
            double[] grad = new double[c.paramCount()];
            double[][] gz = new double[batch][g.inputCount()];
            double loss = sim.gradient(params, z, Readout.marginals(), cot, null, grad, gz);
            double norm = 0;
            for (double v : grad) norm += v * v;
            out.printf(Locale.ROOT, "mean P(spike) over the batch: %.6f, |d/dparams| = %.6f (adjoint)%n", loss,
                    Math.sqrt(norm));
            long[][] shots = new long[1][8];
            sim.sample(params, new double[][] {z[0]}, null, 8, 1, shots);
            StringBuilder sb = new StringBuilder();
            for (long s : shots[0]) sb.append(' ').append(CircuitCommand.bits(s, g.qubits()));
            out.println("8 shots for z[0] (spike patterns, qubit 0 rightmost):" + sb);
        }
        out.println();
        out.println("OpenQASM 3 of this sub-generator (latent z as inputs, parameters bound):");
        out.print(Qasm.toQasm3(c, params));
        out.flush();
        return 0;
    }

    private static String vec(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", v[i]));
        return sb.append(']').toString();
    }
}
