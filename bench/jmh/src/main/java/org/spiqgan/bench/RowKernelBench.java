package org.spiqgan.bench;

import java.util.SplittableRandom;
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
import org.spiqgan.quantum.RealBatchKernels;
import org.spiqgan.quantum.RealRowKernels;

/**
 * One layer of the stationary generator's circuit (10 qubits, 32 lanes: RY plus the multiplexed block of
 * every target, the all-pairs CRY tables) forward and adjoint, on the flat batch-major layout
 * ({@link RealBatchKernels}, one array, amplitude b of lane k at b * 32 + k) against the row layout
 * ({@link RealRowKernels}, one array per basis index), which performs the same arithmetic.
 * One thread; time per layer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RowKernelBench {
    static final int N = 10, LANES = 32;

    double[] flatPsi, flatLam, flatC, flatS, flatGrad, tableGrad, flatScratch;
    double[][] psi, lam, c, s, grad, scratch;
    double[][] cosT, sinT;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        flatPsi = new double[LANES << N];
        flatLam = new double[LANES << N];
        psi = RealRowKernels.state(N, LANES);
        lam = RealRowKernels.state(N, LANES);
        for (int b = 0; b < 1 << N; b++) {
            for (int k = 0; k < LANES; k++) {
                flatPsi[b * LANES + k] = psi[b][k] = r.nextDouble() - 0.5;
                flatLam[b * LANES + k] = lam[b][k] = r.nextDouble() - 0.5;
            }
        }
        flatC = new double[N * LANES];
        flatS = new double[N * LANES];
        c = new double[N][LANES];
        s = new double[N][LANES];
        for (int q = 0; q < N; q++) {
            for (int k = 0; k < LANES; k++) {
                double a = r.nextDouble() * Math.PI;
                flatC[q * LANES + k] = c[q][k] = Math.cos(a / 2);
                flatS[q * LANES + k] = s[q][k] = Math.sin(a / 2);
            }
        }
        cosT = new double[N][];
        sinT = new double[N][];
        for (int q = 1; q < N; q++) {
            cosT[q] = new double[1 << q];
            sinT[q] = new double[1 << q];
            for (int i = 0; i < 1 << q; i++) {
                double a = r.nextDouble() * Math.PI;
                cosT[q][i] = Math.cos(a / 2);
                sinT[q][i] = Math.sin(a / 2);
            }
        }
        flatGrad = new double[N * LANES];
        grad = new double[N][LANES];
        tableGrad = new double[1 << (N - 1)];
        flatScratch = new double[LANES << (N - 1)];
        scratch = new double[4][LANES];
    }

    @Benchmark
    public double[] forwardFlat() {
        for (int q = 0; q < N; q++) RealBatchKernels.ryMultiplexed(flatPsi, N, LANES, q, flatC, flatS, q * LANES, cosT[q], sinT[q], flatScratch);
        return flatPsi;
    }

    @Benchmark
    public double[][] forwardRows() {
        for (int q = 0; q < N; q++) RealRowKernels.ryMultiplexed(psi, N, LANES, q, c[q], s[q], cosT[q], sinT[q], scratch);
        return psi;
    }

    @Benchmark
    public double[] adjointFlat() {
        for (int q = N - 1; q >= 0; q--) {
            RealBatchKernels.ryMultiplexedAdjoint(flatPsi, flatLam, N, LANES, q, flatC, flatS, q * LANES, cosT[q], sinT[q], flatGrad, q * LANES,
                    tableGrad, flatScratch);
        }
        return flatGrad;
    }

    @Benchmark
    public double[][] adjointRows() {
        for (int q = N - 1; q >= 0; q--) {
            RealRowKernels.ryMultiplexedAdjoint(psi, lam, N, LANES, q, c[q], s[q], cosT[q], sinT[q], grad[q], tableGrad, scratch);
        }
        return grad;
    }
}
