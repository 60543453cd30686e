package org.spiqgan.baseline;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.spiqgan.data.NeuronSelection;
import org.spiqgan.data.RasterReaders;
import org.spiqgan.data.ReadOptions;
import org.spiqgan.data.SpikeRaster;
import org.spiqgan.data.Splits;
import org.spiqgan.data.SyntheticRecording;
import org.spiqgan.data.Windows;
import org.spiqgan.stats.Divergences;

/**
 * The numbers behind RESULTS.md "Maximum-entropy baselines: why the state JS stops at 2-4x the floor" (not a
 * test; a study run by hand, single-threaded). For the top-N neurons at T = 1 (N &lt;= 20, exact enumeration):
 * <ol>
 * <li>the noise floor JS(train, test) and a parametric bootstrap of it (two samples of the train and test sizes
 * drawn from the training split's own pattern distribution): is the train/test difference sampling noise?</li>
 * <li>per model, the exact maximum-likelihood fit on train (no penalty, gradient to 1e-3 data standard errors):
 * its moment errors, the JS of its exact distribution to test and to train, and the mean JS of samples of the
 * training split's size to test (what {@code evaluate} measures);</li>
 * <li>the same model class fitted on the test split itself: the JS of the best member of the class to the
 * test split, in sample, a lower bound for any fit on other data;</li>
 * <li>regularisation chosen on held-out data: fits on the {@code fit} split for a grid of L2 and L1 strengths,
 * the validation split's log-likelihood per bin and state JS, and the chosen strength refitted on train and
 * scored on test.</li>
 * </ol>
 * Usage: {@code java -cp target/spiqgan-all.jar:target/test-classes org.spiqgan.baseline.MaxEntHeldOutStudy
 * (FILE.mat|synthetic) N}
 */
public final class MaxEntHeldOutStudy {
    private MaxEntHeldOutStudy() {}

    public static void main(String[] args) {
        String file = args[0];
        int n = Integer.parseInt(args[1]);
        SpikeRaster raster = file.equals("synthetic")
                ? SyntheticRecording.generate(SyntheticRecording.DEFAULT_SEED)
                : RasterReaders.read(Path.of(file), ReadOptions.defaults().withSegmentLength(953));
        Splits splits = Splits.of(raster);
        int[] neurons = NeuronSelection.top(n).select(raster, splits.train());
        MaxEntPatterns train = patterns(raster, neurons, splits, "train");
        MaxEntPatterns fit = patterns(raster, neurons, splits, "fit");
        MaxEntPatterns validation = patterns(raster, neurons, splits, "validation");
        MaxEntPatterns test = patterns(raster, neurons, splits, "test");
        double[] pTrain = histogram(train);
        double[] pTest = histogram(test);
        double[] pFit = histogram(fit);
        double[] pVal = histogram(validation);
        double floor = Divergences.jensenShannonBits(pTrain, pTest);
        say("%s, N = %d, T = 1: bins train %d (fit %d, validation %d), test %d; distinct patterns train %d, test %d",
                file, n, (long) train.total, (long) fit.total, (long) validation.total, (long) test.total, train.codes.length, test.codes.length);
        say("noise floor JS(train, test) = %.4e bits; JS(fit, validation) = %.4e", floor, Divergences.jensenShannonBits(pFit, pVal));
        SplittableRandom rng = new SplittableRandom(1);
        double boot = 0;
        int reps = 20;
        for (int r = 0; r < reps; r++) {
            boot += Divergences.jensenShannonBits(sample(pTrain, (long) train.total, rng), sample(pTrain, (long) test.total, rng));
        }
        say("bootstrap of the floor (both samples from the training split's distribution, %d draws): mean %.4e bits = %.2fx the floor",
                reps, boot / reps, boot / reps / floor);
        for (MaxEntLayout.Model model : new MaxEntLayout.Model[] {MaxEntLayout.Model.PAIRWISE, MaxEntLayout.Model.K_PAIRWISE}) {
            say("== %s", model.id);
            MaxEntModel mle = MaxEntFit.fit(model, train, 1, exactOptions(0, 0));
            double[] p = distribution(mle);
            var z = mle.report().getAsJsonObject("momentErrors");
            double sampleJs = 0;
            for (int r = 0; r < 5; r++) sampleJs += Divergences.jensenShannonBits(sample(p, (long) train.total, rng), pTest);
            sampleJs /= 5;
            say("exact MLE on train (L2 = 0): %s after %s iterations, moment error RMS %.2e, max %.2e data SE; test log-likelihood %.5f nats/bin",
                    mle.report().get("stopped").getAsString(), mle.report().get("iterations").getAsString(),
                    z.get("rmsZ").getAsDouble(), z.get("maxAbsZ").getAsDouble(), logLikelihood(mle, test));
            say("  JS(model, test) exact %.4e (%.2fx floor); JS(model, train) %.4e; samples of %d bins vs test (mean of 5) %.4e (%.2fx)",
                    Divergences.jensenShannonBits(p, pTest), Divergences.jensenShannonBits(p, pTest) / floor,
                    Divergences.jensenShannonBits(p, pTrain), (long) train.total, sampleJs, sampleJs / floor);
            MaxEntModel onTest = MaxEntFit.fit(model, test, 1, exactOptions(0, 0));
            double inSample = Divergences.jensenShannonBits(distribution(onTest), pTest);
            say("  the class's best member for the test split (fitted on test, in sample): JS %.4e (%.2fx floor)", inSample, inSample / floor);
            double bestLl = Double.NEGATIVE_INFINITY;
            double[] best = {0, 0};
            for (double[] reg : new double[][] {{0, 0}, {0, 1e-5}, {0, 1e-4}, {0, 1e-3}, {0, 3e-3}, {0, 1e-2}, {0, 3e-2}, {0, 1e-1},
                    {1e-5, 0}, {1e-4, 0}, {3e-4, 0}, {1e-3, 0}, {3e-3, 0}}) {
                MaxEntModel m = MaxEntFit.fit(model, fit, 1, exactOptions(reg[0], reg[1]));
                double ll = logLikelihood(m, validation);
                double js = Divergences.jensenShannonBits(distribution(m), pVal);
                say("  fit split, L1 %.0e, L2 %.0e: validation log-likelihood %.6f nats/bin, JS(model, validation) %.4e", reg[0], reg[1], ll, js);
                if (ll > bestLl + 1e-9) {
                    bestLl = ll;
                    best = reg;
                }
            }
            MaxEntModel chosen = MaxEntFit.fit(model, train, 1, exactOptions(best[0], best[1]));
            double js = Divergences.jensenShannonBits(distribution(chosen), pTest);
            say("  chosen on validation: L1 %.0e, L2 %.0e; refitted on train: JS(model, test) %.4e (%.2fx floor), test log-likelihood %.5f",
                    best[0], best[1], js, js / floor, logLikelihood(chosen, test));
        }
    }

