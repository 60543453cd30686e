package org.spiqgan.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spiqgan.quantum.BatchSimulator;
import org.spiqgan.quantum.Circuit;
import org.spiqgan.quantum.Evaluator;
import org.spiqgan.quantum.Readout;
import org.spiqgan.model.ReuploadingAnsatz;

/**
 * One SpiQGAN sub-generator (SPEC.md section 3: n qubits, l = 5 re-uploading layers, RY(w z) encoding,
 * RZ RY RZ rotations, CNOT chain), as the peers in bench/peers/bench_quantum.py run it:
 * forward1 = one latent to n marginals; forward64 = 64 latents; grad64 = 64 latents, forward plus
 * adjoint gradient of sum_b dot(c, marginals_b) with respect to all parameters.
 * The *_1thread variants pin the batch to one thread, to separate parallel speed-up from kernel speed.
 * draw1 = one latent to one Born draw of all n qubits, as the patch model's generate does per circuit
 * (Evaluator.sampleCode, by the circuit's sampling plan); draw1_plain = the same draw by the plain run and a shot
 * from its state (Evaluator.sample), what generate did before the plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SubGeneratorBench {

    static final int LAYERS = 5;
    static final int BATCH = 64;

    @Param({"2", "4", "6", "8", "10", "12"})
    public int n;

    Circuit circuit;
    Evaluator evaluator;
    BatchSimulator batchAll;
    BatchSimulator batchOne;
    double[] params;
    double[] z1;
    double[][] zs;
    double[] marginals1;
    double[][] marginals64;
    double[][] cotangents;
    double[] gradParams;
    SplittableRandom drawRng = new SplittableRandom(11);
    long[] shot = new long[1];

    @Setup(Level.Trial)
    public void setUp() {
        ReuploadingAnsatz spec = ReuploadingAnsatz.of(n, LAYERS);
        circuit = spec.build();
        SplittableRandom rng = new SplittableRandom(7);
        params = spec.initialParams(rng);
        z1 = new double[circuit.inputCount()];
        for (int k = 0; k < z1.length; k++) z1[k] = Math.PI * rng.nextDouble();
        zs = new double[BATCH][circuit.inputCount()];
        cotangents = new double[BATCH][n];
        for (int b = 0; b < BATCH; b++) {
            for (int k = 0; k < zs[b].length; k++) zs[b][k] = Math.PI * rng.nextDouble();
            for (int q = 0; q < n; q++) cotangents[b][q] = rng.nextDouble() - 0.5;
        }
        evaluator = circuit.newEvaluator();
        batchAll = new BatchSimulator(circuit);
        batchOne = new BatchSimulator(circuit, 1);
        marginals1 = new double[n];
        marginals64 = new double[BATCH][n];
        gradParams = new double[circuit.paramCount()];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batchAll.close();
        batchOne.close();
    }

    @Benchmark
    public double forward1() {
        evaluator.run(params, z1);
        evaluator.read(Readout.marginals(), marginals1);
        return marginals1[0];
    }

    @Benchmark
    public double forward64() {
        batchAll.read(params, zs, Readout.marginals(), marginals64);
        return marginals64[BATCH - 1][0];
    }

    @Benchmark
    public double forward64_1thread() {
        batchOne.read(params, zs, Readout.marginals(), marginals64);
        return marginals64[BATCH - 1][0];
    }

    @Benchmark
    public double grad64() {
        return batchAll.gradient(params, zs, Readout.marginals(), cotangents, null, gradParams, null);
    }

    @Benchmark
    public double grad64_1thread() {
        return batchOne.gradient(params, zs, Readout.marginals(), cotangents, null, gradParams, null);
    }

    @Benchmark
    public int draw1() {
        return evaluator.sampleCode(params, z1, 0, drawRng.nextDouble());
    }

    @Benchmark
    public long draw1_plain() {
        evaluator.run(params, z1);
        evaluator.sample(null, 1, drawRng, shot, 0);
        return shot[0];
    }
}
