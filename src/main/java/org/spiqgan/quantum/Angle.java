package org.spiqgan.quantum;

import java.util.Objects;

/**
 * One angle of a gate: a constant, or {@code scale * param[i] * input[j]} where either factor may be
 * absent. Covers plain trainable angles, the latent encoding {@code z_j}, and data re-uploading with
 * trainable input weights {@code w_i * z_j}.
 */
public final class Angle {
    private final double constant;
    private final int param;
    private final int input;
    private final double scale;

    private Angle(double constant, int param, int input, double scale) {
        if (param < -1 || input < -1) throw new IllegalArgumentException("negative index");
        if (!Double.isFinite(constant) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("angle constant and scale must be finite");
        }
        this.constant = constant;
        this.param = param;
        this.input = input;
        this.scale = scale;
    }

    public static Angle constant(double value) {
        return new Angle(value, -1, -1, 1.0);
    }

    public static Angle param(int i) {
        return new Angle(0, checkIndex(i), -1, 1.0);
    }

    public static Angle param(int i, double scale) {
        return new Angle(0, checkIndex(i), -1, scale);
    }

    public static Angle input(int j) {
        return new Angle(0, -1, checkIndex(j), 1.0);
    }

    public static Angle input(int j, double scale) {
        return new Angle(0, -1, checkIndex(j), scale);
    }

    /** {@code param[i] * input[j]}: a trainable weight on an input. */
    public static Angle product(int i, int j) {
        return new Angle(0, checkIndex(i), checkIndex(j), 1.0);
    }

    public static Angle product(int i, int j, double scale) {
        return new Angle(0, checkIndex(i), checkIndex(j), scale);
    }

    private static int checkIndex(int i) {
        if (i < 0) throw new IllegalArgumentException("index must be >= 0, got " + i);
        return i;
    }

    public boolean isConstant() {
        return param < 0 && input < 0;
    }

    /** Index of the trainable parameter, or -1. */
    public int paramIndex() {
        return param;
    }

    /** Index of the input, or -1. */
    public int inputIndex() {
        return input;
    }

    public double scale() {
        return scale;
    }

    public double constantValue() {
        return constant;
    }

    public double value(double[] params, double[] inputs) {
        if (isConstant()) return constant;
        double v = scale;
        if (param >= 0) v *= params[param];
        if (input >= 0) v *= inputs[input];
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Angle)) return false;
        Angle a = (Angle) o;
        return Double.compare(constant, a.constant) == 0 && param == a.param && input == a.input
                && Double.compare(scale, a.scale) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(constant, param, input, scale);
    }

    @Override
    public String toString() {
        if (isConstant()) return Double.toString(constant);
        StringBuilder sb = new StringBuilder();
        if (scale != 1.0) sb.append(scale).append('*');
        if (param >= 0) sb.append("p").append(param);
        if (param >= 0 && input >= 0) sb.append('*');
        if (input >= 0) sb.append("z").append(input);
        return sb.toString();
    }
}
