package org.spiqgan.quantum;

/**
 * Batch-major kernels for circuits of real rotations (RY and multiplexed RY), which keep a real state
 * real. Amplitude {@code b} of lane {@code k} is {@code psi[b * lanes + k]}: every gate is a loop over
 * independent lanes with the same memory pattern, which the JIT vectorizes, where the per-item layout of
 * {@link Kernels} pays one pass per item.
 *
 * <p>RY(theta) = [[c, -s], [s, c]] with c = cos(theta/2), s = sin(theta/2). A multiplexed (uniformly
 * controlled) RY on target r rotates by an angle that depends on the bits below r: on basis states the
 * block CRY(b_0r) ... CRY(b_{r-1,r}) is one rotation by sum_q b_qr x_q, simulated here in one pass with a
 * table of 2^r (cos, sin) pairs indexed by those bits.
 *
 * <p>Adjoint kernels take the state after the gate and the adjoint vector (dL/dpsi) after the gate,
 * accumulate dL/dtheta, and un-apply the gate to both, so a reverse sweep needs no stored states:
 * dL/dtheta = 1/2 sum over pairs (lam1 phi0 - lam0 phi1), because dRY/dtheta = RY(pi) RY(theta) / 2.
 */
public final class RealBatchKernels {
    private RealBatchKernels() {}

    /** Sets every lane to |0...0>. */
    public static void zeroState(double[] psi, int qubits, int lanes) {
        java.util.Arrays.fill(psi, 0, lanes << qubits, 0.0);
        java.util.Arrays.fill(psi, 0, lanes, 1.0);
    }

    /**
     * Sets every lane to the product state RY(theta_{q,k}) ... |0...0>: amplitude b of lane k is
     * prod_q (b_q ? s_{q,k} : c_{q,k}). One pass instead of {@code qubits} rotations of a sparse state.
     *
     * @param c cos(theta/2), {@code c[q * lanes + k]}
     * @param s sin(theta/2), same layout
     */
    public static void productState(double[] psi, int qubits, int lanes, double[] c, double[] s) {
        System.arraycopy(c, 0, psi, 0, lanes);
        System.arraycopy(s, 0, psi, lanes, lanes);
        for (int q = 1; q < qubits; q++) {
            int half = 1 << q;
            int cq = q * lanes;
            for (int b = half - 1; b >= 0; b--) {
                int src = b * lanes, hi = (b + half) * lanes;
                for (int k = 0; k < lanes; k++) {
                    double a = psi[src + k];
                    psi[hi + k] = a * s[cq + k];
                    psi[src + k] = a * c[cq + k];
                }
            }
        }
    }

    /** RY on qubit q with a per-lane angle: c[off + k], s[off + k] for lane k. */
    public static void ry(double[] psi, int qubits, int lanes, int q, double[] c, double[] s, int off) {
        int dim = 1 << qubits, step = 1 << q;
        for (int hi = 0; hi < dim; hi += step << 1) {
            for (int lo = 0; lo < step; lo++) {
                int b0 = (hi + lo) * lanes, b1 = b0 + step * lanes;
                for (int k = 0; k < lanes; k++) {
                    double x0 = psi[b0 + k], x1 = psi[b1 + k];
                    double ck = c[off + k], sk = s[off + k];
                    psi[b0 + k] = ck * x0 - sk * x1;
                    psi[b1 + k] = sk * x0 + ck * x1;
                }
            }
        }
    }

    /** Multiplexed RY on {@code target}: the angle of basis index i is the table entry of i's bits below the target. */
    public static void multiplexedRy(double[] psi, int qubits, int lanes, int target, double[] cosT, double[] sinT) {
        int dim = 1 << qubits, step = 1 << target;
        for (int hi = 0; hi < dim; hi += step << 1) {
            for (int lo = 0; lo < step; lo++) {
                double c = cosT[lo], s = sinT[lo];
                if (s == 0.0 && c == 1.0) continue;
                int b0 = (hi + lo) * lanes, b1 = b0 + step * lanes;
                for (int k = 0; k < lanes; k++) {
                    double x0 = psi[b0 + k], x1 = psi[b1 + k];
                    psi[b0 + k] = c * x0 - s * x1;
                    psi[b1 + k] = s * x0 + c * x1;
                }
            }
        }
    }

    /**
     * Adjoint of {@link #ry}: adds dL/dtheta_k to {@code grad[goff + k]}, then un-applies the rotation to
     * {@code psi} and {@code lam}.
     */
    public static void ryAdjoint(double[] psi, double[] lam, int qubits, int lanes, int q, double[] c, double[] s, int off,
            double[] grad, int goff) {
        int dim = 1 << qubits, step = 1 << q;
        for (int hi = 0; hi < dim; hi += step << 1) {
            for (int lo = 0; lo < step; lo++) {
                int b0 = (hi + lo) * lanes, b1 = b0 + step * lanes;
                for (int k = 0; k < lanes; k++) {
                    double p0 = psi[b0 + k], p1 = psi[b1 + k];
                    double l0 = lam[b0 + k], l1 = lam[b1 + k];
                    grad[goff + k] += 0.5 * (l1 * p0 - l0 * p1);
                    double ck = c[off + k], sk = s[off + k];
                    psi[b0 + k] = ck * p0 + sk * p1;
                    psi[b1 + k] = ck * p1 - sk * p0;
                    lam[b0 + k] = ck * l0 + sk * l1;
                    lam[b1 + k] = ck * l1 - sk * l0;
                }
            }
        }
    }

    /**
     * Adjoint of {@link #multiplexedRy}: adds dL/dangle(lo), summed over lanes and higher bits, to
     * {@code grad[lo]} for every pattern lo of the bits below the target, then un-applies the block.
     * {@code laneGrad} (at least 2^target x lanes values) keeps the sums per lane, so the inner loop has no
     * reduction and vectorizes; they are reduced once at the end.
     */
    public static void multiplexedRyAdjoint(double[] psi, double[] lam, int qubits, int lanes, int target, double[] cosT,
            double[] sinT, double[] grad, double[] laneGrad) {
        int dim = 1 << qubits, step = 1 << target;
        java.util.Arrays.fill(laneGrad, 0, step * lanes, 0.0);
        for (int hi = 0; hi < dim; hi += step << 1) {
            for (int lo = 0; lo < step; lo++) {
                double c = cosT[lo], s = sinT[lo];
                int b0 = (hi + lo) * lanes, b1 = b0 + step * lanes, g0 = lo * lanes;
                for (int k = 0; k < lanes; k++) {
                    double p0 = psi[b0 + k], p1 = psi[b1 + k];
                    double l0 = lam[b0 + k], l1 = lam[b1 + k];
                    laneGrad[g0 + k] += l1 * p0 - l0 * p1;
                    psi[b0 + k] = c * p0 + s * p1;
                    psi[b1 + k] = c * p1 - s * p0;
                    lam[b0 + k] = c * l0 + s * l1;
                    lam[b1 + k] = c * l1 - s * l0;
                }
            }
        }
        for (int lo = 0; lo < step; lo++) {
            double g = 0;
            int g0 = lo * lanes;
            for (int k = 0; k < lanes; k++) g += laneGrad[g0 + k];
            grad[lo] += 0.5 * g;
        }
    }
}
