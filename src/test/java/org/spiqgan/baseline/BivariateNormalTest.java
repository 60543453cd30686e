package org.spiqgan.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BivariateNormalTest {
    /** Phi_2(a, b; rho) = int_{-inf}^a phi(x) Phi((b - rho x) / sqrt(1 - rho^2)) dx, composite Simpson. */
    static double integrated(double a, double b, double rho) {
        double lo = -12, hi = a;
        int m = 20000;
        double h = (hi - lo) / m, s = 0, q = Math.sqrt(1 - rho * rho);
        for (int k = 0; k <= m; k++) {
            double x = lo + k * h;
            double f = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * BivariateNormal.phi((b - rho * x) / q);
            s += f * (k == 0 || k == m ? 1 : k % 2 == 1 ? 4 : 2);
        }
        return s * h / 3;
    }

    @Test
    void cdfMatchesNumericalIntegrationOverAllThreeRegimes() {
        double[] rhos = {-0.999, -0.95, -0.8, -0.5, -0.1, 0, 0.2, 0.5, 0.74, 0.8, 0.93, 0.97, 0.999};
        double[][] points = {{-1.5, -1.2}, {0.3, -2.1}, {1.2, 0.7}, {-2.5, -2.9}, {0, 0}, {-0.4, 1.8}};
        for (double rho : rhos) {
            for (double[] p : points) {
                double ref = integrated(p[0], p[1], rho);
                double got = BivariateNormal.cdf(p[0], p[1], rho);
                assertEquals(ref, got, 1e-10, "a=" + p[0] + " b=" + p[1] + " rho=" + rho);
            }
        }
    }

    @Test
    void limitsAndSymmetry() {
        assertEquals(BivariateNormal.phi(0.3) * BivariateNormal.phi(-0.7), BivariateNormal.cdf(0.3, -0.7, 0), 1e-15);
        assertEquals(BivariateNormal.phi(-0.7), BivariateNormal.cdf(0.3, -0.7, 1), 1e-15);
        assertEquals(Math.max(0, BivariateNormal.phi(0.3) - BivariateNormal.phi(0.7)), BivariateNormal.cdf(0.3, -0.7, -1), 1e-15);
        assertEquals(BivariateNormal.cdf(0.4, -1.1, 0.6), BivariateNormal.cdf(-1.1, 0.4, 0.6), 1e-15);
        assertEquals(0, BivariateNormal.cdf(Double.NEGATIVE_INFINITY, 1, 0.3));
    }

    @Test
    void densityIsTheDerivativeInRho() {
        double a = -1.3, b = -0.6;
        for (double rho : new double[] {-0.6, 0.1, 0.85, 0.95}) {
            double h = 1e-5;
            double fd = (BivariateNormal.cdf(a, b, rho + h) - BivariateNormal.cdf(a, b, rho - h)) / (2 * h);
            assertEquals(fd, BivariateNormal.density(a, b, rho), 1e-8);
        }
    }

    @Test
    void inversionRoundTrips() {
        for (double rho : new double[] {-0.9, -0.4, 0, 0.33, 0.7, 0.9, 0.96}) {
            double m = BivariateNormal.cdf(-1.6, -1.1, rho);
            assertEquals(rho, BivariateNormal.correlationFor(-1.6, -1.1, m), 1e-9);
        }
        double[] range = BivariateNormal.attainable(-1.6, -1.1);
        assertEquals(1, BivariateNormal.correlationFor(-1.6, -1.1, range[1] + 0.01));
        assertEquals(-1, BivariateNormal.correlationFor(-1.6, -1.1, -0.01));
    }

    @Test
    void batchedSumsEqualSingleEvaluations() {
        double[] a = {-1.2, -0.3, -2.0, 0.5, Double.NEGATIVE_INFINITY};
        double[] b = {-0.8, -1.9, -1.1, -0.2, 0.3};
        for (double rho : new double[] {-0.5, 0.2, 0.6, 0.95}) {
            double s = 0, dsum = 0;
            for (int k = 0; k < a.length; k++) {
                s += BivariateNormal.cdf(a[k], b[k], rho);
                if (Double.isFinite(a[k])) dsum += BivariateNormal.density(a[k], b[k], rho);
            }
            assertEquals(s, BivariateNormal.sumCdf(a, b, a.length, rho), 1e-14);
            assertEquals(dsum, BivariateNormal.sumDensity(a, b, a.length, rho), 1e-14);
        }
        double m = BivariateNormal.sumCdf(a, b, a.length, 0.45) / a.length;
        assertTrue(Math.abs(BivariateNormal.correlationForMean(a, b, a.length, m) - 0.45) < 1e-9);
    }
}
