package org.spiqgan.quantum;
import org.spiqgan.model.ReuploadingAnsatz;
import java.util.SplittableRandom;
public class KH3 {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), reps = Integer.parseInt(a[1]);
        ReuploadingAnsatz spec = ReuploadingAnsatz.of(n, 5);
        Circuit c = spec.build();
        SplittableRandom rng = new SplittableRandom(7);
        double[] p = spec.initialParams(rng), z = new double[c.inputCount()], out = new double[n], cot = new double[n], gp = new double[c.paramCount()];
        for (int k = 0; k < z.length; k++) z[k] = Math.PI * rng.nextDouble();
        for (int k = 0; k < n; k++) cot[k] = rng.nextDouble() - 0.5;
        for (String kind : a[2].split(",")) {
            Evaluator e = new Evaluator(c, KernelChoice.resolve(kind));
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) { e.run(p, z); e.read(Readout.marginals(), out); }
                long t1 = System.nanoTime();
                for (int i = 0; i < reps; i++) e.gradient(p, z, Readout.marginals(), cot, gp, null);
                long t2 = System.nanoTime();
                System.out.printf("%s n=%d forward %.2f us, gradient %.2f us%n", kind, n, (t1 - t0) / 1e3 / reps, (t2 - t1) / 1e3 / reps);
            }
        }
    }
}
