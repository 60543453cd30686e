package org.spiqgan.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.Segment;
import org.spiqgan.data.SpikeRaster;

/**
 * Maximum-entropy models against brute force written independently here: energies and log Z by a plain
 * double loop over all patterns, samples by inverse-CDF draws with java.util.Random.
 */
class MaxEntTest {
    @TempDir Path dir;

    /** A known model: fields, symmetric couplings, K-potential (v[0] = 0). */
    record Truth(double[] h, double[][] j, double[] v) {
        double energy(int x) {
            int n = h.length;
            double e = 0;
            int k = 0;
            for (int a = 0; a < n; a++) {
                if ((x >> a & 1) == 0) continue;
                k++;
                e += h[a];
                for (int b = a + 1; b < n; b++) if ((x >> b & 1) != 0) e += j[a][b];
            }
            return e + v[k];
        }

        double logZ() {
            double s = 0;
            for (int x = 0; x < 1 << h.length; x++) s += Math.exp(energy(x));
            return Math.log(s);
        }

        SampleSet sample(int count, long seed) {
            int n = h.length;
            double[] cdf = new double[1 << n];
            double lz = logZ();
            double acc = 0;
            for (int x = 0; x < cdf.length; x++) {
                acc += Math.exp(energy(x) - lz);
                cdf[x] = acc;
            }
            Random rnd = new Random(seed);
            SampleSet s = SampleSet.zeros(count, n, 1);
            for (int k = 0; k < count; k++) {
                double u = rnd.nextDouble() * acc;
                int x = 0;
                while (cdf[x] <= u && x < cdf.length - 1) x++;
                for (int a = 0; a < n; a++) if ((x >> a & 1) != 0) s.set(k, a, 0, 1);
            }
            return s;
        }
    }

