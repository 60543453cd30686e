package org.spiqgan.quantum;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one circuit for a batch of B inputs with shared parameters, in parallel. Items are split into
 * contiguous chunks, one per thread, each with its own preallocated {@link Evaluator}. Results do not
 * depend on the thread count: per-item work is independent, parameter gradients are summed in item
 * order, and shot streams are derived from (seed, item index).
 *
 * <p>One call at a time (not thread-safe itself); {@link #close()} stops the worker threads.
 */
public final class BatchSimulator implements AutoCloseable {
    private final Circuit circuit;
    private final int threads;
    private final Evaluator[] evaluators;
    private final ExecutorService pool;
    private final double[][] paramGradBuf; // per thread, one item's parameter gradient
    private double[] itemGrads = new double[0];

    /** Uses all available cores. */
    public BatchSimulator(Circuit circuit) {
        this(circuit, Runtime.getRuntime().availableProcessors());
    }

    public BatchSimulator(Circuit circuit, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.circuit = circuit;
        this.threads = threads;
        this.evaluators = new Evaluator[threads];
        for (int t = 0; t < threads; t++) evaluators[t] = circuit.newEvaluator();
        this.paramGradBuf = new double[threads][circuit.paramCount()];
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread th = new Thread(r, "spiqgan-sim");
            th.setDaemon(true);
            return th;
        });
    }

    public Circuit circuit() {
        return circuit;
    }

    public int threads() {
        return threads;
    }

    /** Work on items [from, to) by thread t with its evaluator e. */
    @FunctionalInterface
    private interface Chunk {
        void run(int t, Evaluator e, int from, int to);
    }

    private void parallel(int batch, Chunk chunk) {
        int t = Math.min(threads, Math.max(1, batch));
        if (t == 1 || pool == null) {
            chunk.run(0, evaluators[0], 0, batch);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(t - 1);
        for (int k = 1; k < t; k++) {
            int from = (int) ((long) batch * k / t), to = (int) ((long) batch * (k + 1) / t);
            Evaluator e = evaluators[k];
            int t2 = k;
            futures.add(pool.submit(() -> chunk.run(t2, e, from, to)));
        }
        RuntimeException failure = null;
        try {
            chunk.run(0, evaluators[0], 0, (int) ((long) batch / t));
        } catch (RuntimeException ex) {
            failure = ex;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            } catch (ExecutionException ex) {
                if (failure == null) {
                    failure = ex.getCause() instanceof RuntimeException ? (RuntimeException) ex.getCause()
                            : new IllegalStateException(ex.getCause());
                }
            }
        }
        if (failure != null) throw failure;
    }

    /** out[b] = readout of the circuit for inputs[b]. */
    public void read(double[] params, double[][] inputs, Readout readout, double[][] out) {
        parallel(inputs.length, (t, e, from, to) -> {
            for (int b = from; b < to; b++) {
                e.run(params, inputs[b], 0);
                e.read(readout, out[b]);
            }
        });
    }

    /** Flat variant: item b's inputs are {@code inputs[b*k .. (b+1)*k)} and its output {@code out[b*size ..]}. */
    public void read(double[] params, double[] inputs, int batch, Readout readout, double[] out) {
        int k = circuit.inputCount(), size = readout.size(circuit.qubits());
        parallel(batch, (t, e, from, to) -> {
            for (int b = from; b < to; b++) {
                e.run(params, inputs, b * k);
                e.read(readout, out, b * size);
            }
        });
    }

    public double[][] read(double[] params, double[][] inputs, Readout readout) {
        double[][] out = new double[inputs.length][readout.size(circuit.qubits())];
        read(params, inputs, readout, out);
        return out;
    }

    /**
     * Forward and adjoint pass for every item, with loss sum_b dot(cotangents[b], readout_b).
     * Writes dL/dparams (summed over the batch in item order) to {@code gradParams} (overwritten),
     * per-item dL/dinputs to {@code gradInputs[b]} (overwritten; may be null), and the readouts to
     * {@code outputs[b]} (may be null). Returns the total loss.
     */
    public double gradient(double[] params, double[][] inputs, Readout readout, double[][] cotangents,
            double[][] outputs, double[] gradParams, double[][] gradInputs) {
        int batch = inputs.length, np = circuit.paramCount();
        if (itemGrads.length < batch * np + batch) itemGrads = new double[batch * np + batch];
        double[] ig = itemGrads;
        java.util.Arrays.fill(ig, 0, batch * np, 0.0);
        parallel(batch, (t, e, from, to) -> {
            double[] gp = paramGradBuf[t];
            for (int b = from; b < to; b++) {
                java.util.Arrays.fill(gp, 0.0);
                if (gradInputs != null) java.util.Arrays.fill(gradInputs[b], 0.0);
                ig[batch * np + b] = e.gradient(params, inputs[b], 0, readout, cotangents[b], gp,
                        gradInputs == null ? null : gradInputs[b], 0, outputs == null ? null : outputs[b]);
                System.arraycopy(gp, 0, ig, b * np, np);
            }
        });
        java.util.Arrays.fill(gradParams, 0, np, 0.0);
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < np; p++) gradParams[p] += ig[b * np + p];
            loss += ig[batch * np + b];
        }
        return loss;
    }

    /**
     * Flat variant of {@link #gradient(double[], double[][], Readout, double[][], double[][], double[], double[][])}:
     * item b's inputs are {@code inputs[b*k ..]}, its cotangent {@code cotangents[b*size ..]}, its readout
     * {@code outputs[b*size ..]} and its input gradient {@code gradInputs[b*k ..]} (outputs and gradInputs may
     * be null).
     */
    public double gradient(double[] params, double[] inputs, int batch, Readout readout, double[] cotangents,
            double[] outputs, double[] gradParams, double[] gradInputs) {
        int np = circuit.paramCount(), k = circuit.inputCount(), size = readout.size(circuit.qubits());
        if (itemGrads.length < batch * np + batch) itemGrads = new double[batch * np + batch];
        double[] ig = itemGrads;
        parallel(batch, (t, e, from, to) -> {
            double[] gp = paramGradBuf[t];
            for (int b = from; b < to; b++) {
                java.util.Arrays.fill(gp, 0.0);
                if (gradInputs != null) java.util.Arrays.fill(gradInputs, b * k, (b + 1) * k, 0.0);
                ig[batch * np + b] = e.gradient(params, inputs, b * k, readout, cotangents, b * size, gp,
                        gradInputs, b * k, outputs, b * size);
                System.arraycopy(gp, 0, ig, b * np, np);
            }
        });
        java.util.Arrays.fill(gradParams, 0, np, 0.0);
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < np; p++) gradParams[p] += ig[b * np + p];
            loss += ig[batch * np + b];
        }
        return loss;
    }

    /**
     * Measurement shots: for item b, {@code shots} codes over the given qubits (null = all; code =
     * sum_k bit(qubits[k]) 2^k) into out[b]. The stream of item b is seeded from (seed, b) only.
     */
    public void sample(double[] params, double[][] inputs, int[] qubits, int shots, long seed, long[][] out) {
        parallel(inputs.length, (t, e, from, to) -> {
            for (int b = from; b < to; b++) {
                e.run(params, inputs[b], 0);
                e.sample(qubits, shots, itemRandom(seed, b), out[b], 0);
            }
        });
    }

    /** The random stream of one batch item: a function of (seed, item) only. */
    public static SplittableRandom itemRandom(long seed, long item) {
        return new SplittableRandom(mix(seed ^ mix(item + 0x9E3779B97F4A7C15L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
