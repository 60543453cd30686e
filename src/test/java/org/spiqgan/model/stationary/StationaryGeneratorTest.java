package org.spiqgan.model.stationary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.nn.BatchExecutor;

class StationaryGeneratorTest {
    /** Independent reference: dense state, every CRY applied as its own two-qubit gate. */
    static double[] referenceProbs(StationaryConfig cfg, double[] p, int g, double[] in) {
        int n = cfg.groupQubits(g), dim = 1 << n, inputs = cfg.inputsPerAngle();
        Entangler fam = cfg.family();
        double[] psi = new double[dim];
        psi[0] = 1;
        for (int j = 0; j < cfg.layers(); j++) {
            int base = cfg.offset(g, j);
            for (int q = 0; q < n; q++) {
                int po = base + q * (1 + inputs);
                double th = p[po];
                int neuron = cfg.groupStart(g) + q, d = cfg.latent();
                for (int e = 0; e < inputs; e++) {
                    // self feedback: a qubit reads only its own neuron's history, lag by lag
                    double x;
                    if (e < d || cfg.feedback().equals("all")) x = in[e];
                    else if (cfg.feedback().equals("self")) x = in[d + (e - d) * cfg.neurons() + neuron];
                    else x = e < d + cfg.neurons() ? in[e] : in[d + (1 + e - d - cfg.neurons()) * cfg.neurons() + neuron];
                    th += p[po + 1 + e] * x;
                }
                psi = rot(psi, q, th, -1);
            }
            int[][] pairs = fam.pairs(n);
            int off = base + n * (1 + inputs);
            for (int r = 1; r < n; r++) {
                for (int i = 0; i < pairs.length; i++) {
                    if (pairs[i][1] == r) psi = rot(psi, r, p[off + i], pairs[i][0]);
                }
            }
        }
        double[] out = new double[dim];
        for (int b = 0; b < dim; b++) out[b] = psi[b] * psi[b];
        return out;
    }

    static double[] rot(double[] psi, int target, double th, int control) {
        double[] out = psi.clone();
        double c = Math.cos(th / 2), s = Math.sin(th / 2);
        for (int b = 0; b < psi.length; b++) {
            if ((b >> target & 1) != 0) continue;
            if (control >= 0 && (b >> control & 1) == 0) continue;
            int b1 = b | 1 << target;
            out[b] = c * psi[b] - s * psi[b1];
            out[b1] = s * psi[b] + c * psi[b1];
        }
        return out;
    }

    static double[] randomParams(StationaryConfig cfg, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[cfg.parameterCount()];
        for (int i = 0; i < p.length; i++) p[i] = r.nextDouble(-1.5, 1.5);
        return p;
    }

    @Test
    void probabilitiesMatchAGateByGateReference() {
        for (String fam : Entangler.FAMILIES.keySet()) for (String fb : new String[] {"all", "self", "mixed"}) {
            StationaryConfig cfg = new StationaryConfig(7, 4, 3, fam, 2, 1.0, 3, 5, fb);
            StationaryGenerator gen = new StationaryGenerator(cfg);
            double[] p = randomParams(cfg, 3);
            int lanes = 5, width = gen.inputs();
            double[] in = new double[StationaryGenerator.LANES * width];
            SplittableRandom r = new SplittableRandom(9);
            for (int i = 0; i < lanes * width; i++) in[i] = (i % width) < 2 ? r.nextDouble() : r.nextInt(2);
            StationaryGenerator.Workspace w = new StationaryGenerator.Workspace(cfg);
            for (int g = 0; g < cfg.groups(); g++) {
                int dim = 1 << cfg.groupQubits(g);
                double[] out = new double[lanes * dim];
                gen.probabilities(p, gen.tables(p), g, lanes, in, w, out);
                for (int k = 0; k < lanes; k++) {
                    double[] ref = referenceProbs(cfg, p, g, java.util.Arrays.copyOfRange(in, k * width, (k + 1) * width));
                    assertArrayEquals(ref, java.util.Arrays.copyOfRange(out, k * dim, (k + 1) * dim), 1e-12, fam + " group " + g);
                }
            }
        }
    }

