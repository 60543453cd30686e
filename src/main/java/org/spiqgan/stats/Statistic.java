package org.spiqgan.stats;

/**
 * One compared statistic of spike windows (SPEC.md section 5): how far a model's {@link Statistics} are
 * from the reference's. Tables, JSON, figures and validation scores iterate the registered statistics
 * ({@link Comparison.Error}), so a new statistic computable from the accumulated moments is one class
 * implementing this plus one line in {@link Comparison.Error}.
 */
public interface Statistic {
    /** The error of {@code model} against {@code reference} (NaN when it cannot be computed, see {@link #unavailable}). */
    double error(Statistics model, Statistics reference);

    /** Why the error cannot be computed for these statistics, or null when it can. */
    default String unavailable(Statistics model, Statistics reference) { return null; }
}
