package org.spiqgan.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.quantum.Circuit;
import org.spiqgan.quantum.Evaluator;
import org.spiqgan.quantum.Readout;

/**
 * The quantum patch generator of SPEC section 3: one sub-generator circuit per (neuron group g, timestep t),
 * patch index {@code p = g * T + t}, all fed the same latent vector z of a sample. Parameters of all
 * sub-generators live in one flat vector: parameter set s (= p, or g when shared across timesteps) starts
 * at {@link #offset(int)} with the layout of {@link ReuploadingAnsatz}.
 *
 * <p>Readout of a patch: the Born distribution over its data qubits (qubits 0..|group|-1, ancillas traced
 * out), 2^|group| values, under {@code born}; the marginals P(qubit i = 1) under {@code bernoulli}. Batch
 * arrays are per patch, item-major: {@code out[p][b * size + k]}.
 *
 * <p>Work is cut into chunks of consecutive (patch, item) pairs run on a {@link BatchExecutor}; parameter
 * gradients are summed per item and then reduced in item order, so results are bitwise the same for any
 * thread count. A chunk is simulated one item at a time ({@link Evaluator}, whose kernels are vectorized within
 * the item: {@code quantum/KernelChoice}).
 */
public final class PatchGenerator {

    private final GeneratorConfig config;
    private final Circuit[] circuits; // per group
    private final Ansatz[] layouts;
    private final Readout[] readouts;
    private final int[] setOffset;
    private final int paramCount;
    private final int latent;
    private final ThreadLocal<Evaluator[]> evaluators;
    private final double[][] setParams;
    private double[][] itemGrads = new double[0][];
    private final ThreadLocal<double[]> gradBuf;
    /** One patch's readout, per thread, for {@link #samplePatterns}. */
    private final ThreadLocal<double[]> readBuf;
    /** Final states of the last {@link #readouts} pass asked to keep them (per patch: batch x state), and its inputs. */
    private double[][] kept = new double[0][];
    private double[] keptTheta, keptZ;
    private int keptBatch;
    /** Kept states above this many doubles (256 MB) are not kept: the gradient runs its circuits again. */
    static final long KEEP_LIMIT = 32L << 20;

    public PatchGenerator(GeneratorConfig config) {
        this.config = config;
        int groups = config.groups();
        circuits = new Circuit[groups];
        layouts = new Ansatz[groups];
        readouts = new Readout[groups];
        int maxParams = 0;
        for (int g = 0; g < groups; g++) {
            layouts[g] = config.ansatz(g);
            circuits[g] = layouts[g].build();
            int m = config.groupNeurons(g);
            int[] data = new int[m];
            for (int q = 0; q < m; q++) data[q] = q;
            readouts[g] = config.sampling() == GeneratorConfig.Sampling.BORN ? Readout.probabilities(data)
                    : Readout.marginals(data);
            maxParams = Math.max(maxParams, circuits[g].paramCount());
        }
        int sets = config.parameterSets();
        setOffset = new int[sets + 1];
        setParams = new double[sets][];
        for (int s = 0; s < sets; s++) {
            int np = circuits[groupOfSet(s)].paramCount();
            setOffset[s + 1] = setOffset[s] + np;
            setParams[s] = new double[np];
        }
        paramCount = setOffset[sets];
        latent = config.latentSize();
        evaluators = ThreadLocal.withInitial(() -> {
            Evaluator[] e = new Evaluator[circuits.length];
            for (int g = 0; g < e.length; g++) e[g] = circuits[g].newEvaluator();
            return e;
        });
        int mp = maxParams;
        gradBuf = ThreadLocal.withInitial(() -> new double[mp]);
        int maxRead = 0;
        for (int g = 0; g < groups; g++) maxRead = Math.max(maxRead, config.readoutSize(g));
        int mr = maxRead;
        readBuf = ThreadLocal.withInitial(() -> new double[mr]);
    }

    public GeneratorConfig config() { return config; }

    public int patches() { return config.groups() * config.timesteps(); }

    public int groupOf(int patch) { return patch / config.timesteps(); }

    public int timeOf(int patch) { return patch % config.timesteps(); }

    public int setOf(int patch) { return config.shareTimesteps() ? groupOf(patch) : patch; }

    private int groupOfSet(int s) { return config.shareTimesteps() ? s : s / config.timesteps(); }

    public int offset(int set) { return setOffset[set]; }

    public int parameterCount() { return paramCount; }

    public int latentSize() { return latent; }

    public int readoutSize(int patch) { return config.readoutSize(groupOf(patch)); }

    public Circuit circuit(int group) { return circuits[group]; }

    /** The parameters of one sub-generator, copied out of the flat vector. */
    public double[] patchParams(double[] theta, int patch) {
        int s = setOf(patch);
        return Arrays.copyOfRange(theta, setOffset[s], setOffset[s + 1]);
    }