    /**
     * Generation's angles (latent part's cos and sin once per window, feedback part from tables) give the
     * states of the direct angles to 1e-13 per amplitude, and the gate-by-gate reference's probabilities
     * to 1e-12, in every family and feedback form, with hidden units, without latent and without history.
     */
    @Test
    void generationAnglesGiveTheStatesOfTheDirectAngles() {
        java.util.List<StationaryConfig> cfgs = new java.util.ArrayList<>();
        for (String fam : Entangler.FAMILIES.keySet()) for (String fb : new String[] {"all", "self", "mixed"}) {
            cfgs.add(new StationaryConfig(7, 4, 3, fam, 2, 1.0, 3, 5, fb));
            cfgs.add(new StationaryConfig(10, 10, 2, fam, 4, 1.0, 1, 5, fb));
        }
        cfgs.add(new StationaryConfig(6, 4, 2, AllPairsCry.NAME, 2, 1.0, 1, 3, "all", 1));
        cfgs.add(new StationaryConfig(5, 5, 2, AllPairsCry.NAME, 0, 1.0, 2, 3, "all"));
        cfgs.add(new StationaryConfig(5, 5, 2, AllPairsCry.NAME, 3, 1.0, 0, 3, "all"));
        for (StationaryConfig cfg : cfgs) {
            StationaryGenerator gen = new StationaryGenerator(cfg);
            double[] p = randomParams(cfg, 3);
            StationaryGenerator.Tables t = gen.tables(p);
            int lanes = 29, width = gen.inputs();
            double[] in = new double[StationaryGenerator.LANES * width];
            SplittableRandom r = new SplittableRandom(9);
            for (int i = 0; i < lanes * width; i++) in[i] = (i % width) < cfg.latent() ? r.nextDouble() : r.nextInt(2);
            StationaryGenerator.Workspace w = new StationaryGenerator.Workspace(cfg);
            gen.prepareLatent(p, lanes, in, w);
            for (int g = 0; g < cfg.groups(); g++) {
                int dim = 1 << cfg.groupQubits(g);
                gen.forwardGenerated(t, g, lanes, in, w);
                double[][] got = new double[dim][];
                for (int b = 0; b < dim; b++) got[b] = w.psi[b].clone();
                gen.forward(p, t, g, lanes, in, w);
                for (int k = 0; k < lanes; k++) {
                    double[] ref = referenceProbs(cfg, p, g, java.util.Arrays.copyOfRange(in, k * width, (k + 1) * width));
                    for (int b = 0; b < dim; b++) {
                        assertEquals(w.psi[b][k], got[b][k], 1e-13, cfg + " group " + g + " lane " + k + " amplitude " + b);
                        assertEquals(ref[b], got[b][k] * got[b][k], 1e-12, cfg + " group " + g + " lane " + k + " probability " + b);
                    }
                }
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        for (String fam : Entangler.FAMILIES.keySet()) for (String fb : new String[] {"all", "self", "mixed"}) {
            StationaryConfig cfg = new StationaryConfig(5, 3, 2, fam, 2, 1.0, 3, 3, fb);
            StationaryGenerator gen = new StationaryGenerator(cfg);
            SequenceEngine eng = new SequenceEngine(gen);
            double[] p = randomParams(cfg, 5);
            SplittableRandom r = new SplittableRandom(2);
            int count = 3, draws = 2, len = 4;
            byte[] bits = new byte[count * (cfg.history() + len) * cfg.neurons()];
            for (int i = 0; i < bits.length; i++) bits[i] = (byte) (r.nextDouble() < 0.3 ? 1 : 0);
            Sequences s = new Sequences(bits, count, cfg.neurons(), cfg.history(), len);
            double[] z = new double[count * draws * cfg.latent()];
            for (int i = 0; i < z.length; i++) z[i] = r.nextDouble();
            double[] u = new double[count * draws * len];
            for (int i = 0; i < u.length; i++) u[i] = r.nextDouble(-1, 1);
            double[] grad = new double[p.length];
            try (BatchExecutor ex = new BatchExecutor(2)) {
                eng.gradient(p, s, z, draws, u, ex, grad);
                double h = 1e-6;
                for (int i = 0; i < p.length; i++) {
                    double[] pp = p.clone(), pm = p.clone();
                    pp[i] += h;
                    pm[i] -= h;
                    double fp = dot(u, eng.logProbs(pp, s, z, draws, ex)), fm = dot(u, eng.logProbs(pm, s, z, draws, ex));
                    double fd = (fp - fm) / (2 * h);
                    assertEquals(fd, grad[i], 1e-6 * Math.max(1, Math.abs(fd)), fam + " parameter " + i);
                }
            }
        }
    }

    @Test
    void generationIsIndependentOfThreadCount() {
        StationaryConfig cfg = new StationaryConfig(6, 6, 2, "cry", 3, 1.0, 2, 4);
        StationaryGenerator gen = new StationaryGenerator(cfg);
        SequenceEngine eng = new SequenceEngine(gen);
        double[] p = randomParams(cfg, 8);
        double[] z1 = new double[100 * 3], z2 = new double[100 * 3];
        Sequences a, b;
        try (BatchExecutor one = new BatchExecutor(1); BatchExecutor two = new BatchExecutor(2)) {
            a = eng.generate(p, 100, 9, 4, z1, one);
            b = eng.generate(p, 100, 9, 4, z2, two);
        }
        assertArrayEquals(a.bits(), b.bits());
        assertArrayEquals(z1, z2);
        int ones = 0;
        for (byte v : a.bits()) ones += v;
        assertTrue(ones > 0 && ones < a.bits().length);
    }

    /**
     * The likelihood step's path (forward sweep keeping states, then the gradient from them) and the
     * refinement step's (generate, then the gradient with states recomputed per chunk) give the same bits
     * for 1, 2 and 3 threads, over enough chunks (more than 30) that threads interleave; both paths agree
     * with each other to rounding (1e-12).
     */
    @Test
    void gradientsAreIndependentOfThreadCount() {
        StationaryConfig cfg = new StationaryConfig(6, 6, 2, "cry", 3, 1.0, 2, 4);
        SequenceEngine eng = new SequenceEngine(new StationaryGenerator(cfg));
        double[] p = randomParams(cfg, 21);
        SplittableRandom r = new SplittableRandom(5);
        int count = 40, draws = 3, len = 9;
        byte[] bits = new byte[count * (cfg.history() + len) * cfg.neurons()];
        for (int i = 0; i < bits.length; i++) bits[i] = (byte) (r.nextDouble() < 0.2 ? 1 : 0);
        Sequences s = new Sequences(bits, count, cfg.neurons(), cfg.history(), len);
        double[] z = new double[count * draws * cfg.latent()];
        for (int i = 0; i < z.length; i++) z[i] = r.nextDouble();
        double[] u = new double[count * draws * len];
        for (int i = 0; i < u.length; i++) u[i] = i % 97 == 0 ? 0 : r.nextDouble(-1, 1);
        java.util.Arrays.fill(u, 64, 160, 0.0); // whole chunks without weight are skipped
        double[][] kept = new double[3][], recomputed = new double[3][], generated = new double[3][];
        double[] lp1 = null;
        for (int threads = 1; threads <= 3; threads++) {
            try (BatchExecutor ex = new BatchExecutor(threads)) {
                SequenceEngine.Forward fw = eng.forward(p, s, z, draws, ex);
                if (lp1 == null) lp1 = fw.logp;
                assertArrayEquals(lp1, fw.logp, "log-probabilities, " + threads + " threads");
                kept[threads - 1] = new double[p.length];
                eng.gradient(fw, u, ex, kept[threads - 1]);
                recomputed[threads - 1] = new double[p.length];
                eng.gradient(p, s, z, draws, u, ex, recomputed[threads - 1]);
                double[] zg = new double[50 * cfg.latent()];
                Sequences gen = eng.generate(p, 50, 12, 3, zg, ex);
                double[] ug = new double[50 * 12];
                for (int i = 0; i < ug.length; i++) ug[i] = Math.sin(i);
                generated[threads - 1] = new double[p.length];
                eng.gradient(p, gen, zg, 1, ug, ex, generated[threads - 1]);
            }
        }
        for (int t = 1; t < 3; t++) {
            assertArrayEquals(kept[0], kept[t], "kept states, " + (t + 1) + " threads");
            assertArrayEquals(recomputed[0], recomputed[t], "recomputed states, " + (t + 1) + " threads");
            assertArrayEquals(generated[0], generated[t], "generated windows, " + (t + 1) + " threads");
        }
        assertArrayEquals(kept[0], recomputed[0], 1e-12);
        // kept states are reused by the next sweep: a stale forward sweep is refused, not silently wrong
        SequenceEngine.Forward stale = eng.forward(p, s, z, draws, BatchExecutor.serial());
        eng.forward(randomParams(cfg, 22), s, z, draws, BatchExecutor.serial());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> eng.gradient(stale, u, BatchExecutor.serial(), new double[p.length]));
        double norm = 0;
        for (double g : kept[0]) norm += g * g;
        assertTrue(norm > 1e-6, "a gradient that is not zero");
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void exportedQasmReproducesTheCircuit() {
        StationaryConfig cfg = new StationaryConfig(5, 5, 2, "cry", 2, 0.5, 1, 3);
        StationaryGenerator gen = new StationaryGenerator(cfg);
        double[] p = randomParams(cfg, 12);
        double[] z = {0.1, 0.4};
        int[] hist = {1, 0, 0, 1, 1};
        for (int version : new int[] {2, 3}) {
            String q = StationaryQasm.write(cfg, p, 0, version, new int[] {3, 5, 8, 9, 12}, z, hist);
            assertTrue(q.contains(version == 3 ? "OPENQASM 3.0;" : "OPENQASM 2.0;"));
            assertTrue(q.contains("U[0, 0.5)") && q.contains("q4=12"), q);
            double[] psi = new double[32];
            psi[0] = 1;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(c?ry)\\(([^)]+)\\) q\\[(\\d+)\\](?:, q\\[(\\d+)\\])?;").matcher(q);
            int gates = 0;
            while (m.find()) {
                double th = Double.parseDouble(m.group(2));
                if (m.group(1).equals("ry")) psi = rot(psi, Integer.parseInt(m.group(3)), th, -1);
                else psi = rot(psi, Integer.parseInt(m.group(4)), th, Integer.parseInt(m.group(3)));
                gates++;
            }
            assertEquals(2 * (5 + 10), gates);
            double[] in = new double[StationaryGenerator.LANES * gen.inputs()];
            in[0] = z[0];
            in[1] = z[1];
            for (int i = 0; i < hist.length; i++) in[2 + i] = hist[i];
            double[] out = new double[32];
            gen.probabilities(p, gen.tables(p), 0, 1, in, new StationaryGenerator.Workspace(cfg), out);
            for (int b = 0; b < 32; b++) assertEquals(out[b], psi[b] * psi[b], 1e-12, "pattern " + b);
        }
    }
}
