package org.spiqgan.nn;

/** The logistic function {@code 1 / (1 + exp(-x))}. */
public final class Sigmoid extends Activation {

    public Sigmoid(int size) {
        super(size);
    }

    @Override
    public boolean piecewiseLinear() {
        return false;
    }

    @Override
    public double value(double x) {
        // Split by sign so that exp never overflows.
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    @Override
    public double derivative(double x) {
        double s = value(x);
        return s * (1.0 - s);
    }

    @Override
    public double secondDerivative(double x) {
        double s = value(x);
        return s * (1.0 - s) * (1.0 - 2.0 * s);
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