    /** Input weights 1, rotation angles U[0, 2 pi), parameter set by parameter set. */
    public double[] initialParams(SplittableRandom rng) {
        return initialParams(rng, 0);
    }

    /** As {@link #initialParams(SplittableRandom)}, rotation angles U(-spread, spread) when spread > 0. */
    public double[] initialParams(SplittableRandom rng, double spread) {
        double[] theta = new double[paramCount];
        for (int s = 0; s < setParams.length; s++) {
            double[] p = layouts[groupOfSet(s)].initialParams(rng, spread);
            System.arraycopy(p, 0, theta, setOffset[s], p.length);
        }
        return theta;
    }

    /** Latent vectors z ~ U[0, zMax)^d for a batch, item-major, drawn in order from rng. */
    public double[] drawLatent(java.util.random.RandomGenerator rng, int batch) {
        double[] z = new double[batch * latent];
        for (int k = 0; k < z.length; k++) z[k] = config.zMax() * rng.nextDouble();
        return z;
    }

    public double[][] newReadoutArrays(int batch) {
        double[][] out = new double[patches()][];
        for (int p = 0; p < out.length; p++) out[p] = new double[batch * readoutSize(p)];
        return out;
    }

    private void loadParams(double[] theta) {
        if (theta.length != paramCount) {
            throw new IllegalArgumentException("generator needs " + paramCount + " parameters, got " + theta.length);
        }
        for (int s = 0; s < setParams.length; s++) System.arraycopy(theta, setOffset[s], setParams[s], 0, setParams[s].length);
    }

    public boolean autoregressive() { return config.autoregressive(); }

    /** Circuit inputs per item of group g: latent prefix, then (autoregressive) the previous pattern. */
    public int inputWidth(int group) { return circuits[group].inputCount(); }

    /**
     * Autoregressive forward at timestep t: for every group g and item b, the readout of patch (g, t) with
     * circuit inputs {@code inputs[g][b * inputWidth(g) ..]}.
     */
    public void readoutsAt(double[] theta, int t, double[][] inputs, int batch, double[][] out, BatchExecutor ex) {
        readoutsAt(theta, t, inputs, batch, out, ex, false);
    }

    /**
     * {@link #readoutsAt} for drawing hard patterns, when no gradient follows: each circuit by its sampling plan
     * where it has one ({@link Evaluator#readForSampling}: the same readouts up to rounding), else as readoutsAt.
     */
    public void sampleReadoutsAt(double[] theta, int t, double[][] inputs, int batch, double[][] out, BatchExecutor ex) {
        readoutsAt(theta, t, inputs, batch, out, ex, true);
    }

    private void readoutsAt(double[] theta, int t, double[][] inputs, int batch, double[][] out, BatchExecutor ex,
            boolean byPlan) {
        loadParams(theta);
        int groups = config.groups(), items = groups * batch, tt = config.timesteps();
        ex.run(BatchExecutor.chunks(items), c -> {
            Evaluator[] ev = evaluators.get();
            int from = c * BatchExecutor.CHUNK, to = Math.min(items, from + BatchExecutor.CHUNK);
            for (int k = from; k < to; k++) {
                int g = k / batch, b = k % batch, p = g * tt + t;
                if (byPlan) {
                    ev[g].readForSampling(setParams[setOf(p)], inputs[g], b * inputWidth(g), readouts[g], out[p], b * readoutSize(p));
                    continue;
                }
                ev[g].run(setParams[setOf(p)], inputs[g], b * inputWidth(g));
                ev[g].read(readouts[g], out[p], b * readoutSize(p));
            }
        });
    }

