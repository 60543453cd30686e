package org.spiqgan.model.stationary;

import org.spiqgan.data.SampleSet;

/**
 * The moment-matching loss on free-running samples, with its score-function gradient. Teacher-forced
 * likelihood never sees the model's own samples, so a free-running chain drifts (rates, P(k)); this loss
 * compares the statistics of generated windows with the data's and pushes them back:
 * L = sum over families f of lambda_f mean_e (m_e - d_e)^2 / v_f, where m_e is the mean over generated
 * windows of a per-window statistic phi_e, d_e the same over the training windows and v_f the mean
 * per-window variance of the family's statistics in the data (so every family is measured in its own
 * noise unit). Families: firing probabilities, P(k) (the K-loss), pairwise coincidences, pooled
 * autocorrelation numerators at lags 1..L (the temporal loss) and lag-1 cross-coincidences.
 *
 * <p>Generated windows are discrete, so the gradient is the score-function identity
 * dm_e/dtheta = E[(phi_e - m_e) d log p(x) / dtheta], with log p(x) the sum over all generated bins
 * (burn-in included) of log P(x_t | history, z): each window's weight {@link #weights} multiplies its
 * log-probability gradient.
 */
public final class FreeRunningMoments {
    public enum Family { RATE, K, PAIR, ACG, LAG }

    private final int n, t, lags;
    private final int[] start = new int[Family.values().length + 1];
    private final double[] target;
    private final double[] scale = new double[Family.values().length];
    private final double[] lambda;

    /**
     * @param data   training windows (S, N, T)
     * @param lambda weight of each family, in {@link Family} order
     */
    public FreeRunningMoments(SampleSet data, double[] lambda) {
        this.n = data.neurons();
        this.t = data.timesteps();
        this.lags = org.spiqgan.stats.StatisticsAccumulator.acgLags(t);
        this.lambda = lambda.clone();
        int[] sizes = {n, n + 1, n * (n - 1) / 2, lags, t > 1 ? n * n : 0};
        for (int f = 0; f < sizes.length; f++) start[f + 1] = start[f] + sizes[f];
        double[] phi = new double[start[sizes.length]];
        double[] sum = new double[phi.length], sq = new double[phi.length];
        for (int s = 0; s < data.samples(); s++) {
            phi(data, s, phi);
            for (int e = 0; e < phi.length; e++) {
                sum[e] += phi[e];
                sq[e] += phi[e] * phi[e];
            }
        }
        int count = Math.max(1, data.samples());
        target = new double[phi.length];
        for (int e = 0; e < phi.length; e++) target[e] = sum[e] / count;
        for (int f = 0; f < scale.length; f++) {
            double v = 0;
            for (int e = start[f]; e < start[f + 1]; e++) v += Math.max(sq[e] / count - target[e] * target[e], 0);
            int size = start[f + 1] - start[f];
            scale[f] = size == 0 ? 1 : Math.max(v / size, 1e-12);
        }
    }

    public int size() { return target.length; }

