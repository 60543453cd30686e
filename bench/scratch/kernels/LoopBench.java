// Scratch timing program (issue 12, ninth part; bench/scratch/kernels/run.sh): not part of the build.
import org.spiqgan.model.*;
import org.spiqgan.quantum.*;
public class LoopBench {
  public static void main(String[] a) {
    ModelFile m = ModelFile.read(java.nio.file.Path.of(a[0]));
    PatchGenerator g = new PatchGenerator(m.generator);
    double[] theta = m.generatorParams(null);
    int batch = 64; double[] z = g.drawLatent(new java.util.SplittableRandom(2), batch);
    Evaluator e = g.circuit(0).newEvaluator();
    double[][] pp = new double[g.patches()][];
    for (int p = 0; p < pp.length; p++) pp[p] = g.patchParams(theta, p);
    for (int rep = 0; rep < 10; rep++) {
      long t0 = System.nanoTime(); int n = 0;
      for (int p = 0; p < g.patches(); p++) for (int b = 0; b < batch; b++) for (int k = 0; k < 4; k++) { e.run(pp[p], z, b * g.latentSize()); n++; }
      long t1 = System.nanoTime();
      if (rep >= 8) System.out.printf("%.2f us per run%n", (t1 - t0) / 1e3 / n);
    }
  }
}
