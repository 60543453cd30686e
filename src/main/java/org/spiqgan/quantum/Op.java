package org.spiqgan.quantum;

import java.util.Arrays;
import java.util.List;

/** One gate application as written in the circuit (before fusion). Immutable. */
public final class Op {
    private final Gate gate;
    private final int[] qubits;
    private final Angle[] angles;
    private final double[] matrix;

    Op(Gate gate, int[] qubits, Angle[] angles, double[] matrix) {
        this.gate = gate;
        this.qubits = qubits.clone();
        this.angles = angles.clone();
        this.matrix = matrix == null ? null : matrix.clone();
    }

    public Gate gate() {
        return gate;
    }

    public int qubit(int k) {
        return qubits[k];
    }

    public int[] qubits() {
        return qubits.clone();
    }

    public List<Angle> angles() {
        return List.of(angles);
    }

    public Angle angle(int k) {
        return angles[k];
    }

    /** The 2x2 matrix of a UNITARY op (8 doubles, row-major re/im), else null. */
    public double[] matrix() {
        return matrix == null ? null : matrix.clone();
    }

    double matrixEntry(int k) {
        return matrix[k];
    }

    @Override
    public String toString() {
        return gate + Arrays.toString(qubits) + (angles.length > 0 ? Arrays.toString(angles) : "");
    }
}
