package org.spiqgan.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.function.Consumer;

/**
 * Maximum-likelihood fits of the static maximum-entropy models (independent, pairwise, k-pairwise):
 * minimise F(theta) = -theta . m_data + log Z(theta) + R(theta), convex, gradient m_model - m_data + R'.
 * <ul>
 * <li>exact (N &lt;= 20): log Z and m_model by enumeration ({@link MaxEntExact}), L-BFGS to a gradient below
 * {@code 1e-3} data standard errors in every moment;</li>
 * <li>mcmc: persistent Gibbs chains draw S patterns at theta_0; the moments at nearby theta are the
 * importance-reweighted sample moments (weights exp((theta - theta_0) . f(x))), minimised by L-BFGS as long as
 * the effective sample size stays above half of S (Broderick et al. 2007; Ferrari 2016), no parameter moving
 * by more than 1 per round (a trust region: along a feature the sample lacks the reweighted objective is
 * unbounded); then the chains
 * move to the new theta and draw again. Converged when, on a fresh sample at the current theta, the RMS over
 * all constrained moments of (m_model - m_data) / sigma is below {@code zTolerance} (default 1) and the
 * largest is below 4, sigma^2 = sigma_data^2 + sigma_sample^2: sigma_data = sqrt(m (1 - m) / n_data) is the
 * data's sampling error, sigma_sample the sample's, from the spread of the 200 chains' means.</li>
 * </ul>
 * R(theta) = l2/2 sum theta_a^2 + l1 sum (sqrt(theta_a^2 + 1e-6) - 1e-3) over every parameter but the fields
 * (a smoothed L1, so L-BFGS applies).
 */
public final class MaxEntFit {
    private MaxEntFit() {}

    public record Options(String method, double l1, double l2, int mcmcSamples, int maxIterations, int maxRounds,
                          double zTolerance, long seed, Consumer<String> progress) {
        public static Options defaults() {
            return new Options("auto", 0, 1e-5, 1_000_000, 5000, 60, 1.0, 1, s -> {});
        }

        public Options withMethod(String m) {
            return new Options(m, l1, l2, mcmcSamples, maxIterations, maxRounds, zTolerance, seed, progress);
        }

        public Options withProgress(Consumer<String> p) {
            return new Options(method, l1, l2, mcmcSamples, maxIterations, maxRounds, zTolerance, seed, p);
        }

        public Options withRegularization(double newL1, double newL2) {
            return new Options(method, newL1, newL2, mcmcSamples, maxIterations, maxRounds, zTolerance, seed, progress);
        }

        public Options withMcmcSamples(int s) {
            return new Options(method, l1, l2, s, maxIterations, maxRounds, zTolerance, seed, progress);
        }

        public Options withSeed(long s) {
            return new Options(method, l1, l2, mcmcSamples, maxIterations, maxRounds, zTolerance, s, progress);
        }
    }

    static final double L1_EPS = 1e-3;
    /** Largest change of one parameter per MCMC round. */
    static final double MAX_STEP = 1.0;

