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
        switch (this) {
            case RX: {
                double c = Math.cos(0.5 * a[aOff]), s = Math.sin(0.5 * a[aOff]);
                set(out, off, c, 0, 0, -s, 0, -s, c, 0);
                break;
            }
            case RY: {
                double c = Math.cos(0.5 * a[aOff]), s = Math.sin(0.5 * a[aOff]);
                set(out, off, c, 0, -s, 0, s, 0, c, 0);
                break;
            }
            case RZ: {
                double c = Math.cos(0.5 * a[aOff]), s = Math.sin(0.5 * a[aOff]);
                set(out, off, c, -s, 0, 0, 0, 0, c, s);
                break;
            }
            case ROT: {
                double phi = a[aOff], theta = a[aOff + 1], omega = a[aOff + 2];
                double c = Math.cos(0.5 * theta), s = Math.sin(0.5 * theta);
                double sum = 0.5 * (phi + omega), dif = 0.5 * (phi - omega);
                double cs = Math.cos(sum), ss = Math.sin(sum), cd = Math.cos(dif), sd = Math.sin(dif);
                set(out, off, cs * c, -ss * c, -cd * s, -sd * s, cd * s, -sd * s, cs * c, ss * c);
                break;
            }
            case U3: {
                double theta = a[aOff], phi = a[aOff + 1], lam = a[aOff + 2];
                double c = Math.cos(0.5 * theta), s = Math.sin(0.5 * theta);
                set(out, off, c, 0, -Math.cos(lam) * s, -Math.sin(lam) * s,
                        Math.cos(phi) * s, Math.sin(phi) * s, Math.cos(phi + lam) * c, Math.sin(phi + lam) * c);
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

    /** Writes d(matrix)/d(angle k) to {@code out[off..off+8)}. */
    public void derivative(double[] a, int aOff, int k, double[] out, int off) {
        switch (this) {
            case RX: {
                double c = 0.5 * Math.cos(0.5 * a[aOff]), s = 0.5 * Math.sin(0.5 * a[aOff]);
                set(out, off, -s, 0, 0, -c, 0, -c, -s, 0);
                break;
            }
            case RY: {
                double c = 0.5 * Math.cos(0.5 * a[aOff]), s = 0.5 * Math.sin(0.5 * a[aOff]);
                set(out, off, -s, 0, -c, 0, c, 0, -s, 0);
                break;
            }
            case RZ: {
                double c = 0.5 * Math.cos(0.5 * a[aOff]), s = 0.5 * Math.sin(0.5 * a[aOff]);
                set(out, off, -s, -c, 0, 0, 0, 0, -s, c);
                break;
            }
            case ROT: {
                double phi = a[aOff], theta = a[aOff + 1], omega = a[aOff + 2];
                double sum = 0.5 * (phi + omega), dif = 0.5 * (phi - omega);
                double cs = Math.cos(sum), ss = Math.sin(sum), cd = Math.cos(dif), sd = Math.sin(dif);
                if (k == 1) {
                    double c = 0.5 * Math.cos(0.5 * theta), s = 0.5 * Math.sin(0.5 * theta);
                    set(out, off, -cs * s, ss * s, -cd * c, -sd * c, cd * c, -sd * c, -cs * s, -ss * s);
                } else {
                    double c = Math.cos(0.5 * theta), s = Math.sin(0.5 * theta);
                    // d/dphi multiplies column 0 by -i/2 and column 1 by +i/2; d/domega does so for rows.
                    double s01 = k == 0 ? 0.5 : -0.5;
                    double m00r = cs * c, m00i = -ss * c, m01r = -cd * s, m01i = -sd * s;
                    double m10r = cd * s, m10i = -sd * s, m11r = cs * c, m11i = ss * c;
                    // (-i/2) * (r + i m) = m/2 - i r/2 ; (+i/2) * (r + i m) = -m/2 + i r/2
                    set(out, off, 0.5 * m00i, -0.5 * m00r,
                            s01 * -m01i, s01 * m01r,
                            -s01 * -m10i, -s01 * m10r,
                            -0.5 * m11i, 0.5 * m11r);
                }
                break;
            }
            case U3: {
                double theta = a[aOff], phi = a[aOff + 1], lam = a[aOff + 2];
                double c = Math.cos(0.5 * theta), s = Math.sin(0.5 * theta);
                double cl = Math.cos(lam), sl = Math.sin(lam), cp = Math.cos(phi), sp = Math.sin(phi);
                double cpl = Math.cos(phi + lam), spl = Math.sin(phi + lam);
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
