package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spiqgan.BadInputException;

class SimulatorTest {

    @Test
    void bellState() {
        Circuit c = Circuit.builder(2).h(0).cnot(0, 1).build();
        double[] p = c.probabilities(null, null);
        assertArrayEquals(new double[] {0.5, 0, 0, 0.5}, p, 1e-15);
    }

    @Test
    void ghzState() {
        for (int n = 2; n <= 10; n++) {
            Circuit.Builder b = Circuit.builder(n).h(0);
            for (int q = 0; q + 1 < n; q++) b.cnot(q, q + 1);
            double[] p = b.build().probabilities(null, null);
            double[] want = new double[1 << n];
            want[0] = 0.5;
            want[(1 << n) - 1] = 0.5;
            assertArrayEquals(want, p, 1e-14, "n=" + n);
        }
    }

    @Test
    void basisConventionQubitZeroIsLeastSignificant() {
        double[] p = Circuit.builder(3).x(1).build().probabilities(null, null);
        assertEquals(1.0, p[2], 0);
    }

    @Test
    void everyGateAgainstItsMatrixOnRandomStates() {
        Random rng = new Random(11);
        Gate[] gates = {Gate.RX, Gate.RY, Gate.RZ, Gate.ROT, Gate.U3, Gate.H, Gate.X, Gate.Y, Gate.Z, Gate.S,
            Gate.SDG, Gate.T, Gate.TDG, Gate.UNITARY, Gate.CNOT, Gate.CZ, Gate.SWAP};
        for (Gate g : gates) {
            for (int trial = 0; trial < 6; trial++) {
                int n = 3;
                // Random entangled preparation, then the gate under test on random wires.
                Circuit.Builder b = Circuit.builder(n);
                for (int q = 0; q < n; q++) b.unitary(q, RandomCircuits.randomUnitary(rng));
                b.cnot(0, 1).cnot(1, 2);
                for (int q = 0; q < n; q++) b.unitary(q, RandomCircuits.randomUnitary(rng));
                if (g.qubits() == 2) {
                    int a = rng.nextInt(n), t = (a + 1 + rng.nextInt(n - 1)) % n;
                    b.gate(g, a, t);
                } else if (g == Gate.UNITARY) {
                    b.unitary(rng.nextInt(n), RandomCircuits.randomUnitary(rng));
                } else {
                    Angle[] a = new Angle[g.angles()];
                    for (int k = 0; k < a.length; k++) a[k] = Angle.constant(-4 + 8 * rng.nextDouble());
                    b.gate(g, rng.nextInt(n), a);
                }
                Circuit c = b.build();
                Evaluator e = c.run(null, null);
                double[][] ref = ReferenceSim.state(c, new double[0], new double[0]);
                assertArrayEquals(ref[0], e.real(), 1e-13, g + " re");
                assertArrayEquals(ref[1], e.imag(), 1e-13, g + " im");
            }
        }
    }

