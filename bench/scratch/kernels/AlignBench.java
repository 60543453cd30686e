// Scratch timing program (issue 12, ninth part; bench/scratch/kernels/run.sh): not part of the build.
import jdk.incubator.vector.*;
public class AlignBench {
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
  public static void main(String[] a) {
    int dim = 1024;
    double[] re = new double[dim + 16], im = new double[dim + 16];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < re.length; i++) { re[i] = r.nextGaussian(); im[i] = r.nextGaussian(); }
    double c = Math.cos(0.3), s = Math.sin(0.3);
    for (int rep = 0; rep < 4; rep++) {
      StringBuilder sb = new StringBuilder();
      for (int base = 0; base < 8; base++) {
        int iters = 200000;
        long t0 = System.nanoTime();
        for (int it = 0; it < iters; it++) for (int q = 3; q < 10; q++) ry1(re, im, base, dim, q, q % 2 == 0 ? 0.1 : -0.1);
        long t1 = System.nanoTime();
        for (int it = 0; it < iters; it++) for (int q = 3; q < 10; q++) general(re, im, base, dim, q, c, 0.0, -s, 0.0, s, 0.0, c, 0.0);
        long t2 = System.nanoTime();
        double n = 0; for (int i = 0; i < re.length; i++) n += re[i]*re[i]+im[i]*im[i];
        double sc = Math.sqrt(re.length / n); for (int i = 0; i < re.length; i++) { re[i] *= sc; im[i] *= sc; }
        sb.append(String.format("b%d ry1 %.0f gen %.0f | ", base, (t1-t0)/(7.0*iters), (t2-t1)/(7.0*iters)));
      }
      System.out.println(sb);
    }
  }
}
