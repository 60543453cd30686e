package org.spiqgan.quantum;

/**
 * A single-qubit gate on a state stored through a linear relabelling of its basis ({@link SamplingPlan}): the
 * circuit's amplitude of basis state y sits at index B y, B an invertible map of the index bits (XOR-linear), so
 * that a CNOT chain or any other linear permutation costs no pass; it only changes B. A gate on qubit q of y then
 * pairs index x with x ^ {@code mask} (mask = B e_q), and the element of a pair whose y has bit q set is the one
 * with odd parity of x & {@code role} (role = row q of B^-1). The element with that bit clear is updated with
 * row 0 of the gate's matrix, the other with row 1, as in {@link Kernels#apply}.
 *
 * <p>For the vector kernels it also holds, for one lane count L, the representatives of the pairs (vector starts
 * x with the mask's highest bit above the lanes clear, or every vector start when the mask lies within the lanes),
 * ordered by the parity of x & role, whose lanes then share one pattern of roles: so each kernel loop keeps its
 * coefficients in registers. Immutable.
 */
final class MaskedGate {
    final int mask;
    final int role;
    /** The lane count the tables below are for (1: none). */
    final int lanes;
    /** The mask's bits above and within the lanes. */
    final int maskHigh, maskLow;
    /** Vector starts of the pairs' first elements: those of even parity of x & role, then the odd. */
    final int[] bases;
    final int evenBases;
    /** Per lane, 1.0 where the element has the role of row 1: lanes 0..L-1 for even starts, L..2L-1 for odd. */
    final double[] roleLanes;
    /** Parity of maskHigh & role: the partner vector's starts are of the other parity when it is 1. */
    final int partnerParity;

    MaskedGate(int qubits, int mask, int role, int lanes) {
        int dim = 1 << qubits;
        if (mask <= 0 || mask >= dim) throw new IllegalArgumentException("mask " + mask + " on " + qubits + " qubits");
        if (parity(mask & role) != 1) throw new IllegalArgumentException("role " + role + " does not split mask " + mask);
        this.mask = mask;
        this.role = role;
        this.lanes = lanes;
        this.maskHigh = mask & -lanes;
        this.maskLow = mask & (lanes - 1);
        this.partnerParity = parity(maskHigh & role);
        int hb = Integer.highestOneBit(maskHigh);
        int count = 0;
        for (int x = 0; x < dim; x += lanes) if ((x & hb) == 0) count++;
        bases = new int[count];
        int even = 0;
        for (int x = 0; x < dim; x += lanes) if ((x & hb) == 0 && parity(x & role) == 0) bases[even++] = x;
        int k = even;
        for (int x = 0; x < dim; x += lanes) if ((x & hb) == 0 && parity(x & role) == 1) bases[k++] = x;
        evenBases = even;
        roleLanes = new double[2 * lanes];
        for (int c = 0; c < 2; c++) {
            for (int l = 0; l < lanes; l++) roleLanes[c * lanes + l] = (c ^ parity(l & role)) == 1 ? 1.0 : 0.0;
        }
    }

    static int parity(int x) {
        return Integer.bitCount(x) & 1;
    }
}
