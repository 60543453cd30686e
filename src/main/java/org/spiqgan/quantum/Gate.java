package org.spiqgan.quantum;

/**
 * The gate set. Single-qubit matrices are 2x2 complex, stored row-major as 8 doubles
 * {@code (re00, im00, re01, im01, re10, im10, re11, im11)}.
 *
 * <p>Conventions: RX/RY/RZ(t) = exp(-i t P / 2); ROT(phi, theta, omega) = RZ(omega) RY(theta) RZ(phi)
 * (PennyLane's Rot, so the circuit order is RZ(phi) first); U3(theta, phi, lambda) is OpenQASM's u3
 * {@code [[cos t/2, -e^{i l} sin t/2], [e^{i p} sin t/2, e^{i(p+l)} cos t/2]]}.
 */
public enum Gate {
    RX(1, 1, false, true),
    RY(1, 1, false, true),
    RZ(1, 1, true, true),
    ROT(1, 3, false, true),
    U3(1, 3, false, true),
    H(1, 0, false, false),
    X(1, 0, false, false),
    Y(1, 0, false, false),
    Z(1, 0, true, false),
    S(1, 0, true, false),
    SDG(1, 0, true, false),
    T(1, 0, true, false),
    TDG(1, 0, true, false),
    /** Any constant 2x2 unitary given as a matrix. */
    UNITARY(1, 0, false, false),
    /** CNOT(control, target). */
    CNOT(2, 0, false, false),
    CZ(2, 0, true, false),
    SWAP(2, 0, false, false);

    private final int qubits;
    private final int angles;
    private final boolean diagonal;
    private final boolean rotation;

    Gate(int qubits, int angles, boolean diagonal, boolean rotation) {
        this.qubits = qubits;
        this.angles = angles;
        this.diagonal = diagonal;
        this.rotation = rotation;
    }

    public int qubits() {
        return qubits;
    }

    public int angles() {
        return angles;
    }

    /** Diagonal in the computational basis for every angle. */
    public boolean isDiagonal() {
        return diagonal;
    }

    /** Every angle obeys the two-term parameter-shift rule (shift +-pi/2). */
    public boolean isRotation() {
        return rotation;
    }

    private static final double R = Math.sqrt(0.5);

    /**
     * Writes the matrix of a single-qubit gate with angles {@code a[aOff..]} to {@code out[off..off+8)}.
     * Not for UNITARY, whose matrix is given.
     */
    public void matrix(double[] a, int aOff, double[] out, int off) {
        double[] c = new double[aOff + angles], s = new double[aOff + angles];
        for (int k = aOff; k < aOff + angles; k++) {
            c[k] = Math.cos(0.5 * a[k]);
            s[k] = Math.sin(0.5 * a[k]);
        }
        matrix(c, s, aOff, out, off);
    }

    /** Writes d(matrix)/d(angle k) to {@code out[off..off+8)}. */
    public void derivative(double[] a, int aOff, int k, double[] out, int off) {
        double[] c = new double[aOff + angles], s = new double[aOff + angles];
        for (int i = aOff; i < aOff + angles; i++) {
            c[i] = Math.cos(0.5 * a[i]);
            s[i] = Math.sin(0.5 * a[i]);
        }
        derivative(c, s, aOff, k, out, off);
    }

    /**
     * The matrix from the cosines and sines of the half angles ({@code ch[k] = cos(a_k / 2)},
     * {@code sh[k] = sin(a_k / 2)}), so that a forward and an adjoint pass evaluate each angle's trig once.
     */
    void matrix(double[] ch, double[] sh, int o, double[] out, int off) {
        switch (this) {
            case RX: set(out, off, ch[o], 0, 0, -sh[o], 0, -sh[o], ch[o], 0); break;
            case RY: set(out, off, ch[o], 0, -sh[o], 0, sh[o], 0, ch[o], 0); break;
            case RZ: set(out, off, ch[o], -sh[o], 0, 0, 0, 0, ch[o], sh[o]); break;
            case ROT: {
                double cp = ch[o], sp = sh[o], c = ch[o + 1], s = sh[o + 1], co = ch[o + 2], so = sh[o + 2];
                // half-angle sums: (phi + omega) / 2 and (phi - omega) / 2
                double cs = cp * co - sp * so, ss = sp * co + cp * so, cd = cp * co + sp * so, sd = sp * co - cp * so;
                set(out, off, cs * c, -ss * c, -cd * s, -sd * s, cd * s, -sd * s, cs * c, ss * c);
                break;
            }
            case U3: {
                double c = ch[o], s = sh[o];
                double cp = ch[o + 1] * ch[o + 1] - sh[o + 1] * sh[o + 1], sp = 2 * sh[o + 1] * ch[o + 1];
                double cl = ch[o + 2] * ch[o + 2] - sh[o + 2] * sh[o + 2], sl = 2 * sh[o + 2] * ch[o + 2];
                double cpl = cp * cl - sp * sl, spl = sp * cl + cp * sl;
                set(out, off, c, 0, -cl * s, -sl * s, cp * s, sp * s, cpl * c, spl * c);
                break;
            }
            case H: set(out, off, R, 0, R, 0, R, 0, -R, 0); break;
            case X: set(out, off, 0, 0, 1, 0, 1, 0, 0, 0); break;
            case Y: set(out, off, 0, 0, 0, -1, 0, 1, 0, 0); break;
            case Z: set(out, off, 1, 0, 0, 0, 0, 0, -1, 0); break;
            case S: set(out, off, 1, 0, 0, 0, 0, 0, 0, 1); break;
            case SDG: set(out, off, 1, 0, 0, 0, 0, 0, 0, -1); break;
            case T: set(out, off, 1, 0, 0, 0, 0, 0, R, R); break;
            case TDG: set(out, off, 1, 0, 0, 0, 0, 0, R, -R); break;
            default: throw new IllegalStateException(this + " has no parametrised 2x2 matrix");
        }
    }

