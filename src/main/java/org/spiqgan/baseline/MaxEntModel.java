package org.spiqgan.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.SplittableRandom;
import org.spiqgan.BadInputException;
import org.spiqgan.data.SampleSet;

/**
 * A fitted maximum-entropy model (kinds {@code baseline/maxent-independent}, {@code -pairwise},
 * {@code -k-pairwise}, {@code -spatiotemporal}). Static models give every bin of a window independently:
 * P(x) = exp(h.x + sum_{i&lt;j} J_ij x_i x_j + V(K(x))) / Z, sampled exactly from the 2^N probabilities for
 * N &lt;= 20 and by Gibbs chains beyond (1000 burn-in sweeps, then a pilot that measures the autocorrelation time of the
 * active count K, then patterns kept every max(10, 2 tau) sweeps). The
 * spatio-temporal model is a Markov chain of order L, see {@link MaxEntSpatioTemporal}.
 */
public final class MaxEntModel implements Baseline {
    /** log Z with how it was obtained, and the model's moments and mean energy (for the entropy). */
    record Normalizer(double logZ, String method, double logZError, double modelMeanEnergy, double[] modelMoments) {
        static Normalizer independent(double[] theta, int n) {
            double lz = 0;
            double meanE = 0;
            double[] mm = new double[n];
            for (int i = 0; i < n; i++) {
                double h = theta[i];
                lz += h > 0 ? h + Math.log1p(Math.exp(-h)) : Math.log1p(Math.exp(h));
                double p = 1 / (1 + Math.exp(-h));
                mm[i] = p;
                meanE += h * p;
            }
            return new Normalizer(lz, "closed form (independent neurons)", 0, meanE, mm);
        }
    }

    final MaxEntLayout lay;
    private final int tt;
    final double[] theta;
    private final JsonObject report;

    MaxEntModel(MaxEntLayout lay, int timesteps, double[] theta, JsonObject report) {
        this.lay = lay;
        this.tt = timesteps;
        this.theta = theta.clone();
        this.report = report == null ? new JsonObject() : report;
    }

    public MaxEntLayout.Model model() { return lay.model; }
    public int lags() { return lay.lags; }
    public double[] parameters() { return theta.clone(); }
    /** The fit report (method, iterations, seconds, moment errors, log-likelihoods, entropy). */
    public JsonObject report() { return report; }

    @Override
    public java.util.List<String> info() {
        java.util.List<String> o = Baseline.super.info();
        o.add("fit: " + report);
        return o;
    }

    /** Mean log-likelihood per bin on the training data, from the fit report (NaN if absent). */
    public double logLikelihoodTrain() {
        return report.has("logLikelihoodTrainPerBin") ? report.get("logLikelihoodTrainPerBin").getAsDouble() : Double.NaN;
    }

    @Override public String kind() { return lay.model.kind(); }
    @Override public int neurons() { return lay.n; }
    @Override public int timesteps() { return tt; }
    @Override public long parameterCount() { return lay.parameterCount(); }

    /** Mean log-likelihood per bin (nats) of the windows' bins, with this model's log Z from the fit report. */
    public double logLikelihoodPerBin(SampleSet windows) {
        if (lay.lags > 0) throw new IllegalStateException("use MaxEntSpatioTemporal.logLikelihood for the spatio-temporal model");
        MaxEntPatterns p = MaxEntPatterns.of(windows);
        return p.meanEnergy(lay, theta) - report.get("logZ").getAsDouble();
    }

