package org.spiqgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The binary-concrete relaxation's two entry points (a probability with drawn logistic noise, the patch
 * generator's; a logit with the uniform, the classical generators') are one function, each in its own
 * evaluation order: they agree to rounding for every critic input, and their slopes match finite differences.
 */
class BinaryConcreteTest {
    private static double logit(double p) { return Math.log(p) - Math.log1p(-p); }

    @Test
    void bothEntryPointsAreTheSameRelaxation() {
        SplittableRandom r = new SplittableRandom(7);
        for (CriticInput in : CriticInput.values()) {
            for (double tau : new double[] {0.5, 0.3, 1.7}) {
                BinaryConcrete c = new BinaryConcrete(in, tau);
                double[] slope = new double[1];
                for (int k = 0; k < 2000; k++) {
                    double p = 0.001 + 0.998 * r.nextDouble(), u = 0.001 + 0.998 * r.nextDouble();
                    double a = c.fromProbability(p, BinaryConcrete.logisticNoise(u));
                    double b = c.fromLogit(logit(p), u, slope, 0);
                    if (in == CriticInput.STRAIGHT_THROUGH && Math.abs(logit(p) + logit(u)) < 1e-9) continue; // on the threshold
                    assertEquals(a, b, 1e-12, in + " tau " + tau + " p " + p + " u " + u);
                }
            }
        }
    }

    @Test
    void slopesMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(11);
        double tau = 0.4, h = 1e-6;
        BinaryConcrete gumbel = new BinaryConcrete(CriticInput.GUMBEL, tau);
        BinaryConcrete marginals = new BinaryConcrete(CriticInput.MARGINALS, tau);
        BinaryConcrete straight = new BinaryConcrete(CriticInput.STRAIGHT_THROUGH, tau);
        double[] slope = new double[1], ignored = new double[1];
        for (int k = 0; k < 200; k++) {
            double p = 0.05 + 0.9 * r.nextDouble(), u = 0.05 + 0.9 * r.nextDouble(), noise = BinaryConcrete.logisticNoise(u);
            // d x / d p of the probability form
            double[] g = new double[1];
            gumbel.addProbabilityGradient(p, noise, 1, g, 0);
            double fd = (gumbel.fromProbability(p + h, noise) - gumbel.fromProbability(p - h, noise)) / (2 * h);
            assertEquals(fd, g[0], 1e-6 * Math.max(1, Math.abs(fd)));
            double[] gs = new double[1];
            straight.addProbabilityGradient(p, noise, 1, gs, 0);
            assertEquals(g[0], gs[0], 0.0, "straight-through passes the relaxed slope");
            double[] gm = new double[1];
            marginals.addProbabilityGradient(p, noise, 2.5, gm, 0);
            assertEquals(2.5, gm[0], 0.0);
            // d x / d h of the logit form
            double x = logit(p);
            gumbel.fromLogit(x, u, slope, 0);
            fd = (gumbel.fromLogit(x + h, u, ignored, 0) - gumbel.fromLogit(x - h, u, ignored, 0)) / (2 * h);
            assertEquals(fd, slope[0], 1e-6 * Math.max(1, Math.abs(fd)));
            marginals.fromLogit(x, u, slope, 0);
            fd = (marginals.fromLogit(x + h, u, ignored, 0) - marginals.fromLogit(x - h, u, ignored, 0)) / (2 * h);
            assertEquals(fd, slope[0], 1e-6);
        }
    }

    @Test
    void clampedProbabilitiesPassNoGradient() {
        BinaryConcrete c = new BinaryConcrete(CriticInput.GUMBEL, 0.5);
        double[] g = {3};
        c.addProbabilityGradient(0, 0.1, 1, g, 0);
        c.addProbabilityGradient(1, 0.1, 1, g, 0);
        assertEquals(3, g[0], 0.0);
        assertEquals(0, new BinaryConcrete(CriticInput.STRAIGHT_THROUGH, 0.5).fromProbability(0, 5), 0.0, "p = 0 never spikes at finite noise");
    }
}