    /** The per-window statistics of window s. */
    void phi(SampleSet w, int s, double[] out) {
        java.util.Arrays.fill(out, 0);
        byte[] v = w.values();
        int base = s * n * t;
        double invT = 1.0 / t;
        for (int b = 0; b < t; b++) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (v[base + i * t + b] == 0) continue;
                k++;
                out[start[0] + i] += invT;
            }
            out[start[1] + k] += invT;
            int pair = start[2];
            for (int j = 1; j < n; j++) {
                boolean xj = v[base + j * t + b] != 0;
                for (int i = 0; i < j; i++, pair++) if (xj && v[base + i * t + b] != 0) out[pair] += invT;
            }
        }
        for (int tau = 1; tau <= lags; tau++) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                int o = base + i * t;
                for (int b = 0; b + tau < t; b++) c += v[o + b] * v[o + b + tau];
            }
            out[start[3] + tau - 1] = c / (n * (double) (t - tau));
        }
        if (t > 1) {
            double inv = 1.0 / (t - 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double c = 0;
                    for (int b = 0; b + 1 < t; b++) c += v[base + i * t + b] * v[base + j * t + b + 1];
                    out[start[4] + i * n + j] = c * inv;
                }
            }
        }
    }

    /**
     * The loss of generated windows and per-bin gradient weights with reward-to-go credit assignment:
     * every statistic is a sum over bins of per-bin terms, and the log-probability of bin tau can only
     * change the terms of bins at or after tau, so lane (s, tau) is weighted by the loss's linear term in
     * the contributions of bins >= tau, minus its mean over windows (the baseline). Unbiased like
     * {@link #weights}, with far less variance over long windows.
     *
     * @param gen     the last T bins of each generated sequence
     * @param leading bins generated before those T (burn-in), whose weight is the whole window's
     * @param u       out: S x (leading + T) lane weights, sequence-major
     */
    public double rewardToGoWeights(SampleSet gen, int leading, double[] u) {
        int count = gen.samples(), bins = leading + t;
        double[][] phi = new double[count][size()];
        double[] mean = new double[size()], coef = new double[size()];
        double loss = lossAndCoefficients(gen, phi, mean, coef);
        byte[] v = gen.values();
        double[] togo = new double[bins];
        java.util.Arrays.fill(u, 0, count * bins, 0.0);
        double[] baseline = new double[bins];
        for (int s = 0; s < count; s++) {
            double acc = 0;
            for (int b = t - 1; b >= 0; b--) {
                acc += binTerm(v, s * n * t, b, coef);
                togo[leading + b] = acc;
            }
            for (int b = 0; b < leading; b++) togo[b] = acc;
            for (int b = 0; b < bins; b++) {
                u[s * bins + b] = togo[b];
                baseline[b] += togo[b] / count;
            }
        }
        for (int s = 0; s < count; s++) for (int b = 0; b < bins; b++) u[s * bins + b] = (u[s * bins + b] - baseline[b]) / count;
        return loss;
    }

    /**
     * The loss of generated windows; fills every window's statistics, their mean and coef_e = dL/dm_e (the
     * factor of each statistic's mean in the gradient).
     */
    private double lossAndCoefficients(SampleSet gen, double[][] phi, double[] mean, double[] coef) {
        int count = gen.samples();
        for (int s = 0; s < count; s++) {
            phi(gen, s, phi[s]);
            for (int e = 0; e < mean.length; e++) mean[e] += phi[s][e] / count;
        }
        double loss = 0;
        for (int f = 0; f < scale.length; f++) {
            int size = start[f + 1] - start[f];
            if (size == 0 || lambda[f] == 0) continue;
            double l = 0;
            for (int e = start[f]; e < start[f + 1]; e++) {
                double d = mean[e] - target[e];
                l += d * d;
                coef[e] = lambda[f] * 2 * d / (size * scale[f]);
            }
            loss += lambda[f] * l / (size * scale[f]);
        }
        return loss;
    }

    /** sum_e coef_e times bin b's contribution to statistic e (the per-bin terms of {@link #phi}). */
    private double binTerm(byte[] v, int base, int b, double[] coef) {
        double r = 0, invT = 1.0 / t;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (v[base + i * t + b] == 0) continue;
            k++;
            r += coef[start[0] + i] * invT;
        }
        r += coef[start[1] + k] * invT;
        for (int j = 1; j < n; j++) {
            if (v[base + j * t + b] == 0) continue;
            int pair = start[2] + j * (j - 1) / 2;
            for (int i = 0; i < j; i++) if (v[base + i * t + b] != 0) r += coef[pair + i] * invT;
        }
        for (int tau = 1; tau <= lags && tau <= b; tau++) {
            double c = 0;
            for (int i = 0; i < n; i++) c += v[base + i * t + b - tau] * v[base + i * t + b];
            r += coef[start[3] + tau - 1] * c / (n * (double) (t - tau));
        }
        if (t > 1 && b >= 1) {
            double inv = 1.0 / (t - 1);
            for (int i = 0; i < n; i++) {
                if (v[base + i * t + b - 1] == 0) continue;
                for (int j = 0; j < n; j++) if (v[base + j * t + b] != 0) r += coef[start[4] + i * n + j] * inv;
            }
        }
        return r;
    }

    /**
     * The loss of the generated windows and, in {@code weights[s]}, the factor of window s's
     * log-probability gradient in the score-function estimate of dL/dtheta.
     */
    public double weights(SampleSet gen, double[] weights) {
        int count = gen.samples();
        double[][] phi = new double[count][size()];
        double[] mean = new double[size()], coef = new double[size()];
        double loss = lossAndCoefficients(gen, phi, mean, coef);
        for (int s = 0; s < count; s++) {
            double u = 0;
            for (int e = 0; e < mean.length; e++) u += coef[e] * (phi[s][e] - mean[e]);
            weights[s] = u / count;
        }
        return loss;
    }
}
