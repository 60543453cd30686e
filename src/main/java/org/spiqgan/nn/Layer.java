package org.spiqgan.nn;

import java.util.random.RandomGenerator;

/**
 * One layer of a feed-forward network, acting on m samples stored back to back from index 0 of the
 * given arrays (the single-sample overloads use m = 1). The caller owns all buffers; the layer keeps
 * no per-call state except per-thread scratch, so it is safe to share between threads.
 *
 * <p>Besides the usual forward and backward passes a layer provides what double backpropagation
 * needs: the tangent map {@code yd = J(x) xd} and the reverse pass through the pair (forward, tangent).
 */
public abstract class Layer implements Parameters {

    private static final double[] NONE = new double[0];

    protected final int inSize;
    protected final int outSize;
    protected double[] p = NONE;
    protected double[] g = NONE;
    protected int off;

    protected Layer(int inSize, int outSize) {
        if (inSize <= 0 || outSize <= 0) {
            throw new IllegalArgumentException("layer sizes must be positive: " + inSize + " -> " + outSize);
        }
        this.inSize = inSize;
        this.outSize = outSize;
    }

    public final int inSize() {
        return inSize;
    }

    public final int outSize() {
        return outSize;
    }

    /** Own storage, for a layer used on its own. */
    protected final void allocate() {
        bind(new double[parameterCount()], new double[parameterCount()], 0);
    }

    /** Makes this layer a view of {@code [offset, offset + parameterCount())} of shared arrays. */
    public void bind(double[] params, double[] grads, int offset) {
        if (offset < 0 || offset + parameterCount() > params.length || params.length != grads.length) {
            throw new IllegalArgumentException("parameter arrays too small for the layer");
        }
        this.p = params;
        this.g = grads;
        this.off = offset;
    }

    @Override
    public double[] params() {
        return p;
    }

    @Override
    public double[] grads() {
        return g;
    }

    @Override
    public int offset() {
        return off;
    }

    /** PyTorch-default initialisation; layers without parameters ignore it. */
    public void initialize(RandomGenerator rng) {}

    /** {@code y = f(x)} for m samples stored back to back (strides inSize and outSize). */
    public abstract void forward(double[] x, double[] y, int m);

    /** {@code gx = J(x)^T gy} per sample, overwriting {@code gx}. */
    public abstract void backwardInput(double[] x, double[] gy, double[] gx, int m);

    /**
     * Adds the parameter gradient {@code sum_s (dy_s/dtheta)^T gy_s} into {@code target}, using this
     * layer's offset into it, samples in order. With {@code withBias == false} the bias part is skipped
     * (the tangent path of double backpropagation does not depend on biases).
     */
    public abstract void accumulateGrad(double[] x, double[] gy, double[] target, boolean withBias, int m);

    /** {@code yd = J(x) xd} per sample. */
    public abstract void tangent(double[] x, double[] xd, double[] yd, int m);

    /**
     * Reverse pass through {@code (y, yd) = (f(x), J(x) xd)}, per sample: given the adjoints {@code ay}
     * of y and {@code ty} of yd, adds the parameter adjoints into {@code target} and, when
     * {@code needInput}, writes the adjoints {@code ax} of x and {@code tx} of xd. {@code ayLive == false}
     * means ay is known to be zero (it stays zero through piecewise-linear networks, which saves half
     * the work).
     *
     * @return whether {@code ax} is live (possibly non-zero)
     */
    public abstract boolean secondOrderBackward(
            double[] x, double[] xd, double[] ay, double[] ty, boolean ayLive,
            double[] ax, double[] tx, double[] target, boolean needInput, int m);

    public final void forward(double[] x, double[] y) {
        forward(x, y, 1);
    }

    public final void backwardInput(double[] x, double[] gy, double[] gx) {
        backwardInput(x, gy, gx, 1);
    }

    public final void accumulateGrad(double[] x, double[] gy, double[] target, boolean withBias) {
        accumulateGrad(x, gy, target, withBias, 1);
    }

    public final void tangent(double[] x, double[] xd, double[] yd) {
        tangent(x, xd, yd, 1);
    }

    /** A short description such as {@code Linear(300, 128)}. */
    @Override
    public abstract String toString();
}
