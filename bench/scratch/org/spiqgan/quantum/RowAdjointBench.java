package org.spiqgan.quantum;

/**
 * Scratch timing program (issue 12, ninth part; bench/scratch/run.sh): one layer of the stationary model's
 * multiplexed rotations and of its adjoint sweep (10 targets at 10 qubits, 32 lanes, multiplexed tables) with the lane
 * loops of RealRowKernels against the Vector API passes of VectorRowKernels, after checking that they give the same
 * bits.
 */
public class RowAdjointBench {
  public static void main(String[] a) {
    int n = 10, lanes = 32, dim = 1 << n;
    java.util.Random r = new java.util.Random(3);
    double[][] psiA = new double[dim][lanes], lamA = new double[dim][lanes], psiB = new double[dim][lanes], lamB = new double[dim][lanes];
    for (int b = 0; b < dim; b++) for (int k = 0; k < lanes; k++) { psiA[b][k] = psiB[b][k] = r.nextGaussian(); lamA[b][k] = lamB[b][k] = r.nextGaussian(); }
    double[] c = new double[lanes], s = new double[lanes];
    for (int k = 0; k < lanes; k++) { double t = r.nextDouble(); c[k] = Math.cos(t); s[k] = Math.sin(t); }
    double[][] cosT = new double[n][], sinT = new double[n][];
    for (int q = 0; q < n; q++) { cosT[q] = new double[1 << q]; sinT[q] = new double[1 << q]; for (int i = 0; i < (1 << q); i++) { double t = r.nextDouble(); cosT[q][i] = Math.cos(t); sinT[q][i] = Math.sin(t); } }
    double[] gA = new double[lanes], gB = new double[lanes], tA = new double[dim], tB = new double[dim];
    double[][] scA = new double[4][lanes], scB = new double[4][lanes];
    VectorRowKernels fused = new VectorRowKernels();
    for (int q = n - 1; q >= 0; q--) {
      RealRowKernels.ryMultiplexedAdjointLoops(psiA, lamA, n, lanes, q, c, s, cosT[q], sinT[q], gA, tA, scA);
      fused.ryMultiplexedAdjoint(psiB, lamB, n, lanes, q, c, s, cosT[q], sinT[q], gB, tB, scB);
    }
    for (int q = 0; q < n; q++) {
      RealRowKernels.ryMultiplexedLoops(psiA, n, lanes, q, c, s, cosT[q], sinT[q], scA);
      fused.ryMultiplexed(psiB, n, lanes, q, c, s, cosT[q], sinT[q], scB);
    }
    boolean same = java.util.Arrays.equals(gA, gB) && java.util.Arrays.equals(tA, tB);
    for (int b = 0; b < dim; b++) same &= java.util.Arrays.equals(psiA[b], psiB[b]) && java.util.Arrays.equals(lamA[b], lamB[b]);
    System.out.println("same bits: " + same);
    for (int rep = 0; rep < 6; rep++) {
      int it = 300;
      long t0 = System.nanoTime();
      for (int i = 0; i < it; i++) for (int q = n - 1; q >= 0; q--) RealRowKernels.ryMultiplexedAdjointLoops(psiA, lamA, n, lanes, q, c, s, cosT[q], sinT[q], gA, tA, scA);
      long t1 = System.nanoTime();
      for (int i = 0; i < it; i++) for (int q = n - 1; q >= 0; q--) fused.ryMultiplexedAdjoint(psiB, lamB, n, lanes, q, c, s, cosT[q], sinT[q], gB, tB, scB);
      long t2 = System.nanoTime();
      for (int i = 0; i < it; i++) for (int q = 0; q < n; q++) RealRowKernels.ryMultiplexedLoops(psiA, n, lanes, q, c, s, cosT[q], sinT[q], scA);
      long t3 = System.nanoTime();
      for (int i = 0; i < it; i++) for (int q = 0; q < n; q++) fused.ryMultiplexed(psiB, n, lanes, q, c, s, cosT[q], sinT[q], scB);
      long t4 = System.nanoTime();
      System.out.printf("adjoint layer (10 targets): lane loops %.1f us, fused %.1f us; rotation layer: lane loops %.1f us, vector %.1f us%n",
          (t1 - t0) / 1e3 / it, (t2 - t1) / 1e3 / it, (t3 - t2) / 1e3 / it, (t4 - t3) / 1e3 / it);
    }
  }
}