    @Override
    public SampleSet generate(int samples, long seed) {
        if (lay.lags > 0) return MaxEntSpatioTemporal.generate(this, samples, seed);
        int n = lay.n;
        SampleSet out = SampleSet.zeros(samples, n, tt);
        byte[] v = out.values();
        int total = samples * tt;
        if (n <= MaxEntExact.MAX_N) {
            MaxEntExact ex = new MaxEntExact(n);
            double[] h = new double[n];
            double[][] j = new double[n][n];
            double[] vk = new double[n + 1];
            lay.unpack(theta, h, j, vk);
            ex.logZ(h, j, vk);
            double[] cdf = ex.p;
            for (int x = 1; x < cdf.length; x++) cdf[x] += cdf[x - 1];
            double top = cdf[cdf.length - 1];
            SplittableRandom rng = new SplittableRandom(seed);
            for (int k = 0; k < total; k++) {
                double u = rng.nextDouble() * top;
                int lo = 0;
                int hi = cdf.length - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (cdf[mid] > u) hi = mid;
                    else lo = mid + 1;
                }
                put(v, n, k, lo);
            }
        } else {
            int chains = Math.max(1, Math.min(64, total));
            MaxEntGibbs g = new MaxEntGibbs(n, chains, seed);
            g.setParameters(lay, theta);
            for (int b = 0; b < 1000; b++) g.sweep();
            long[] buf = new long[total];
            g.sample(buf, total, gibbsThinning(g));
            for (int k = 0; k < total; k++) put(v, n, k, buf[k]);
        }
        return out;
    }

    /**
     * Sweeps between kept Gibbs patterns: twice K's integrated autocorrelation time (kept patterns of one chain
     * then correlate by about e^-2), at least 10. A fixed 10 suits the retina's 50-neuron k-pairwise model (tau about
     * 4 sweeps; its kept patterns' K correlate by 0.007, RESULTS.md) but not a population near a critical point,
     * where K mixes slowly.
     */
    static int gibbsThinning(MaxEntGibbs g) {
        double tau = g.countAutocorrelationTime(64_000);
        return (int) Math.max(10, Math.min(10_000, Math.ceil(2 * tau)));
    }

    /** Writes pattern code into bin k (sample k / T, time k % T). */
    private void put(byte[] v, int n, int k, long code) {
        int s = k / tt;
        int t = k % tt;
        for (long q = code; q != 0; q &= q - 1) v[(s * n + Long.numberOfTrailingZeros(q)) * tt + t] = 1;
    }

    /** log of sum exp(theta . f(x)) over all patterns with at most k0 active neurons (depth-first, no allocation per pattern). */
    static double logSumExpUpTo(MaxEntLayout lay, double[] theta, int k0) {
        int n = lay.n;
        double[][] field = new double[k0 + 1][n];
        System.arraycopy(theta, 0, field[0], 0, n);
        double[] acc = new double[2]; // acc[0] = shift, acc[1] = sum exp(E - shift)
        acc[0] = 0;
        acc[1] = 1; // the empty pattern, E = 0
        dfs(lay, theta, field, acc, 0, -1, 0, k0);
        return acc[0] + Math.log(acc[1]);
    }

    private static void dfs(MaxEntLayout lay, double[] theta, double[][] field, double[] acc, int depth, int last, double e, int k0) {
        int n = lay.n;
        double[] f = field[depth];
        for (int b = last + 1; b < n; b++) {
            double eb = e + f[b];
            double full = eb + (lay.kPotential ? theta[lay.kOffset + depth] : 0);
            if (full > acc[0] + 600) {
                acc[1] *= Math.exp(acc[0] - full);
                acc[0] = full;
            }
            acc[1] += Math.exp(full - acc[0]);
            if (depth + 1 < k0) {
                double[] nf = field[depth + 1];
                for (int c = b + 1; c < n; c++) nf[c] = f[c] + (lay.pairs ? theta[lay.pair(b, c)] : 0);
                dfs(lay, theta, field, acc, depth + 1, b, eb, k0);
            }
        }
    }

    @Override
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        int n = lay.n;
        o.addProperty("model", lay.model.id);
        o.addProperty("lags", lay.lags);
        double[] h = new double[n];
        double[][] j = new double[n][n];
        double[] v = new double[n + 1];
        lay.unpack(theta, h, j, v);
        o.add("fields", Baselines.array(h));
        if (lay.pairs) o.add("couplings", Baselines.matrix(j));
        if (lay.kPotential) o.add("kPotential", Baselines.array(v));
        if (lay.lags > 0) {
            JsonArray ls = new JsonArray();
            for (int l = 1; l <= lay.lags; l++) {
                double[][] k = new double[n][n];
                for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) k[a][b] = theta[lay.lagged(l, a, b)];
                ls.add(Baselines.matrix(k));
            }
            o.add("laggedCouplings", ls);
        }
        if (lay.span > 0) {
            double[][] g = new double[lay.span][n];
            for (int b = 0; b < lay.span; b++) for (int a = 0; a < n; a++) g[b][a] = theta[lay.stim(b, a)];
            o.addProperty("stimulusBins", lay.span);
            o.add("stimulusFields", Baselines.matrix(g));
        }
        o.add("fit", report);
        return o;
    }

    static MaxEntModel fromJson(JsonObject o, String file, int n, int t) {
        MaxEntLayout.Model m;
        try {
            m = MaxEntLayout.Model.parse(Baselines.string(o, "model", file));
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(file, "model", e.getMessage());
        }
        String kind = Baselines.string(o, "kind", file);
        if (!kind.equals(m.kind())) throw BadInputException.of(file, "model", "'" + m.id + "' does not match kind " + kind);
        int lags = o.has("lags") ? o.get("lags").getAsInt() : 0;
        if (m == MaxEntLayout.Model.SPATIOTEMPORAL && lags < 1) throw BadInputException.of(file, "lags", "must be at least 1 for the spatio-temporal model");
        int span = o.has("stimulusBins") ? o.get("stimulusBins").getAsInt() : 0;
        if (span < 0) throw BadInputException.of(file, "stimulusBins", "must be >= 0, not " + span);
        MaxEntLayout lay = new MaxEntLayout(m, n, lags, span);
        double[] theta = new double[lay.size];
        double[] h = Baselines.doubles(o, "fields", file);
        if (h.length != n) throw BadInputException.of(file, "fields", "expected " + n + " numbers, found " + h.length);
        System.arraycopy(h, 0, theta, 0, n);
        if (lay.pairs) {
            double[][] j = numbers(Baselines.member(o, "couplings", file), n, n, file, "couplings");
            for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) theta[lay.pair(a, b)] = j[a][b];
        }
        if (lay.kPotential) {
            double[] v = Baselines.doubles(o, "kPotential", file);
            if (v.length != n + 1) throw BadInputException.of(file, "kPotential", "expected " + (n + 1) + " numbers, found " + v.length);
            for (int k = 1; k <= n; k++) theta[lay.kOffset + k - 1] = v[k] - v[0];
        }
        if (lay.lags > 0) {
            JsonElement e = Baselines.member(o, "laggedCouplings", file);
            if (!e.isJsonArray() || e.getAsJsonArray().size() != lags) throw BadInputException.of(file, "laggedCouplings", "expected " + lags + " matrices");
            for (int l = 1; l <= lags; l++) {
                double[][] k = numbers(e.getAsJsonArray().get(l - 1), n, n, file, "laggedCouplings");
                for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) theta[lay.lagged(l, a, b)] = k[a][b];
            }
        }
        if (lay.span > 0) {
            double[][] g = numbers(Baselines.member(o, "stimulusFields", file), lay.span, n, file, "stimulusFields");
            for (int b = 0; b < lay.span; b++) for (int a = 0; a < n; a++) theta[lay.stim(b, a)] = g[b][a];
        }
        for (double x : theta) if (!Double.isFinite(x)) throw BadInputException.of(file, "fields", "parameters must be finite");
        JsonObject report = o.has("fit") && o.get("fit").isJsonObject() ? o.getAsJsonObject("fit") : new JsonObject();
        if (!report.has("logZ") && lay.lags == 0) throw BadInputException.of(file, "fit", "missing logZ");
        return new MaxEntModel(lay, t, theta, report);
    }

    private static double[][] numbers(JsonElement e, int rows, int cols, String file, String name) {
        if (!e.isJsonArray() || e.getAsJsonArray().size() != rows) throw BadInputException.of(file, name, "expected " + rows + " rows of " + cols + " numbers");
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            JsonObject holder = new JsonObject();
            holder.add(name, e.getAsJsonArray().get(r));
            m[r] = Baselines.doubles(holder, name, file);
            if (m[r].length != cols) throw BadInputException.of(file, name, "row " + r + " has " + m[r].length + " values, expected " + cols);
        }
        return m;
    }
}