    /**
     * Autoregressive backward at timestep t: adds the parameter gradient of
     * {@code sum_{g,b} dot(cot[p][b*size..], readout)} (p = g T + t) into {@code grad} and writes the input
     * gradients to {@code gradInputs[g][b * inputWidth(g) ..]} (overwritten).
     */
    public void gradientAt(double[] theta, int t, double[][] inputs, int batch, double[][] cot, double[] grad,
            double[][] gradInputs, BatchExecutor ex) {
        loadParams(theta);
        int groups = config.groups(), items = groups * batch, tt = config.timesteps();
        if (itemGrads.length != patches()) itemGrads = new double[patches()][];
        for (int g = 0; g < groups; g++) {
            int p = g * tt + t, need = batch * (circuits[g].paramCount() + 1);
            if (itemGrads[p] == null || itemGrads[p].length < need) itemGrads[p] = new double[need];
        }
        double[][] ig = itemGrads;
        ex.run(BatchExecutor.chunks(items), c -> {
            Evaluator[] ev = evaluators.get();
            double[] gp = gradBuf.get();
            int from = c * BatchExecutor.CHUNK, to = Math.min(items, from + BatchExecutor.CHUNK);
            for (int k = from; k < to; k++) {
                int g = k / batch, b = k % batch, p = g * tt + t, np = circuits[g].paramCount(), w = inputWidth(g);
                Arrays.fill(gp, 0, np, 0.0);
                Arrays.fill(gradInputs[g], b * w, (b + 1) * w, 0.0);
                ev[g].gradient(setParams[setOf(p)], inputs[g], b * w, readouts[g], cot[p], b * readoutSize(p), gp,
                        gradInputs[g], b * w, null, 0);
                System.arraycopy(gp, 0, ig[p], b * np, np);
            }
        });
        for (int g = 0; g < groups; g++) {
            int p = g * tt + t, np = circuits[g].paramCount(), off = setOffset[setOf(p)];
            for (int b = 0; b < batch; b++) for (int k = 0; k < np; k++) grad[off + k] += ig[p][b * np + k];
        }
    }

    /** Readouts of every patch for every item: out[p][b * size ..] (not for autoregressive generators). */
    public void readouts(double[] theta, double[] z, int batch, double[][] out, BatchExecutor ex) {
        readouts(theta, z, batch, out, ex, false);
    }

    /**
     * As {@link #readouts(double[], double[], int, double[][], BatchExecutor)}; with {@code keepStates} the circuits'
     * final states are kept (up to {@link #KEEP_LIMIT}) so that a {@link #gradient} at the same theta and z that
     * follows loads them instead of running the circuits again (the same bits either way).
     */
    public void readouts(double[] theta, double[] z, int batch, double[][] out, BatchExecutor ex, boolean keepStates) {
        if (config.autoregressive()) throw new IllegalStateException("autoregressive: use readoutsAt in time order");
        loadParams(theta);
        keptTheta = null;
        boolean keep = keepStates && keptDoubles(batch) <= KEEP_LIMIT;
        if (keep) {
            if (kept.length != patches()) kept = new double[patches()][];
            for (int p = 0; p < kept.length; p++) {
                int need = batch * stateLength(p);
                if (kept[p] == null || kept[p].length != need) kept[p] = new double[need];
            }
        }
        double[][] st = kept;
        runItems(batch, ex, (e, k, p, b, g) -> {
            e.run(setParams[setOf(p)], z, b * latent);
            e.read(readouts[g], out[p], b * readoutSize(p));
            if (keep) e.saveState(st[p], b * stateLength(p));
        });
        if (keep) {
            keptTheta = theta.clone();
            keptZ = Arrays.copyOf(z, batch * latent);
            keptBatch = batch;
        }
    }

    /**
     * A hard pattern of every patch for every item, drawn in the workers from the item's readout by
     * {@link #hardPattern} with the uniforms at {@code u[(b * patches() + p) * uStride ..]}, written to
     * {@code codes[p * batch + b]} (bit i = neuron i of the patch's group). The same patterns as
     * {@link #readouts} followed by {@link #hardPattern} on each readout, without holding patches x batch
     * readouts (a quarter of a gigabyte per 1,024 windows at N = 10, T = 30) or drawing on one thread. Under Born
     * sampling with every qubit a neuron, the evaluator draws the code itself ({@link Evaluator#sampleCode}, a
     * cheaper schedule of the same circuit): the same probabilities up to rounding, so a code can differ only when
     * its uniform lies within about 1e-16 of a cumulative sum.
     */
    public void samplePatterns(double[] theta, double[] z, double[] u, int uStride, int batch, int[] codes, BatchExecutor ex) {
        if (config.autoregressive()) throw new IllegalStateException("autoregressive: use readoutsAt in time order");
        loadParams(theta);
        boolean bernoulli = config.sampling() == GeneratorConfig.Sampling.BERNOULLI;
        runItems(batch, ex, (e, k, p, b, g) -> {
            int m = config.groupNeurons(g), uo = (b * patches() + p) * uStride;
            if (!bernoulli && m == circuits[g].qubits()) {
                // every qubit is a neuron: the evaluator draws the code itself, by a cheaper schedule
                codes[k] = e.sampleCode(setParams[setOf(p)], z, b * latent, u[uo]);
                return;
            }
            // ancillas or Bernoulli marginals: the readout, by the cheaper schedule where the circuit has one
            double[] r = readBuf.get();
            e.readForSampling(setParams[setOf(p)], z, b * latent, readouts[g], r, 0);
            codes[k] = hardPattern(r, 0, m, bernoulli, u, uo);
        });
    }

    /** What a worker does with item k = p * batch + b (group g) on its thread's evaluator e of that group. */
    private interface ItemWork {
        void accept(Evaluator e, int k, int p, int b, int g);
    }

