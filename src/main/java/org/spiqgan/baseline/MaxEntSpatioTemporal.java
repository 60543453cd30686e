package org.spiqgan.baseline;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.Segment;
import org.spiqgan.data.SpikeRaster;

/**
 * The spatio-temporal maximum-entropy model: a Markov chain of order L,
 * P(x_t | x_{t-1..t-L}) = exp(h.x_t + sum_{i&lt;j} J_ij x_i x_j + sum_l x_t' K_l x_{t-l}) / Z(history),
 * i.e. the maximum-entropy model of the transitions that matches the rates, the pairwise coincidences within
 * a bin and the lagged coincidences E[x_i(t) x_j(t-l)], l = 1..L, given the histories. The history enters
 * only as the effective field h + sum_l K_l x_{t-l}, so the exact conditional log-likelihood (concave) is a
 * sum over the distinct histories of the data, each normalised by enumerating the 2^N current patterns
 * (N &lt;= 20; the energy of all patterns is the pairwise table plus one addition per pattern for the field).
 * Fitted by L-BFGS on the exact conditional likelihood. Sampled as a chain: 1000 bins of burn-in from the
 * silent history, then every window after a gap of 10 bins, each bin drawn exactly from its conditional.
 */
public final class MaxEntSpatioTemporal {
    private MaxEntSpatioTemporal() {}

    /** Transitions grouped by their history. */
    static final class Transitions {
        final int n;
        final int lags;
        final int[] hist; // groups x lags: code of x_{t-l} at [g * lags + l - 1]
        final int[] bin; // stimulus bin of each group (0 when stationary)
        final double[] count;
        final double total;
        final double[] sumFeatures; // sum over transitions of f(x_t, history)

        Transitions(int n, int lags, int[] hist, int[] bin, double[] count, double[] sumFeatures) {
            this.bin = bin;
            this.n = n;
            this.lags = lags;
            this.hist = hist;
            this.count = count;
            double t = 0;
            for (double c : count) t += c;
            total = t;
            this.sumFeatures = sumFeatures;
        }

        int groups() { return count.length; }
    }

    /** Every bin t of every segment with t - L still inside it. */
    static Transitions transitions(SpikeRaster r, int[] neurons, List<Segment> segments, MaxEntLayout lay) {
        int n = neurons.length;
        int lags = lay.lags;
        Map<String, Integer> index = new HashMap<>();
        java.util.ArrayList<int[]> hs = new java.util.ArrayList<>();
        java.util.ArrayList<double[]> cs = new java.util.ArrayList<>();
        java.util.ArrayList<Integer> bs = new java.util.ArrayList<>();
        double[] feat = new double[lay.size];
        StringBuilder key = new StringBuilder();
        for (Segment s : segments) {
            int len = s.length();
            if (len <= lags) continue;
            int[] code = new int[len];
            for (int b = 0; b < len; b++) {
                int c = 0;
                for (int i = 0; i < n; i++) if (r.get(neurons[i], s.start() + b) != 0) c |= 1 << i;
                code[b] = c;
            }
            for (int b = lags; b < len; b++) {
                key.setLength(0);
                int stimBin = lay.span > 0 ? Math.min(b, lay.span - 1) : 0;
                if (lay.span > 0) key.append(stimBin).append(':');
                for (int l = 1; l <= lags; l++) key.append(code[b - l]).append(',');
                String k = key.toString();
                Integer g = index.get(k);
                if (g == null) {
                    g = hs.size();
                    index.put(k, g);
                    int[] h = new int[lags];
                    for (int l = 1; l <= lags; l++) h[l - 1] = code[b - l];
                    hs.add(h);
                    cs.add(new double[1]);
                    bs.add(stimBin);
                }
                cs.get(g)[0]++;
                int x = code[b];
                lay.addFeatures(x, 1, feat);
                for (int q = x; q != 0; q &= q - 1) {
                    int i = Integer.numberOfTrailingZeros(q);
                    if (lay.span > 0) feat[lay.stim(stimBin, i)]++;
                    for (int l = 1; l <= lags; l++) {
                        for (int p = code[b - l]; p != 0; p &= p - 1) feat[lay.lagged(l, i, Integer.numberOfTrailingZeros(p))]++;
                    }
                }
            }
        }
        int[] hist = new int[hs.size() * lags];
        double[] count = new double[hs.size()];
        int[] bin = new int[hs.size()];
        for (int g = 0; g < hs.size(); g++) {
            bin[g] = bs.get(g);
            System.arraycopy(hs.get(g), 0, hist, g * lags, lags);
            count[g] = cs.get(g)[0];
        }
        return new Transitions(n, lags, hist, bin, count, feat);
    }

