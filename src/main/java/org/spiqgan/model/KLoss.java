package org.spiqgan.model;

import org.spiqgan.nn.BatchExecutor;

/**
 * The K-loss term of the patch generator (SPEC section 4): {@code lambda_k sum_k (P_gen(k) - P_data(k))^2}, with
 * P_gen(k) the mean over items and bins of the groups' Hamming-weight distributions convolved (groups are
 * independent given z), and its exact cotangent on the readouts.
 */
final class KLoss {
    private final PatchReadouts r;
    private final GeneratorConfig cfg;
    private final double lambdaK;
    private final double[] kData; // P_data(k), k = 0..N

    KLoss(PatchReadouts readouts, double lambdaK, double[] kData) {
        this.r = readouts;
        this.cfg = readouts.generator().config();
        this.lambdaK = lambdaK;
        this.kData = kData;
    }

    /**
     * The K-loss value; its cotangent on the readouts is added into cot (when not null). The Hamming distributions
     * and the cotangent run in chunks of items on ex; each cotangent entry is added to by one item only, and P_gen is
     * summed in item order, so the bits do not depend on the thread count.
     */
    double valueAndCotangent(double[][] readout, int batch, double[][] cot, BatchExecutor ex) {
        int n = cfg.neurons(), tt = cfg.timesteps(), groups = cfg.groups();
        double[][] hamming = r.hammingTable(readout, batch, ex);
        double[] pGen = r.kDistributionOf(hamming, batch);
        double loss = 0;
        double[] dq = new double[n + 1];
        double scale = 1.0 / ((double) batch * tt);
        for (int k = 0; k <= n; k++) {
            double d = pGen[k] - kData[k];
            loss += d * d;
            dq[k] = 2 * lambdaK * d * scale;
        }
        if (cot == null) return lambdaK * loss;
        ex.run(BatchExecutor.chunks(batch), c -> {
            double[] others = new double[n + 1], tmp = new double[n + 1], dh = new double[n + 1], work = new double[n + 1];
            int from = c * BatchExecutor.CHUNK, to = Math.min(batch, from + BatchExecutor.CHUNK);
            for (int b = from; b < to; b++) {
                for (int t = 0; t < tt; t++) {
                    for (int g = 0; g < groups; g++) {
                        // O_g = convolution of the other groups; dL/dh_g[w] = sum_k dq[k] O_g[k - w]
                        int len = 1;
                        others[0] = 1;
                        for (int g2 = 0; g2 < groups; g2++) {
                            if (g2 == g) continue;
                            int l2 = cfg.groupNeurons(g2) + 1;
                            PatchMath.convolve(others, len, hamming[g2 * tt + t], b * l2, l2, tmp);
                            len += l2 - 1;
                            System.arraycopy(tmp, 0, others, 0, len);
                        }
                        int m = cfg.groupNeurons(g);
                        for (int w = 0; w <= m; w++) {
                            double s = 0;
                            for (int j = 0; j < len; j++) s += dq[w + j] * others[j];
                            dh[w] = s;
                        }
                        r.addHammingCotangent(readout, g * tt + t, b, dh, cot, work);
                    }
                }
            }
        });
        return lambdaK * loss;
    }
}
