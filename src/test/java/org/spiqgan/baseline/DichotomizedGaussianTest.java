package org.spiqgan.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;

class DichotomizedGaussianTest {
    static final int N = 3, T = 4;
    static final double[] GAMMA = {-1.2, -0.8, -1.5};

    /** A known stationary latent: spatial correlations decaying with lag (an AR(1)-like kernel), index i*T + t. */
    static double[][] knownCorrelation() {
        double[][] spatial = {{1, 0.4, 0.2}, {0.4, 1, 0.3}, {0.2, 0.3, 1}};
        double[][] c = new double[N * T][N * T];
        for (int i = 0; i < N; i++) for (int t = 0; t < T; t++) for (int j = 0; j < N; j++) for (int u = 0; u < T; u++) {
            c[i * T + t][j * T + u] = spatial[i][j] * Math.pow(0.6, Math.abs(t - u));
        }
        return c;
    }

    /** Samples drawn independently of the code under test: Hipparchus Cholesky and java.util.Random. */
    static SampleSet drawKnown(int samples, long seed) {
        double[][] l = new CholeskyDecomposition(new Array2DRowRealMatrix(knownCorrelation())).getL().getData();
        Random rng = new Random(seed);
        int d = N * T;
        SampleSet s = SampleSet.zeros(samples, N, T);
        double[] z = new double[d];
        for (int k = 0; k < samples; k++) {
            for (int q = 0; q < d; q++) z[q] = rng.nextGaussian();
            for (int q = 0; q < d; q++) {
                double u = GAMMA[q / T];
                for (int r = 0; r <= q; r++) u += l[q][r] * z[r];
                s.values()[k * d + q] = (byte) (u > 0 ? 1 : 0);
            }
        }
        return s;
    }

    @Test
    void recoversLatentCorrelationsAndMomentsOfAKnownGaussian() {
        SampleSet x = drawKnown(60000, 7);
        DichotomizedGaussian dg = DichotomizedGaussian.fit(x);
        double[][] known = knownCorrelation();
        double[][][] lam = dg.latentCorrelations();
        for (int tau = 0; tau < T; tau++) {
            for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) {
                // standard error of a latent correlation from 60000 * (T - tau) pairs at these rates is ~0.01-0.02
                assertEquals(known[i * T][j * T + tau], lam[tau][i][j], 0.06, "lambda(" + tau + ")[" + i + "][" + j + "]");
            }
        }
        assertNull(dg.projection(), "a fit to a valid latent Gaussian needs no projection");

        LaggedMoments target = LaggedMoments.of(x);
        LaggedMoments got = LaggedMoments.of(dg.generate(60000, 11));
        for (int i = 0; i < N; i++) {
            double r = target.rate()[i];
            double se = Math.sqrt(r * (1 - r) / (60000.0 * T)) * 3;  // bins within a window are correlated: margin
            assertEquals(r, got.rate()[i], 4 * se, "rate " + i);
        }
        for (int tau = 0; tau < T; tau++) {
            for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) {
                double m = target.second()[tau][i][j];
                double cov = m - target.rate()[i] * target.rate()[j];
                double covGot = got.second()[tau][i][j] - got.rate()[i] * got.rate()[j];
                assertEquals(cov, covGot, 0.006, "covariance lag " + tau + " (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void unattainableMomentsAreClippedWithAWarningNamingThePair() {
        double[] rate = {0.1, 0.2};
        double[][][] second = new double[2][2][2];
        second[0] = new double[][] {{0.1, 0.15}, {0.15, 0.2}};  // E[x0 x1] = 0.15 > min(r0, r1) = 0.1: impossible
        second[1] = new double[][] {{0.05, 0.03}, {0.03, 0.08}};
        DichotomizedGaussian dg = DichotomizedGaussian.fit(LaggedMoments.of(rate, second));
        String all = String.join("\n", dg.warnings());
        assertTrue(all.contains("(0,1,lag 0)"), all);
        for (double[][] l : dg.latentCorrelations()) for (double[] row : l) for (double v : row) assertTrue(Double.isFinite(v));
        assertEquals(1.0, dg.latentCorrelations()[0][0][1], 1e-12);
        SampleSet s = dg.generate(2000, 3);
        assertEquals(2000, s.samples());
    }

    @Test
    void indefiniteLatentMatrixIsProjectedAndTheDistanceReported() {
        double[][] a = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};
        assertNull(PositiveDefinite.cholesky(a));
        PositiveDefinite.Projection p = PositiveDefinite.project(a);
        assertTrue(p.minEigenvalue() < 0);
        assertEquals(1, p.negativeEigenvalues());
        assertNotNull(PositiveDefinite.cholesky(p.matrix()));
        double frob = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(1, p.matrix()[i][i], 1e-12);
            for (int j = 0; j < 3; j++) frob += Math.pow(p.matrix()[i][j] - a[i][j], 2);
        }
        assertEquals(Math.sqrt(frob), p.frobenius(), 1e-12);
        double min = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(p.matrix())).getEigenvalues()[2];
        assertTrue(min > 0, "projected matrix has eigenvalue " + min);
    }

    @Test
    void shrinkLagsKeepsLagZeroAndScalesTheRest() {
        // lag-0 correlation 0.9 between two neurons, but lag 1 says each follows itself (0.9) and the
        // other negatively (-0.9): no Gaussian process has these correlations
        double g = -0.5;
        double r = BivariateNormal.phi(g);
        double[][][] second = new double[2][2][2];
        second[0] = new double[][] {{r, BivariateNormal.cdf(g, g, 0.9)}, {BivariateNormal.cdf(g, g, 0.9), r}};
        second[1] = new double[][] {{BivariateNormal.cdf(g, g, 0.9), BivariateNormal.cdf(g, g, -0.9)},
                                    {BivariateNormal.cdf(g, g, -0.9), BivariateNormal.cdf(g, g, 0.9)}};
        LaggedMoments m = LaggedMoments.of(new double[] {r, r}, second);
        DichotomizedGaussian projected = DichotomizedGaussian.fit(m, DichotomizedGaussian.Repair.PROJECT);
        assertNotNull(projected.projection());
        DichotomizedGaussian shrunk = DichotomizedGaussian.fit(m, DichotomizedGaussian.Repair.SHRINK_LAGS);
        assertNull(shrunk.projection());
        assertTrue(shrunk.lagScale() > 0 && shrunk.lagScale() < 1, "scale " + shrunk.lagScale());
        assertTrue(String.join(" ", shrunk.warnings()).contains("scaled by"), shrunk.warnings().toString());
        assertEquals(0.9, shrunk.latentCorrelations()[0][0][1], 1e-9);
        // lag 0 is kept: the samples' same-bin covariance matches the target
        LaggedMoments got = LaggedMoments.of(shrunk.generate(100000, 4));
        assertEquals(second[0][0][1], got.second()[0][0][1], 0.006);
    }

    @Test
    void choleskyReproducesTheMatrix() {
        double[][] c = knownCorrelation();
        double[][] l = PositiveDefinite.cholesky(c);
        for (int i = 0; i < c.length; i++) for (int j = 0; j <= i; j++) {
            double s = 0;
            for (int k = 0; k <= j; k++) s += l[i][k] * l[j][k];
            assertEquals(c[i][j], s, 1e-12);
        }
    }
}
