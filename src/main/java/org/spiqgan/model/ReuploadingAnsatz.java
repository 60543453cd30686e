package org.spiqgan.model;

import java.util.SplittableRandom;
import org.spiqgan.quantum.Angle;
import org.spiqgan.quantum.Circuit;
import org.spiqgan.quantum.Gate;

/**
 * The paper's circuit family (SPEC section 3), data re-uploading: n qubits, l layers, each layer
 * <ol>
 *   <li>noise encoding: RY(w_{j,q} z_q) on every qubit (options: no input weights, i.e. RY(z_q); RX instead
 *       of RY; latent {@code PER_LAYER} reads z_{j,q} instead of z_q);</li>
 *   <li>trainable rotations on every qubit, in circuit order RZ(a) RY(b) RZ(c) (options: RY(b) only, or
 *       RY(b) then RZ(c));</li>
 *   <li>entangler: CNOT(q, q+1) for q = 0..n-2 (options: CZ instead, or none; ring adds (n-1, 0) when
 *       n > 2).</li>
 * </ol>
 * Parameter layout: the parameters of (layer j, qubit q) are contiguous, starting at
 * {@code (j * n + q) * perQubit()}: the input weight first (when enabled), then the rotation angles in
 * circuit order. Inputs: z_q (shared, d = n) or z_{j,q} at index j * n + q (per-layer, d = l * n).
 *
 * <p>An immutable description; {@link #build()} makes the circuit. Example:
 * {@code ReuploadingAnsatz.of(4, 5).rotations(Rotations.RY).build()}.
 */
public final class ReuploadingAnsatz implements Ansatz {
    public enum Encoding { RY, RX }

    public enum Latent { SHARED, PER_LAYER }

    public enum Rotations {
        RZ_RY_RZ(3), RY(1), RY_RZ(2);

        final int count;

        Rotations(int count) {
            this.count = count;
        }

        public int count() {
            return count;
        }
    }

    public enum Entangler { CNOT, CZ, NONE }

    private final int qubits;
    private final int layers;
    private final boolean inputWeights;
    private final Encoding encoding;
    private final Latent latent;
    private final Rotations rotations;
    private final Entangler entangler;
    private final boolean ring;

    private ReuploadingAnsatz(int qubits, int layers, boolean inputWeights, Encoding encoding, Latent latent,
            Rotations rotations, Entangler entangler, boolean ring) {
        Circuit.checkQubitCount(null, qubits);
        if (layers < 1) throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        this.qubits = qubits;
        this.layers = layers;
        this.inputWeights = inputWeights;
        this.encoding = encoding;
        this.latent = latent;
        this.rotations = rotations;
        this.entangler = entangler;
        this.ring = ring;
    }

    /** The SPEC defaults: input weights on, RY encoding, shared latent, RZ RY RZ, CNOT chain. */
    public static ReuploadingAnsatz of(int qubits, int layers) {
        return new ReuploadingAnsatz(qubits, layers, true, Encoding.RY, Latent.SHARED, Rotations.RZ_RY_RZ,
                Entangler.CNOT, false);
    }

    public ReuploadingAnsatz inputWeights(boolean on) {
        return new ReuploadingAnsatz(qubits, layers, on, encoding, latent, rotations, entangler, ring);
    }

    public ReuploadingAnsatz encoding(Encoding e) {
        return new ReuploadingAnsatz(qubits, layers, inputWeights, e, latent, rotations, entangler, ring);
    }

    public ReuploadingAnsatz latent(Latent l) {
        return new ReuploadingAnsatz(qubits, layers, inputWeights, encoding, l, rotations, entangler, ring);
    }

    public ReuploadingAnsatz rotations(Rotations r) {
        return new ReuploadingAnsatz(qubits, layers, inputWeights, encoding, latent, r, entangler, ring);
    }

    public ReuploadingAnsatz entangler(Entangler e) {
        return new ReuploadingAnsatz(qubits, layers, inputWeights, encoding, latent, rotations, e, ring);
    }

    public ReuploadingAnsatz ring(boolean on) {
        return new ReuploadingAnsatz(qubits, layers, inputWeights, encoding, latent, rotations, entangler, on);
    }

    @Override
    public int qubits() {
        return qubits;
    }

    @Override
    public int layers() {
        return layers;
    }

