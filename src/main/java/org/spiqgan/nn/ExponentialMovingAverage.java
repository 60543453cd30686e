package org.spiqgan.nn;

/**
 * An exponential moving average of a parameter vector, {@code avg = decay * avg + (1 - decay) * p}
 * after every optimizer step, starting from the initial parameters (for the generator's EMA of
 * SPEC.md section 4; default decay 0.99). Its state is the average itself, a plain array.
 */
public final class ExponentialMovingAverage {

    private final double decay;
    private final double[] average;

    /** Starts the average at {@code params[offset .. offset + size)}. */
    public ExponentialMovingAverage(double decay, double[] params, int offset, int size) {
        if (!(decay >= 0.0 && decay < 1.0)) throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + decay);
        this.decay = decay;
        this.average = new double[size];
        System.arraycopy(params, offset, average, 0, size);
    }

    public ExponentialMovingAverage(double decay, Parameters p) {
        this(decay, p.params(), p.offset(), p.parameterCount());
    }

    public double decay() {
        return decay;
    }

    public void update(double[] params, int offset) {
        double a = 1.0 - decay;
        for (int k = 0; k < average.length; k++) average[k] = decay * average[k] + a * params[offset + k];
    }

    public void update(Parameters p) {
        if (p.parameterCount() != average.length) throw new IllegalArgumentException("EMA size mismatch");
        update(p.params(), p.offset());
    }

    /** The live average (do not modify; copy it to save). */
    public double[] average() {
        return average;
    }

    public void restore(double[] saved) {
        if (saved.length != average.length) {
            throw new IllegalArgumentException("EMA state has " + saved.length + " values, expected " + average.length);
        }
        System.arraycopy(saved, 0, average, 0, average.length);
    }
}
