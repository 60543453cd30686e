package org.spiqgan.baseline;
import java.nio.file.Path;
/**
 * K's integrated autocorrelation time, as the Gibbs sampler's pilot measures it, for a fitted static maximum-entropy
 * run (N > 20), three seeds, and the thinning it gives (RESULTS.md, the N = 50 P(k) draws).
 * Usage (from the repository): javac --release 17 -cp target/spiqgan-all.jar -d OUT bench/scratch/org/spiqgan/baseline/TauProbe.java;
 * java -cp target/spiqgan-all.jar:OUT org.spiqgan.baseline.TauProbe RUNDIR
 */
public class TauProbe {
    public static void main(String[] a) throws Exception {
        MaxEntModel m = (MaxEntModel) Baselines.load(Path.of(a[0]));
        for (long seed = 1; seed <= 3; seed++) {
            MaxEntGibbs g = new MaxEntGibbs(m.lay.n, 64, seed);
            g.setParameters(m.lay, m.theta);
            for (int b = 0; b < 1000; b++) g.sweep();
            double tau = g.countAutocorrelationTime(64_000);
            System.out.printf("seed %d: tau_K %.3f sweeps, thinning %d%n", seed, tau, MaxEntModel.gibbsThinning(g));
        }
    }
}