    /** Work buffers and the exact conditional sums. */
    static final class Engine {
        final MaxEntLayout lay;
        final int n;
        final MaxEntExact ex;
        final double[] h;
        final double[][] j;
        final double[] v;
        final double[] zero;
        final double[] e0;
        final double[] f;
        final double[] buf;
        final double[] heff;
        final double[] w;
        final double[] mg;
        final double[] lagGrad;
        final double[] stimGrad;
        final double[] mm;
        double lastEntropySum;

        Engine(MaxEntLayout lay) {
            this.lay = lay;
            n = lay.n;
            ex = new MaxEntExact(n);
            h = new double[n];
            j = new double[n][n];
            v = new double[n + 1];
            zero = new double[n];
            e0 = new double[ex.size];
            f = new double[ex.size];
            buf = new double[ex.size];
            heff = new double[n];
            w = new double[ex.size];
            mg = new double[n];
            lagGrad = new double[lay.lags * n * n];
            stimGrad = new double[lay.span * n];
            mm = new double[lay.size];
        }

        void setParameters(double[] theta) {
            lay.unpack(theta, h, j, v);
            ex.energies(zero, j, v, e0);
        }

        void effectiveField(double[] theta, int[] hist, int off, int stimBin) {
            System.arraycopy(h, 0, heff, 0, n);
            if (lay.span > 0) for (int i = 0; i < n; i++) heff[i] += theta[lay.stim(stimBin, i)];
            for (int l = 1; l <= lay.lags; l++) {
                for (int q = hist[off + l - 1]; q != 0; q &= q - 1) {
                    int jn = Integer.numberOfTrailingZeros(q);
                    for (int i = 0; i < n; i++) heff[i] += theta[lay.lagged(l, i, jn)];
                }
            }
        }

        /** buf = conditional probabilities for heff; returns log Z; f holds heff . x. */
        double conditional() {
            f[0] = 0;
            buf[0] = e0[0];
            for (int x = 1; x < buf.length; x++) {
                double fx = f[x & (x - 1)] + heff[Integer.numberOfTrailingZeros(x)];
                f[x] = fx;
                buf[x] = e0[x] + fx;
            }
            return MaxEntExact.normalize(buf);
        }

        /**
         * Mean conditional log-likelihood per transition (objective -value) with gradient when g != null;
         * also leaves the entropy sum (sum_g c_g H_g) in lastEntropySum when entropy is true.
         */
        double evaluate(double[] theta, Transitions d, double[] g, boolean entropy) {
            setParameters(theta);
            if (g != null) {
                java.util.Arrays.fill(w, 0);
                java.util.Arrays.fill(lagGrad, 0);
                java.util.Arrays.fill(stimGrad, 0);
            }
            double sumLogZ = 0;
            double hsum = 0;
            int lags = lay.lags;
            int nn = n * n;
            for (int gi = 0; gi < d.groups(); gi++) {
                effectiveField(theta, d.hist, gi * lags, d.bin[gi]);
                double logZ = conditional();
                double c = d.count[gi];
                sumLogZ += c * logZ;
                if (entropy) {
                    double meanE = 0;
                    for (int x = 0; x < buf.length; x++) meanE += buf[x] * (e0[x] + f[x]);
                    hsum += c * (logZ - meanE);
                }
                if (g != null) {
                    java.util.Arrays.fill(mg, 0);
                    for (int x = 1; x < buf.length; x++) {
                        double p = buf[x];
                        w[x] += c * p;
                        for (int q = x; q != 0; q &= q - 1) mg[Integer.numberOfTrailingZeros(q)] += p;
                    }
                    w[0] += c * buf[0];
                    if (lay.span > 0) {
                        int so = lay.stim(d.bin[gi], 0) - lay.stimOffset;
                        for (int i = 0; i < n; i++) stimGrad[so + i] += c * mg[i];
                    }
                    for (int l = 1; l <= lags; l++) {
                        int base = (l - 1) * nn;
                        for (int q = d.hist[gi * lags + l - 1]; q != 0; q &= q - 1) {
                            int jn = Integer.numberOfTrailingZeros(q);
                            for (int i = 0; i < n; i++) lagGrad[base + i * n + jn] += c * mg[i];
                        }
                    }
                }
            }
            lastEntropySum = hsum;
            double dot = 0;
            for (int a = 0; a < lay.size; a++) dot += theta[a] * d.sumFeatures[a];
            double ll = (dot - sumLogZ) / d.total;
            if (g != null) {
                ex.moments(w, lay, mm);
                for (int a = 0; a < lay.lags * nn; a++) mm[lay.lagOffset + a] = lagGrad[a] / d.total;
                for (int a = 0; a < stimGrad.length; a++) mm[lay.stimOffset + a] = stimGrad[a] / d.total;
                for (int a = 0; a < lay.size; a++) g[a] = mm[a] - d.sumFeatures[a] / d.total;
            }
            return ll;
        }
    }

