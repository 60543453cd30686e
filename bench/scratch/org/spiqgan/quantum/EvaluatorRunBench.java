package org.spiqgan.quantum;
import org.spiqgan.model.ReuploadingAnsatz;
public class EvaluatorRunBench {
  public static void main(String[] a) {
    Circuit c = ReuploadingAnsatz.of(10, 5).build();
    Evaluator e = c.newEvaluator();
    int np = c.paramCount(), ni = c.inputCount();
    double[] p = new double[np]; java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < np; i++) p[i] = r.nextGaussian();
    double[] z = new double[ni * 64]; for (int i = 0; i < z.length; i++) z[i] = r.nextGaussian();
    System.out.println("instr " + c.nInstr + " inputs " + ni + " params " + np + " kernels " + KernelChoice.kernels().describe());
    for (int rep = 0; rep < 8; rep++) {
      int iters = 20000; long t0 = System.nanoTime();
      for (int it = 0; it < iters; it++) e.run(p, z, (it & 63) * ni);
      long t1 = System.nanoTime();
      System.out.printf("run %.2f us%n", (t1 - t0) / 1e3 / iters);
    }
  }
}
