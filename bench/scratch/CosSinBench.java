import org.spiqgan.quantum.VectorMath;
public class CosSinBench {
  public static void main(String[] a) {
    int n = 48; double[] x = new double[n], c = new double[n], s = new double[n];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < n; i++) x[i] = r.nextGaussian() * 2;
    double maxErr = 0;
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime(); double acc = 0;
      for (int it = 0; it < 200000; it++) { x[it % n] += 1e-9; VectorMath.cosSin(x, c, s, n); acc += c[3]; }
      long t1 = System.nanoTime();
      for (int it = 0; it < 200000; it++) { x[it % n] += 1e-9; for (int i = 0; i < n; i++) { c[i] = Math.cos(x[i]); s[i] = Math.sin(x[i]); } acc += c[3]; }
      long t2 = System.nanoTime();
      System.out.printf("vector %.1f ns, Math %.1f ns per angle %s%n", (t1-t0)/200000.0/n, (t2-t1)/200000.0/n, acc > 0);
    }
    double[] cc = new double[n], ss = new double[n];
    VectorMath.cosSin(x, cc, ss, n);
    for (int i = 0; i < n; i++) maxErr = Math.max(maxErr, Math.max(Math.abs(cc[i]-Math.cos(x[i])), Math.abs(ss[i]-Math.sin(x[i]))));
    System.out.println("max err " + maxErr);
  }
}
