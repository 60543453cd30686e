// Scratch timing program (issue 12, ninth part; bench/scratch/kernels/run.sh): not part of the build.
import jdk.incubator.vector.*;

public class RotBench {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
  static final int L = 8;

  /** tan-form rotation on two high qubits q1 < q2 (both >= 3). */
  static void ry2(double[] re, double[] im, int dim, int q1, double t1, int q2, double t2) {
    int s1 = 1 << q1, s2 = 1 << q2;
    DoubleVector T1 = DoubleVector.broadcast(S, t1), N1 = DoubleVector.broadcast(S, -t1);
    DoubleVector T2 = DoubleVector.broadcast(S, t2), N2 = DoubleVector.broadcast(S, -t2);
    int quarter = dim >> 2, low1 = s1 - 1, low2 = (s2 >> 1) - 1;
    for (int k = 0; k < quarter; k += L) {
      // insert zero bits at q1 and q2
      int a = ((k & ~low1) << 1) | (k & low1);
      int i = ((a & ~(s2 - 1)) << 1) | (a & (s2 - 1));
      int i1 = i + s1, i2 = i + s2, i3 = i2 + s1;
      for (int part = 0; part < 2; part++) {
        double[] v = part == 0 ? re : im;
        DoubleVector x0 = DoubleVector.fromArray(S, v, i), x1 = DoubleVector.fromArray(S, v, i1);
        DoubleVector x2 = DoubleVector.fromArray(S, v, i2), x3 = DoubleVector.fromArray(S, v, i3);
        DoubleVector y0 = x1.fma(N1, x0), y1 = x0.fma(T1, x1);
        DoubleVector y2 = x3.fma(N1, x2), y3 = x2.fma(T1, x3);
        y2.fma(N2, y0).intoArray(v, i);
        y0.fma(T2, y2).intoArray(v, i2);
        y3.fma(N2, y1).intoArray(v, i1);
        y1.fma(T2, y3).intoArray(v, i3);
      }
    }
  }

  static VectorShuffle<Double>[] SW = new VectorShuffle[3];
  static {
    for (int q = 0; q < 3; q++) {
      int[] idx = new int[8];
      for (int k = 0; k < 8; k++) idx[k] = k ^ (1 << q);
      SW[q] = VectorShuffle.fromArray(S, idx, 0);
    }
  }

  /** tan-form rotations on qubits 0, 1, 2 in one pass: x += Tq * swap_q(x). */
  static void ryLow3(double[] re, double[] im, int dim, double t0, double t1, double t2) {
    double[] c0 = new double[8], c1 = new double[8], c2 = new double[8];
    for (int k = 0; k < 8; k++) {
      c0[k] = (k & 1) == 0 ? -t0 : t0;
      c1[k] = (k & 2) == 0 ? -t1 : t1;
      c2[k] = (k & 4) == 0 ? -t2 : t2;
    }
    DoubleVector C0 = DoubleVector.fromArray(S, c0, 0), C1 = DoubleVector.fromArray(S, c1, 0), C2 = DoubleVector.fromArray(S, c2, 0);
    VectorShuffle<Double> w0 = SW[0], w1 = SW[1], w2 = SW[2];
    for (int i = 0; i < dim; i += L) {
      DoubleVector x = DoubleVector.fromArray(S, re, i);
      x = x.rearrange(w0).fma(C0, x);
      x = x.rearrange(w1).fma(C1, x);
      x = x.rearrange(w2).fma(C2, x);
      x.intoArray(re, i);
      DoubleVector y = DoubleVector.fromArray(S, im, i);
      y = y.rearrange(w0).fma(C0, y);
      y = y.rearrange(w1).fma(C1, y);
      y = y.rearrange(w2).fma(C2, y);
      y.intoArray(im, i);
    }
  }

  static void diag(double[] re, double[] im, double[] tr, double[] ti, int dim) {
    for (int i = 0; i < dim; i += L) {
      DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
      DoubleVector ar = DoubleVector.fromArray(S, tr, i), ai = DoubleVector.fromArray(S, ti, i);
      xr.fma(ar, xi.mul(ai).neg()).intoArray(re, i);
      xr.fma(ai, xi.mul(ar)).intoArray(im, i);
    }
  }

  static void gatherDiag(double[] re, double[] im, double[] dr, double[] di, double[] tr, double[] ti, int[] from, int dim) {
    for (int i = 0; i < dim; i += L) {
      DoubleVector xr = DoubleVector.fromArray(S, re, 0, from, i), xi = DoubleVector.fromArray(S, im, 0, from, i);
      DoubleVector ar = DoubleVector.fromArray(S, tr, i), ai = DoubleVector.fromArray(S, ti, i);
      xr.fma(ar, xi.mul(ai).neg()).intoArray(dr, i);
      xr.fma(ai, xi.mul(ar)).intoArray(di, i);
    }
  }

  static void gather(double[] re, double[] im, double[] dr, double[] di, int[] from, int dim) {
    for (int i = 0; i < dim; i += L) {
      DoubleVector.fromArray(S, re, 0, from, i).intoArray(dr, i);
      DoubleVector.fromArray(S, im, 0, from, i).intoArray(di, i);
    }
  }

