package org.spiqgan.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.Segment;
import org.spiqgan.data.SpikeRaster;

/**
 * The spatio-temporal dichotomized Gaussian (Macke et al. 2009): a latent Gaussian u of N x T
 * variables with unit variances, {@code x_i(t) = 1} when {@code u_i(t) > 0}. Latent means
 * {@code gamma_i = Phi^-1(r_i)} give the firing probabilities; the latent correlations
 * {@code lambda_ij(tau) = corr(u_i(t), u_j(t + tau))} solve {@code Phi_2(gamma_i, gamma_j; lambda) =
 * E[x_i(t) x_j(t + tau)]} for lags 0..T-1 (stationary in t). The (N*T) x (N*T) block-Toeplitz latent
 * correlation matrix, index {@code i*T + t} (the layout of {@link SampleSet}), is projected to the
 * nearest positive definite correlation matrix when it is not one, and sampled through its Cholesky
 * factor.
 */
public final class DichotomizedGaussian implements Baseline {
    public static final String KIND = "baseline/dg";
    /** Pairs listed by name in a warning; the rest are counted. */
    static final int NAMED_PAIRS = 10;
    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

    /** How an indefinite latent correlation matrix is made positive definite. */
    public enum Repair {
        /** eigen-decomposition, eigenvalues clipped, rescaled to a unit diagonal (nearest in Frobenius norm, roughly) */
        PROJECT,
        /** keep lag 0 (projected alone if needed) and scale every lagged correlation by the largest factor that works */
        SHRINK_LAGS;

        public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        public static Repair parse(String s) {
            for (Repair r : values()) if (r.id().equals(s)) return r;
            throw new IllegalArgumentException("must be project or shrink-lags, not '" + s + "'");
        }
    }

    private Repair repair = Repair.PROJECT;
    private double lagScale = 1;
    private final int n;
    private final int tt;
    private final double[] rate;
    private final double[][][] lambda;
    private final List<String> warnings;
    private double[][] cholesky;
    private PositiveDefinite.Projection projection;
    private double[] gamma;
    /** Stimulus-locked variant: firing probability of neuron i at bin b of the repeat, and window starts. */
    private final double[][] psth;
    private final int[] starts;
    private double[][] psthGamma;

    private DichotomizedGaussian(double[] rate, double[][][] lambda, List<String> warnings) {
        this(rate, lambda, warnings, null, null);
    }

    private DichotomizedGaussian(double[] rate, double[][][] lambda, List<String> warnings, double[][] psth, int[] starts) {
        this.n = rate.length;
        this.tt = lambda.length;
        this.rate = rate;
        this.lambda = lambda;
        this.warnings = warnings;
        this.psth = psth;
        this.starts = starts;
    }

    /**
     * The stimulus-locked variant for recordings of repeated stimuli (segments = repeats of equal length
     * L): the latent means follow the peri-stimulus time histogram, {@code gamma_i(b) = Phi^-1(psth_i(b))}
     * for bins b of the repeat, while the latent correlations {@code lambda_ij(tau)} (noise correlations)
     * stay stationary and solve {@code mean_b Phi_2(gamma_i(b), gamma_j(b+tau); lambda) = E[x_i(b) x_j(b+tau)]}
     * over all bin pairs inside the windows' span of each repeat. A sampled window starts at one of the
     * evaluation window starts {@code 0, T, 2T, ...} of the repeat, chosen uniformly. Bins after the last
     * full window ({@code L mod T}) are not modelled.
     */
    public static DichotomizedGaussian fitStimulusLocked(SpikeRaster raster, int[] neurons, List<Segment> segments, int t) {
        return fitStimulusLocked(raster, neurons, segments, t, Repair.PROJECT);
    }

