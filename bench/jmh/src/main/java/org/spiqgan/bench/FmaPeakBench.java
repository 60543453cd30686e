package org.spiqgan.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's double-precision FMA peak as this JVM reaches it on one core: an array that fits in L1
 * (512 doubles), each element taken through 16 dependent fused multiply-adds per load and store, so the
 * loop is bound by the FMA units and not by memory (independent elements fill the pipelines; the JIT
 * vectorizes {@code Math.fma} over the array). 2 FLOP per FMA: FLOP per call = 2 * 16 * 512 * REPS.
 * The hot kernels' GFLOP/s are reported as a fraction of this number (BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FmaPeakBench {
    public static final int SIZE = 512, CHAIN = 16, REPS = 64;
    /** FLOP of one call of {@link #fma}. */
    public static final long FLOP = 2L * CHAIN * SIZE * REPS;

    double[] a;
    double m = 0.999_999, c = 1e-7;

    @Setup
    public void setUp() {
        a = new double[SIZE];
        for (int i = 0; i < SIZE; i++) a[i] = 1 + i * 1e-3;
    }

    @Benchmark
    public double fma() {
        double[] x = a;
        double mm = m, cc = c;
        for (int r = 0; r < REPS; r++) {
            for (int i = 0; i < SIZE; i++) {
                double v = x[i];
                v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc);
                v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc);
                v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc);
                v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc); v = Math.fma(v, mm, cc);
                x[i] = v;
            }
        }
        return x[0];
    }
}