    /** Fits the order-L model on the transitions inside the segments. */
    public static MaxEntModel fit(SpikeRaster r, int[] neurons, List<Segment> segments, int lags, int timesteps, MaxEntFit.Options o) {
        return fit(r, neurons, segments, lags, timesteps, false, o);
    }

    /**
     * stimulusLocked: the segments are repeats of one stimulus; every neuron gets a field offset g_i(b) for each
     * bin b of the repeat (stimulus-dependent maximum entropy, Granot-Atedgi et al. 2013), constrained by the
     * PSTH E[x_i(t) [t = b]] and shrunk towards the stationary field by the L2 penalty.
     */
    public static MaxEntModel fit(SpikeRaster r, int[] neurons, List<Segment> segments, int lags, int timesteps, boolean stimulusLocked,
                                  MaxEntFit.Options o) {
        int n = neurons.length;
        if (n > MaxEntExact.MAX_N) throw new IllegalArgumentException("the spatio-temporal model needs N <= " + MaxEntExact.MAX_N + " (exact conditional enumeration), not " + n);
        if (lags < 1) throw new IllegalArgumentException("lags must be at least 1, not " + lags);
        int span = 0;
        if (stimulusLocked) for (Segment s : segments) span = Math.max(span, s.length());
        MaxEntLayout lay = new MaxEntLayout(MaxEntLayout.Model.SPATIOTEMPORAL, n, lags, span);
        long t0 = System.nanoTime();
        long c0 = MaxEntFit.cpuNanos();
        Transitions d = transitions(r, neurons, segments, lay);
        if (d.total == 0) throw new IllegalArgumentException("no segment is longer than L = " + lags + " bins");
        double[] md = d.sumFeatures.clone();
        for (int a = 0; a < md.length; a++) md[a] /= d.total;
        double[] se = MaxEntFit.standardErrors(md, d.total);
        double[] theta = new double[lay.size];
        for (int i = 0; i < n; i++) {
            double p = Math.min(Math.max(md[i], 0.5 / d.total), 1 - 0.5 / d.total);
            theta[i] = Math.log(p / (1 - p));
        }
        Engine eng = new Engine(lay);
        o.progress().accept(String.format(java.util.Locale.ROOT, "%d transitions, %d distinct histories of %d bins", (long) d.total, d.groups(), lags));
        MaxEntLbfgs.Objective obj = (x, g) -> {
            double ll = eng.evaluate(x, d, g, false);
            return -ll + MaxEntFit.regularize(lay, x, g, o.l1(), o.l2());
        };
        int[] last = {0};
        MaxEntLbfgs.Result res = new MaxEntLbfgs(lay.size, 20).minimize(obj, theta, o.maxIterations(), (x, g, val, it) -> {
            double worst = 0;
            for (int a = 0; a < g.length; a++) worst = Math.max(worst, Math.abs(g[a]) / se[a]);
            if (it - last[0] >= 50) {
                last[0] = it;
                o.progress().accept(String.format(java.util.Locale.ROOT, "L-BFGS iteration %d: objective %.9f, largest gradient %.3g data standard errors", it, val, worst));
            }
            return worst < 1e-3;
        });
        double[] g = new double[lay.size];
        double ll = eng.evaluate(theta, d, g, true);
        JsonObject report = new JsonObject();
        report.addProperty("method", "exact conditional likelihood (2^" + n + " current patterns per distinct history), L-BFGS");
        report.addProperty("iterations", res.iterations());
        report.addProperty("evaluations", res.evaluations());
        report.addProperty("stopped", res.reason());
        report.addProperty("convergence", "largest |gradient| (moment error + regularisation) below 1e-3 data standard errors");
        report.addProperty("seconds", (System.nanoTime() - t0) / 1e9);
        report.addProperty("cpuSeconds", (MaxEntFit.cpuNanos() - c0) / 1e9);
        report.addProperty("trainingTransitions", d.total);
        report.addProperty("distinctHistories", d.groups());
        report.addProperty("stimulusLocked", span > 0);
        report.addProperty("l1", o.l1());
        report.addProperty("l2", o.l2());
        double[] z = new double[lay.size];
        double[] mm = new double[lay.size];
        for (int a = 0; a < lay.size; a++) {
            mm[a] = g[a] + md[a];
            z[a] = g[a] / se[a];
        }
        report.add("momentErrors", MaxEntFit.momentReport(lay, z, mm, md));
        report.addProperty("logLikelihoodTrainPerBin", ll);
        report.addProperty("logLikelihoodMethod", "exact conditional log-likelihood of x_t given the L previous bins (the first L bins of each segment are conditioned on)");
        report.addProperty("entropyBitsPerBin", eng.lastEntropySum / d.total / Math.log(2));
        report.addProperty("entropyMeaning", "conditional entropy H(x_t | x_{t-1..t-L}) averaged over the training histories (entropy rate of the chain)");
        return new MaxEntModel(lay, timesteps, theta, report);
    }

