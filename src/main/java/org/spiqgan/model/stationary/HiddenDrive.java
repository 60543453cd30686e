package org.spiqgan.model.stationary;

import org.spiqgan.nn.BatchExecutor;

/**
 * Exact likelihood of observed windows under a stationary generator with hidden units (SPEC 3d extended):
 * the hidden units h_t are generated and fed back like neurons, so the model is a hidden Markov chain over
 * (h_t, x_t) whose transition P(h_t, x_t | h_{t-1}, x_{t-1}, z) is one circuit evaluation. The hidden path
 * is summed out by the forward algorithm over the S = 2^hidden states, and the gradient follows from the
 * forward-backward posteriors: d log p(x | z) = sum_t sum_{a,b} xi_t(a, b) d log P_t(b, x_t | a, x_{t-1}, z).
 *
 * <p>Lanes: for every window s, bin t and previous hidden state a one circuit evaluation (history bin
 * (a, x_{t-1})), read out for every next state b from the same final state. The hidden state before the
 * first predicted bin is uniform over the S states. Latent draws are combined as in the plain likelihood:
 * log mean_k p(x | z_k).
 */
final class HiddenDrive {
    private HiddenDrive() {}

    /**
     * Mean NLL per predicted bin of {@code batch} (observed windows, history 1) under latent draws z
     * (count x draws x d); adds its gradient to {@code grad}.
     */
    static double nllAndGradient(SequenceEngine engine, double[] p, Sequences batch, double[] z, int draws, BatchExecutor ex,
            double[] grad) {
        StationaryConfig cfg = engine.generator().config();
        int hid = cfg.hidden(), states = 1 << hid, units = cfg.units(), n = cfg.neurons(), d = cfg.latent();
        int b = batch.count(), len = batch.length();
        if (batch.history() != 1 || batch.neurons() != n) throw new IllegalArgumentException("hidden units need windows with 1 bin of history");
        // one two-bin sequence per (window, bin, previous hidden state): (a, x_{t-1}) then (0, x_t)
        int count = b * len * states;
        byte[] bits = new byte[count * 2 * units];
        double[] zz = new double[count * draws * d];
        for (int s = 0; s < b; s++) {
            for (int t = 0; t < len; t++) {
                for (int a = 0; a < states; a++) {
                    int q = (s * len + t) * states + a;
                    int o = q * 2 * units;
                    for (int h = 0; h < hid; h++) bits[o + h] = (byte) ((a >>> h) & 1);
                    System.arraycopy(batch.bits(), batch.offset(s, t), bits, o + hid, n);
                    System.arraycopy(batch.bits(), batch.offset(s, t + 1), bits, o + units + hid, n);
                    System.arraycopy(z, s * draws * d, zz, q * draws * d, draws * d);
                }
            }
        }
        Sequences lanes = new Sequences(bits, count, units, 1, 1);
        SequenceEngine.Forward fw = engine.forward(p, lanes, zz, draws, states, ex);
        double[] lp = fw.logp;
        double[] u = new double[lp.length];
        double nll = 0;
        double[] logLik = new double[draws];
        double[][] xi = new double[draws][len * states * states];
        double[] alpha = new double[(len + 1) * states], beta = new double[len * states], scale = new double[len];
        double[] tr = new double[states * states];
        for (int s = 0; s < b; s++) {
            for (int k = 0; k < draws; k++) {
                // forward pass, scaled: alpha_t(b) = sum_a alpha_{t-1}(a) P_t(a -> b) / c_t
                for (int a = 0; a < states; a++) alpha[a] = 1.0 / states;
                double ll = 0;
                for (int t = 0; t < len; t++) {
                    transition(lp, s, t, k, len, draws, states, tr);
                    double c = 0;
                    for (int bb = 0; bb < states; bb++) {
                        double v = 0;
                        for (int a = 0; a < states; a++) v += alpha[t * states + a] * tr[a * states + bb];
                        alpha[(t + 1) * states + bb] = v;
                        c += v;
                    }
                    for (int bb = 0; bb < states; bb++) alpha[(t + 1) * states + bb] /= c;
                    scale[t] = c;
                    ll += Math.log(c);
                }
                logLik[k] = ll;
                // backward pass and pair posteriors xi_t(a, b) = alpha_{t-1}(a) P_t(a -> b) beta_t(b) / c_t
                for (int bb = 0; bb < states; bb++) beta[(len - 1) * states + bb] = 1;
                for (int t = len - 1; t >= 0; t--) {
                    transition(lp, s, t, k, len, draws, states, tr);
                    for (int a = 0; a < states; a++) {
                        for (int bb = 0; bb < states; bb++) {
                            xi[k][(t * states + a) * states + bb] = alpha[t * states + a] * tr[a * states + bb] * beta[t * states + bb] / scale[t];
                        }
                    }
                    if (t > 0) {
                        for (int a = 0; a < states; a++) {
                            double v = 0;
                            for (int bb = 0; bb < states; bb++) v += tr[a * states + bb] * beta[t * states + bb];
                            beta[(t - 1) * states + a] = v / scale[t];
                        }
                    }
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < draws; k++) max = Math.max(max, logLik[k]);
            double z0 = 0;
            for (int k = 0; k < draws; k++) z0 += Math.exp(logLik[k] - max);
            nll -= (max + Math.log(z0 / draws)) / (b * (double) len);
            for (int k = 0; k < draws; k++) {
                double wk = Math.exp(logLik[k] - max) / z0;
                for (int t = 0; t < len; t++) {
                    for (int a = 0; a < states; a++) {
                        int lane = ((s * len + t) * states + a) * draws + k;
                        for (int bb = 0; bb < states; bb++) {
                            u[lane * states + bb] = -wk * xi[k][(t * states + a) * states + bb] / (b * (double) len);
                        }
                    }
                }
            }
        }
        engine.gradient(fw, u, ex, grad);
        return nll;
    }

    /** P_t(a -> b) of window s, bin t, draw k from the lanes' log-probabilities. */
    private static void transition(double[] lp, int s, int t, int k, int len, int draws, int states, double[] tr) {
        for (int a = 0; a < states; a++) {
            int lane = ((s * len + t) * states + a) * draws + k;
            for (int bb = 0; bb < states; bb++) tr[a * states + bb] = Math.exp(lp[lane * states + bb]);
        }
    }
}