    @Test
    void gateMatricesMatchDefinitionsAndDerivativesMatchDifferences() {
        Random rng = new Random(5);
        for (Gate g : new Gate[] {Gate.RX, Gate.RY, Gate.RZ, Gate.ROT, Gate.U3}) {
            double[] a = RandomCircuits.uniform(rng, g.angles(), -4, 4);
            double[] m = new double[8];
            g.matrix(a, 0, m, 0);
            double[][][] ref = ReferenceSim.matrix(g, a, null);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(ref[i][j][0], m[4 * i + 2 * j], 1e-15, g + " re" + i + j);
                    assertEquals(ref[i][j][1], m[4 * i + 2 * j + 1], 1e-15, g + " im" + i + j);
                }
            }
            for (int k = 0; k < g.angles(); k++) {
                double[] d = new double[8], mp = new double[8], mm = new double[8];
                g.derivative(a, 0, k, d, 0);
                double h = 1e-5;
                double[] ap = a.clone(), am = a.clone();
                ap[k] += h;
                am[k] -= h;
                g.matrix(ap, 0, mp, 0);
                g.matrix(am, 0, mm, 0);
                for (int e = 0; e < 8; e++) assertEquals((mp[e] - mm[e]) / (2 * h), d[e], 1e-9, g + " d" + k);
            }
        }
        // Every parametrised matrix is unitary for random angles.
        for (Gate g : new Gate[] {Gate.RX, Gate.RY, Gate.RZ, Gate.ROT, Gate.U3, Gate.H, Gate.X, Gate.Y, Gate.Z,
            Gate.S, Gate.SDG, Gate.T, Gate.TDG}) {
            for (int t = 0; t < 10; t++) {
                double[] m = new double[8], dg = new double[8], p = new double[8];
                g.matrix(RandomCircuits.uniform(rng, g.angles(), -7, 7), 0, m, 0);
                Kernels.dagger(m, 0, dg, 0);
                Kernels.mul(dg, 0, m, 0, p, 0);
                assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 1, 0}, p, 1e-15, g + " not unitary");
            }
        }
        for (Gate g : new Gate[] {Gate.H, Gate.X, Gate.Y, Gate.Z, Gate.S, Gate.SDG, Gate.T, Gate.TDG}) {
            double[] m = new double[8];
            g.matrix(new double[0], 0, m, 0);
            double[][][] ref = ReferenceSim.matrix(g, null, null);
            for (int e = 0; e < 8; e++) assertEquals(ref[e / 4][(e / 2) % 2][e % 2], m[e], 1e-15, g.toString());
        }
    }

    @Test
    void fusedProgramEqualsUnfusedReferenceAndIsNormalized() {
        Random rng = new Random(3);
        for (int n = 1; n <= 8; n++) {
            for (int trial = 0; trial < 5; trial++) {
                Circuit c = RandomCircuits.random(rng, n, 6, 3, 12 * n);
                double[] params = RandomCircuits.uniform(rng, 6, -3, 3);
                double[] inputs = RandomCircuits.uniform(rng, 3, 0, Math.PI);
                double[] p = c.probabilities(params, inputs);
                assertArrayEquals(ReferenceSim.probabilities(c, params, inputs), p, 1e-12, "n=" + n);
                double sum = 0;
                for (double x : p) sum += x;
                assertEquals(1.0, sum, 1e-12);
                assertTrue(c.fusedInstructionCount() <= c.ops().size());
            }
        }
    }

    @Test
    void fusionCollapsesSingleQubitRuns() {
        Circuit c = Circuit.builder(2).ry(0, Angle.input(0)).rz(0, Angle.param(0)).ry(1, 0.3).rx(0, 1.0)
                .rz(1, Angle.param(1)).cnot(0, 1).h(0).h(0).build();
        // qubit 0 run, qubit 1 run, CNOT; H H is the identity and vanishes.
        assertEquals(3, c.fusedInstructionCount());
    }

    @Test
    void circuitFollowedByItsInverseIsIdentity() {
        Random rng = new Random(9);
        int n = 4;
        Circuit.Builder b = Circuit.builder(n);
        java.util.List<double[]> us = new java.util.ArrayList<>();
        java.util.List<int[]> wires = new java.util.ArrayList<>();
        for (int k = 0; k < 30; k++) {
            if (k % 3 == 2) {
                int a = rng.nextInt(n), t = (a + 1 + rng.nextInt(n - 1)) % n;
                b.cnot(a, t);
                us.add(null);
                wires.add(new int[] {a, t});
            } else {
                double[] u = RandomCircuits.randomUnitary(rng);
                int q = rng.nextInt(n);
                b.unitary(q, u);
                us.add(u);
                wires.add(new int[] {q});
            }
        }
        for (int k = us.size() - 1; k >= 0; k--) {
            if (us.get(k) == null) {
                b.cnot(wires.get(k)[0], wires.get(k)[1]);
            } else {
                double[] d = new double[8];
                Kernels.dagger(us.get(k), 0, d, 0);
                b.unitary(wires.get(k)[0], d);
            }
        }
        double[] p = b.build().probabilities(null, null);
        assertEquals(1.0, p[0], 1e-12);
    }

    @Test
    void marginalsAndHammingAreLinearMapsOfProbabilities() {
        Random rng = new Random(4);
        Circuit c = RandomCircuits.random(rng, 5, 4, 2, 40);
        double[] params = RandomCircuits.uniform(rng, 4, -3, 3), inputs = {0.3, 1.2};
        Evaluator e = c.run(params, inputs);
        double[] p = e.read(Readout.probabilities());
        double[] m = e.read(Readout.marginals(4, 1));
        double[] h = e.read(Readout.hamming(0, 2, 3));
        double[] sub = e.read(Readout.probabilities(3, 0));
        double[] wm = new double[2], wh = new double[4], ws = new double[4];
        for (int b = 0; b < 32; b++) {
            wm[0] += ((b >> 4) & 1) * p[b];
            wm[1] += ((b >> 1) & 1) * p[b];
            wh[((b >> 0) & 1) + ((b >> 2) & 1) + ((b >> 3) & 1)] += p[b];
            ws[((b >> 3) & 1) | (((b >> 0) & 1) << 1)] += p[b];
        }
        assertArrayEquals(wm, m, 1e-14);
        assertArrayEquals(wh, h, 1e-14);
        assertArrayEquals(ws, sub, 1e-14);
    }

    @Test
    void oversizedRegisterFailsFastWithMemory() {
        BadInputException ex = assertThrows(BadInputException.class, () -> Circuit.builder(27));
        assertTrue(ex.getMessage().contains("2 GiB"), ex.getMessage());
        assertThrows(BadInputException.class, () -> Circuit.builder(0));
    }

    @Test
    void stateIsConsumedByGradientSweep() {
        Circuit c = Circuit.builder(1).ry(0, Angle.param(0)).build();
        Evaluator e = c.newEvaluator();
        e.gradient(new double[] {0.5}, null, Readout.marginals(), new double[] {1}, new double[1], null);
        assertThrows(IllegalStateException.class, () -> e.read(Readout.marginals()));
        e.run(new double[] {0.5}, null);
        assertEquals(Math.pow(Math.sin(0.25), 2), e.read(Readout.marginals())[0], 1e-15);
    }
}