    /** CPU time of the calling thread (the fits are single-threaded), or 0 where unsupported. */
    static long cpuNanos() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
    }

    /** Adds R(theta) to the value and R' to g (g must already hold the rest of the gradient). */
    static double regularize(MaxEntLayout lay, double[] theta, double[] g, double l1, double l2) {
        double r = 0;
        for (int a = lay.n; a < lay.size; a++) {
            double t = theta[a];
            if (l2 > 0) {
                r += 0.5 * l2 * t * t;
                g[a] += l2 * t;
            }
            if (l1 > 0) {
                double s = Math.sqrt(t * t + L1_EPS * L1_EPS);
                r += l1 * (s - L1_EPS);
                g[a] += l1 * t / s;
            }
        }
        return r;
    }

    /** sigma_data of each moment: sqrt(m (1 - m) / n), m at least 1/n. */
    static double[] standardErrors(double[] m, double n) {
        double[] se = new double[m.length];
        for (int a = 0; a < m.length; a++) {
            double v = Math.min(Math.max(m[a], 1 / n), 1 - 1 / n);
            se[a] = Math.sqrt(v * (1 - v) / n);
        }
        return se;
    }

    /** Fits a static model on the patterns; the result holds theta and the fit report. */
    public static MaxEntModel fit(MaxEntLayout.Model model, MaxEntPatterns data, int timesteps, Options o) {
        MaxEntLayout lay = new MaxEntLayout(model, data.n, 0);
        long t0 = System.nanoTime();
        long c0 = MaxEntFit.cpuNanos();
        double[] md = data.moments(lay);
        double[] se = standardErrors(md, data.total);
        double[] theta = new double[lay.size];
        for (int i = 0; i < lay.n; i++) {
            double r = Math.min(Math.max(md[i], 0.5 / data.total), 1 - 0.5 / data.total);
            theta[i] = Math.log(r / (1 - r));
        }
        JsonObject report = new JsonObject();
        String method = o.method();
        if (method.equals("auto")) method = model == MaxEntLayout.Model.INDEPENDENT ? "closed-form" : lay.n <= MaxEntExact.MAX_N ? "exact" : "mcmc";
        if (model == MaxEntLayout.Model.INDEPENDENT) method = "closed-form";
        report.addProperty("method", method);
        MaxEntModel.Normalizer norm;
        switch (method) {
            case "closed-form" -> {
                report.addProperty("iterations", 0);
                norm = MaxEntModel.Normalizer.independent(theta, lay.n);
            }
            case "exact" -> norm = fitExact(lay, theta, md, se, o, report);
            case "mcmc" -> norm = fitMcmc(lay, theta, md, se, data.total, o, report);
            default -> throw new IllegalArgumentException("method must be auto, exact or mcmc, not '" + o.method() + "'");
        }
        report.addProperty("seconds", (System.nanoTime() - t0) / 1e9);
        report.addProperty("cpuSeconds", (MaxEntFit.cpuNanos() - c0) / 1e9);
        report.addProperty("trainingBins", data.total);
        report.addProperty("l1", o.l1());
        report.addProperty("l2", o.l2());
        // moment errors: final model moments against the data
        double[] mm = norm.modelMoments();
        double[] z = new double[lay.size];
        for (int a = 0; a < lay.size; a++) z[a] = (mm[a] - md[a]) / se[a];
        report.add("momentErrors", momentReport(lay, z, mm, md));
        double meanE = data.meanEnergy(lay, theta);
        report.addProperty("logLikelihoodTrainPerBin", meanE - norm.logZ());
        report.addProperty("logZ", norm.logZ());
        report.addProperty("logZMethod", norm.method());
        if (norm.logZError() > 0) report.addProperty("logZStandardError", norm.logZError());
        report.addProperty("entropyBitsPerBin", (norm.logZ() - norm.modelMeanEnergy()) / Math.log(2));
        return new MaxEntModel(lay, timesteps, theta, report);
    }

    static JsonObject momentReport(MaxEntLayout lay, double[] z, double[] mm, double[] md) {
        JsonObject o = new JsonObject();
        double ss = 0;
        int worst = 0;
        for (int a = 0; a < z.length; a++) {
            ss += z[a] * z[a];
            if (Math.abs(z[a]) > Math.abs(z[worst])) worst = a;
        }
        o.addProperty("rmsZ", Math.sqrt(ss / z.length));
        o.addProperty("maxAbsZ", Math.abs(z[worst]));
        o.addProperty("worst", lay.name(worst));
        o.addProperty("worstModel", mm[worst]);
        o.addProperty("worstData", md[worst]);
        // RMS z per block
        addBlock(o, "fields", z, 0, lay.n);
        if (lay.pairs) addBlock(o, "couplings", z, lay.pairOffset, lay.kOffset);
        if (lay.kPotential) addBlock(o, "kPotential", z, lay.kOffset, lay.lagOffset);
        if (lay.lags > 0) addBlock(o, "laggedCouplings", z, lay.lagOffset, lay.size);
        o.addProperty("meaning", "z = (model moment - data moment) / data standard error sqrt(m(1-m)/n)");
        return o;
    }

    private static void addBlock(JsonObject o, String name, double[] z, int from, int to) {
        double ss = 0;
        double mx = 0;
        for (int a = from; a < to; a++) {
            ss += z[a] * z[a];
            mx = Math.max(mx, Math.abs(z[a]));
        }
        JsonObject b = new JsonObject();
        b.addProperty("rmsZ", Math.sqrt(ss / Math.max(1, to - from)));
        b.addProperty("maxAbsZ", mx);
        o.add(name, b);
    }

    private static MaxEntModel.Normalizer fitExact(MaxEntLayout lay, double[] theta, double[] md, double[] se, Options o, JsonObject report) {
        int n = lay.n;
        MaxEntExact ex = new MaxEntExact(n);
        double[] h = new double[n];
        double[][] j = new double[n][n];
        double[] v = new double[n + 1];
        double[] mm = new double[lay.size];
        MaxEntLbfgs.Objective f = (x, g) -> {
            lay.unpack(x, h, j, v);
            double logZ = ex.logZ(h, j, v);
            ex.moments(ex.p, lay, mm);
            double val = logZ;
            for (int a = 0; a < lay.size; a++) {
                val -= x[a] * md[a];
                g[a] = mm[a] - md[a];
            }
            return val + regularize(lay, x, g, o.l1(), o.l2());
        };
        int[] lastReport = {0};
        MaxEntLbfgs.Stop stop = (x, g, val, it) -> {
            double worst = 0;
            for (int a = 0; a < g.length; a++) worst = Math.max(worst, Math.abs(g[a]) / se[a]);
            if (it - lastReport[0] >= 100) {
                lastReport[0] = it;
                o.progress().accept(String.format(java.util.Locale.ROOT, "exact L-BFGS iteration %d: objective %.9f, largest gradient %.3g data standard errors", it, val, worst));
            }
            return worst < 1e-3;
        };
        MaxEntLbfgs.Result r = new MaxEntLbfgs(lay.size, 20).minimize(f, theta, o.maxIterations(), stop);
        report.addProperty("iterations", r.iterations());
        report.addProperty("evaluations", r.evaluations());
        report.addProperty("stopped", r.reason());
        report.addProperty("convergence", "largest |gradient| (moment error + regularisation) below 1e-3 data standard errors");
        lay.unpack(theta, h, j, v);
        double logZ = ex.logZ(h, j, v);
        ex.moments(ex.p, lay, mm);
        double meanE = 0;
        double[] e = new double[ex.size];
        ex.energies(h, j, v, e);
        for (int x = 0; x < ex.size; x++) meanE += ex.p[x] * e[x];
        return new MaxEntModel.Normalizer(logZ, "exact enumeration of all 2^" + n + " patterns", 0, meanE, mm.clone());
    }

    private static MaxEntModel.Normalizer fitMcmc(MaxEntLayout lay, double[] theta, double[] md, double[] se, double nData,
                                                 Options o, JsonObject report) {
        int n = lay.n;
        int s = o.mcmcSamples();
        int chains = Math.min(200, s);
        MaxEntGibbs gibbs = new MaxEntGibbs(n, chains, o.seed());
        gibbs.setParameters(lay, theta);
        for (int b = 0; b < 300; b++) gibbs.sweep();
        long[] buf = new long[s];
        double[] mm = new double[lay.size];
        double[] z = new double[lay.size];
        double[][] perChain = new double[chains][lay.size];
        double[] theta0 = theta.clone();
        JsonArray history = new JsonArray();
        int round = 0;
        int innerTotal = 0;
        MaxEntPatterns sample = null;
        boolean converged = false;
        MaxEntLbfgs lbfgs = new MaxEntLbfgs(lay.size, 20);
        while (true) {
            round++;
            gibbs.sample(buf, s, 1);
            sample = MaxEntPatterns.of(n, buf, s);
            double[] m = sample.moments(lay);
            System.arraycopy(m, 0, mm, 0, lay.size);
            double ss = 0;
            double mx = 0;
            for (int a = 0; a < lay.size; a++) {
                z[a] = (mm[a] - md[a]) / se[a];
                ss += z[a] * z[a];
                mx = Math.max(mx, Math.abs(z[a]));
            }
            double rms = Math.sqrt(ss / lay.size);
            // the sample's own error of each moment, from the spread of the chains' means (autocorrelation included)
            for (double[] row : perChain) java.util.Arrays.fill(row, 0);
            for (int k = 0; k < s; k++) lay.addFeatures(buf[k], 1, perChain[k % chains]);
            double ssc = 0;
            double mxc = 0;
            for (int a = 0; a < lay.size; a++) {
                double sum = 0;
                double sum2 = 0;
                for (int c = 0; c < chains; c++) {
                    double v = perChain[c][a] * chains / s;
                    sum += v;
                    sum2 += v * v;
                }
                double mean = sum / chains;
                double var = Math.max(0, sum2 / chains - mean * mean) * chains / (chains - 1.0);
                double zc = (mm[a] - md[a]) / Math.sqrt(se[a] * se[a] + var / chains);
                ssc += zc * zc;
                mxc = Math.max(mxc, Math.abs(zc));
            }
            double rmsc = Math.sqrt(ssc / lay.size);
            JsonObject h = new JsonObject();
            h.addProperty("rmsZCombined", rmsc);
            h.addProperty("maxAbsZCombined", mxc);
            h.addProperty("round", round);
            h.addProperty("rmsZ", rms);
            h.addProperty("maxAbsZ", mx);
            h.addProperty("distinctPatterns", sample.codes.length);
            history.add(h);
            o.progress().accept(String.format(java.util.Locale.ROOT, "MCMC round %d: %d samples (%d distinct), moment error RMS %.3f, max %.2f data standard errors; "
                    + "RMS %.3f, max %.2f combined standard errors", round, s, sample.codes.length, rms, mx, rmsc, mxc));
            if (rmsc <= o.zTolerance() && mxc <= 4) {
                converged = true;
                break;
            }
            if (round >= o.maxRounds()) break;
            // reweighted inner optimisation around theta0 = theta
            System.arraycopy(theta, 0, theta0, 0, lay.size);
            final MaxEntPatterns smp = sample;
            final double[] e0 = new double[smp.codes.length];
            for (int u = 0; u < e0.length; u++) e0[u] = lay.energy(theta0, smp.codes[u]);
            final double[] w = new double[smp.codes.length];
            final double essMin = 0.5 * s;
            MaxEntLbfgs.Objective f = (x, g) -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int u = 0; u < w.length; u++) {
                    double d = lay.energy(x, smp.codes[u]) - e0[u];
                    w[u] = d;
                    if (d > max) max = d;
                }
                double sum = 0;
                double sum2 = 0;
                for (int u = 0; u < w.length; u++) {
                    double e = Math.exp(w[u] - max);
                    w[u] = smp.counts[u] * e;
                    sum += w[u];
                    sum2 += smp.counts[u] * e * e;
                }
                if (sum * sum / sum2 < essMin) return Double.POSITIVE_INFINITY;
                java.util.Arrays.fill(g, 0);
                double inv = 1 / sum;
                for (int u = 0; u < w.length; u++) lay.addFeatures(smp.codes[u], w[u] * inv, g);
                double val = max + Math.log(sum / s);
                for (int a = 0; a < lay.size; a++) {
                    val -= x[a] * md[a];
                    g[a] -= md[a];
                }
                return val + regularize(lay, x, g, o.l1(), o.l2());
            };
            MaxEntLbfgs.Result r = lbfgs.minimize(f, theta, 200, (x, g, val, it) -> {
                double ssq = 0;
                for (int a = 0; a < g.length; a++) ssq += (g[a] / se[a]) * (g[a] / se[a]);
                return Math.sqrt(ssq / g.length) < 0.05;
            });
            innerTotal += r.iterations();
            // trust region: a constraint whose feature the sample lacks (a count K or a pair never seen) has an
            // unbounded reweighted objective along its parameter, so no parameter moves by more than 1 per round
            for (int a = 0; a < lay.size; a++) theta[a] = theta0[a] + Math.max(-MAX_STEP, Math.min(MAX_STEP, theta[a] - theta0[a]));
            gibbs.setParameters(lay, theta);
            for (int b = 0; b < 30; b++) gibbs.sweep();
        }
        report.addProperty("iterations", round);
        report.addProperty("innerLbfgsIterations", innerTotal);
        report.addProperty("converged", converged);
        report.addProperty("stopped", converged ? "converged" : "round limit");
        report.addProperty("convergence", "RMS over all moments of (model - data) / combined standard error <= " + o.zTolerance()
                + " and max <= 4, on a fresh sample of " + s + " patterns (" + chains + " persistent Gibbs chains, one sweep apart); "
                + "combined standard error = sqrt(data standard error^2 + the sample's, from the spread of the chains' means)");
        report.addProperty("mcmcSamplesPerRound", s);
        report.add("rounds", history);
        // log Z: exact sum over patterns with K <= k0, divided by the chains' estimate of P(K <= k0)
        int k0 = enumerationDepth(n, 3_000_000);
        double partial = MaxEntModel.logSumExpUpTo(lay, theta, k0);
        double inside = 0;
        for (int u = 0; u < sample.codes.length; u++) if (Long.bitCount(sample.codes[u]) <= k0) inside += sample.counts[u];
        double frac = inside / sample.total;
        double logZ = partial - Math.log(frac);
        double logZErr = Math.sqrt(Math.max(frac * (1 - frac), 1 / sample.total) / sample.total) / frac;
        double meanE = sample.meanEnergy(lay, theta);
        report.addProperty("logZEnumerationDepth", k0);
        report.addProperty("logZFractionInside", frac);
        String how = "exact sum over the patterns with K <= " + k0 + " active neurons, divided by the MCMC estimate of P(K <= " + k0 + ") = "
                + String.format(java.util.Locale.ROOT, "%.6f", frac) + " (" + s + " samples)";
        return new MaxEntModel.Normalizer(logZ, how, logZErr, meanE, mm.clone());
    }

    /** Every bin of the windows as one pattern (N <= 63). */
    public static MaxEntPatterns patterns(org.spiqgan.data.SampleSet windows) {
        return MaxEntPatterns.of(windows);
    }

    /** The largest k0 with sum_{k <= k0} C(n, k) <= budget (at least 1). */
    static int enumerationDepth(int n, long budget) {
        long total = 1;
        long c = 1;
        int k0 = 0;
        for (int k = 1; k <= n; k++) {
            c = c * (n - k + 1) / k;
            if (total + c > budget) break;
            total += c;
            k0 = k;
        }
        return Math.max(1, k0);
    }
}
