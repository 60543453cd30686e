package org.spiqgan.quantum;

import java.util.Arrays;

/**
 * What is read from a state: every output is linear in the Born probabilities, so a cotangent on it
 * maps to a diagonal observable (one weight per basis state), which is what the adjoint pass needs.
 */
public final class Readout {
    public enum Kind {
        /** Born distribution over the chosen qubits (others traced out); index = sum_k bit(q_k) 2^k. */
        PROBABILITIES,
        /** P(qubit q_k = 1) for each chosen qubit. */
        MARGINALS,
        /** P(Hamming weight over the chosen qubits = w), w = 0..|qubits|. */
        HAMMING
    }

    private final Kind kind;
    private final int[] qubits; // null = all qubits in order
    private final long mask;
    /** True when the qubits are 0, 1, ..., k-1 in order: the subset code of b is then its low k bits. */
    private final boolean lowBits;

    private Readout(Kind kind, int[] qubits) {
        this.kind = kind;
        this.qubits = qubits == null ? null : qubits.clone();
        long m = 0;
        if (qubits != null) {
            for (int q : qubits) {
                if (q < 0 || q > 62) throw new IllegalArgumentException("qubit index " + q);
                if ((m & (1L << q)) != 0) throw new IllegalArgumentException("qubit " + q + " listed twice");
                m |= 1L << q;
            }
        }
        this.mask = m;
        boolean low = qubits != null;
        if (qubits != null) for (int k = 0; k < qubits.length; k++) low &= qubits[k] == k;
        this.lowBits = low;
    }

    /** The full probability vector over all qubits. */
    public static Readout probabilities() {
        return new Readout(Kind.PROBABILITIES, null);
    }

    /** The Born distribution over a subset of qubits (the rest traced out). */
    public static Readout probabilities(int... qubits) {
        return new Readout(Kind.PROBABILITIES, qubits);
    }

    /** Marginals over all qubits. */
    public static Readout marginals() {
        return new Readout(Kind.MARGINALS, null);
    }

    public static Readout marginals(int... qubits) {
        return new Readout(Kind.MARGINALS, qubits);
    }

    /** Hamming-weight distribution over all qubits. */
    public static Readout hamming() {
        return new Readout(Kind.HAMMING, null);
    }

    public static Readout hamming(int... qubits) {
        return new Readout(Kind.HAMMING, qubits);
    }

    public Kind kind() {
        return kind;
    }

    /** The chosen qubits for a circuit of n qubits. */
    public int[] qubits(int n) {
        if (qubits != null) return qubits.clone();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return all;
    }

    /** Output length for a circuit of n qubits. */
    public int size(int n) {
        int k = qubits == null ? n : qubits.length;
        switch (kind) {
            case PROBABILITIES: return 1 << k;
            case MARGINALS: return k;
            default: return k + 1;
        }
    }

    void check(int n) {
        if (qubits == null) return;
        for (int q : qubits) {
            if (q >= n) throw new IllegalArgumentException("readout qubit " + q + " >= circuit size " + n);
        }
    }

    /** Computes this output from the Born probabilities p (length 2^n) into out[0..size). */
    void compute(double[] p, int n, double[] out) {
        int dim = 1 << n;
        int size = size(n);
        Arrays.fill(out, 0, size, 0.0);
        switch (kind) {
            case PROBABILITIES:
                if (qubits == null || (lowBits && size == dim)) {
                    // every qubit in order: out = p (0 + p_b is p_b exactly, and p_b is never -0)
                    System.arraycopy(p, 0, out, 0, dim);
                } else if (lowBits) {
                    // subsetCode(b) = b & (size - 1): the same sums in the same order, without the bit loop
                    for (int b = 0, low = size - 1; b < dim; b++) out[b & low] += p[b];
                } else {
                    for (int b = 0; b < dim; b++) out[subsetCode(b)] += p[b];
                }
                break;
            case MARGINALS: {
                int[] qs = qubits(n);
                for (int k = 0; k < qs.length; k++) {
                    int q = qs[k];
                    double s = 0;
                    // Sum the upper half of each pair block: indices with bit q set.
                    int stride = 1 << q;
                    for (int base = stride; base < dim; base += 2 * stride) {
                        for (int i = base; i < base + stride; i++) s += p[i];
                    }
                    out[k] = s;
                }
                break;
            }
            default: {
                long m = qubits == null ? (dim - 1L) : mask;
                for (int b = 0; b < dim; b++) out[Long.bitCount(b & m)] += p[b];
            }
        }
    }

    /** Maps a cotangent on this output to per-basis-state weights w (length 2^n). */
    void weights(double[] cot, int n, double[] w) {
        int dim = 1 << n;
        switch (kind) {
            case PROBABILITIES:
                if (qubits == null) {
                    System.arraycopy(cot, 0, w, 0, dim);
                } else if (lowBits) {
                    for (int b = 0, low = (1 << qubits.length) - 1; b < dim; b++) w[b] = cot[b & low];
                } else {
                    for (int b = 0; b < dim; b++) w[b] = cot[subsetCode(b)];
                }
                break;
            case MARGINALS: {
                int[] qs = qubits(n);
                Arrays.fill(w, 0, dim, 0.0);
                for (int k = 0; k < qs.length; k++) {
                    double c = cot[k];
                    int stride = 1 << qs[k];
                    for (int base = stride; base < dim; base += 2 * stride) {
                        for (int i = base; i < base + stride; i++) w[i] += c;
                    }
                }
                break;
            }
            default: {
                long m = qubits == null ? (dim - 1L) : mask;
                for (int b = 0; b < dim; b++) w[b] = cot[Long.bitCount(b & m)];
            }
        }
    }

    /** The index of basis state b in the subset distribution. */
    int subsetCode(long b) {
        if (qubits == null) return (int) b;
        int code = 0;
        for (int k = 0; k < qubits.length; k++) code |= (int) ((b >>> qubits[k]) & 1L) << k;
        return code;
    }

    @Override
    public String toString() {
        return kind + (qubits == null ? "(all)" : Arrays.toString(qubits));
    }
}
