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
 * @param hidden    hidden units: unobserved binary units (qubits 0 .. hidden-1 of the first circuit, before the
 *                  neurons) generated and fed back like neurons but never part of the output; a slow common drive.
 *                  Training marginalises them exactly (forward-backward over the 2^hidden states, {@link HiddenDrive}).
 *                  Needs history 1. Circuits then hold groupSize qubits in all, hidden ones included.
 */
public record StationaryConfig(int neurons, int groupSize, int layers, String entangler, int latent, double zMax, int history,
        int burnIn, String feedback, int hidden) {
    public static final String FEEDBACK_ALL = "all", FEEDBACK_SELF = "self", FEEDBACK_MIXED = "mixed";

    /** The architecture with feedback from all neurons (the form of runs written before the option existed). */
    public StationaryConfig(int neurons, int groupSize, int layers, String entangler, int latent, double zMax, int history, int burnIn) {
        this(neurons, groupSize, layers, entangler, latent, zMax, history, burnIn, FEEDBACK_ALL, 0);
    }

    /** The architecture without hidden units (the form of runs written before they existed). */
    public StationaryConfig(int neurons, int groupSize, int layers, String entangler, int latent, double zMax, int history, int burnIn,
            String feedback) {
        this(neurons, groupSize, layers, entangler, latent, zMax, history, burnIn, feedback, 0);
    }

    /** Hidden units a model may have: the forward-backward pass costs 2^hidden lanes per bin. */
    public static final int MAX_HIDDEN = 2;

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
        if (hidden < 0 || hidden > MAX_HIDDEN) throw new IllegalArgumentException("hidden must be in 0.." + MAX_HIDDEN + ", not " + hidden);
        if (hidden > 0 && history != 1) throw new IllegalArgumentException("history must be 1 with hidden units, not " + history);
        if (hidden > 0 && groupSize <= hidden) {
            throw new IllegalArgumentException("groupSize must exceed hidden (" + hidden + "), not " + groupSize);
        }
    }

    /** Units of a bin as the circuits see them: the hidden units, then the N neurons. */
    public int units() { return hidden + neurons; }

    public boolean selfFeedback() { return FEEDBACK_SELF.equals(feedback); }

    /** Values in a lane's input row: the latent, then the previous H bins of all units. */
    public int inputRow() { return latent + history * units(); }

    public int groups() { return (units() + groupSize - 1) / groupSize; }

    /** The first unit of group g (units count the hidden ones first). */
    public int groupStart(int g) { return g * groupSize; }

    public int groupQubits(int g) { return Math.min(groupSize, units() - g * groupSize); }

    /** Inputs of each RY angle besides its bias: d latent weights and H x N (self: H; mixed: N + H - 1) feedback weights. */
    public int inputsPerAngle() {
        int u = units();
        if (FEEDBACK_MIXED.equals(feedback)) return latent + (history == 0 ? 0 : u + history - 1);
        return latent + history * (selfFeedback() ? 1 : u);
    }

    /** Where weight e of an angle of unit i reads its input in the lane's input row. */
    public int inputIndex(int unit, int e) {
        int u = units();
        if (e < latent || FEEDBACK_ALL.equals(feedback)) return e;
        if (selfFeedback()) return latent + (e - latent) * u + unit;
        if (e < latent + u) return e;
        int lag = 2 + (e - latent - u);
        return latent + (lag - 1) * u + unit;
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
                        + "in [0, %.3g), history %d bins (feedback %s), %sburn-in %d; %d trainable parameters",
                neurons, groups(), groupSize, layers, entangler, latent, zMax, history, feedback,
                hidden == 0 ? "" : hidden + " hidden unit" + (hidden == 1 ? "" : "s") + ", ", burnIn, parameterCount());
    }
}