  /** product table by doubling: t[x] = prod_{q: bit q} p_q. */
  static void table(double[] tr, double[] ti, double[] pr, double[] pi, int n) {
    tr[0] = 1; ti[0] = 0;
    int len = 1;
    for (int q = 0; q < n; q++, len <<= 1) {
      double a = pr[q], b = pi[q];
      if (len < L) {
        for (int j = 0; j < len; j++) { tr[len + j] = tr[j] * a - ti[j] * b; ti[len + j] = tr[j] * b + ti[j] * a; }
      } else {
        DoubleVector A = DoubleVector.broadcast(S, a), B = DoubleVector.broadcast(S, b), NB = DoubleVector.broadcast(S, -b);
        for (int j = 0; j < len; j += L) {
          DoubleVector xr = DoubleVector.fromArray(S, tr, j), xi = DoubleVector.fromArray(S, ti, j);
          xr.fma(A, xi.mul(NB)).intoArray(tr, j + len);
          xr.fma(B, xi.mul(A)).intoArray(ti, j + len);
        }
      }
    }
  }

  public static void main(String[] args) {
    int n = 10, dim = 1 << n;
    int pad = Integer.getInteger("pad", 0); double[] re = new double[dim]; double[] d1 = new double[pad]; double[] im = new double[dim]; double[] d2 = new double[pad]; double[] r2 = new double[dim]; double[] d3 = new double[pad]; double[] i2 = new double[dim];
    double[] tr = new double[dim], ti = new double[dim];
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < dim; i++) { re[i] = rnd.nextGaussian() * 0.03; im[i] = rnd.nextGaussian() * 0.03; }
    int[] from = new int[dim];
    for (int x = 0; x < dim; x++) from[x] = x ^ ((x << 1) & (dim - 1));
    double[] pr = new double[n], pi = new double[n];
    for (int q = 0; q < n; q++) { pr[q] = Math.cos(q + 1); pi[q] = Math.sin(q + 1); }
    double c = Math.cos(0.3), s = Math.sin(0.3);
    for (int rep = 0; rep < 6; rep++) {
      int iters = 100000;
      long t0 = System.nanoTime();
      for (int it = 0; it < iters; it++) {
        for (int q = 0; q < n; q++) ScratchKernels.general(re, im, 0, dim, q < 3 ? q + 3 : q, c, 0.01, -s, 0.02, s, 0.01, c, -0.02);
      }
      long t1 = System.nanoTime();
      for (int it = 0; it < iters; it++) {
        ry2(re, im, dim, 3, 0.3, 4, -0.2); ry2(re, im, dim, 5, 0.3, 6, -0.2); ry2(re, im, dim, 7, 0.3, 8, -0.2);
        ScratchKernels.ry1(re, im, 0, dim, 9, 0.1);
        ryLow3(re, im, dim, 0.1, 0.2, -0.3);
      }
      long t2 = System.nanoTime();
      long a0 = System.nanoTime();
      for (int it = 0; it < iters; it++) { ry2(re, im, dim, 3, 0.3, 4, -0.2); ry2(re, im, dim, 5, 0.3, 6, -0.2); ry2(re, im, dim, 7, 0.3, 8, -0.2); }
      long a1 = System.nanoTime();
      for (int it = 0; it < iters; it++) { ScratchKernels.ry1(re, im, 0, dim, 9, 0.1); ScratchKernels.ry1(re, im, 0, dim, 3, 0.1); ScratchKernels.ry1(re, im, 0, dim, 5, -0.1); }
      long a2 = System.nanoTime();
      for (int it = 0; it < iters; it++) { ryLow3(re, im, dim, 0.1, 0.2, -0.3); }
      long a3 = System.nanoTime();
      System.out.printf("3 ry2 %.0f ns, 3 ry1 %.0f ns, low3 %.0f ns%n", (a1-a0)/(double)iters, (a2-a1)/(double)iters, (a3-a2)/(double)iters);
      for (int it = 0; it < iters; it++) { table(tr, ti, pr, pi, n); diag(re, im, tr, ti, dim); }
      long t3 = System.nanoTime();
      for (int it = 0; it < iters; it++) { gatherDiag(re, im, r2, i2, tr, ti, from, dim); double[] t = re; re = r2; r2 = t; t = im; im = i2; i2 = t; }
      long t4 = System.nanoTime();
      for (int it = 0; it < iters; it++) { gather(re, im, r2, i2, from, dim); double[] t = re; re = r2; r2 = t; t = im; im = i2; i2 = t; }
      long t5 = System.nanoTime();
      for (int it = 0; it < iters; it++) { table(tr, ti, pr, pi, n); }
      long t6 = System.nanoTime();
      double sc = 1.0 / Math.sqrt(norm(re, im));
      for (int i = 0; i < dim; i++) { re[i] *= sc; im[i] *= sc; }
      System.out.printf("10 general %.0f ns | RY layer (3 ry2 + ry1 + low3) %.0f ns | table+diag %.0f ns | gather+diag %.0f ns | gather %.0f ns | table %.0f ns%n",
          (t1 - t0) / (double) iters, (t2 - t1) / (double) iters, (t3 - t2) / (double) iters, (t4 - t3) / (double) iters, (t5 - t4) / (double) iters, (t6 - t5) / (double) iters);
    }
  }
  static double norm(double[] re, double[] im) { double s = 0; for (int i = 0; i < re.length; i++) s += re[i]*re[i] + im[i]*im[i]; return s; }
}
