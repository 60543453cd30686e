package org.spiqgan.model;

/**
 * Small exact maps from a patch's readout to what the losses need, with their backward maps. Probability
 * vectors use the basis code {@code b = sum_i bit_i 2^i}.
 */
final class PatchMath {
    private PatchMath() {}

    /** out[i] = P(neuron i fires) = sum_b P_b bit_i(b), for m neurons. */
    static void marginalsFromProbs(double[] prob, int off, int m, double[] out) {
        java.util.Arrays.fill(out, 0, m, 0.0);
        int dim = 1 << m;
        for (int b = 0; b < dim; b++) {
            double pb = prob[off + b];
            for (int i = 0; i < m; i++) if ((b >> i & 1) != 0) out[i] += pb;
        }
    }

    /** out[oo + w] = P(exactly w of m neurons fire) = sum over b with popcount w of P_b. */
    static void hammingFromProbs(double[] prob, int off, int m, double[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + m + 1, 0.0);
        int dim = 1 << m;
        for (int b = 0; b < dim; b++) out[oo + Integer.bitCount(b)] += prob[off + b];
    }

    /** The Poisson-binomial distribution of m independent spikes with probabilities p[off..off+m), into out[0..m]. */
    static void poissonBinomial(double[] p, int off, int m, double[] out) {
        poissonBinomial(p, off, m, out, 0);
    }

    /** As {@link #poissonBinomial(double[], int, int, double[])}, into out[oo .. oo + m]. */
    static void poissonBinomial(double[] p, int off, int m, double[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + m + 1, 0.0);
        out[oo] = 1.0;
        for (int i = 0; i < m; i++) {
            double pi = p[off + i], qi = 1.0 - pi;
            for (int k = i + 1; k >= 1; k--) out[oo + k] = out[oo + k] * qi + out[oo + k - 1] * pi;
            out[oo] *= qi;
        }
    }

    /**
     * Adds to {@code gp[goff + i]} the derivative of {@code sum_k dh[k] * PB(p)[k]} with respect to p_i:
     * {@code sum_k dh[k] (E_i[k-1] - E_i[k])}, E_i the distribution without neuron i. {@code work} needs m + 1.
     */
    static void poissonBinomialBackward(double[] p, int off, int m, double[] dh, double[] gp, int goff, double[] work) {
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(work, 0, m + 1, 0.0);
            work[0] = 1.0;
            int count = 0;
            for (int j = 0; j < m; j++) {
                if (j == i) continue;
                double pj = p[off + j], qj = 1.0 - pj;
                count++;
                for (int k = count; k >= 1; k--) work[k] = work[k] * qj + work[k - 1] * pj;
                work[0] *= qj;
            }
            double s = 0;
            for (int k = 0; k <= m - 1; k++) s += work[k] * (dh[k + 1] - dh[k]);
            gp[goff + i] += s;
        }
    }

    /** out = a * b (discrete convolution), lengths la, lb; out needs la + lb - 1. */
    static void convolve(double[] a, int la, double[] b, int lb, double[] out) {
        convolve(a, la, b, 0, lb, out);
    }

    /** As {@link #convolve(double[], int, double[], int, double[])} with b read from {@code b[bo ..]}. */
    static void convolve(double[] a, int la, double[] b, int bo, int lb, double[] out) {
        java.util.Arrays.fill(out, 0, la + lb - 1, 0.0);
        for (int i = 0; i < la; i++) {
            double ai = a[i];
            for (int j = 0; j < lb; j++) out[i + j] += ai * b[bo + j];
        }
    }
}
