package org.spiqgan.model.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.data.SampleSet;
import org.spiqgan.nn.BatchExecutor;

/** The hidden-unit likelihood against a brute-force sum over hidden paths, and its gradient against central differences. */
class HiddenDriveTest {
    private static Sequences windows(int count, int n, int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] bits = new byte[count * (1 + len) * n];
        for (int i = 0; i < bits.length; i++) bits[i] = (byte) (r.nextDouble() < 0.35 ? 1 : 0);
        return new Sequences(bits, count, n, 1, len);
    }

    /** log P(pattern | input row) of the whole bin (every group) for one lane, straight from the generator. */
    private static double logP(StationaryGenerator gen, double[] p, double[] row, byte[] pattern) {
        StationaryConfig cfg = gen.config();
        double[] in = new double[StationaryGenerator.LANES * gen.inputs()];
        System.arraycopy(row, 0, in, 0, row.length);
        byte[] x = new byte[StationaryGenerator.LANES * cfg.units()];
        System.arraycopy(pattern, 0, x, 0, pattern.length);
        double[] lp = new double[StationaryGenerator.LANES];
        gen.logProb(p, gen.tables(p), 1, in, x, new StationaryGenerator.Workspace(cfg), lp);
        return lp[0];
    }

    /** Mean NLL per bin by enumerating every hidden path (uniform initial hidden state). */
    private static double bruteForceNll(StationaryGenerator gen, double[] p, Sequences s, double[] z, int draws) {
        StationaryConfig cfg = gen.config();
        int hid = cfg.hidden(), states = 1 << hid, n = cfg.neurons(), d = cfg.latent(), len = s.length(), units = cfg.units();
        double nll = 0;
        for (int w = 0; w < s.count(); w++) {
            double mean = 0;
            for (int k = 0; k < draws; k++) {
                double total = 0;
                int paths = 1;
                for (int t = 0; t <= len; t++) paths *= states;
                for (int path = 0; path < paths; path++) {
                    double prob = 1.0 / states;
                    int prev = path % states, rest = path / states;
                    for (int t = 0; t < len; t++) {
                        int cur = rest % states;
                        rest /= states;
                        double[] row = new double[d + units];
                        System.arraycopy(z, (w * draws + k) * d, row, 0, d);
                        for (int h = 0; h < hid; h++) row[d + h] = (prev >>> h) & 1;
                        for (int i = 0; i < n; i++) row[d + hid + i] = s.bits()[s.offset(w, t) + i];
                        byte[] pat = new byte[units];
                        for (int h = 0; h < hid; h++) pat[h] = (byte) ((cur >>> h) & 1);
                        System.arraycopy(s.bits(), s.offset(w, t + 1), pat, hid, n);
                        prob *= Math.exp(logP(gen, p, row, pat));
                        prev = cur;
                    }
                    total += prob;
                }
                mean += total / draws;
            }
            nll -= Math.log(mean) / (s.count() * (double) len);
        }
        return nll;
    }

    @Test
    void likelihoodAndGradientAreExact() {
        for (int hid = 1; hid <= 2; hid++) {
            // 3 neurons: the hidden units share the first circuit with some neurons, the rest form a second circuit
            StationaryConfig cfg = new StationaryConfig(3, 2 + hid, 2, "cry", 1, 1.0, 1, 4, "all", hid);
            assertEquals(2, cfg.groups());
            StationaryGenerator gen = new StationaryGenerator(cfg);
            SequenceEngine engine = new SequenceEngine(gen);
            double[] p = StationaryGeneratorTest.randomParams(cfg, 5 + hid);
            int draws = 2, len = hid == 1 ? 4 : 3;
            Sequences s = windows(3, 3, len, 11);
            double[] z = new double[s.count() * draws];
            SplittableRandom r = new SplittableRandom(2);
            for (int i = 0; i < z.length; i++) z[i] = r.nextDouble();
            try (BatchExecutor ex = new BatchExecutor(1)) {
                double[] grad = new double[p.length];
                double nll = HiddenDrive.nllAndGradient(engine, p, s, z, draws, ex, grad);
                assertEquals(bruteForceNll(gen, p, s, z, draws), nll, 1e-11, "hidden " + hid);
                double worst = 0;
                for (int i = 0; i < p.length; i++) {
                    double eps = 1e-5, keep = p[i];
                    p[i] = keep + eps;
                    double up = HiddenDrive.nllAndGradient(engine, p, s, z, draws, ex, new double[p.length]);
                    p[i] = keep - eps;
                    double down = HiddenDrive.nllAndGradient(engine, p, s, z, draws, ex, new double[p.length]);
                    p[i] = keep;
                    double fd = (up - down) / (2 * eps);
                    worst = Math.max(worst, Math.abs(fd - grad[i]));
                }
                assertTrue(worst < 1e-7, "hidden " + hid + ": gradient off by " + worst);
            }
        }
    }

    @Test
    void generationDropsTheHiddenUnitsAndThreadsDoNotMatter() {
        StationaryConfig cfg = new StationaryConfig(4, 5, 2, "cry", 2, 1.0, 1, 6, "all", 1);
        StationaryGenerator gen = new StationaryGenerator(cfg);
        double[] p = StationaryGeneratorTest.randomParams(cfg, 8);
        SampleSet a, b;
        try (BatchExecutor one = new BatchExecutor(1); BatchExecutor two = new BatchExecutor(2)) {
            a = StationaryTrainer.generate(new SequenceEngine(gen), cfg, p, 100, 7, 42, one);
            b = StationaryTrainer.generate(new SequenceEngine(gen), cfg, p, 100, 7, 42, two);
        }
        assertEquals(4, a.neurons());
        assertEquals(7, a.timesteps());
        assertEquals(java.util.Arrays.toString(a.values()), java.util.Arrays.toString(b.values()));
    }
}