    /** Every (patch, item) with the loaded parameters, in chunks on ex: {@code work} runs its circuit and reads it. */
    private void runItems(int batch, BatchExecutor ex, ItemWork work) {
        int items = patches() * batch;
        ex.run(BatchExecutor.chunks(items), c -> {
            Evaluator[] ev = evaluators.get();
            int from = c * BatchExecutor.CHUNK, to = Math.min(items, from + BatchExecutor.CHUNK);
            for (int k = from; k < to; k++) {
                int p = k / batch, b = k % batch, g = groupOf(p);
                work.accept(ev[g], k, p, b, g);
            }
        });
    }

    /**
     * One hard pattern of a group of m neurons from its readout {@code r[off ..]}: bernoulli, bit i set when
     * {@code u[uo + i] < P(neuron i)}; born, the first code whose cumulative probability exceeds {@code u[uo]}
     * (when rounding leaves the total just below u, the last code with weight).
     */
    public static int hardPattern(double[] r, int off, int m, boolean bernoulli, double[] u, int uo) {
        if (bernoulli) {
            int code = 0;
            for (int i = 0; i < m; i++) if (u[uo + i] < r[off + i]) code |= 1 << i;
            return code;
        }
        double v = u[uo], acc = 0;
        for (int bb = 0; bb < 1 << m; bb++) {
            acc += r[off + bb];
            if (v < acc) return bb;
        }
        for (int bb = (1 << m) - 1; bb >= 0; bb--) if (r[off + bb] > 0) return bb;
        return 0;
    }

    private long keptDoubles(int batch) {
        long total = 0;
        for (int p = 0; p < patches(); p++) total += (long) batch * stateLength(p);
        return total;
    }

    /** Doubles in one saved state of patch p's circuit ({@link Evaluator#stateLength}). */
    private int stateLength(int p) {
        return 2 << circuits[groupOf(p)].qubits();
    }

    /** Whether the kept states are those of theta and z (then a gradient loads them). */
    boolean keptFor(double[] theta, double[] z, int batch) {
        return keptTheta != null && keptBatch == batch && Arrays.equals(theta, keptTheta)
                && Arrays.equals(z, 0, batch * latent, keptZ, 0, batch * latent);
    }

    /**
     * The gradient of {@code L = sum_{p,b} dot(cot[p][b*size..], readout_{p,b})} with respect to theta,
     * written to {@code grad} (overwritten), by one forward and one adjoint sweep per (patch, item).
     * Returns L.
     */
    public double gradient(double[] theta, double[] z, int batch, double[][] cot, double[] grad, BatchExecutor ex) {
        if (config.autoregressive()) throw new IllegalStateException("autoregressive: use gradientAt in reverse time order");
        loadParams(theta);
        int patches = patches();
        if (itemGrads.length != patches) itemGrads = new double[patches][];
        for (int p = 0; p < patches; p++) {
            int need = batch * (circuits[groupOf(p)].paramCount() + 1);
            if (itemGrads[p] == null || itemGrads[p].length < need) itemGrads[p] = new double[need];
        }
        double[][] ig = itemGrads;
        int items = patches * batch;
        int chunks = BatchExecutor.chunks(items);
        double[][] st = keptFor(theta, z, batch) ? kept : null;
        keptTheta = null;
        ex.run(chunks, c -> {
            Evaluator[] ev = evaluators.get();
            double[] gp = gradBuf.get();
            int from = c * BatchExecutor.CHUNK, to = Math.min(items, from + BatchExecutor.CHUNK);
            for (int k = from; k < to; k++) {
                int p = k / batch, b = k % batch, g = groupOf(p);
                int np = circuits[g].paramCount();
                Arrays.fill(gp, 0, np, 0.0);
                Evaluator e = ev[g];
                double loss = st == null
                        ? e.gradient(setParams[setOf(p)], z, b * latent, readouts[g], cot[p], b * readoutSize(p), gp, null, 0,
                                null, 0)
                        : e.gradientFromState(setParams[setOf(p)], z, b * latent, st[p], b * stateLength(p), readouts[g],
                                cot[p], b * readoutSize(p), gp, null, 0, null, 0);
                System.arraycopy(gp, 0, ig[p], b * np, np);
                ig[p][batch * np + b] = loss;
            }
        });
        Arrays.fill(grad, 0, paramCount, 0.0);
        double total = 0;
        for (int p = 0; p < patches; p++) {
            int np = circuits[groupOf(p)].paramCount(), off = setOffset[setOf(p)];
            double[] g = ig[p];
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < np; k++) grad[off + k] += g[b * np + k];
                total += g[batch * np + b];
            }
        }
        return total;
    }
}