    void derivative(double[] ch, double[] sh, int o, int k, double[] out, int off) {
        switch (this) {
            case RX: {
                double c = 0.5 * ch[o], s = 0.5 * sh[o];
                set(out, off, -s, 0, 0, -c, 0, -c, -s, 0);
                break;
            }
            case RY: {
                double c = 0.5 * ch[o], s = 0.5 * sh[o];
                set(out, off, -s, 0, -c, 0, c, 0, -s, 0);
                break;
            }
            case RZ: {
                double c = 0.5 * ch[o], s = 0.5 * sh[o];
                set(out, off, -s, -c, 0, 0, 0, 0, -s, c);
                break;
            }
            case ROT: {
                double cp = ch[o], sp = sh[o], co = ch[o + 2], so = sh[o + 2];
                double cs = cp * co - sp * so, ss = sp * co + cp * so, cd = cp * co + sp * so, sd = sp * co - cp * so;
                if (k == 1) {
                    double c = 0.5 * ch[o + 1], s = 0.5 * sh[o + 1];
                    set(out, off, -cs * s, ss * s, -cd * c, -sd * c, cd * c, -sd * c, -cs * s, -ss * s);
                } else {
                    double c = ch[o + 1], s = sh[o + 1];
                    // d/dphi multiplies column 0 by -i/2 and column 1 by +i/2; d/domega does so for rows.
                    double s01 = k == 0 ? 0.5 : -0.5;
                    double m00r = cs * c, m00i = -ss * c, m01r = -cd * s, m01i = -sd * s;
                    double m10r = cd * s, m10i = -sd * s, m11r = cs * c, m11i = ss * c;
                    set(out, off, 0.5 * m00i, -0.5 * m00r,
                            s01 * -m01i, s01 * m01r,
                            -s01 * -m10i, -s01 * m10r,
                            -0.5 * m11i, 0.5 * m11r);
                }
                break;
            }
            case U3: {
                double c = ch[o], s = sh[o];
                double cp = ch[o + 1] * ch[o + 1] - sh[o + 1] * sh[o + 1], sp = 2 * sh[o + 1] * ch[o + 1];
                double cl = ch[o + 2] * ch[o + 2] - sh[o + 2] * sh[o + 2], sl = 2 * sh[o + 2] * ch[o + 2];
                double cpl = cp * cl - sp * sl, spl = sp * cl + cp * sl;
                if (k == 0) {
                    set(out, off, -0.5 * s, 0, -0.5 * cl * c, -0.5 * sl * c, 0.5 * cp * c, 0.5 * sp * c,
                            -0.5 * cpl * s, -0.5 * spl * s);
                } else if (k == 1) {
                    // i * e^{i phi} s, i * e^{i(phi+lam)} c on the second row
                    set(out, off, 0, 0, 0, 0, -sp * s, cp * s, -spl * c, cpl * c);
                } else {
                    // column 1: -i e^{i lam} s, i e^{i(phi+lam)} c
                    set(out, off, 0, 0, sl * s, -cl * s, 0, 0, -spl * c, cpl * c);
                }
                break;
            }
            default: throw new IllegalStateException(this + " has no angle");
        }
    }

    static void set(double[] o, int off, double a, double b, double c, double d, double e, double f, double g,
            double h) {
        o[off] = a;
        o[off + 1] = b;
        o[off + 2] = c;
        o[off + 3] = d;
        o[off + 4] = e;
        o[off + 5] = f;
        o[off + 6] = g;
        o[off + 7] = h;
    }
}
