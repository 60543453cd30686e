package org.spiqgan.model;

import org.spiqgan.model.ReuploadingAnsatz.Encoding;
import org.spiqgan.model.ReuploadingAnsatz.Entangler;
import org.spiqgan.model.ReuploadingAnsatz.Latent;
import org.spiqgan.model.ReuploadingAnsatz.Rotations;

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
        boolean ring, boolean shareTimesteps, Sampling sampling, double zMax, boolean autoregressive, String ansatz) {

    public enum Sampling { BORN, BERNOULLI }

    public GeneratorConfig {
        if (neurons < 1) throw new IllegalArgumentException("neurons must be >= 1");
        if (timesteps < 1) throw new IllegalArgumentException("timesteps must be >= 1");
        if (layers < 1) throw new IllegalArgumentException("layers must be >= 1");
        if (groupSize < 1) throw new IllegalArgumentException("group size must be >= 1");
        if (ancillas < 0) throw new IllegalArgumentException("ancillas must be >= 0");
        if (!(zMax > 0 && zMax < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("z range must be positive");
        // the family ({@link Ansatze}) decides whether patches read the previous pattern; files written before
        // the family was stored name none and say autoregressive instead
        if (ansatz == null) ansatz = autoregressive ? Ansatze.REUPLOADING_FEEDBACK : Ansatze.REUPLOADING;
        autoregressive = Ansatze.readsPreviousPattern(ansatz);
    }

    /** The paper's family, or with the previous pattern fed back (autoregressive, SPEC 3b). */
    public GeneratorConfig(int neurons, int timesteps, int layers, int groupSize, int ancillas, boolean inputWeights,
            Encoding encoding, Latent latent, Rotations rotations, Entangler entangler, boolean ring, boolean shareTimesteps,
            Sampling sampling, double zMax, boolean autoregressive) {
        this(neurons, timesteps, layers, groupSize, ancillas, inputWeights, encoding, latent, rotations, entangler, ring,
                shareTimesteps, sampling, zMax, autoregressive, null);
    }

    /** Without the autoregressive extension. */
    public GeneratorConfig(int neurons, int timesteps, int layers, int groupSize, int ancillas, boolean inputWeights,
            Encoding encoding, Latent latent, Rotations rotations, Entangler entangler, boolean ring, boolean shareTimesteps,
            Sampling sampling, double zMax) {
        this(neurons, timesteps, layers, groupSize, ancillas, inputWeights, encoding, latent, rotations, entangler, ring,
                shareTimesteps, sampling, zMax, false);
    }

    /** Neurons per sub-generator unless the spec says otherwise (SPEC section 3: G = min(N, 10)). */
    public static final int DEFAULT_MAX_GROUP = 10;

    /** SPEC defaults: G = min(N, 10), no ancillas, input weights, RY encoding, shared z, RZ RY RZ, CNOT chain, born. */
    public static GeneratorConfig defaults(int neurons, int timesteps, int layers) {
        return new GeneratorConfig(neurons, timesteps, layers, Math.min(neurons, DEFAULT_MAX_GROUP), 0, true, Encoding.RY,
                Latent.SHARED, Rotations.RZ_RY_RZ, Entangler.CNOT, false, false, Sampling.BORN, Math.PI);
    }

    public GeneratorConfig withSampling(Sampling s) {
        return new GeneratorConfig(neurons, timesteps, layers, groupSize, ancillas, inputWeights, encoding, latent,
                rotations, entangler, ring, shareTimesteps, s, zMax, autoregressive, ansatz);
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
    public ReuploadingAnsatz circuit(int g) {
        return ReuploadingAnsatz.of(groupNeurons(g) + ancillas, layers).inputWeights(inputWeights)
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

    /** The circuit family ({@link Ansatze}): the paper's, or with the previous pattern fed back (SPEC 3b), or another registered one. */
    public String ansatzName() { return ansatz; }

    /** The sub-generator of group g in its family ({@link Ansatze}). */
    public Ansatz ansatz(int g) { return Ansatze.create(ansatzName(), this, g); }

    /** Parameters of one sub-generator of group g. */
    public int setParamCount(int g) {
        return ansatz(g).paramCount();
    }

    /** Circuit inputs of group g: the latent (prefix) then, when autoregressive, the previous pattern x_{t-1}. */
    public int circuitInputs(int g) {
        return ansatz(g).inputCount();
    }

    /** The sub-generator circuit of group g. */
    public org.spiqgan.quantum.Circuit buildCircuit(int g) {
        return ansatz(g).build();
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
                shareTimesteps ? " shared-across-timesteps" : "") + (autoregressive ? " autoregressive" : "")
                + (ansatz.equals(Ansatze.REUPLOADING) || ansatz.equals(Ansatze.REUPLOADING_FEEDBACK) ? "" : " ansatz=" + ansatz);
    }
}
