package org.spiqgan.nn;

/**
 * A layer affine in its input, {@code y = A x + b}: its Jacobian does not depend on x, so the tangent
 * map is the linear part and the input adjoint is the transpose.
 */
public abstract class Affine extends Layer {

    protected Affine(int inSize, int outSize) {
        super(inSize, outSize);
    }

    /** {@code y = A x} (no bias). */
    public abstract void applyLinear(double[] x, double[] y);

    /** {@code gx = A^T gy}, overwriting gx. */
    public abstract void applyTranspose(double[] gy, double[] gx);

    @Override
    public final void backwardInput(double[] x, double[] gy, double[] gx) {
        applyTranspose(gy, gx);
    }

    @Override
    public final void tangent(double[] x, double[] xd, double[] yd) {
        applyLinear(xd, yd);
    }

    @Override
    public final boolean secondOrderBackward(
            double[] x, double[] xd, double[] ay, double[] ty, boolean ayLive,
            double[] ax, double[] tx, double[] target, boolean needInput) {
        if (ayLive) accumulateGrad(x, ay, target, true);
        accumulateGrad(xd, ty, target, false);
        if (needInput) {
            applyTranspose(ty, tx);
            if (ayLive) applyTranspose(ay, ax);
        }
        return ayLive;
    }
}
