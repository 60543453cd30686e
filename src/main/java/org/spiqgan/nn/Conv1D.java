package org.spiqgan.nn;

import java.util.random.RandomGenerator;

/**
 * One-dimensional convolution (cross-correlation, as PyTorch's {@code Conv1d}) of an input laid out
 * {@code [channelsIn][length]} into {@code [channelsOut][outLength]}, with zero padding on both sides:
 * {@code y[co][t] = b[co] + sum_{ci,k} W[co][ci][k] x[ci][t*stride - padding + k]}. Parameters: W as
 * {@code [out][in][kernel]} then b, PyTorch's order.
 */
public final class Conv1D extends Affine {

    private final int cin;
    private final int cout;
    private final int length;
    private final int outLength;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int cinK;
    // Per-thread unfolded input ("im2col"), [sample][outLength][cin * kernel]: turns the convolution
    // into dense matrix-vector products with long contiguous inner loops. Grown on demand.
    private final ThreadLocal<double[]> columns;

    public Conv1D(int channelsIn, int length, int channelsOut, int kernel, int stride, int padding) {
        super(channelsIn * length, channelsOut * outLength(length, kernel, stride, padding));
        if (kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("bad convolution geometry: kernel " + kernel + ", stride "
                    + stride + ", padding " + padding);
        }
        this.cin = channelsIn;
        this.cout = channelsOut;
        this.length = length;
        this.outLength = outLength(length, kernel, stride, padding);
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.cinK = channelsIn * kernel;
        this.columns = new ThreadLocal<>();
        allocate();
    }

    /** PyTorch's output length {@code floor((L + 2P - K) / S) + 1}. */
    public static int outLength(int length, int kernel, int stride, int padding) {
        int span = length + 2 * padding - kernel;
        if (length <= 0 || stride <= 0 || span < 0) {
            throw new IllegalArgumentException("input length " + length + " too short for kernel " + kernel
                    + " with padding " + padding);
        }
        return span / stride + 1;
    }

    public int channelsIn() {
        return cin;
    }

    public int channelsOut() {
        return cout;
    }

    public int length() {
        return length;
    }

    public int outLength() {
        return outLength;
    }

    @Override
    public int parameterCount() {
        return cout * cin * kernel + cout;
    }

    private int biasOffset() {
        return off + cout * cin * kernel;
    }

    @Override
    public void initialize(RandomGenerator rng) {
        double bound = 1.0 / Math.sqrt((double) cin * kernel);
        for (int k = 0; k < parameterCount(); k++) p[off + k] = bound * (2.0 * rng.nextDouble() - 1.0);
    }

    private double[] columns(int m) {
        double[] col = columns.get();
        if (col == null || col.length < m * outLength * cinK) {
            col = new double[Math.max(m, BatchExecutor.CHUNK) * outLength * cinK];
            columns.set(col);
        }
        return col;
    }

    /** {@code col[s][t][ci*K + k] = x[s][ci][t*stride - padding + k]}, zero outside the input. */
    private void unfold(double[] x, double[] col, int m) {
        for (int s = 0; s < m; s++) {
            int xs = s * inSize;
            for (int t = 0; t < outLength; t++) {
                int base = (s * outLength + t) * cinK;
                int start = t * stride - padding;
                for (int ci = 0; ci < cin; ci++) {
                    int xo = xs + ci * length;
                    int co = base + ci * kernel;
                    for (int k = 0; k < kernel; k++) {
                        int pos = start + k;
                        col[co + k] = pos >= 0 && pos < length ? x[xo + pos] : 0.0;
                    }
                }
            }
        }
    }

    @Override
    public void forward(double[] x, double[] y, int m) {
        applyLinear(x, y, m);
        int b = biasOffset();
        for (int s = 0; s < m; s++) {
            for (int co = 0; co < cout; co++) {
                double bias = p[b + co];
                int yo = s * outSize + co * outLength;
                for (int t = 0; t < outLength; t++) y[yo + t] += bias;
            }
        }
    }

    @Override
    public void applyLinear(double[] x, double[] y, int m) {
        double[] col = columns(m);
        unfold(x, col, m);
        for (int s = 0; s < m; s++) {
            Kernels.matVecs(p, off, cout, cinK, col, s * outLength * cinK, cinK, outLength, y, s * outSize, 1, outLength);
        }
    }

    @Override
    public void applyTranspose(double[] gy, double[] gx, int m) {
        double[] col = columns(m);
        java.util.Arrays.fill(col, 0, m * outLength * cinK, 0.0);
        for (int s = 0; s < m; s++) {
            Kernels.matTVecsAdd(p, off, cout, cinK, gy, s * outSize, 1, outLength, outLength, col, s * outLength * cinK, cinK);
        }
        fold(col, gx, m);
    }

    /** The adjoint of {@link #unfold}: {@code gx[s][ci][t*stride - padding + k] += col[s][t][ci*K + k]}. */
    private void fold(double[] col, double[] gx, int m) {
        java.util.Arrays.fill(gx, 0, m * inSize, 0.0);
        for (int s = 0; s < m; s++) {
            int xs = s * inSize;
            for (int t = 0; t < outLength; t++) {
                int base = (s * outLength + t) * cinK;
                int start = t * stride - padding;
                for (int ci = 0; ci < cin; ci++) {
                    int xo = xs + ci * length;
                    int co = base + ci * kernel;
                    for (int k = 0; k < kernel; k++) {
                        int pos = start + k;
                        if (pos >= 0 && pos < length) gx[xo + pos] += col[co + k];
                    }
                }
            }
        }
    }

    @Override
    public void accumulateGrad(double[] x, double[] gy, double[] target, boolean withBias, int m) {
        double[] col = columns(m);
        unfold(x, col, m);
        for (int co = 0; co < cout; co++) {
            int wo = off + co * cinK;
            for (int s = 0; s < m; s++) {
                int yo = s * outSize + co * outLength;
                int cs = s * outLength * cinK;
                for (int t = 0; t < outLength; t++) Kernels.axpy(gy[yo + t], col, cs + t * cinK, target, wo, cinK);
            }
        }
        if (withBias) {
            int b = biasOffset();
            for (int co = 0; co < cout; co++) {
                double sum = target[b + co];
                for (int s = 0; s < m; s++) {
                    int yo = s * outSize + co * outLength;
                    for (int t = 0; t < outLength; t++) sum += gy[yo + t];
                }
                target[b + co] = sum;
            }
        }
    }

    @Override
    public String toString() {
        return "Conv1D(" + cin + "x" + length + " -> " + cout + "x" + outLength + ", kernel " + kernel
                + ", stride " + stride + ", padding " + padding + ")";
    }
}
