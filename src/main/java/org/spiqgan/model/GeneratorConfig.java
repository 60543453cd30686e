package org.spiqgan.model;

import org.spiqgan.quantum.SubGeneratorCircuits;
import org.spiqgan.quantum.SubGeneratorCircuits.Encoding;
import org.spiqgan.quantum.SubGeneratorCircuits.Entangler;
import org.spiqgan.quantum.SubGeneratorCircuits.Latent;
import org.spiqgan.quantum.SubGeneratorCircuits.Rotations;

/**
 * Everything that fixes the structure of a patch generator (SPEC section 3). A plain value: Gson writes
 * it into model files as is.
 *
 * @param groupSize    G: neurons per group (consecutive blocks of at most G)
 * @param ancillas     A: extra qubits per sub-generator, traced out
 * @param zMax         latent z_k ~ U[0, zMax) (SPEC: pi)
 * @param shareTimesteps one parameter set per neuron group instead of one per (group, timestep)
 */
public record GeneratorConfig(int neurons, int timesteps, int layers, int groupSize, int ancillas,
        boolean inputWeights, Encoding encoding, Latent latent, Rotations rotations, Entangler entangler,
        boolean ring, boolean shareTimesteps, Sampling sampling, double zMax, boolean autoregressive) {

    public enum Sampling { BORN, BERNOULLI }

    public GeneratorConfig {
        if (neurons < 1) throw new IllegalArgumentException("neurons must be >= 1");
        if (timesteps < 1) throw new IllegalArgumentException("timesteps must be >= 1");
        if (layers < 1) throw new IllegalArgumentException("layers must be >= 1");
        if (groupSize < 1) throw new IllegalArgumentException("group size must be >= 1");
        if (ancillas < 0) throw new IllegalArgumentException("ancillas must be >= 0");
        if (!(zMax > 0 && zMax < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("z range must be positive");
    }

    /** Without the autoregressive extension. */
    public GeneratorConfig(int neurons, int timesteps, int layers, int groupSize, int ancillas, boolean inputWeights,
            Encoding encoding, Latent latent, Rotations rotations, Entangler entangler, boolean ring, boolean shareTimesteps,
            Sampling sampling, double zMax) {
        this(neurons, timesteps, layers, groupSize, ancillas, inputWeights, encoding, latent, rotations, entangler, ring,
                shareTimesteps, sampling, zMax, false);
    }

    /** SPEC defaults: G = min(N, 10), no ancillas, input weights, RY encoding, shared z, RZ RY RZ, CNOT chain, born. */
    public static GeneratorConfig defaults(int neurons, int timesteps, int layers) {
        return new GeneratorConfig(neurons, timesteps, layers, Math.min(neurons, 10), 0, true, Encoding.RY,
                Latent.SHARED, Rotations.RZ_RY_RZ, Entangler.CNOT, false, false, Sampling.BORN, Math.PI);
    }

    public GeneratorConfig withSampling(Sampling s) {
        return new GeneratorConfig(neurons, timesteps, layers, groupSize, ancillas, inputWeights, encoding, latent,
                rotations, entangler, ring, shareTimesteps, s, zMax, autoregressive);
    }

    public int groups() {
        return (neurons + groupSize - 1) / groupSize;
    }

    public int groupStart(int g) {
        return g * groupSize;
    }

    public int groupNeurons(int g) {
        return Math.min(groupSize, neurons - g * groupSize);
    }

    /** The circuit of group g's sub-generators: |group| + A qubits. */
    public SubGeneratorCircuits circuit(int g) {
        return SubGeneratorCircuits.of(groupNeurons(g) + ancillas, layers).inputWeights(inputWeights)
                .encoding(encoding).latent(latent).rotations(rotations).entangler(entangler).ring(ring);
    }

    /** Parameter sets: one per (group, timestep), or one per group when shared across timesteps. */
    public int parameterSets() {
        return shareTimesteps ? groups() : groups() * timesteps;
    }

    /**
     * Exactly: sum over parameter sets of l x n_g x (rotations per qubit + input weight), plus, when
     * autoregressive, l x |group| feedback weights u per set (SPEC 3b; those of t = 0 patches see
     * x_{-1} = 0 and stay inert unless shared across timesteps).
     */
    public long parameterCount() {
        long total = 0;
        for (int g = 0; g < groups(); g++) total += (long) setParamCount(g) * (shareTimesteps ? 1 : timesteps);
        return total;
    }

    /** Parameters of one sub-generator of group g. */
    public int setParamCount(int g) {
        return circuit(g).paramCount() + (autoregressive ? layers * groupNeurons(g) : 0);
    }

    /** Circuit inputs of group g: the latent (prefix) then, when autoregressive, the previous pattern x_{t-1}. */
    public int circuitInputs(int g) {
        return circuit(g).inputCount() + (autoregressive ? groupNeurons(g) : 0);
    }

    /**
     * The sub-generator circuit of group g: SPEC section 3, and when autoregressive (SPEC 3b) before each
     * layer's noise encoding RY(u_{j,q} pi x_{t-1,q}) on every data qubit, u at
     * {@code circuit(g).paramCount() + j * |group| + q}, x_{t-1,q} at input {@code circuit(g).inputCount() + q}.
     */
    public org.spiqgan.quantum.Circuit buildCircuit(int g) {
        SubGeneratorCircuits sc = circuit(g);
        if (!autoregressive) return sc.build();
        int n = sc.qubits(), m = groupNeurons(g), base = sc.paramCount(), in = sc.inputCount();
        org.spiqgan.quantum.Circuit.Builder b = org.spiqgan.quantum.Circuit.builder(n).params(setParamCount(g)).inputs(circuitInputs(g));
        org.spiqgan.quantum.Gate enc = encoding == Encoding.RY ? org.spiqgan.quantum.Gate.RY : org.spiqgan.quantum.Gate.RX;
        for (int j = 0; j < layers; j++) {
            for (int q = 0; q < m; q++) b.ry(q, org.spiqgan.quantum.Angle.product(base + j * m + q, in + q, Math.PI));
            for (int q = 0; q < n; q++) {
                int z = sc.inputIndex(j, q);
                b.gate(enc, q, inputWeights ? org.spiqgan.quantum.Angle.product(sc.weightIndex(j, q), z)
                        : org.spiqgan.quantum.Angle.input(z));
                switch (rotations) {
                    case RZ_RY_RZ:
                        b.rz(q, org.spiqgan.quantum.Angle.param(sc.rotationIndex(j, q, 0)));
                        b.ry(q, org.spiqgan.quantum.Angle.param(sc.rotationIndex(j, q, 1)));
                        b.rz(q, org.spiqgan.quantum.Angle.param(sc.rotationIndex(j, q, 2)));
                        break;
                    case RY:
                        b.ry(q, org.spiqgan.quantum.Angle.param(sc.rotationIndex(j, q, 0)));
                        break;
                    default:
                        b.ry(q, org.spiqgan.quantum.Angle.param(sc.rotationIndex(j, q, 0)));
                        b.rz(q, org.spiqgan.quantum.Angle.param(sc.rotationIndex(j, q, 1)));
                }
            }
            if (entangler != Entangler.NONE) {
                org.spiqgan.quantum.Gate e = entangler == Entangler.CNOT ? org.spiqgan.quantum.Gate.CNOT : org.spiqgan.quantum.Gate.CZ;
                for (int q = 0; q + 1 < n; q++) b.gate(e, q, q + 1);
                if (ring && n > 2) b.gate(e, n - 1, 0);
            }
        }
        return b.build();
    }

    /** Latent dimension: the input count of the largest sub-generator (smaller ones read a prefix). */
    public int latentSize() {
        return circuit(0).inputCount();
    }

    /** Readout values per patch: 2^|group| probabilities (born) or |group| marginals (bernoulli). */
    public int readoutSize(int g) {
        return sampling == Sampling.BORN ? 1 << groupNeurons(g) : groupNeurons(g);
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "N=%d T=%d groups=%d (G=%d) ancillas=%d layers=%d sampling=%s latent=%s z~U[0,%.4g) %s%s",
                neurons, timesteps, groups(), groupSize, ancillas, layers, sampling.name().toLowerCase(),
                latent.name().toLowerCase().replace('_', '-'), zMax, circuit(0),
                shareTimesteps ? " shared-across-timesteps" : "") + (autoregressive ? " autoregressive" : "");
    }
}
