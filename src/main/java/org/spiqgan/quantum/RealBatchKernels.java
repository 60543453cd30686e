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

    // Fused kernels. Within one layer of a circuit whose multiplexed blocks have their controls below their
    // target, the RY on qubit q commutes with the multiplexed blocks of every lower target (they neither act
    // on q nor read it), so the layer "RY on every qubit, then the blocks of targets 1..n-1" equals
    // "for q = 0..n-1: RY on q, then q's block". RY on q followed by q's block is one rotation by
    // theta_k + phi(lo) per lane k and pattern lo of the bits below q: one pass instead of two. Results
    // differ from the unfused kernels by rounding only (cos and sin of the sum are formed from those of the
    // parts).

    /**
     * {@link #ry} on {@code target} followed by {@link #multiplexedRy} on the same target, in one pass
     * (a null table means the target has no block: plain {@link #ry}). {@code scratch}: 2 x lanes values.
     */
    public static void ryMultiplexed(double[] psi, int qubits, int lanes, int target, double[] c, double[] s, int off,
            double[] cosT, double[] sinT, double[] scratch) {
        if (cosT == null) {
            ry(psi, qubits, lanes, target, c, s, off);
            return;
        }
        int dim = 1 << qubits, step = 1 << target;
        // pattern by pattern: the combined (cos, sin) of every lane once, then every block with that pattern
        for (int lo = 0; lo < step; lo++) {
            double ct = cosT[lo], st = sinT[lo];
            for (int k = 0; k < lanes; k++) {
                double ca = c[off + k], sa = s[off + k];
                scratch[k] = ca * ct - sa * st;
                scratch[lanes + k] = sa * ct + ca * st;
            }
            for (int hi = 0; hi < dim; hi += step << 1) {
                int b0 = (hi + lo) * lanes, b1 = b0 + step * lanes;
                for (int k = 0; k < lanes; k++) {
                    double x0 = psi[b0 + k], x1 = psi[b1 + k];
                    double ck = scratch[k], sk = scratch[lanes + k];
                    psi[b0 + k] = ck * x0 - sk * x1;
                    psi[b1 + k] = sk * x0 + ck * x1;
                }
            }
        }
    }

    /**
     * {@link #ryMultiplexed} on {@code q} and then on {@code q + 1}, in one pass over quadruples of
     * amplitudes (bits q and q + 1), so the state is read and written once for two targets: the pass is
     * bound by the state's traffic through the cache (a 10-qubit chunk of 32 lanes is 256 KiB), not by the
     * arithmetic. Target q + 1's pattern includes bit q, so each quadruple uses two of its table entries.
     * Tables may be null (no block). {@code scratch}: 6 x lanes values.
     */
    public static void ryMultiplexedPair(double[] psi, int qubits, int lanes, int q, double[] c, double[] s, int offA,
            int offB, double[] cosA, double[] sinA, double[] cosB, double[] sinB, double[] scratch) {
        int dim = 1 << qubits, step = 1 << q;
        int ca = 0, sa = lanes, cb0 = 2 * lanes, sb0 = 3 * lanes, cb1 = 4 * lanes, sb1 = 5 * lanes;
        int s1 = step * lanes, s2 = 2 * step * lanes;
        for (int lo = 0; lo < step; lo++) {
            double cta = cosA == null ? 1 : cosA[lo], sta = cosA == null ? 0 : sinA[lo];
            double ctb0 = cosB == null ? 1 : cosB[lo], stb0 = cosB == null ? 0 : sinB[lo];
            double ctb1 = cosB == null ? 1 : cosB[lo + step], stb1 = cosB == null ? 0 : sinB[lo + step];
            for (int k = 0; k < lanes; k++) {
                double x = c[offA + k], y = s[offA + k];
                scratch[ca + k] = x * cta - y * sta;
                scratch[sa + k] = y * cta + x * sta;
                x = c[offB + k];
                y = s[offB + k];
                scratch[cb0 + k] = x * ctb0 - y * stb0;
                scratch[sb0 + k] = y * ctb0 + x * stb0;
                scratch[cb1 + k] = x * ctb1 - y * stb1;
                scratch[sb1 + k] = y * ctb1 + x * stb1;
            }
            for (int hi = 0; hi < dim; hi += step << 2) {
                int b00 = (hi + lo) * lanes, b01 = b00 + s1, b10 = b00 + s2, b11 = b10 + s1;
                for (int k = 0; k < lanes; k++) {
                    double x00 = psi[b00 + k], x01 = psi[b01 + k], x10 = psi[b10 + k], x11 = psi[b11 + k];
                    double cak = scratch[ca + k], sak = scratch[sa + k];
                    // target q: pairs (00, 01) and (10, 11) (index bit q is the low bit of the names)
                    double y00 = cak * x00 - sak * x01, y01 = sak * x00 + cak * x01;
                    double y10 = cak * x10 - sak * x11, y11 = sak * x10 + cak * x11;
                    // target q + 1: pairs (00, 10) with bit q = 0 and (01, 11) with bit q = 1
                    double c0 = scratch[cb0 + k], s0 = scratch[sb0 + k], c1 = scratch[cb1 + k], s1k = scratch[sb1 + k];
                    psi[b00 + k] = c0 * y00 - s0 * y10;
                    psi[b10 + k] = s0 * y00 + c0 * y10;
                    psi[b01 + k] = c1 * y01 - s1k * y11;
                    psi[b11 + k] = s1k * y01 + c1 * y11;
                }
            }
        }
    }

    /**
     * {@link #productState} followed by the multiplexed blocks of targets 1..n-1 in order, built in one
     * pass: block r only reads bits below r, so qubit r can be rotated by its table as it is added to the
     * product. {@code cosT[tOff + r]} / {@code sinT[tOff + r]} are target r's tables (null: no block).
     */
    public static void productStateMultiplexed(double[] psi, int qubits, int lanes, double[] c, double[] s,
            double[][] cosT, double[][] sinT, int tOff) {
        System.arraycopy(c, 0, psi, 0, lanes);
        System.arraycopy(s, 0, psi, lanes, lanes);
        for (int q = 1; q < qubits; q++) {
            int half = 1 << q;
            int cq = q * lanes;
            double[] tc = cosT[tOff + q], ts = sinT[tOff + q];
            for (int b = half - 1; b >= 0; b--) {
                int src = b * lanes, hi = (b + half) * lanes;
                if (tc == null) {
                    for (int k = 0; k < lanes; k++) {
                        double a = psi[src + k];
                        psi[hi + k] = a * s[cq + k];
                        psi[src + k] = a * c[cq + k];
                    }
                } else {
                    double ct = tc[b], st = ts[b];
                    for (int k = 0; k < lanes; k++) {
                        double a = psi[src + k];
                        double ca = c[cq + k], sa = s[cq + k];
                        psi[hi + k] = a * (sa * ct + ca * st);
                        psi[src + k] = a * (ca * ct - sa * st);
                    }
                }
            }
        }
    }

    /**
     * Adjoint of {@link #ryMultiplexed}: both angles of a pair enter as their sum, so one correlation
     * g = lam1 phi0 - lam0 phi1 gives both gradients: adds dL/dtheta_k to {@code grad[goff + k]} and
     * dL/dphi(lo) to {@code tableGrad[lo]}, then un-applies the rotation to {@code psi} and {@code lam}.
     * {@code scratch} (3 x lanes values) holds per-lane sums, reduced per pattern so that the inner loop has
     * no reduction and vectorizes, and the combined (cos, sin). A null table: {@link #ryAdjoint}.
     */
    public static void ryMultiplexedAdjoint(double[] psi, double[] lam, int qubits, int lanes, int target, double[] c,
            double[] s, int off, double[] cosT, double[] sinT, double[] grad, int goff, double[] tableGrad,
            double[] scratch) {
        if (cosT == null) {
            ryAdjoint(psi, lam, qubits, lanes, target, c, s, off, grad, goff);
            return;
        }
        int dim = 1 << qubits, step = 1 << target, cs = lanes, ss = 2 * lanes;
        for (int lo = 0; lo < step; lo++) {
            double ct = cosT[lo], st = sinT[lo];
            for (int k = 0; k < lanes; k++) {
                double ca = c[off + k], sa = s[off + k];
                scratch[k] = 0.0;
                scratch[cs + k] = ca * ct - sa * st;
                scratch[ss + k] = sa * ct + ca * st;
            }
            for (int hi = 0; hi < dim; hi += step << 1) {
                int b0 = (hi + lo) * lanes, b1 = b0 + step * lanes;
                for (int k = 0; k < lanes; k++) {
                    double p0 = psi[b0 + k], p1 = psi[b1 + k];
                    double l0 = lam[b0 + k], l1 = lam[b1 + k];
                    scratch[k] += l1 * p0 - l0 * p1;
                    double ck = scratch[cs + k], sk = scratch[ss + k];
                    psi[b0 + k] = ck * p0 + sk * p1;
                    psi[b1 + k] = ck * p1 - sk * p0;
                    lam[b0 + k] = ck * l0 + sk * l1;
                    lam[b1 + k] = ck * l1 - sk * l0;
                }
            }
            double g = 0;
            for (int k = 0; k < lanes; k++) {
                double v = scratch[k];
                g += v;
                grad[goff + k] += 0.5 * v;
            }
            tableGrad[lo] += 0.5 * g;
        }
    }
}
