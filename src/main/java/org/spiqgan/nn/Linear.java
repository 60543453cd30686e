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
    public void forward(double[] x, double[] y, int m) {
        applyLinear(x, y, m);
        int b = biasOffset();
        for (int s = 0; s < m; s++) {
            int yo = s * outSize;
            for (int o = 0; o < outSize; o++) y[yo + o] += p[b + o];
        }
    }

    @Override
    public void applyLinear(double[] x, double[] y, int m) {
        Kernels.matVecs(p, off, outSize, inSize, x, 0, inSize, m, y, 0, outSize, 1);
    }

    @Override
    public void applyTranspose(double[] gy, double[] gx, int m) {
        java.util.Arrays.fill(gx, 0, m * inSize, 0.0);
        Kernels.matTVecsAdd(p, off, outSize, inSize, gy, 0, outSize, 1, m, gx, 0, inSize);
    }

    @Override
    public void accumulateGrad(double[] x, double[] gy, double[] target, boolean withBias, int m) {
        int n = inSize;
        // row outer, samples inner: the gradient row stays in L1 while every sample adds to it
        for (int o = 0; o < outSize; o++) {
            int row = off + o * n;
            for (int s = 0; s < m; s++) Kernels.axpy(gy[s * outSize + o], x, s * n, target, row, n);
        }
        if (withBias) {
            int b = biasOffset();
            for (int o = 0; o < outSize; o++) {
                double sum = target[b + o];
                for (int s = 0; s < m; s++) sum += gy[s * outSize + o];
                target[b + o] = sum;
            }
        }
    }

    @Override
    public String toString() {
        return "Linear(" + inSize + ", " + outSize + ")";
    }
}
