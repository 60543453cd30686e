// Scratch timing program (issue 12, ninth part; bench/scratch/kernels/run.sh): not part of the build.
import jdk.incubator.vector.*;
public class BwBench {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
  static final VectorSpecies<Double> H = DoubleVector.SPECIES_256;
  static void scale(double[] a, double[] b, int n, double f) {
    DoubleVector F = DoubleVector.broadcast(S, f);
    for (int i = 0; i < n; i += 8) { DoubleVector.fromArray(S, a, i).mul(F).intoArray(a, i); DoubleVector.fromArray(S, b, i).mul(F).intoArray(b, i); }
  }
  static void scale256(double[] a, double[] b, int n, double f) {
    DoubleVector F = DoubleVector.broadcast(H, f);
    for (int i = 0; i < n; i += 4) { DoubleVector.fromArray(H, a, i).mul(F).intoArray(a, i); DoubleVector.fromArray(H, b, i).mul(F).intoArray(b, i); }
  }
  static double sum(double[] a, double[] b, int n) {
    DoubleVector s0 = DoubleVector.zero(S), s1 = DoubleVector.zero(S);
    for (int i = 0; i < n; i += 8) { s0 = s0.add(DoubleVector.fromArray(S, a, i)); s1 = s1.add(DoubleVector.fromArray(S, b, i)); }
    return s0.add(s1).reduceLanes(VectorOperators.ADD);
  }
  static void scalarScale(double[] a, double[] b, int n, double f) {
    for (int i = 0; i < n; i++) { a[i] *= f; b[i] *= f; }
  }
  public static void main(String[] x) {
    int n = 1024; double[] a = new double[n], b = new double[n];
    java.util.Arrays.fill(a, 1); java.util.Arrays.fill(b, 1);
    for (int rep = 0; rep < 4; rep++) {
      int it = 400000; double acc = 0;
      long t0 = System.nanoTime();
      for (int k = 0; k < it; k++) scale(a, b, n, (k & 1) == 0 ? 1.0000001 : 0.9999999);
      long t1 = System.nanoTime();
      for (int k = 0; k < it; k++) scale256(a, b, n, (k & 1) == 0 ? 1.0000001 : 0.9999999);
      long t2 = System.nanoTime();
      for (int k = 0; k < it; k++) acc += sum(a, b, n);
      long t3 = System.nanoTime();
      for (int k = 0; k < it; k++) scalarScale(a, b, n, (k & 1) == 0 ? 1.0000001 : 0.9999999);
      long t4 = System.nanoTime();
      System.out.printf("scale512 %.0f ns, scale256 %.0f ns, sum512 %.0f ns, scalar %.0f ns (%g)%n", (t1-t0)/(double)it, (t2-t1)/(double)it, (t3-t2)/(double)it, (t4-t3)/(double)it, acc);
    }
  }
}