    /** Mean exact conditional log-likelihood per transition (nats) on the segments' transitions. */
    public static double logLikelihood(MaxEntModel m, SpikeRaster r, int[] neurons, List<Segment> segments) {
        Transitions d = transitions(r, neurons, segments, m.lay);
        if (d.total == 0) return Double.NaN;
        return new Engine(m.lay).evaluate(m.theta, d, null, false);
    }

    /**
     * Stimulus-locked chains: a window starts at one of the evaluation window starts 0, T, 2T, ... of the repeat
     * (uniformly), after up to 20 bins of burn-in from the silent history at the preceding stimulus bins.
     */
    private static SampleSet generateLocked(MaxEntModel m, Engine eng, int samples, SplittableRandom rng, int starts) {
        MaxEntLayout lay = m.lay;
        int n = lay.n;
        int lags = lay.lags;
        int tt = m.timesteps();
        SampleSet out = SampleSet.zeros(samples, n, tt);
        byte[] v = out.values();
        int[] hist = new int[lags];
        for (int s = 0; s < samples; s++) {
            int b0 = rng.nextInt(starts) * tt;
            java.util.Arrays.fill(hist, 0);
            for (int b = Math.max(0, b0 - 20); b < b0 + tt; b++) {
                eng.effectiveField(m.theta, hist, 0, Math.min(b, lay.span - 1));
                eng.conditional();
                double[] c = eng.buf;
                double u = rng.nextDouble();
                int x = 0;
                double acc = c[0];
                while (acc <= u && x < c.length - 1) acc += c[++x];
                for (int l = lags - 1; l > 0; l--) hist[l] = hist[l - 1];
                hist[0] = x;
                if (b >= b0) for (int q = x; q != 0; q &= q - 1) v[(s * n + Integer.numberOfTrailingZeros(q)) * tt + (b - b0)] = 1;
            }
        }
        return out;
    }

    static SampleSet generate(MaxEntModel m, int samples, long seed) {
        MaxEntLayout lay = m.lay;
        int n = lay.n;
        int lags = lay.lags;
        int tt = m.timesteps();
        Engine eng = new Engine(lay);
        eng.setParameters(m.theta);
        SampleSet out = SampleSet.zeros(samples, n, tt);
        byte[] v = out.values();
        SplittableRandom rng = new SplittableRandom(seed);
        int[] hist = new int[lags]; // hist[l - 1] = x_{t-l}
        boolean cacheable = n * lags <= 62 && lay.span == 0;
        int span = lay.span;
        int starts = span > 0 ? Math.max(1, (span - tt) / tt + 1) : 0;
        if (span > 0) return generateLocked(m, eng, samples, rng, starts);
        Map<Long, double[]> cache = new HashMap<>();
        int maxCached = Math.max(1, (1 << 23) >> n);
        int burn = 1000;
        int gap = 10;
        int s = 0;
        int t = 0;
        int step = 0;
        while (s < samples) {
            double[] cdf = null;
            long key = 0;
            if (cacheable) {
                for (int l = 0; l < lags; l++) key |= ((long) hist[l]) << (n * l);
                cdf = cache.get(key);
            }
            if (cdf == null) {
                eng.effectiveField(m.theta, hist, 0, 0);
                eng.conditional();
                double[] b = eng.buf;
                for (int x = 1; x < b.length; x++) b[x] += b[x - 1];
                if (cacheable && cache.size() < maxCached) {
                    cdf = b.clone();
                    cache.put(key, cdf);
                } else {
                    cdf = b;
                }
            }
            double u = rng.nextDouble() * cdf[cdf.length - 1];
            int lo = 0;
            int hi = cdf.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) hi = mid;
                else lo = mid + 1;
            }
            int x = lo;
            for (int l = lags - 1; l > 0; l--) hist[l] = hist[l - 1];
            hist[0] = x;
            step++;
            if (step > burn) {
                int phase = (step - burn - 1) % (gap + tt);
                if (phase >= gap) {
                    t = phase - gap;
                    for (int q = x; q != 0; q &= q - 1) v[(s * n + Integer.numberOfTrailingZeros(q)) * tt + t] = 1;
                    if (t == tt - 1) s++;
                }
            }
        }
        return out;
    }
}