    static Truth randomTruth(int n, long seed, boolean kPotential) {
        Random r = new Random(seed);
        double[] h = new double[n];
        double[][] j = new double[n][n];
        double[] v = new double[n + 1];
        for (int a = 0; a < n; a++) h[a] = -2.0 + r.nextDouble();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                j[a][b] = j[b][a] = 0.8 * (r.nextDouble() - 0.5);
            }
        }
        if (kPotential) for (int k = 2; k <= n; k++) v[k] = 0.3 * (k - 1) - 0.05 * (k - 1) * (k - 1);
        return new Truth(h, j, v);
    }

    private static MaxEntFit.Options exact() {
        return MaxEntFit.Options.defaults().withRegularization(0, 0).withMethod("exact");
    }

    @Test
    void exactFitRecoversAKnownIsingModel() {
        Truth t = randomTruth(5, 11, false);
        SampleSet x = t.sample(400_000, 3);
        MaxEntModel m = MaxEntFit.fit(MaxEntLayout.Model.PAIRWISE, MaxEntPatterns.of(x), 1, exact());
        MaxEntLayout lay = m.lay;
        double worst = 0;
        for (int a = 0; a < 5; a++) {
            worst = Math.max(worst, Math.abs(m.theta[a] - t.h[a]));
            for (int b = a + 1; b < 5; b++) worst = Math.max(worst, Math.abs(m.theta[lay.pair(a, b)] - t.j[a][b]));
        }
        // sampling error of a coupling at 400,000 samples is about 0.02-0.03
        assertTrue(worst < 0.08, "largest parameter error " + worst);
        assertEquals("converged", m.report().get("stopped").getAsString());
        assertTrue(m.report().getAsJsonObject("momentErrors").get("maxAbsZ").getAsDouble() < 1e-2);
    }

    @Test
    void exactFitRecoversAKnownKPairwiseModel() {
        Truth t = randomTruth(6, 5, true);
        SampleSet x = t.sample(400_000, 4);
        MaxEntModel m = MaxEntFit.fit(MaxEntLayout.Model.K_PAIRWISE, MaxEntPatterns.of(x), 1, exact());
        // V(k) = c k and V(k) = c k(k-1)/2 are the same as shifting every field or every coupling by c (two gauge
        // directions), so the parameters are compared through the distributions they define
        double lz = t.logZ();
        double js = 0;
        MaxEntExact ex = new MaxEntExact(6);
        double[] h = new double[6];
        double[][] j = new double[6][6];
        double[] v = new double[7];
        m.lay.unpack(m.theta, h, j, v);
        ex.logZ(h, j, v);
        for (int c = 0; c < 64; c++) {
            double p = Math.exp(t.energy(c) - lz);
            double q = ex.p[c];
            double mm = (p + q) / 2;
            js += 0.5 * p * Math.log(p / mm) + 0.5 * q * Math.log(q / mm);
        }
        assertTrue(js / Math.log(2) < 2e-4, "JS " + js);
        // gauge-invariant: the third difference of V
        double d3t = t.v[4] - 3 * t.v[3] + 3 * t.v[2] - t.v[1];
        double d3 = v[4] - 3 * v[3] + 3 * v[2] - v[1];
        assertEquals(d3t, d3, 0.3);
    }

    @Test
    void exactLogLikelihoodAndMomentsMatchADirectSum() {
        int n = 12;
        Truth t = randomTruth(n, 7, true);
        MaxEntLayout lay = new MaxEntLayout(MaxEntLayout.Model.K_PAIRWISE, n, 0);
        double[] theta = new double[lay.size];
        for (int a = 0; a < n; a++) {
            theta[a] = t.h[a];
            for (int b = a + 1; b < n; b++) theta[lay.pair(a, b)] = t.j[a][b];
        }
        for (int k = 1; k <= n; k++) theta[lay.kOffset + k - 1] = t.v[k];
        MaxEntExact ex = new MaxEntExact(n);
        double[] h = new double[n];
        double[][] j = new double[n][n];
        double[] v = new double[n + 1];
        lay.unpack(theta, h, j, v);
        double lz = ex.logZ(h, j, v);
        assertEquals(t.logZ(), lz, 1e-11);
        double[] mm = new double[lay.size];
        ex.moments(ex.p, lay, mm);
        double[] direct = new double[lay.size];
        double lzd = t.logZ();
        for (int x = 0; x < 1 << n; x++) {
            double p = Math.exp(t.energy(x) - lzd);
            lay.addFeatures(x, p, direct);
        }
        for (int a = 0; a < lay.size; a++) assertEquals(direct[a], mm[a], 1e-12, lay.name(a));
        // the log-likelihood per bin of the fitted model equals the direct sum over the data
        SampleSet x = t.sample(20_000, 9);
        MaxEntModel m = MaxEntFit.fit(MaxEntLayout.Model.K_PAIRWISE, MaxEntPatterns.of(x), 1, MaxEntFit.Options.defaults());
        MaxEntLayout ml = m.lay;
        double[] hh = new double[n];
        double[][] jj = new double[n][n];
        double[] vv = new double[n + 1];
        ml.unpack(m.theta, hh, jj, vv);
        Truth fitted = new Truth(hh, jj, vv);
        double flz = fitted.logZ();
        double ll = 0;
        for (int s = 0; s < x.samples(); s++) {
            int c = 0;
            for (int a = 0; a < n; a++) if (x.get(s, a, 0) != 0) c |= 1 << a;
            ll += fitted.energy(c) - flz;
        }
        ll /= x.samples();
        assertEquals(ll, m.report().get("logLikelihoodTrainPerBin").getAsDouble(), 1e-9);
        assertEquals(ll, m.logLikelihoodPerBin(x), 1e-9);
        assertEquals(flz, m.report().get("logZ").getAsDouble(), 1e-9);
        // entropy = log Z - <E>, in bits
        double meanE = 0;
        for (int c = 0; c < 1 << n; c++) meanE += Math.exp(fitted.energy(c) - flz) * fitted.energy(c);
        assertEquals((flz - meanE) / Math.log(2), m.report().get("entropyBitsPerBin").getAsDouble(), 1e-9);
    }

    @Test
    void exactAndMcmcPathsAgreeOnTwelveNeurons() {
        int n = 12;
        Truth t = randomTruth(n, 21, true);
        SampleSet x = t.sample(200_000, 5);
        MaxEntPatterns p = MaxEntPatterns.of(x);
        MaxEntFit.Options o = MaxEntFit.Options.defaults().withMcmcSamples(400_000);
        MaxEntModel ex = MaxEntFit.fit(MaxEntLayout.Model.K_PAIRWISE, p, 1, o.withMethod("exact"));
        MaxEntModel mc = MaxEntFit.fit(MaxEntLayout.Model.K_PAIRWISE, p, 1, o.withMethod("mcmc"));
        assertTrue(mc.report().get("converged").getAsBoolean(), mc.report().toString());
        // the two fits are the same model up to MCMC noise: compare distributions, log Z and log-likelihood
        MaxEntExact e1 = new MaxEntExact(n);
        double[] h = new double[n];
        double[][] j = new double[n][n];
        double[] v = new double[n + 1];
        ex.lay.unpack(ex.theta, h, j, v);
        e1.logZ(h, j, v);
        double[] p1 = e1.p.clone();
        mc.lay.unpack(mc.theta, h, j, v);
        double lzMcmcExact = e1.logZ(h, j, v);
        double js = 0;
        for (int c = 0; c < p1.length; c++) {
            double a = p1[c];
            double b = e1.p[c];
            double m = (a + b) / 2;
            if (a > 0) js += 0.5 * a * Math.log(a / m);
            if (b > 0) js += 0.5 * b * Math.log(b / m);
        }
        js /= Math.log(2);
        assertTrue(js < 5e-4, "JS(exact fit, MCMC fit) = " + js + " bits");
        // the MCMC path's log Z estimate (partial enumeration / P(K <= k0)) against the exact log Z of its own parameters
        assertEquals(lzMcmcExact, mc.report().get("logZ").getAsDouble(), 5e-3);
        assertEquals(ex.report().get("logLikelihoodTrainPerBin").getAsDouble(), mc.report().get("logLikelihoodTrainPerBin").getAsDouble(), 5e-3);
        assertEquals(ex.report().get("entropyBitsPerBin").getAsDouble(), mc.report().get("entropyBitsPerBin").getAsDouble(), 2e-2);
    }

    @Test
    void independentModelIsClosedFormAndSamplesItsRates() {
        Truth t = randomTruth(4, 2, false);
        for (double[] row : t.j) java.util.Arrays.fill(row, 0);
        SampleSet x = t.sample(50_000, 1);
        MaxEntModel m = MaxEntFit.fit(MaxEntLayout.Model.INDEPENDENT, MaxEntPatterns.of(x), 3, MaxEntFit.Options.defaults());
        assertEquals(4, m.parameterCount());
        SampleSet g = m.generate(30_000, 4);
        assertEquals("(30000, 4, 3)", g.shape());
        for (int a = 0; a < 4; a++) {
            double r = 0;
            for (int s = 0; s < x.samples(); s++) r += x.get(s, a, 0);
            r /= x.samples();
            double q = 0;
            for (int s = 0; s < g.samples(); s++) for (int u = 0; u < 3; u++) q += g.get(s, a, u);
            q /= 3.0 * g.samples();
            assertEquals(r, q, 0.01);
        }
    }

    /**
     * The Gibbs thinning follows the chains' mixing: without couplings one sweep draws every neuron afresh, so K's
     * autocorrelation time is 1 sweep (kept every 10, the floor); near the critical point K moves slowly
     * and the sampler keeps patterns further apart, at twice the measured time.
     */
    @Test
    void gibbsThinningFollowsTheAutocorrelationTimeOfTheActiveCount() {
        int n = 30;
        MaxEntLayout lay = new MaxEntLayout(MaxEntLayout.Model.PAIRWISE, n, 0);
        double[] theta = new double[lay.size];
        for (int a = 0; a < n; a++) theta[a] = -2;
        MaxEntGibbs free = new MaxEntGibbs(n, 64, 1);
        free.setParameters(lay, theta);
        for (int b = 0; b < 200; b++) free.sweep();
        double tauFree = free.countAutocorrelationTime(64_000);
        assertEquals(1, tauFree, 0.15, "independent neurons");
        free.setParameters(lay, theta);
        assertEquals(10, MaxEntModel.gibbsThinning(free));

        // near the mean-field critical point (slope J (N - 1) p (1 - p) = 1 at p = 1/2 is J = 4 / 29): critical slowing
        for (int a = 0; a < n; a++) theta[a] = -0.13 * (n - 1) / 2;
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) theta[lay.pair(a, b)] = 0.13;
        MaxEntGibbs coupled = new MaxEntGibbs(n, 64, 2);
        coupled.setParameters(lay, theta);
        for (int b = 0; b < 1000; b++) coupled.sweep();
        double tau = coupled.countAutocorrelationTime(64_000);
        assertTrue(tau > 5, "coupled: tau " + tau);
        int thin = MaxEntModel.gibbsThinning(coupled);
        assertTrue(Math.abs(thin - 2 * tau) < 0.5 * tau + 1, "thinning " + thin + " for tau " + tau);

        // past the critical point K moves between a silent and an active state only slowly (tau 143 sweeps): the pilot
        // grows past 2,000 sweeps and records K every few sweeps (the coarse path)
        for (int a = 0; a < n; a++) theta[a] = -0.2 * (n - 1) / 2;
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) theta[lay.pair(a, b)] = 0.2;
        MaxEntGibbs ordered = new MaxEntGibbs(n, 64, 3);
        ordered.setParameters(lay, theta);
        double slow = ordered.countAutocorrelationTime(16_000);
        assertTrue(slow > 100, "ordered: tau " + slow);
    }

    @Test
    void gibbsSamplesOfAThirtyNeuronModelHaveItsSilenceProbability() {
        // N = 30 (beyond enumeration), weak couplings: compare Gibbs moments with the partial-enumeration moments
        int n = 30;
        MaxEntLayout lay = new MaxEntLayout(MaxEntLayout.Model.PAIRWISE, n, 0);
        Random r = new Random(3);
        double[] theta = new double[lay.size];
        for (int a = 0; a < n; a++) theta[a] = -4 + r.nextDouble();
        for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) theta[lay.pair(a, b)] = 0.6 * (r.nextDouble() - 0.3);
        MaxEntModel m = new MaxEntModel(lay, 1, theta, new com.google.gson.JsonObject());
        SampleSet g = m.generate(200_000, 5);
        // P(silent) = 1 / Z with Z from the partial enumeration (K <= 4 holds almost all mass here)
        double lz = MaxEntModel.logSumExpUpTo(lay, theta, 5);
        int silent = 0;
        for (int s = 0; s < g.samples(); s++) {
            boolean q = true;
            for (int a = 0; a < n && q; a++) q = g.get(s, a, 0) == 0;
            if (q) silent++;
        }
        double p0 = Math.exp(-lz);
        assertEquals(p0, silent / 200_000.0, 4 * Math.sqrt(p0 * (1 - p0) / 200_000.0) + 2e-3);
    }

    @Test
    void spatioTemporalFitRecoversAKnownChain() {
        // N = 3, L = 1: x_t | x_{t-1} ~ exp(h.x + J x x + x' K x_{t-1}); 300,000 bins drawn here by brute force
        int n = 3;
        double[] h = {-1.5, -1.2, -1.8};
        double[][] j = {{0, 0.5, -0.3}, {0.5, 0, 0.2}, {-0.3, 0.2, 0}};
        double[][] k = {{1.0, 0.2, 0}, {-0.4, 0.8, 0.3}, {0, 0.5, -0.6}};
        int bins = 300_000;
        SpikeRaster.Builder rb = SpikeRaster.builder(n, bins);
        Random rnd = new Random(8);
        int prev = 0;
        double[] w = new double[8];
        for (int b = 0; b < bins; b++) {
            double tot = 0;
            for (int x = 0; x < 8; x++) {
                double e = 0;
                for (int a = 0; a < n; a++) {
                    if ((x >> a & 1) == 0) continue;
                    e += h[a];
                    for (int c = a + 1; c < n; c++) if ((x >> c & 1) != 0) e += j[a][c];
                    for (int c = 0; c < n; c++) if ((prev >> c & 1) != 0) e += k[a][c];
                }
                w[x] = Math.exp(e);
                tot += w[x];
            }
            double u = rnd.nextDouble() * tot;
            int x = 0;
            while (x < 7 && u >= w[x]) u -= w[x++];
            for (int a = 0; a < n; a++) if ((x >> a & 1) != 0) rb.set(a, b, 1);
            prev = x;
        }
        SpikeRaster raster = rb.build();
        List<Segment> segs = new ArrayList<>();
        for (int s = 0; s < 300; s++) segs.add(new Segment(s * 1000, s * 1000 + 1000));
        MaxEntModel m = MaxEntSpatioTemporal.fit(raster, new int[] {0, 1, 2}, segs, 1, 5,
                MaxEntFit.Options.defaults().withRegularization(0, 0));
        MaxEntLayout lay = m.lay;
        for (int a = 0; a < n; a++) {
            assertEquals(h[a], m.theta[a], 0.05, "h" + a);
            for (int c = a + 1; c < n; c++) assertEquals(j[a][c], m.theta[lay.pair(a, c)], 0.06, "J" + a + c);
            for (int c = 0; c < n; c++) assertEquals(k[a][c], m.theta[lay.lagged(1, a, c)], 0.06, "K" + a + c);
        }
        // its chain reproduces the lag-1 coincidences of the data
        SampleSet g = m.generate(20_000, 3);
        double dataCo = 0;
        double genCo = 0;
        for (int b = 1; b < bins; b++) dataCo += raster.get(0, b) * raster.get(0, b - 1);
        dataCo /= bins - 1;
        for (int s = 0; s < g.samples(); s++) for (int t = 1; t < 5; t++) genCo += g.get(s, 0, t) * g.get(s, 0, t - 1);
        genCo /= g.samples() * 4.0;
        assertEquals(dataCo, genCo, 0.01);
        assertEquals(3 + 3 + 9, m.parameterCount());
        assertTrue(m.logLikelihoodTrain() < 0);
    }

    @Test
    void everyMaxEntKindSavesLoadsAndGeneratesTheSameSamples() throws Exception {
        Truth t = randomTruth(4, 3, true);
        SampleSet x = t.sample(20_000, 2);
        for (MaxEntLayout.Model kind : new MaxEntLayout.Model[] {MaxEntLayout.Model.INDEPENDENT, MaxEntLayout.Model.PAIRWISE, MaxEntLayout.Model.K_PAIRWISE}) {
            MaxEntModel m = MaxEntFit.fit(kind, MaxEntPatterns.of(x), 3, MaxEntFit.Options.defaults());
            Path run = dir.resolve(kind.id);
            Baselines.save(run, m, null);
            Baseline back = Baselines.load(run);
            assertEquals(kind.kind(), back.kind());
            assertEquals(m.parameterCount(), back.parameterCount());
            assertArrayEquals(m.generate(100, 7).values(), back.generate(100, 7).values(), kind.id);
        }
        var raster = org.spiqgan.data.SyntheticRecording.generate(org.spiqgan.data.SyntheticRecording.DEFAULT_SEED);
        var split = org.spiqgan.data.Splits.of(raster, 0.8, 0.1).train();
        MaxEntModel st = MaxEntSpatioTemporal.fit(raster, new int[] {0, 1, 2}, split.segments(), 2, 6, MaxEntFit.Options.defaults());
        Path run = dir.resolve("st");
        Baselines.save(run, st, null);
        Baseline back = Baselines.load(run);
        assertEquals("baseline/maxent-spatiotemporal", back.kind());
        assertEquals(3 + 3 + 2 * 9, back.parameterCount());
        assertArrayEquals(st.generate(40, 1).values(), back.generate(40, 1).values());
    }
}
