package org.spiqgan.model.stationary;

/**
 * The architecture of a stationary autoregressive quantum generator (SPEC section 3d): one circuit per
 * neuron group, shared by every timestep, whose layer-j RY angle on qubit q is
 * a + w . z + sum_h V_h . x_{t-h}: the latent z (one per window, z ~ U[0, zMax)^latent) and the previous
 * {@code history} bins of all neurons, then an entangling block of the given family.
 *
 * @param neurons   N, the neurons of a bin
 * @param groupSize neurons per circuit (one qubit each); groups are consecutive blocks
 * @param layers    re-uploading layers per circuit
 * @param entangler entangler family name ({@link Entangler#FAMILIES})
 * @param latent    latent dimension d
 * @param zMax      latent range
 * @param history   H, previous bins fed back
 * @param burnIn    bins generated and dropped before a window starts
 * @param feedback  {@code all}: every angle reads the history of all N neurons; {@code self}: a qubit's angles read
 *                  only its own neuron's history (no excitation loops across neurons; neurons are then coupled within a
 *                  bin by the entangler and across bins only through the shared latent); {@code mixed}: the previous
 *                  bin of all neurons, older bins of its own neuron only
 */
public record StationaryConfig(int neurons, int groupSize, int layers, String entangler, int latent, double zMax, int history,
        int burnIn, String feedback) {
    public static final String FEEDBACK_ALL = "all", FEEDBACK_SELF = "self", FEEDBACK_MIXED = "mixed";

    /** The architecture with feedback from all neurons (the form of runs written before the option existed). */
    public StationaryConfig(int neurons, int groupSize, int layers, String entangler, int latent, double zMax, int history, int burnIn) {
        this(neurons, groupSize, layers, entangler, latent, zMax, history, burnIn, FEEDBACK_ALL);
    }

    /** Qubits a circuit may have in training (2^20 amplitudes per lane is already 8 MiB). */
    public static final int MAX_GROUP = 16;

    /** Checks every field; the message names the field. */
    public StationaryConfig {
        if (neurons < 1) throw new IllegalArgumentException("neurons must be at least 1, not " + neurons);
        if (groupSize < 1 || groupSize > MAX_GROUP) {
            throw new IllegalArgumentException("groupSize must be in 1.." + MAX_GROUP + ", not " + groupSize);
        }
        if (layers < 1) throw new IllegalArgumentException("layers must be at least 1, not " + layers);
        if (Entangler.of(entangler) == null) {
            throw new IllegalArgumentException("entangler must be one of " + Entangler.FAMILIES.keySet() + ", not '" + entangler + "'");
        }
        if (latent < 0) throw new IllegalArgumentException("latent must be >= 0, not " + latent);
        if (!(zMax > 0 && zMax < 1e6)) throw new IllegalArgumentException("zMax must be a positive number, not " + zMax);
        if (history < 0) throw new IllegalArgumentException("history must be >= 0, not " + history);
        if (burnIn < 0) throw new IllegalArgumentException("burnIn must be >= 0, not " + burnIn);
        if (feedback == null) feedback = FEEDBACK_ALL;
        if (!feedback.equals(FEEDBACK_ALL) && !feedback.equals(FEEDBACK_SELF) && !feedback.equals(FEEDBACK_MIXED)) {
            throw new IllegalArgumentException("feedback must be all, self or mixed, not '" + feedback + "'");
        }
    }

    public boolean selfFeedback() { return FEEDBACK_SELF.equals(feedback); }

    /** Values in a lane's input row: the latent, then the previous H bins of all N neurons. */
    public int inputRow() { return latent + history * neurons; }

    public int groups() { return (neurons + groupSize - 1) / groupSize; }

    public int groupStart(int g) { return g * groupSize; }

    public int groupQubits(int g) { return Math.min(groupSize, neurons - g * groupSize); }

    /** Inputs of each RY angle besides its bias: d latent weights and H x N (self: H; mixed: N + H - 1) feedback weights. */
    public int inputsPerAngle() {
        if (FEEDBACK_MIXED.equals(feedback)) return latent + (history == 0 ? 0 : neurons + history - 1);
        return latent + history * (selfFeedback() ? 1 : neurons);
    }

    /** Where weight e of an angle of neuron i reads its input in the lane's input row. */
    public int inputIndex(int neuron, int e) {
        if (e < latent || FEEDBACK_ALL.equals(feedback)) return e;
        if (selfFeedback()) return latent + (e - latent) * neurons + neuron;
        if (e < latent + neurons) return e;
        int lag = 2 + (e - latent - neurons);
        return latent + (lag - 1) * neurons + neuron;
    }

    public Entangler family() { return Entangler.of(entangler); }

    /** Parameters of one layer of group g: per qubit a bias, d latent and H N feedback weights; then the entangler. */
    public int layerParameters(int g) {
        int n = groupQubits(g);
        return n * (1 + inputsPerAngle()) + family().parameters(n);
    }

    /** Offset of group g, layer j in the parameter vector. */
    public int offset(int g, int j) {
        int off = 0;
        for (int h = 0; h < g; h++) off += layers * layerParameters(h);
        return off + j * layerParameters(g);
    }

    public int parameterCount() { return offset(groups(), 0); }

    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "stationary autoregressive: %d neurons in %d circuit(s) of <= %d qubits, %d layers, entangler %s, latent %d "
                        + "in [0, %.3g), history %d bins (feedback %s), burn-in %d; %d trainable parameters",
                neurons, groups(), groupSize, layers, entangler, latent, zMax, history, feedback, burnIn, parameterCount());
    }
}
