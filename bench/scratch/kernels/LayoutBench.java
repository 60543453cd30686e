// Scratch timing program (issue 12, ninth part; bench/scratch/kernels/run.sh): not part of the build.
import jdk.incubator.vector.*;
public class LayoutBench {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
  static sun.misc.Unsafe U;
  static long addr(Object o) { Object[] a = {o}; return ((U.getInt(a, (long) U.arrayBaseOffset(Object[].class)) & 0xffffffffL) << 3) + 16; }
  public static void main(String[] a) throws Exception {
    java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe"); f.setAccessible(true); U = (sun.misc.Unsafe) f.get(null);
    int dim = 1024;
    int p1 = Integer.parseInt(a[0]), p2 = Integer.parseInt(a[1]), p3 = Integer.parseInt(a[2]);
    int P = Integer.getInteger("P", 0); double[] re = new double[dim + P]; double[] x1 = new double[p1]; double[] im = new double[dim + P];
    double[] x2 = new double[p2]; double[] re2 = new double[dim + P]; double[] im2 = new double[dim + P];
    double[] x3 = new double[p3]; int[] src = new int[dim];
    for (int x = 0; x < dim; x++) src[x] = x ^ ((x << 1) & (dim - 1));
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < dim; i++) { re[i] = r.nextGaussian(); im[i] = r.nextGaussian(); }
    double c = Math.cos(0.3), s = Math.sin(0.3);
    double best = 1e9;
    for (int rep = 0; rep < 6; rep++) {
      int iters = 40000;
      long t0 = System.nanoTime();
      for (int it = 0; it < iters; it++) {
        for (int layer = 0; layer < 4; layer++) {
          for (int i = 0; i < dim; i += 8) {
            DoubleVector.fromArray(S, re, 0, src, i).intoArray(re2, i);
            DoubleVector.fromArray(S, im, 0, src, i).intoArray(im2, i);
          }
          double[] t = re; re = re2; re2 = t; t = im; im = im2; im2 = t;
          for (int q = 3; q < 10; q++) ScratchKernels.general(re, im, 0, dim, q, c, 0.01, -s, 0.02, s, 0.01, c, -0.02);
        }
      }
      long t1 = System.nanoTime();
      best = Math.min(best, (t1 - t0) / (double) iters);
      long t2 = System.nanoTime();
      for (int it = 0; it < iters; it++) for (int q = 3; q < 10; q++) ScratchKernels.general(re, im, 0, dim, q, c, 0.01, -s, 0.02, s, 0.01, c, -0.02);
      long t3 = System.nanoTime();
      for (int it = 0; it < iters; it++) { for (int i = 0; i < dim; i += 8) { DoubleVector.fromArray(S, re, 0, src, i).intoArray(re2, i); DoubleVector.fromArray(S, im, 0, src, i).intoArray(im2, i); } double[] t = re; re = re2; re2 = t; t = im; im = im2; im2 = t; }
      long t4 = System.nanoTime();
      if (rep == 5) System.out.printf("7 gates %.0f ns, gather %.0f ns%n", (t3 - t2) / (double) iters, (t4 - t3) / (double) iters);
      double n = 0; for (int i = 0; i < dim; i++) n += re[i]*re[i]+im[i]*im[i];
      double sc = Math.sqrt(dim / n); for (int i = 0; i < dim; i++) { re[i] *= sc; im[i] *= sc; }
    }
    System.out.printf("pads %d %d %d: re %d im %d re2 %d im2 %d src %d (mod 4096): %.0f ns%n", p1, p2, p3,
        addr(re) % 4096, addr(im) % 4096, addr(re2) % 4096, addr(im2) % 4096, addr(src) % 4096, best);
  }
}
