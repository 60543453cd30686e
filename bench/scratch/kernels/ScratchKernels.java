// Scratch timing program (issue 12, ninth part; bench/scratch/kernels/run.sh): not part of the build.
import jdk.incubator.vector.*;

/**
 * The two kernels the scratch programs time: {@code general}, a copy of the pair loop of the simulator's
 * VectorKernels (a general 2x2 gate on a qubit whose pair partners are whole vectors), so that it can be timed
 * without the jar and at any offset in its arrays; and {@code ry1}, a real rotation in tangent form (x - t y,
 * y + t x: 2 multiply-adds per pair of vectors instead of 8), which the simulator does not have.
 */
final class ScratchKernels {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
  static final int L = 8;

  static void ry1(double[] re, double[] im, int base, int dim, int q, double t) {
    int st = 1 << q, half = dim >> 1, low = st - 1;
    DoubleVector T = DoubleVector.broadcast(S, t), N = DoubleVector.broadcast(S, -t);
    for (int k = 0; k < half; k += L) {
      int i = base + (((k & ~low) << 1) | (k & low)), j = i + st;
      DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
      DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
      yr.fma(N, xr).intoArray(re, i);
      yi.fma(N, xi).intoArray(im, i);
      xr.fma(T, yr).intoArray(re, j);
      xi.fma(T, yi).intoArray(im, j);
    }
  }
  static void general(double[] re, double[] im, int base, int dim, int q, double ar, double ai, double br,
      double bi, double cr, double ci, double dr, double di) {
    int st = 1 << q, half = dim >> 1, low = st - 1;
    DoubleVector vAr = DoubleVector.broadcast(S, ar), vAi = DoubleVector.broadcast(S, ai), vNai = DoubleVector.broadcast(S, -ai), vBr = DoubleVector.broadcast(S, br), vBi = DoubleVector.broadcast(S, bi), vNbi = DoubleVector.broadcast(S, -bi);
    DoubleVector vCr = DoubleVector.broadcast(S, cr), vCi = DoubleVector.broadcast(S, ci), vNci = DoubleVector.broadcast(S, -ci), vDr = DoubleVector.broadcast(S, dr), vDi = DoubleVector.broadcast(S, di), vNdi = DoubleVector.broadcast(S, -di);
    for (int k = 0; k < half; k += L) {
      int i = base + (((k & ~low) << 1) | (k & low)), j = i + st;
      DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
      DoubleVector yr = DoubleVector.fromArray(S, re, j), yi = DoubleVector.fromArray(S, im, j);
      xr.fma(vAr, xi.fma(vNai, yr.fma(vBr, yi.mul(vNbi)))).intoArray(re, i);
      xi.fma(vAr, xr.fma(vAi, yi.fma(vBr, yr.mul(vBi)))).intoArray(im, i);
      xr.fma(vCr, xi.fma(vNci, yr.fma(vDr, yi.mul(vNdi)))).intoArray(re, j);
      xi.fma(vCr, xr.fma(vCi, yi.fma(vDr, yr.mul(vDi)))).intoArray(im, j);
    }
  }
}
