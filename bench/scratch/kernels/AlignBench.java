// Scratch timing program (issue 12, ninth part; bench/scratch/kernels/run.sh): not part of the build.
import jdk.incubator.vector.*;
public class AlignBench {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
  static final int L = 8;
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
        for (int it = 0; it < iters; it++) for (int q = 3; q < 10; q++) ScratchKernels.ry1(re, im, base, dim, q, q % 2 == 0 ? 0.1 : -0.1);
        long t1 = System.nanoTime();
        for (int it = 0; it < iters; it++) for (int q = 3; q < 10; q++) ScratchKernels.general(re, im, base, dim, q, c, 0.0, -s, 0.0, s, 0.0, c, 0.0);
        long t2 = System.nanoTime();
        double n = 0; for (int i = 0; i < re.length; i++) n += re[i]*re[i]+im[i]*im[i];
        double sc = Math.sqrt(re.length / n); for (int i = 0; i < re.length; i++) { re[i] *= sc; im[i] *= sc; }
        sb.append(String.format("b%d ry1 %.0f gen %.0f | ", base, (t1-t0)/(7.0*iters), (t2-t1)/(7.0*iters)));
      }
      System.out.println(sb);
    }
  }
}
