package org.spiqgan.nn;

/**
 * The learning rate as a function of the optimizer step t = 1, 2, ... (the step being taken):
 * <ul>
 *   <li>{@code constant}: {@code lr}</li>
 *   <li>{@code exponential(gamma)}: {@code lr * gamma^(t-1)}, decayed every step (PyTorch's
 *       {@code ExponentialLR} stepped after every optimizer step)</li>
 *   <li>{@code step(gamma, every)}: {@code lr * gamma^floor((t-1)/every)} (PyTorch's {@code StepLR} with
 *       {@code step_size = every}, stepped after every optimizer step)</li>
 * </ul>
 * A schedule is a pure function of t, so saving the step count is enough to resume it.
 */
public record LearningRateSchedule(Kind kind, double gamma, long every) {

    public enum Kind { CONSTANT, EXPONENTIAL, STEP }

    public LearningRateSchedule {
        if (kind != Kind.CONSTANT && !(gamma > 0.0 && gamma <= 1.0)) {
            throw new IllegalArgumentException("learning-rate decay factor must be in (0, 1], got " + gamma);
        }
        if (kind == Kind.STEP && every < 1) {
            throw new IllegalArgumentException("learning-rate step interval must be at least 1, got " + every);
        }
    }

    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 1.0, 1);
    }

    public static LearningRateSchedule exponential(double gamma) {
        return new LearningRateSchedule(Kind.EXPONENTIAL, gamma, 1);
    }

    /** Exponential decay that halves the rate every {@code halfLife} steps. */
    public static LearningRateSchedule halfLife(double halfLife) {
        if (!(halfLife > 0.0)) throw new IllegalArgumentException("half-life must be positive, got " + halfLife);
        return exponential(Math.pow(0.5, 1.0 / halfLife));
    }

    public static LearningRateSchedule step(double gamma, long every) {
        return new LearningRateSchedule(Kind.STEP, gamma, every);
    }

    /** The rate for step {@code t >= 1} given the base rate. */
    public double rate(double baseRate, long t) {
        switch (kind) {
            case EXPONENTIAL:
                return baseRate * Math.pow(gamma, t - 1);
            case STEP:
                return baseRate * Math.pow(gamma, (t - 1) / every);
            default:
                return baseRate;
        }
    }
}
