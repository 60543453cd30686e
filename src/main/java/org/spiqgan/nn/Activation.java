package org.spiqgan.nn;

/** An elementwise activation {@code y_i = s(x_i)} without parameters. */
public abstract class Activation extends Layer {

    protected Activation(int size) {
        super(size, size);
    }

    @Override
    public final int parameterCount() {
        return 0;
    }

    /** True when s'' is zero almost everywhere (piecewise-linear activations). */
    public abstract boolean piecewiseLinear();

    public abstract double value(double x);

    public abstract double derivative(double x);

    public abstract double secondDerivative(double x);

    @Override
    public void forward(double[] x, double[] y, int m) {
        int n = m * outSize;
        for (int i = 0; i < n; i++) y[i] = value(x[i]);
    }

    @Override
    public void backwardInput(double[] x, double[] gy, double[] gx, int m) {
        int n = m * outSize;
        for (int i = 0; i < n; i++) gx[i] = gy[i] * derivative(x[i]);
    }

    @Override
    public final void accumulateGrad(double[] x, double[] gy, double[] target, boolean withBias, int m) {}

    @Override
    public void tangent(double[] x, double[] xd, double[] yd, int m) {
        int n = m * outSize;
        for (int i = 0; i < n; i++) yd[i] = derivative(x[i]) * xd[i];
    }

    @Override
    public boolean secondOrderBackward(
            double[] x, double[] xd, double[] ay, double[] ty, boolean ayLive,
            double[] ax, double[] tx, double[] target, boolean needInput, int m) {
        boolean curved = !piecewiseLinear();
        if (!needInput) return ayLive || curved;
        int n = m * outSize;
        for (int i = 0; i < n; i++) {
            double d = derivative(x[i]);
            tx[i] = ty[i] * d;
            double a = ayLive ? ay[i] * d : 0.0;
            if (curved) a += ty[i] * secondDerivative(x[i]) * xd[i];
            ax[i] = a;
        }
        return ayLive || curved;
    }
}
