package org.spiqgan.nn;

/** {@code y = x} for x &gt; 0, {@code slope * x} otherwise (at 0 the slope branch, as PyTorch). */
public final class LeakyReLU extends Activation {

    private final double slope;

    public LeakyReLU(int size, double slope) {
        super(size);
        this.slope = slope;
    }

    public double slope() {
        return slope;
    }

    @Override
    public boolean piecewiseLinear() {
        return true;
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : slope * x;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : slope;
    }

    @Override
    public double secondDerivative(double x) {
        return 0.0;
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + slope + ")";
    }
}
