package org.spiqgan.nn;

import java.util.random.RandomGenerator;

/**
 * {@code y = W x + b} with W stored row-major as {@code [out][in]} followed by b (PyTorch's order),
 * so a flat parameter vector equals {@code torch.cat([p.flatten() for p in linear.parameters()])}.
 */
public final class Linear extends Affine {

    public Linear(int in, int out) {
        super(in, out);
        allocate();
    }

    @Override
    public int parameterCount() {
        return outSize * inSize + outSize;
    }

    private int biasOffset() {
        return off + outSize * inSize;
    }

    @Override
    public void initialize(RandomGenerator rng) {
        double bound = 1.0 / Math.sqrt(inSize);
        for (int k = 0; k < parameterCount(); k++) p[off + k] = bound * (2.0 * rng.nextDouble() - 1.0);
    }

    @Override
    public void forward(double[] x, double[] y) {
        applyLinear(x, y);
        int b = biasOffset();
        for (int o = 0; o < outSize; o++) y[o] += p[b + o];
    }

    @Override
    public void applyLinear(double[] x, double[] y) {
        Kernels.matVec(p, off, outSize, inSize, x, 0, y, 0, 1);
    }

    @Override
    public void applyTranspose(double[] gy, double[] gx) {
        for (int i = 0; i < inSize; i++) gx[i] = 0.0;
        Kernels.matTVecAdd(p, off, outSize, inSize, gy, 0, 1, gx, 0);
    }

    @Override
    public void accumulateGrad(double[] x, double[] gy, double[] target, boolean withBias) {
        int n = inSize;
        for (int o = 0; o < outSize; o++) Kernels.axpy(gy[o], x, 0, target, off + o * n, n);
        if (withBias) {
            int b = biasOffset();
            for (int o = 0; o < outSize; o++) target[b + o] += gy[o];
        }
    }

    @Override
    public String toString() {
        return "Linear(" + inSize + ", " + outSize + ")";
    }
}
