package org.spiqgan.model;

import java.util.SplittableRandom;
import org.spiqgan.quantum.Angle;
import org.spiqgan.quantum.Circuit;

/**
 * SPEC 3b, the autoregressive patch: the {@link ReuploadingAnsatz} with, before each layer's noise encoding,
 * RY(u_{j,q} pi x_{t-1,q}) on every data qubit q, which feeds the group's previous pattern back. The
 * feedback weights u follow the base parameters ({@code base.paramCount() + j * |group| + q}, starting at 0,
 * so training starts from the plain model) and x_{t-1,q} follows the latent ({@code base.inputCount() + q}).
 */
public final class FeedbackAnsatz implements Ansatz {
    private final ReuploadingAnsatz base;
    private final int dataQubits;

    public FeedbackAnsatz(ReuploadingAnsatz base, int dataQubits) {
        if (dataQubits < 1 || dataQubits > base.qubits()) throw new IllegalArgumentException("data qubits must be in 1.." + base.qubits());
        this.base = base;
        this.dataQubits = dataQubits;
    }

    public ReuploadingAnsatz base() { return base; }

    @Override
    public int qubits() { return base.qubits(); }

    @Override
    public int layers() { return base.layers(); }

    @Override
    public int paramCount() { return base.paramCount() + base.layers() * dataQubits; }

    @Override
    public int inputCount() { return base.inputCount() + dataQubits; }

    /** The base's start, feedback weights 0. */
    @Override
    public double[] initialParams(SplittableRandom rng, double spread) {
        return java.util.Arrays.copyOf(base.initialParams(rng, spread), paramCount());
    }

    @Override
    public Circuit build() {
        int m = dataQubits, u0 = base.paramCount(), x0 = base.inputCount();
        Circuit.Builder b = Circuit.builder(base.qubits()).params(paramCount()).inputs(inputCount());
        for (int j = 0; j < base.layers(); j++) {
            for (int q = 0; q < m; q++) b.ry(q, Angle.product(u0 + j * m + q, x0 + q, Math.PI));
            base.appendLayer(b, j);
        }
        return b.build();
    }

    @Override
    public String toString() { return base + " feedback"; }
}