    static MaxEntFit.Options exactOptions(double l1, double l2) {
        return new MaxEntFit.Options("exact", l1, l2, 1_000_000, 50_000, 60, 1.0, 1, s -> {});
    }

    static MaxEntPatterns patterns(SpikeRaster raster, int[] neurons, Splits splits, String split) {
        return MaxEntPatterns.of(Windows.cut(raster, neurons, 1, 1, splits.get(split)));
    }

    static double logLikelihood(MaxEntModel m, MaxEntPatterns data) {
        return data.meanEnergy(m.lay, m.theta) - m.report().get("logZ").getAsDouble();
    }

    static double[] histogram(MaxEntPatterns p) {
        double[] h = new double[1 << p.n];
        for (int u = 0; u < p.codes.length; u++) h[(int) p.codes[u]] += p.counts[u] / p.total;
        return h;
    }

    /** The exact pattern distribution of a static model (N &lt;= 20). */
    static double[] distribution(MaxEntModel m) {
        int n = m.lay.n;
        MaxEntExact ex = new MaxEntExact(n);
        double[] h = new double[n];
        double[][] j = new double[n][n];
        double[] v = new double[n + 1];
        m.lay.unpack(m.theta, h, j, v);
        ex.logZ(h, j, v);
        return ex.p.clone();
    }

    /** The empirical distribution of `count` draws from p. */
    static double[] sample(double[] p, long count, SplittableRandom rng) {
        double[] cdf = new double[p.length];
        double s = 0;
        for (int x = 0; x < p.length; x++) cdf[x] = s += p[x];
        double[] out = new double[p.length];
        for (long k = 0; k < count; k++) {
            double u = rng.nextDouble() * s;
            int lo = 0;
            int hi = p.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) hi = mid;
                else lo = mid + 1;
            }
            out[lo] += 1.0 / count;
        }
        return out;
    }

    private static void say(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
        System.out.flush();
    }
}
