package org.spiqgan.nn;

import java.util.SplittableRandom;

/**
 * Micro measurement (not a test): time of one critic step (WGAN-GP loss with the exact penalty
 * gradient, plus the Adam update) for N = 10, T = 30, batch 64, mlp hidden 128 and conv 32/64, for
 * 1 and 2 threads; optional arguments {@code REPS [N T]} (wall clock; for 1 thread also the CPU time, which is robust to a loaded machine). Run:
 * {@code mvn -q -B test-compile && java -cp target/classes:target/test-classes org.spiqgan.nn.CriticStepTiming}
 */
public final class CriticStepTiming {

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int n = args.length > 2 ? Integer.parseInt(args[1]) : 10;
        int t = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int batch = 64;
        for (String kind : new String[] {"mlp", "conv"}) {
            for (int threads : new int[] {1, 2}) {
                Critic critic = kind.equals("mlp") ? Critics.mlp(n, t, 128, new SplittableRandom(1))
                        : Critics.conv(n, t, 32, 64, new SplittableRandom(1));
                Adam adam = new Adam(critic.parameterCount(), 1e-4);
                SplittableRandom rng = new SplittableRandom(2);
                double[] real = CriticLossGradientTest.samples(batch, n * t, true, rng);
                double[] gen = CriticLossGradientTest.samples(batch, n * t, false, rng);
                double[] inputGrad = new double[gen.length];
                try (BatchExecutor ex = new BatchExecutor(threads)) {
                    for (int i = 0; i < reps; i++) {
                        CriticLoss.wganGp(critic, real, gen, batch, 10.0, rng, ex);
                        adam.step(critic);
                    }
                    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        CriticLoss.wganGp(critic, real, gen, batch, 10.0, rng, ex);
                        adam.step(critic);
                    }
                    long t1 = System.nanoTime();
                    long c1 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < reps; i++) {
                        CriticLoss.criticInputGradient(critic, gen, batch, -1.0 / batch, inputGrad, ex);
                    }
                    long t2 = System.nanoTime();
                    System.out.printf("%s critic (%d params), N=%d T=%d batch %d, %d thread(s): critic step %.3f ms,"
                            + " generator-side input gradient %.3f ms%s%n", kind, critic.parameterCount(), n, t, batch,
                            threads, (t1 - t0) / 1e6 / reps, (t2 - t1) / 1e6 / reps,
                            threads == 1 ? String.format(" (critic step CPU time of the calling thread %.3f ms)",
                                    (c1 - c0) / 1e6 / reps) : "");
                }
            }
        }
    }
}
