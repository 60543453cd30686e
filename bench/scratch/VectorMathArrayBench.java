import org.spiqgan.quantum.VectorMath;
public class VectorMathArrayBench {
  public static void main(String[] a) {
    int n = 1024; double[] x = new double[n], y = new double[n], z = new double[n];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < n; i++) x[i] = r.nextDouble()*0.9+0.05;
    double[] lanes = new double[64];
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime(); double acc = 0;
      for (int it = 0; it < 20000; it++) { System.arraycopy(x, 0, y, 0, n); VectorMath.log(y, 0, n); acc += y[5]; }
      long t1 = System.nanoTime();
      for (int it = 0; it < 20000; it++) { acc += VectorMath.exp(x, 0, 1.0, z, 0, n); }
      long t2 = System.nanoTime();
      for (int it = 0; it < 2000000; it++) { lanes[it & 63] += 1; VectorMath.foldLanes(lanes, 8); acc += lanes[3]; }
      long t3 = System.nanoTime();
      System.out.printf("log %.2f ns/elem, exp %.2f ns/elem, foldLanes %.1f ns %s%n", (t1-t0)/20000.0/n, (t2-t1)/20000.0/n, (t3-t2)/2e6, acc>0);
    }
  }
}
