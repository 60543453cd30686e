package org.spiqgan.model.stationary;

import java.util.Locale;

/**
 * One bin of a stationary generator as an OpenQASM program: the circuit of neuron group g for a given
 * latent z and history (the previous H patterns), with every angle bound. On hardware a whole window is
 * this circuit run bin after bin, each measured pattern fed forward into the next bin's angles; the header
 * comments give what that needs (latent range, history, burn-in, neuron indices, the feedback rule).
 */
public final class StationaryQasm {
    private StationaryQasm() {}

    /**
     * @param version  3 or 2 (both have ry and cry: OpenQASM 3's stdgates.inc, OpenQASM 2's qelib1.inc)
     * @param neuronIds recording indices of the model's neurons, for the header
     * @param z        latent (d values)
     * @param history  previous patterns, x_{t-1} first (H x N bits)
     */
    public static String write(StationaryConfig cfg, double[] p, int g, int version, int[] neuronIds, double[] z, int[] history) {
        int n = cfg.groupQubits(g), inputs = cfg.inputsPerAngle(), d = cfg.latent();
        StationaryGenerator gen = new StationaryGenerator(cfg);
        double[] in = new double[cfg.inputRow()];
        System.arraycopy(z, 0, in, 0, d);
        for (int i = 0; i < history.length; i++) in[d + i] = history[i];
        StringBuilder sb = new StringBuilder();
        sb.append(version == 3 ? "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" : "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        sb.append("// spiqgan stationary autoregressive generator, neuron group ").append(g).append(" of ").append(cfg.groups()).append('\n');
        sb.append("// qubit q = neuron ").append(range(neuronIds, cfg.groupStart(g), n, cfg.hidden()))
                .append(" (recording indices; h = a hidden unit, measured and fed forward but not output), no ancillas\n");
        sb.append(String.format(Locale.ROOT, "// latent z (d = %d) drawn once per window from U[0, %s)^d; bound here to %s%n", d, fmt(cfg.zMax()),
                java.util.Arrays.toString(z)));
        sb.append(String.format(Locale.ROOT, "// history: the previous %d measured patterns of all %d units (hidden first), bound here to %s (x_{t-1} first)%n",
                cfg.history(), cfg.units(), java.util.Arrays.toString(history)));
        sb.append(String.format(Locale.ROOT, "// generation: start from empty history, run %d burn-in bins, then one bin per timestep, feeding each "
                + "measured pattern forward (RY angle of layer j, qubit q = a + w.z + V.history)%n", cfg.burnIn()));
        sb.append(String.format(Locale.ROOT, "// layers %d, entangler %s, feedback %s%n", cfg.layers(), cfg.entangler(), cfg.feedback()));
        sb.append(version == 3 ? "qubit[" + n + "] q;\nbit[" + n + "] c;\n" : "qreg q[" + n + "];\ncreg c[" + n + "];\n");
        Entangler fam = cfg.family();
        int[][] pairs = fam.pairs(n);
        for (int j = 0; j < cfg.layers(); j++) {
            int base = cfg.offset(g, j);
            for (int q = 0; q < n; q++) {
                double th = gen.angle(p, g, j, q, in, 0);
                sb.append("ry(").append(fmt(th)).append(") q[").append(q).append("];\n");
            }
            int off = base + n * (1 + inputs);
            for (int r = 1; r < n; r++) {
                for (int i = 0; i < pairs.length; i++) {
                    if (pairs[i][1] != r) continue;
                    sb.append("cry(").append(fmt(p[off + i])).append(") q[").append(pairs[i][0]).append("], q[").append(r).append("];\n");
                }
            }
        }
        sb.append(version == 3 ? "c = measure q;\n" : "measure q -> c;\n");
        return sb.toString();
    }

    private static String range(int[] ids, int from, int n, int hidden) {
        StringBuilder sb = new StringBuilder();
        for (int q = 0; q < n; q++) {
            int unit = from + q;
            sb.append(q == 0 ? "" : ", ").append("q").append(q).append("=").append(unit < hidden ? "h" + unit : String.valueOf(ids[unit - hidden]));
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.toString(v);
    }
}
