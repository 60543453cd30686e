// Scratch timing program (issue 12, ninth part; bench/scratch/kernels/run.sh): not part of the build.
import jdk.incubator.vector.*;
public class PermBench {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static final int L = S.length();
  public static void main(String[] a) {
    int dim = 1024;
    double[] re = new double[dim], im = new double[dim], dr = new double[dim], di = new double[dim];
    int[] src = new int[dim];
    for (int x = 0; x < dim; x++) src[x] = x ^ ((x << 1) & (dim - 1));
    // plan: for destination block d, first source block s0[d]; shuffle constant: lane l from (l ^ (2(l&3)) & 3)... derive generically
    int blocks = dim / L; int[] base = new int[blocks]; int[] idx = new int[L]; boolean ok = true;
    for (int d = 0; d < blocks; d++) {
      int b0 = src[d * L] / L; int pairBase = b0 & ~1; base[d] = pairBase * L;
      for (int l = 0; l < L; l++) {
        int s = src[d * L + l]; int blk = s / L;
        if ((blk & ~1) != pairBase) ok = false;
        int li = (s % L) + (blk == pairBase ? 0 : L); // index into the concatenation of the two blocks
        if (d == 0) idx[l] = li; else if (idx[l] != li) { /* pattern differs per block */ }
      }
    }
    // per-block shuffles (two patterns possible)
    VectorShuffle<Double>[] sh = new VectorShuffle[blocks];
    for (int d = 0; d < blocks; d++) {
      int[] ix = new int[L];
      for (int l = 0; l < L; l++) { int s = src[d * L + l]; int blk = s / L; ix[l] = (s % L) + (blk == base[d] / L ? 0 : L); }
      // two-vector rearrange: indices >= L wrap to the second vector via partial wrap (exceptional -> other)
      int[] w = new int[L]; for (int l = 0; l < L; l++) w[l] = ix[l] < L ? ix[l] : ix[l] - 2 * L; // negative = second vector
      sh[d] = VectorShuffle.fromArray(S, w, 0);
    }
    System.out.println("pair structure " + ok + ", lanes " + L);
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < dim; i++) { re[i] = r.nextGaussian(); im[i] = r.nextGaussian(); }
    // check
    for (int d = 0; d < blocks; d++) {
      DoubleVector v0 = DoubleVector.fromArray(S, re, base[d]), v1 = DoubleVector.fromArray(S, re, base[d] + L);
      v0.rearrange(sh[d], v1).intoArray(dr, d * L);
    }
    for (int x = 0; x < dim; x++) if (dr[x] != re[src[x]]) { System.out.println("MISMATCH at " + x); return; }
    for (int rep = 0; rep < 6; rep++) {
      int it = 200000;
      long t0 = System.nanoTime();
      for (int k = 0; k < it; k++) for (int i = 0; i < dim; i += L) { DoubleVector.fromArray(S, re, 0, src, i).intoArray(dr, i); DoubleVector.fromArray(S, im, 0, src, i).intoArray(di, i); }
      long t1 = System.nanoTime();
      for (int k = 0; k < it; k++) for (int d = 0; d < blocks; d++) {
        int b = base[d]; VectorShuffle<Double> s = sh[d];
        DoubleVector.fromArray(S, re, b).rearrange(s, DoubleVector.fromArray(S, re, b + L)).intoArray(dr, d * L);
        DoubleVector.fromArray(S, im, b).rearrange(s, DoubleVector.fromArray(S, im, b + L)).intoArray(di, d * L);
      }
      long t2 = System.nanoTime();
      System.out.printf("gather %.0f ns, pair-rearrange %.0f ns%n", (t1 - t0) / (double) it, (t2 - t1) / (double) it);
    }
  }
}
