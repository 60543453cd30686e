package org.spiqgan.quantum;

/**
 * An independent, deliberately naive simulator for tests: gate matrices written from their textbook
 * definitions as complex numbers, applied one op at a time (no fusion) by explicit basis-state sums.
 */
final class ReferenceSim {
    private ReferenceSim() {}

    /** Complex 2x2 matrix as double[2][2][2] (row, col, re/im). */
    static double[][][] matrix(Gate g, double[] a, double[] unitary) {
        double h = Math.sqrt(0.5);
        switch (g) {
            case RX: return rot(a[0], 1);
            case RY: return rot(a[0], 2);
            case RZ: return rot(a[0], 3);
            case ROT: return mul(rot(a[2], 3), mul(rot(a[1], 2), rot(a[0], 3)));
            case U3: {
                double t = a[0], p = a[1], l = a[2];
                return new double[][][] {
                    {{Math.cos(t / 2), 0}, cscale(-Math.sin(t / 2), l)},
                    {cscale(Math.sin(t / 2), p), cscale(Math.cos(t / 2), p + l)}};
            }
            case H: return new double[][][] {{{h, 0}, {h, 0}}, {{h, 0}, {-h, 0}}};
            case X: return new double[][][] {{{0, 0}, {1, 0}}, {{1, 0}, {0, 0}}};
            case Y: return new double[][][] {{{0, 0}, {0, -1}}, {{0, 1}, {0, 0}}};
            case Z: return new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, {-1, 0}}};
            case S: return new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, {0, 1}}};
            case SDG: return new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, {0, -1}}};
            case T: return new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, cscale(1, Math.PI / 4)}};
            case TDG: return new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, cscale(1, -Math.PI / 4)}};
            case UNITARY: return new double[][][] {
                {{unitary[0], unitary[1]}, {unitary[2], unitary[3]}},
                {{unitary[4], unitary[5]}, {unitary[6], unitary[7]}}};
            default: throw new IllegalArgumentException(g.toString());
        }
    }

    /** exp(-i t P / 2) = cos(t/2) I - i sin(t/2) P for P = X (1), Y (2), Z (3). */
    static double[][][] rot(double t, int pauli) {
        double c = Math.cos(t / 2), s = Math.sin(t / 2);
        double[][][] p;
        if (pauli == 1) p = new double[][][] {{{0, 0}, {1, 0}}, {{1, 0}, {0, 0}}};
        else if (pauli == 2) p = new double[][][] {{{0, 0}, {0, -1}}, {{0, 1}, {0, 0}}};
        else p = new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, {-1, 0}}};
        double[][][] m = new double[2][2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                // -i s p = s * (p_im, -p_re)
                m[i][j][0] = (i == j ? c : 0) + s * p[i][j][1];
                m[i][j][1] = -s * p[i][j][0];
            }
        }
        return m;
    }

    static double[] cscale(double r, double phase) {
        return new double[] {r * Math.cos(phase), r * Math.sin(phase)};
    }

    static double[][][] mul(double[][][] a, double[][][] b) {
        double[][][] m = new double[2][2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    m[i][j][0] += a[i][k][0] * b[k][j][0] - a[i][k][1] * b[k][j][1];
                    m[i][j][1] += a[i][k][0] * b[k][j][1] + a[i][k][1] * b[k][j][0];
                }
            }
        }
        return m;
    }

    /** The final state (re, im) of the circuit from |0...0>. */
    static double[][] state(Circuit c, double[] params, double[] inputs) {
        int n = c.qubits(), dim = 1 << n;
        double[] re = new double[dim], im = new double[dim];
        re[0] = 1;
        for (Op op : c.ops()) {
            double[] nr = new double[dim], ni = new double[dim];
            if (op.gate().qubits() == 1) {
                double[] a = new double[op.gate().angles()];
                for (int k = 0; k < a.length; k++) a[k] = op.angle(k).value(params, inputs);
                double[][][] m = matrix(op.gate(), a, op.matrix());
                int q = op.qubit(0);
                for (int b = 0; b < dim; b++) {
                    int bit = (b >> q) & 1;
                    for (int src = 0; src < 2; src++) {
                        int from = (b & ~(1 << q)) | (src << q);
                        double mr = m[bit][src][0], mi = m[bit][src][1];
                        nr[b] += mr * re[from] - mi * im[from];
                        ni[b] += mr * im[from] + mi * re[from];
                    }
                }
            } else {
                int a = op.qubit(0), t = op.qubit(1);
                for (int b = 0; b < dim; b++) {
                    int ba = (b >> a) & 1, bt = (b >> t) & 1;
                    switch (op.gate()) {
                        case CNOT: {
                            int from = ba == 1 ? b ^ (1 << t) : b;
                            nr[b] = re[from];
                            ni[b] = im[from];
                            break;
                        }
                        case CZ: {
                            double sgn = ba == 1 && bt == 1 ? -1 : 1;
                            nr[b] = sgn * re[b];
                            ni[b] = sgn * im[b];
                            break;
                        }
                        default: {
                            int from = (b & ~(1 << a) & ~(1 << t)) | (bt << a) | (ba << t);
                            nr[b] = re[from];
                            ni[b] = im[from];
                        }
                    }
                }
            }
            re = nr;
            im = ni;
        }
        return new double[][] {re, im};
    }

    static double[] probabilities(Circuit c, double[] params, double[] inputs) {
        double[][] s = state(c, params, inputs);
        double[] p = new double[s[0].length];
        for (int b = 0; b < p.length; b++) p[b] = s[0][b] * s[0][b] + s[1][b] * s[1][b];
        return p;
    }
}
