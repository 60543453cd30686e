package org.spiqgan.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The arithmetic rate this JVM reaches on a plain loop, to put the simulator's GFLOP/s in context:
 * a real 2x2 rotation of two arrays of 2^n doubles (6 FLOP per element pair, no data dependence between
 * iterations), repeated 5 n times as the sub-generator's layers touch the state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlainLoopBench {

    @Param({"12"})
    public int n;

    double[] x;
    double[] y;

    @Setup
    public void setUp() {
        x = new double[1 << n];
        y = new double[1 << n];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
            y[i] = Math.cos(i);
        }
    }

    /** FLOP per call: 6 * 2^n * 5 * n. */
    @Benchmark
    public double rotate() {
        double c = Math.cos(1e-3), s = Math.sin(1e-3);
        double[] a = x, b = y;
        int reps = 5 * n;
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < a.length; i++) {
                double u = a[i], v = b[i];
                a[i] = c * u - s * v;
                b[i] = s * u + c * v;
            }
        }
        return a[0];
    }
}
