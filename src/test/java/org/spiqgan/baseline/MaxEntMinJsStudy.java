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
import org.spiqgan.stats.Divergences;

/**
 * The numbers behind RESULTS.md "the class's closest member by JS" (not a test; a study run by hand): how close, in
 * state JS, can any member of the pairwise or k-pairwise maximum-entropy class at the top N neurons, T = 1, come to
 * the test split? {@link MaxEntHeldOutStudy} fitted the class on the test split by maximum likelihood, which
 * minimises KL, not JS; here JS(p_theta, test) itself is minimised over theta (Adam on the exact gradient,
 * dJS/dtheta = sum_x 1/2 log(p(x) / m(x)) p(x) (f(x) - E_p f), m the mixture, all 2^N patterns enumerated), from
 * the maximum-likelihood fit on the test split and from random starts. A local search: the smallest JS it finds is
 * an upper bound on the class's minimum, so a value above 1.5x the floor is evidence, not proof, that no member
 * meets that target.
 * <p>Usage: {@code java -cp target/spiqgan-all.jar:target/test-classes org.spiqgan.baseline.MaxEntMinJsStudy
 * (FILE.mat|synthetic) N [RESTARTS]}
 */
public final class MaxEntMinJsStudy {
    private MaxEntMinJsStudy() {}

    public static void main(String[] args) {
        String file = args[0];
        int n = Integer.parseInt(args[1]);
        int restarts = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        SpikeRaster raster = file.equals("synthetic")
                ? SyntheticRecording.generate(SyntheticRecording.DEFAULT_SEED)
                : RasterReaders.read(Path.of(file), ReadOptions.defaults().withSegmentLength(953));
        Splits splits = Splits.of(raster);
        int[] neurons = NeuronSelection.top(n).select(raster, splits.train());
        MaxEntPatterns train = MaxEntHeldOutStudy.patterns(raster, neurons, splits, "train");
        MaxEntPatterns test = MaxEntHeldOutStudy.patterns(raster, neurons, splits, "test");
        double[] pTrain = MaxEntHeldOutStudy.histogram(train), pTest = MaxEntHeldOutStudy.histogram(test);
        double floor = Divergences.jensenShannonBits(pTrain, pTest);
        say("%s, N = %d, T = 1: noise floor JS(train, test) = %.4e bits; 1.5x the floor = %.4e", file, n, floor, 1.5 * floor);
        for (boolean kPotential : new boolean[] {false, true}) {
            double[][] f = features(n, kPotential);
            MaxEntLayout.Model model = kPotential ? MaxEntLayout.Model.K_PAIRWISE : MaxEntLayout.Model.PAIRWISE;
            double[] mlOnTest = MaxEntHeldOutStudy.distribution(MaxEntFit.fit(model, test, 1, MaxEntHeldOutStudy.exactOptions(0, 0)));
            say("== %s (%d parameters): maximum likelihood on test, in sample: JS %.4e (%.2fx floor)", model.id, f[0].length,
                    Divergences.jensenShannonBits(mlOnTest, pTest), Divergences.jensenShannonBits(mlOnTest, pTest) / floor);
            double best = Double.POSITIVE_INFINITY;
            SplittableRandom rng = new SplittableRandom(1);
            for (int r = 0; r <= restarts; r++) {
                // start 0: the maximum-likelihood member (its log-probabilities projected on the features); then random
                double[] theta = r == 0 ? project(f, mlOnTest) : random(f[0].length, rng);
                double js = minimise(f, theta, pTest);
                say("  start %s: min JS %.4e bits (%.2fx floor)", r == 0 ? "ML on test" : "random " + r, js, js / floor);
                best = Math.min(best, js);
            }
            say("  smallest JS found: %.4e bits = %.2fx the floor", best, best / floor);
        }
    }

    /** Per pattern x (bit i = neuron i): x_i, then x_i x_j (i < j), then with the K-potential 1[K = k], k = 0..n. */
    static double[][] features(int n, boolean kPotential) {
        int d = n + n * (n - 1) / 2 + (kPotential ? n + 1 : 0);
        double[][] f = new double[1 << n][d];
        for (int x = 0; x < 1 << n; x++) {
            int a = 0;
            for (int i = 0; i < n; i++) f[x][a++] = x >>> i & 1;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) f[x][a++] = (x >>> i & 1) * (x >>> j & 1);
            }
            if (kPotential) f[x][a + Integer.bitCount(x)] = 1;
        }
        return f;
    }

    static double[] probabilities(double[][] f, double[] theta) {
        double[] p = new double[f.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < f.length; x++) {
            double e = 0;
            for (int a = 0; a < theta.length; a++) e += f[x][a] * theta[a];
            p[x] = e;
            max = Math.max(max, e);
        }
        double z = 0;
        for (int x = 0; x < f.length; x++) z += p[x] = Math.exp(p[x] - max);
        for (int x = 0; x < f.length; x++) p[x] /= z;
        return p;
    }

    /** Adam on JS(p_theta, q) in nats, 20,000 steps with a decaying rate; returns the final JS in bits. */
    static double minimise(double[][] f, double[] theta, double[] q) {
        int d = theta.length;
        double[] m1 = new double[d], m2 = new double[d], g = new double[d];
        double bestJs = Double.POSITIVE_INFINITY;
        for (int step = 1; step <= 20_000; step++) {
            double[] p = probabilities(f, theta);
            bestJs = Math.min(bestJs, Divergences.jensenShannonBits(p, q));
            double[] mean = new double[d];
            for (int x = 0; x < f.length; x++) for (int a = 0; a < d; a++) mean[a] += p[x] * f[x][a];
            java.util.Arrays.fill(g, 0);
            for (int x = 0; x < f.length; x++) {
                double w = 0.5 * Math.log(2 * p[x] / (p[x] + q[x])) * p[x];
                for (int a = 0; a < d; a++) g[a] += w * (f[x][a] - mean[a]);
            }
            double lr = 0.05 * Math.pow(0.9997, step);
            for (int a = 0; a < d; a++) {
                m1[a] = 0.9 * m1[a] + 0.1 * g[a];
                m2[a] = 0.999 * m2[a] + 0.001 * g[a] * g[a];
                double mh = m1[a] / (1 - Math.pow(0.9, step)), vh = m2[a] / (1 - Math.pow(0.999, step));
                theta[a] -= lr * mh / (Math.sqrt(vh) + 1e-12);
            }
        }
        return Math.min(bestJs, Divergences.jensenShannonBits(probabilities(f, theta), q));
    }

    /** The least-squares theta whose features best reproduce log p (up to a constant): normal equations. */
    static double[] project(double[][] f, double[] p) {
        int d = f[0].length + 1;
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int x = 0; x < f.length; x++) {
            double[] row = new double[d];
            System.arraycopy(f[x], 0, row, 0, d - 1);
            row[d - 1] = 1;
            double y = Math.log(p[x]);
            for (int i = 0; i < d; i++) {
                b[i] += row[i] * y;
                for (int j = 0; j < d; j++) a[i][j] += row[i] * row[j];
            }
        }
        for (int i = 0; i < d; i++) a[i][i] += 1e-9;
        double[] sol = new org.hipparchus.linear.QRDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(a), 1e-14)
                .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(b)).toArray();
        return java.util.Arrays.copyOf(sol, d - 1);
    }

    static double[] random(int d, SplittableRandom rng) {
        double[] t = new double[d];
        for (int a = 0; a < d; a++) t[a] = rng.nextGaussian() * 0.5 - 0.5;
        return t;
    }

    private static void say(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
        System.out.flush();
    }
}
