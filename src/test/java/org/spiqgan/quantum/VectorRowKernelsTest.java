package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API passes give the same bits as the lane loops of {@link RealRowKernels} they replace: the multiplexed
 * rotation's state, and the adjoint sweep's states, adjoint vectors, per-lane gradients and table gradients, for every
 * target, with and without a multiplexed table, at several lane counts.
 */
class VectorRowKernelsTest {
    private static final int L = new VectorRowKernels().lanes();

    @Test
    void multiplexedRotationAndAdjointAreBitForBitTheLoops() {
        for (int qubits = 1; qubits <= 6; qubits++) {
            for (int lanes : new int[] {L, 2 * L, 32}) {
                if (lanes % L != 0) continue;
                for (int target = 0; target < qubits; target++) {
                    for (boolean table : new boolean[] {true, false}) {
                        compare(qubits, lanes, target, table, 1000L * qubits + 10L * target + lanes + (table ? 1 : 0));
                    }
                }
            }
        }
    }

    @Test
    void chosenWithTheSimulatorsVectorKernelsOnly() {
        assertTrue(KernelChoice.vectorModulePresent(), "surefire starts the JVM with the module");
        StateKernels before = KernelChoice.use(StateKernels.SCALAR);
        try {
            assertNull(RealRowKernels.FusedRows.chosen(), "scalar kernels: the lane loops");
            KernelChoice.use(KernelChoice.vectorKernels());
            assertTrue(RealRowKernels.FusedRows.chosen() instanceof VectorRowKernels, "vector kernels: the fused sweeps");
        } finally {
            KernelChoice.use(before);
        }
    }

    private static void compare(int qubits, int lanes, int target, boolean table, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int dim = 1 << qubits, step = 1 << target;
        double[][] psiA = new double[dim][lanes], lamA = new double[dim][lanes];
        double[][] psiB = new double[dim][lanes], lamB = new double[dim][lanes];
        for (int b = 0; b < dim; b++) {
            for (int k = 0; k < lanes; k++) {
                psiA[b][k] = psiB[b][k] = r.nextDouble(-1, 1);
                lamA[b][k] = lamB[b][k] = r.nextDouble(-3, 3);
            }
        }
        double[] c = new double[lanes], s = new double[lanes];
        for (int k = 0; k < lanes; k++) {
            double t = r.nextDouble(-Math.PI, Math.PI);
            c[k] = Math.cos(t);
            s[k] = Math.sin(t);
        }
        double[] cosT = null, sinT = null;
        if (table) {
            cosT = new double[step];
            sinT = new double[step];
            for (int i = 0; i < step; i++) {
                double t = r.nextDouble(-Math.PI, Math.PI);
                cosT[i] = Math.cos(t);
                sinT[i] = Math.sin(t);
            }
        }
        double[] gA = new double[lanes], gB = new double[lanes], tA = new double[step], tB = new double[step];
        for (int k = 0; k < lanes; k++) gA[k] = gB[k] = r.nextDouble();
        double[][] scA = new double[4][lanes], scB = new double[4][lanes];
        String where = "qubits " + qubits + ", lanes " + lanes + ", target " + target + ", table " + table;
        // the forward rotation first (on copies), then the adjoint sweep on the originals
        double[][] fA = new double[dim][], fB = new double[dim][];
        for (int b = 0; b < dim; b++) {
            fA[b] = psiA[b].clone();
            fB[b] = psiB[b].clone();
        }
        RealRowKernels.ryMultiplexedLoops(fA, qubits, lanes, target, c, s, cosT, sinT, scA);
        new VectorRowKernels().ryMultiplexed(fB, qubits, lanes, target, c, s, cosT, sinT, scB);
        for (int b = 0; b < dim; b++) assertArrayEquals(fA[b], fB[b], 0.0, "rotated row " + b + ", " + where);
        RealRowKernels.ryMultiplexedAdjointLoops(psiA, lamA, qubits, lanes, target, c, s, cosT, sinT, gA, tA, scA);
        new VectorRowKernels().ryMultiplexedAdjoint(psiB, lamB, qubits, lanes, target, c, s, cosT, sinT, gB, tB, scB);
        assertArrayEquals(gA, gB, 0.0, "per-lane gradient, " + where);
        assertArrayEquals(tA, tB, 0.0, "table gradient, " + where);
        for (int b = 0; b < dim; b++) {
            assertArrayEquals(psiA[b], psiB[b], 0.0, "state row " + b + ", " + where);
            assertArrayEquals(lamA[b], lamB[b], 0.0, "adjoint row " + b + ", " + where);
        }
    }
}
