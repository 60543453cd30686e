package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;

/** Central finite differences and the error measure the gradient tests use. */
final class Fd {

    private Fd() {}

    /** d f / d values[index] by central differences, restoring the value afterwards. */
    static double derivative(double[] values, int index, double h, DoubleSupplier f) {
        double saved = values[index];
        values[index] = saved + h;
        double plus = f.getAsDouble();
        values[index] = saved - h;
        double minus = f.getAsDouble();
        values[index] = saved;
        return (plus - minus) / (2.0 * h);
    }

    /** max |a - b| / max |b| (b is the reference; an all-zero reference compares absolutely). */
    static double relativeError(double[] a, double[] b) {
        double diff = 0.0, scale = 0.0;
        for (int i = 0; i < b.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0.0 ? diff : diff / scale;
    }

    static void assertClose(double[] actual, double[] reference, double tol, String what) {
        double err = relativeError(actual, reference);
        assertTrue(err < tol, what + ": relative error " + err + " >= " + tol);
    }
}