    public boolean hasInputWeights() {
        return inputWeights;
    }

    /** Trainable parameters per (layer, qubit): rotation angles plus the input weight when enabled. */
    public int perQubit() {
        return rotations.count + (inputWeights ? 1 : 0);
    }

    /** Exactly l * n * (rotations per qubit + input weight). */
    @Override
    public int paramCount() {
        return layers * qubits * perQubit();
    }

    /** d = n (shared) or l * n (per-layer). */
    @Override
    public int inputCount() {
        return latent == Latent.SHARED ? qubits : layers * qubits;
    }

    /** Index of w_{j,q}; fails when input weights are off. */
    public int weightIndex(int layer, int qubit) {
        if (!inputWeights) throw new IllegalStateException("input weights are off");
        return (layer * qubits + qubit) * perQubit();
    }

    /** Index of rotation angle k (circuit order) of (layer, qubit). */
    public int rotationIndex(int layer, int qubit, int k) {
        if (k < 0 || k >= rotations.count) throw new IllegalArgumentException("rotation " + k);
        return (layer * qubits + qubit) * perQubit() + (inputWeights ? 1 : 0) + k;
    }

    /** Index of the input encoded in (layer, qubit). */
    public int inputIndex(int layer, int qubit) {
        return latent == Latent.SHARED ? qubit : layer * qubits + qubit;
    }

    /** Input weights 1 (so training starts from the plain encoding), rotation angles uniform in [0, 2 pi). */
    public double[] initialParams(SplittableRandom rng) {
        return initialParams(rng, 0);
    }

    /**
     * Input weights 1; rotation angles U[0, 2 pi) when spread is 0, else U(-spread, spread): a circuit near
     * the identity, whose output starts near |0...0> (all neurons silent) instead of near uniform.
     */
    @Override
    public double[] initialParams(SplittableRandom rng, double spread) {
        double[] p = new double[paramCount()];
        for (int j = 0; j < layers; j++) {
            for (int q = 0; q < qubits; q++) {
                if (inputWeights) p[weightIndex(j, q)] = 1.0;
                for (int k = 0; k < rotations.count; k++) p[rotationIndex(j, q, k)] = spread > 0
                        ? spread * (2 * rng.nextDouble() - 1) : 2 * Math.PI * rng.nextDouble();
            }
        }
        return p;
    }

    @Override
    public Circuit build() {
        Circuit.Builder b = Circuit.builder(qubits).params(paramCount()).inputs(inputCount());
        for (int j = 0; j < layers; j++) appendLayer(b, j);
        return b.build();
    }

    /** Layer j: noise encoding and rotations on every qubit, then the entangler (families that extend this one add gates around it). */
    void appendLayer(Circuit.Builder b, int j) {
        Gate enc = encoding == Encoding.RY ? Gate.RY : Gate.RX;
        for (int q = 0; q < qubits; q++) {
            int z = inputIndex(j, q);
            b.gate(enc, q, inputWeights ? Angle.product(weightIndex(j, q), z) : Angle.input(z));
            switch (rotations) {
                case RZ_RY_RZ:
                    b.rz(q, Angle.param(rotationIndex(j, q, 0)));
                    b.ry(q, Angle.param(rotationIndex(j, q, 1)));
                    b.rz(q, Angle.param(rotationIndex(j, q, 2)));
                    break;
                case RY:
                    b.ry(q, Angle.param(rotationIndex(j, q, 0)));
                    break;
                default:
                    b.ry(q, Angle.param(rotationIndex(j, q, 0)));
                    b.rz(q, Angle.param(rotationIndex(j, q, 1)));
            }
        }
        if (entangler != Entangler.NONE) {
            Gate g = entangler == Entangler.CNOT ? Gate.CNOT : Gate.CZ;
            for (int q = 0; q + 1 < qubits; q++) b.gate(g, q, q + 1);
            if (ring && qubits > 2) b.gate(g, qubits - 1, 0);
        }
    }

    @Override
    public String toString() {
        return String.format("sub-generator n=%d l=%d encoding=%s%s latent=%s rotations=%s entangler=%s%s",
                qubits, layers, encoding, inputWeights ? "(w*z)" : "(z)", latent, rotations, entangler,
                ring ? " ring" : "");
    }
}
