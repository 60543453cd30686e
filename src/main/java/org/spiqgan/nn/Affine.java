package org.spiqgan.nn;

/**
 * A layer affine in its input, {@code y = A x + b}: its Jacobian does not depend on x, so the tangent
 * map is the linear part and the input adjoint is the transpose.
 */
public abstract class Affine extends Layer {

    protected Affine(int inSize, int outSize) {
        super(inSize, outSize);
    }

    /** {@code y = A x} (no bias) per sample. */
    public abstract void applyLinear(double[] x, double[] y, int m);

    /** {@code gx = A^T gy} per sample, overwriting gx. */
    public abstract void applyTranspose(double[] gy, double[] gx, int m);

    @Override
    public final void backwardInput(double[] x, double[] gy, double[] gx, int m) {
        applyTranspose(gy, gx, m);
    }

    @Override
    public final void tangent(double[] x, double[] xd, double[] yd, int m) {
        applyLinear(xd, yd, m);
    }

    @Override
    public final boolean secondOrderBackward(
            double[] x, double[] xd, double[] ay, double[] ty, boolean ayLive,
            double[] ax, double[] tx, double[] target, boolean needInput, int m) {
        if (ayLive) accumulateGrad(x, ay, target, true, m);
        accumulateGrad(xd, ty, target, false, m);
        if (needInput) {
            applyTranspose(ty, tx, m);
            if (ayLive) applyTranspose(ay, ax, m);
        }
        return ayLive;
    }
}