    public static DichotomizedGaussian fitStimulusLocked(SpikeRaster raster, int[] neurons, List<Segment> segments, int t,
                                                         Repair repair) {
        if (segments.isEmpty()) throw new IllegalArgumentException("no segments to fit");
        int len = segments.get(0).length();
        for (Segment s : segments) {
            if (s.length() != len) {
                throw new IllegalArgumentException("stimulus-locked fitting needs repeats of equal length, but segments have "
                        + len + " and " + s.length() + " bins (field segmentLength sets them)");
            }
        }
        int windows = len / t;
        if (windows == 0) throw new IllegalArgumentException("repeats of " + len + " bins hold no window of " + t + " bins");
        int span = windows * t;
        int n = neurons.length;
        double[][] psth = new double[n][span];
        for (Segment s : segments) {
            for (int j = 0; j < n; j++) for (int b = 0; b < span; b++) psth[j][b] += raster.get(neurons[j], s.start() + b);
        }
        double[] rate = new double[n];
        double[][] g = new double[n][span];
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < span; b++) {
                psth[j][b] /= segments.size();
                rate[j] += psth[j][b] / span;
            }
            g[j] = latentMeans(psth[j]);
        }
        List<Segment> covered = new ArrayList<>();
        for (Segment s : segments) covered.add(new Segment(s.start(), s.start() + span));
        double[][][] second = LaggedMoments.of(raster, neurons, covered, t).second();
        double[][][] lambda = new double[t][n][n];
        int[] clippedCount = new int[1];
        List<String> clipped = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.stream.IntStream.range(0, t * n).parallel().forEach(job -> {
            int tau = job / n, i = job % n;
            double[] a = new double[span], c = new double[span];
            for (int j = 0; j < n; j++) {
                if (tau == 0 && j <= i) {
                    if (j == i) lambda[0][i][i] = 1;
                    continue;
                }
                int count = span - tau;
                double target = tau == 0 ? 0.5 * (second[0][i][j] + second[0][j][i]) : second[tau][i][j];
                int k = 0;
                for (int b = 0; b < count; b++) {
                    if (g[i][b] == Double.NEGATIVE_INFINITY || g[j][b + tau] == Double.NEGATIVE_INFINITY) continue;
                    a[k] = g[i][b];
                    c[k] = g[j][b + tau];
                    k++;
                }
                double rho = 0;
                if (k > 0) {
                    // every bin pair counts in the mean, also those where one neuron never fires (they add 0)
                    double m = target * count / k;
                    double[] range = BivariateNormal.attainableMean(a, c, k);
                    if (m < range[0] - 1e-12 || m > range[1] + 1e-12) {
                        synchronized (clippedCount) {
                            if (clipped.size() < NAMED_PAIRS) {
                                clipped.add(String.format(Locale.ROOT, "(%d,%d,lag %d): E[x x'] = %.4g outside [%.4g, %.4g]",
                                        i, j, tau, target, range[0] * k / count, range[1] * k / count));
                            }
                            clippedCount[0]++;
                        }
                        m = Math.min(range[1], Math.max(range[0], m));
                    }
                    rho = BivariateNormal.correlationForMean(a, c, k, m);
                }
                lambda[tau][i][j] = rho;
                if (tau == 0) lambda[0][j][i] = rho;
            }
        });
        List<String> warnings = new ArrayList<>();
        if (clippedCount[0] > 0) {
            warnings.add(clippedCount[0] + " second moment(s) outside the range a dichotomized Gaussian can reach at these "
                    + "firing probabilities were clipped to the nearest reachable value (neurons i,j by position in the "
                    + "selection): " + String.join("; ", clipped) + (clippedCount[0] > clipped.size() ? "; ..." : ""));
        }
        int[] st = new int[windows];
        for (int w = 0; w < windows; w++) st[w] = w * t;
        DichotomizedGaussian dg = new DichotomizedGaussian(rate, lambda, warnings, psth, st);
        dg.repair = repair;
        dg.prepare();
        return dg;
    }

    /** True for the stimulus-locked variant. */
    public boolean stimulusLocked() { return psth != null; }

    /** Fits the model to the windows' firing probabilities and lagged second moments. */
    public static DichotomizedGaussian fit(SampleSet windows) {
        return fit(LaggedMoments.of(windows));
    }

    public static DichotomizedGaussian fit(LaggedMoments m) {
        return fit(m, Repair.PROJECT);
    }

    public static DichotomizedGaussian fit(LaggedMoments m, Repair repair) {
        double[] r = m.rate();
        double[][][] second = m.second();
        int n = r.length, tt = second.length;
        double[] gamma = latentMeans(r);
        double[][][] lambda = new double[tt][n][n];
        List<String> clipped = new ArrayList<>();
        int clippedCount = 0;
        int[] zeroCount = new int[1];
        for (int tau = 0; tau < tt; tau++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (tau == 0 && j <= i) {
                        if (j == i) lambda[0][i][i] = 1;
                        continue;
                    }
                    double target = tau == 0 ? 0.5 * (second[0][i][j] + second[0][j][i]) : second[tau][i][j];
                    double rho;
                    if (Double.isInfinite(gamma[i]) || Double.isInfinite(gamma[j])) {
                        rho = 0;  // a neuron that never (or always) fires: every correlation is attained
                    } else {
                        double[] range = BivariateNormal.attainable(gamma[i], gamma[j]);
                        double tol = 1e-12;
                        // No coincidence observed: the estimate sits on the boundary (latent correlation -1)
                        // only because the count is small; half a coincidence (a continuity correction)
                        // keeps rare pairs from forcing an indefinite matrix.
                        long pairs = m.pairs(tau);
                        if (target == 0 && pairs > 0 && 0.5 / pairs > range[0]) {
                            target = 0.5 / pairs;
                            zeroCount[0]++;
                        }
                        if (target < range[0] - tol || target > range[1] + tol) {
                            if (clipped.size() < NAMED_PAIRS) {
                                clipped.add(String.format(Locale.ROOT, "(%d,%d,lag %d): E[x x'] = %.4g outside [%.4g, %.4g]",
                                        i, j, tau, target, range[0], range[1]));
                            }
                            clippedCount++;
                            target = Math.min(range[1], Math.max(range[0], target));
                        }
                        rho = BivariateNormal.correlationFor(gamma[i], gamma[j], target);
                    }
                    lambda[tau][i][j] = rho;
                    if (tau == 0) lambda[0][j][i] = rho;
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        if (zeroCount[0] > 0) {
            warnings.add(zeroCount[0] + " neuron pair(s) and lag(s) without a single coincidence were fitted to half a "
                    + "coincidence (continuity correction) instead of a latent correlation of -1");
        }
        if (clippedCount > 0) {
            warnings.add(clippedCount + " second moment(s) outside the range a dichotomized Gaussian can reach at these "
                    + "firing probabilities were clipped to the nearest reachable value (neurons i,j by position in the "
                    + "selection): " + String.join("; ", clipped) + (clippedCount > clipped.size() ? "; ..." : ""));
        }
        DichotomizedGaussian dg = new DichotomizedGaussian(r.clone(), lambda, warnings);
        dg.repair = repair;
        dg.prepare();
        return dg;
    }

    private static double[] latentMeans(double[] r) {
        double[] g = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            if (r[i] <= 0) g[i] = Double.NEGATIVE_INFINITY;
            else if (r[i] >= 1) g[i] = Double.POSITIVE_INFINITY;
            else g[i] = STANDARD.inverseCumulativeProbability(r[i]);
        }
        return g;
    }

    /** Assembles the block-Toeplitz matrix, projects it when needed and factors it. */
    private void prepare() {
        gamma = latentMeans(rate);
        if (psth != null) {
            psthGamma = new double[n][];
            for (int i = 0; i < n; i++) psthGamma[i] = latentMeans(psth[i]);
        }
        double[][] sigma = latentCorrelationMatrix(lambda[0], 1);
        double[][] l = PositiveDefinite.cholesky(sigma);
        if (l == null && repair == Repair.SHRINK_LAGS) {
            double[][] lag0 = lambda[0];
            if (PositiveDefinite.cholesky(lag0) == null) {
                PositiveDefinite.Projection p0 = PositiveDefinite.project(lag0);
                lag0 = p0.matrix();
                warnings.add(String.format(Locale.ROOT, "the lag-0 latent correlations (%d x %d) were not positive definite: "
                        + "projected, Frobenius distance %.4g", n, n, p0.frobenius()));
            }
            // bisection on the factor of the lagged correlations; 0 (block diagonal) always works
            double lo = 0, hi = 1;
            double[][] best = PositiveDefinite.cholesky(latentCorrelationMatrix(lag0, 0));
            for (int it = 0; it < 7; it++) {
                double mid = 0.5 * (lo + hi);
                double[][] c = PositiveDefinite.cholesky(latentCorrelationMatrix(lag0, mid));
                if (c != null) {
                    lo = mid;
                    best = c;
                } else {
                    hi = mid;
                }
            }
            lagScale = lo;
            l = best;
            double[][] moved = latentCorrelationMatrix(lag0, lo);
            double frob = 0;
            for (int i = 0; i < sigma.length; i++) for (int j = 0; j < sigma.length; j++) frob += Math.pow(moved[i][j] - sigma[i][j], 2);
            warnings.add(String.format(Locale.ROOT, "the latent correlation matrix (%d x %d) was not positive definite: lagged "
                    + "correlations scaled by %.4f (lag 0 kept), Frobenius distance %.4g (%.4g per entry, RMS)",
                    sigma.length, sigma.length, lo, Math.sqrt(frob), Math.sqrt(frob) / sigma.length));
        }
        if (l == null) {
            projection = PositiveDefinite.project(sigma);
            l = PositiveDefinite.cholesky(projection.matrix());
            if (l == null) throw new IllegalStateException("projected latent correlation is not positive definite");
            warnings.add(String.format(Locale.ROOT, "the latent correlation matrix (%d x %d) was not positive definite "
                    + "(%d negative eigenvalues, smallest %.4g): projected to the nearest positive definite correlation "
                    + "matrix, Frobenius distance %.4g (%.4g per entry, RMS)", sigma.length, sigma.length,
                    projection.negativeEigenvalues(), projection.minEigenvalue(), projection.frobenius(),
                    projection.frobenius() / sigma.length));
        }
        cholesky = l;
    }

    /** The (N*T) x (N*T) latent correlation, entry {@code (i*T + t, j*T + t')}. */
    public double[][] latentCorrelationMatrix() {
        return latentCorrelationMatrix(lambda[0], 1);
    }

    /** The matrix with the given lag-0 block and the lagged correlations scaled by {@code lagFactor}. */
    private double[][] latentCorrelationMatrix(double[][] lag0, double lagFactor) {
        int d = n * tt;
        double[][] s = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < tt; t++) {
                double[] row = s[i * tt + t];
                for (int j = 0; j < n; j++) {
                    for (int u = 0; u < tt; u++) {
                        int lag = Math.abs(u - t);
                        double v = lag == 0 ? lag0[i][j] : lagFactor * (u > t ? lambda[lag][i][j] : lambda[lag][j][i]);
                        row[j * tt + u] = v;
                    }
                }
            }
        }
        return s;
    }

    @Override
    public SampleSet generate(int samples, long seed) {
        int d = n * tt;
        SplittableRandom rng = new SplittableRandom(seed);
        SampleSet out = SampleSet.zeros(samples, n, tt);
        byte[] v = out.values();
        // Samples go in blocks so that each row of the factor (up to d doubles) is read once per block,
        // not once per sample: at N = 50, T = 32 the factor is 10 MB and streaming it per sample dominated.
        // Within a sample the random draws and the summation order are those of one sample at a time.
        final int block = 32;
        double[][] z = new double[block][d];
        int[] start = new int[block];
        for (int s0 = 0; s0 < samples; s0 += block) {
            int nb = Math.min(block, samples - s0);
            for (int b = 0; b < nb; b++) {
                start[b] = psth == null ? 0 : starts[rng.nextInt(starts.length)];
                for (int k = 0; k < d; k++) z[b][k] = rng.nextGaussian();
            }
            for (int k = 0; k < d; k++) {
                double[] lk = cholesky[k];
                int b = 0;
                // Four samples at a time: four independent sums keep the FPU busy, each in its own order.
                for (; b + 4 <= nb; b += 4) {
                    double[] za = z[b], zb = z[b + 1], zc = z[b + 2], zd = z[b + 3];
                    double ua = 0, ub = 0, uc = 0, ud = 0;
                    for (int m = 0; m <= k; m++) {
                        double l = lk[m];
                        ua += l * za[m];
                        ub += l * zb[m];
                        uc += l * zc[m];
                        ud += l * zd[m];
                    }
                    threshold(v, s0 + b, k, ua, start[b]);
                    threshold(v, s0 + b + 1, k, ub, start[b + 1]);
                    threshold(v, s0 + b + 2, k, uc, start[b + 2]);
                    threshold(v, s0 + b + 3, k, ud, start[b + 3]);
                }
                for (; b < nb; b++) {
                    double[] zb = z[b];
                    double u = 0;
                    for (int m = 0; m <= k; m++) u += lk[m] * zb[m];
                    threshold(v, s0 + b, k, u, start[b]);
                }
            }
        }
        return out;
    }

    private void threshold(byte[] v, int sample, int k, double u, int start) {
        double mean = psth == null ? gamma[k / tt] : psthGamma[k / tt][start + k % tt];
        v[sample * n * tt + k] = (byte) (u + mean > 0 ? 1 : 0);
    }

    @Override
    public String kind() { return KIND; }

    @Override
    public int neurons() { return n; }

    @Override
    public int timesteps() { return tt; }

    /** Fitted numbers: N means, N(N-1)/2 lag-0 correlations, N^2 correlations at each lag 1..T-1. */
    @Override
    public long parameterCount() {
        long c = parameterCount(n, tt);
        return psth == null ? c : c - n + (long) n * psth[0].length;
    }

    /** Fitted numbers of the stationary model (the stimulus-locked one has N x span means instead of N). */
    public static long parameterCount(int n, int t) {
        return n + (long) n * (n - 1) / 2 + (long) n * n * (t - 1);
    }

    public double[] rate() { return rate.clone(); }

    /** {@code [tau][i][j]}: the fitted latent correlations before any projection. */
    public double[][][] latentCorrelations() { return lambda; }

    /** The factor applied to lagged correlations under {@link Repair#SHRINK_LAGS} (1 otherwise). */
    public double lagScale() { return lagScale; }

    /** The projection applied, or null when the fitted matrix was positive definite. */
    public PositiveDefinite.Projection projection() { return projection; }

    public List<String> warnings() { return List.copyOf(warnings); }

    @Override
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("firingProbability", Baselines.array(rate));
        if (psth != null) {
            o.add("psth", Baselines.matrix(psth));
            JsonArray st = new JsonArray();
            for (int x : starts) st.add(x);
            o.add("windowStarts", st);
        }
        JsonArray lags = new JsonArray();
        for (double[][] l : lambda) lags.add(Baselines.matrix(l));
        o.add("latentCorrelation", lags);
        o.addProperty("repair", repair.id());
        if (repair == Repair.SHRINK_LAGS) o.addProperty("lagScale", lagScale);
        if (projection != null) {
            JsonObject p = new JsonObject();
            p.addProperty("frobenius", projection.frobenius());
            p.addProperty("minEigenvalue", projection.minEigenvalue());
            p.addProperty("negativeEigenvalues", projection.negativeEigenvalues());
            o.add("projection", p);
        }
        JsonArray w = new JsonArray();
        for (String s : warnings) w.add(s);
        o.add("warnings", w);
        return o;
    }

    static DichotomizedGaussian fromJson(JsonObject o, String file) {
        double[] r = Baselines.doubles(o, "firingProbability", file);
        JsonArray lags = Baselines.member(o, "latentCorrelation", file).getAsJsonArray();
        double[][][] lambda = new double[lags.size()][][];
        for (int k = 0; k < lags.size(); k++) lambda[k] = Baselines.matrix(lags.get(k), r.length, r.length, file, "latentCorrelation");
        if (lambda.length == 0) throw org.spiqgan.BadInputException.of(file, "latentCorrelation", "no lags");
        double[][] psth = null;
        int[] starts = null;
        if (o.has("psth")) {
            JsonArray rows = o.getAsJsonArray("psth");
            if (rows.size() != r.length) throw org.spiqgan.BadInputException.of(file, "psth", "expected " + r.length + " rows");
            psth = new double[r.length][];
            for (int i = 0; i < r.length; i++) {
                JsonObject holder = new JsonObject();
                holder.add("psth", rows.get(i));
                psth[i] = Baselines.doubles(holder, "psth", file);
                if (psth[i].length != psth[0].length || psth[i].length < lambda.length) {
                    throw org.spiqgan.BadInputException.of(file, "psth", "rows must have one equal length of at least T");
                }
                for (double v : psth[i]) if (!(v >= 0 && v <= 1)) throw org.spiqgan.BadInputException.of(file, "psth", "probabilities must be in [0, 1], not " + v);
            }
            double[] st = Baselines.doubles(o, "windowStarts", file);
            starts = new int[st.length];
            for (int k = 0; k < st.length; k++) {
                starts[k] = (int) st[k];
                if (starts[k] != st[k] || starts[k] < 0 || starts[k] + lambda.length > psth[0].length) {
                    throw org.spiqgan.BadInputException.of(file, "windowStarts", "entry " + k + " (" + st[k] + ") is not a window start inside the psth");
                }
            }
            if (starts.length == 0) throw org.spiqgan.BadInputException.of(file, "windowStarts", "empty");
        }
        DichotomizedGaussian dg = new DichotomizedGaussian(r, lambda, new ArrayList<>(), psth, starts);
        if (o.has("repair")) {
            try {
                dg.repair = Repair.parse(o.get("repair").getAsString());
            } catch (IllegalArgumentException e) {
                throw org.spiqgan.BadInputException.of(file, "repair", e.getMessage());
            }
        }
        dg.prepare();
        return dg;
    }
}
