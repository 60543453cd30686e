package org.spiqgan.model;

/**
 * The temporal loss term of the patch generator: {@code lambda_acg sum_tau (A_gen(tau) - A_data(tau))^2} on the
 * marginals, A(tau) the autocorrelogram at lags 1..L, and its exact cotangent on the readouts.
 */
final class TemporalLoss {
    private final PatchReadouts r;
    private final PatchGenerator gen;
    private final GeneratorConfig cfg;
    private final double lambdaAcg;
    private final double[] acgData; // A_data(tau), tau = 1..L

    TemporalLoss(PatchReadouts readouts, double lambdaAcg, double[] acgData) {
        this.r = readouts;
        this.gen = readouts.generator();
        this.cfg = gen.config();
        this.lambdaAcg = lambdaAcg;
        this.acgData = acgData;
    }

    /** The temporal loss value; its cotangent on the readouts is added into cot (when not null). */
    double valueAndCotangent(double[][] readout, int batch, double[][] cot) {
        int n = cfg.neurons(), tt = cfg.timesteps(), lags = GeneratorObjective.acgLags(tt);
        if (lags <= 0) return 0;
        double[] mg = r.marginals(readout, batch); // (b, i, t)
        double[] num = new double[lags + 1], den = new double[lags + 1];
        for (int tau = 1; tau <= lags; tau++) {
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < n; i++) {
                    int o = (b * n + i) * tt;
                    for (int t = 0; t + tau < tt; t++) {
                        num[tau] += mg[o + t] * mg[o + t + tau];
                        den[tau] += mg[o + t];
                    }
                }
            }
        }
        double loss = 0;
        double[] dA = new double[lags + 1];
        for (int tau = 1; tau <= lags; tau++) {
            double a = den[tau] > 0 ? num[tau] / den[tau] : 0;
            double d = a - acgData[tau - 1];
            loss += d * d;
            dA[tau] = den[tau] > 0 ? 2 * lambdaAcg * d : 0;
        }
        if (cot == null) return lambdaAcg * loss;
        double[] dm = new double[mg.length];
        for (int tau = 1; tau <= lags; tau++) {
            if (dA[tau] == 0) continue;
            double invDen = 1 / den[tau], ratio = num[tau] / (den[tau] * den[tau]);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < n; i++) {
                    int o = (b * n + i) * tt;
                    for (int s = 0; s < tt; s++) {
                        double v = 0;
                        if (s + tau < tt) v += mg[o + s + tau] * invDen - ratio;
                        if (s - tau >= 0) v += mg[o + s - tau] * invDen;
                        dm[o + s] += dA[tau] * v;
                    }
                }
            }
        }
        for (int p = 0; p < gen.patches(); p++) {
            int g = gen.groupOf(p), t = gen.timeOf(p), m = cfg.groupNeurons(g), start = cfg.groupStart(g);
            int size = gen.readoutSize(p);
            for (int b = 0; b < batch; b++) {
                int ro = b * size;
                if (r.born()) {
                    for (int bb = 0; bb < 1 << m; bb++) {
                        double s = 0;
                        for (int i = 0; i < m; i++) if ((bb >> i & 1) != 0) s += dm[r.xIndex(b, start + i, t)];
                        cot[p][ro + bb] += s;
                    }
                } else {
                    for (int i = 0; i < m; i++) cot[p][ro + i] += dm[r.xIndex(b, start + i, t)];
                }
            }
        }
        return lambdaAcg * loss;
    }

}
