package org.spiqgan.baseline;

import org.spiqgan.nn.Affine;

/**
 * Nearest-neighbour resizing along time of a {@code [channels][length]} signal to
 * {@code [channels][outLength]}: {@code y[c][j] = x[c][floor(j * length / outLength)]}, as PyTorch's
 * {@code Upsample(size=outLength, mode='nearest')}. Doubling is the usual case; any target length is
 * allowed so that odd window lengths need no cropping.
 */
public final class NearestUpsample extends Affine {
    private final int channels;
    private final int length;
    private final int outLength;
    private final int[] source;

    public NearestUpsample(int channels, int length, int outLength) {
        super(channels * length, channels * outLength);
        this.channels = channels;
        this.length = length;
        this.outLength = outLength;
        this.source = new int[outLength];
        for (int j = 0; j < outLength; j++) source[j] = (int) ((long) j * length / outLength);
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public void applyLinear(double[] x, double[] y, int m) {
        for (int s = 0; s < m; s++) {
            for (int c = 0; c < channels; c++) {
                int xo = s * inSize + c * length;
                int yo = s * outSize + c * outLength;
                for (int j = 0; j < outLength; j++) y[yo + j] = x[xo + source[j]];
            }
        }
    }

    @Override
    public void forward(double[] x, double[] y, int m) {
        applyLinear(x, y, m);
    }

    @Override
    public void applyTranspose(double[] gy, double[] gx, int m) {
        java.util.Arrays.fill(gx, 0, m * inSize, 0.0);
        for (int s = 0; s < m; s++) {
            for (int c = 0; c < channels; c++) {
                int xo = s * inSize + c * length;
                int yo = s * outSize + c * outLength;
                for (int j = 0; j < outLength; j++) gx[xo + source[j]] += gy[yo + j];
            }
        }
    }

    @Override
    public void accumulateGrad(double[] x, double[] gy, double[] target, boolean withBias, int m) {}

    @Override
    public String toString() {
        return "Upsample(" + channels + "x" + length + " -> " + channels + "x" + outLength + ")";
    }
}
