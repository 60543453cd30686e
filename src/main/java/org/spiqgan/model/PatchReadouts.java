package org.spiqgan.model;

/**
 * What the patch generator's loss terms read from its readouts (probabilities of each patch's basis states
 * under Born sampling, marginals under Bernoulli sampling): per-group Hamming-weight distributions, P_gen(k),
 * marginals, and the backward maps of the first.
 */
final class PatchReadouts {
    private final PatchGenerator gen;
    private final GeneratorConfig cfg;
    private final boolean born;

    PatchReadouts(PatchGenerator gen) {
        this.gen = gen;
        this.cfg = gen.config();
        this.born = cfg.sampling() == GeneratorConfig.Sampling.BORN;
    }

    PatchGenerator generator() { return gen; }

    boolean born() { return born; }

    int xIndex(int batchItem, int neuron, int t) {
        return (batchItem * cfg.neurons() + neuron) * cfg.timesteps() + t;
    }

    /** P_gen(k): mean over items and timesteps of the groups' Hamming distributions convolved. */
    public double[] kDistribution(double[][] readout, int batch) {
        int n = cfg.neurons(), tt = cfg.timesteps(), groups = cfg.groups();
        double[] pGen = new double[n + 1], q = new double[n + 1], tmp = new double[n + 1];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < tt; t++) {
                int len = 1;
                q[0] = 1;
                for (int g = 0; g < groups; g++) {
                    double[] h = groupHamming(readout, g * tt + t, b);
                    PatchMath.convolve(q, len, h, h.length, tmp);
                    len += h.length - 1;
                    System.arraycopy(tmp, 0, q, 0, len);
                }
                for (int k = 0; k <= n; k++) pGen[k] += q[k];
            }
        }
        for (int k = 0; k <= n; k++) pGen[k] /= (double) batch * tt;
        return pGen;
    }

    double[] groupHamming(double[][] readout, int p, int b) {
        int m = cfg.groupNeurons(gen.groupOf(p)), size = gen.readoutSize(p);
        double[] h = new double[m + 1];
        if (born) PatchMath.hammingFromProbs(readout[p], b * size, m, h);
        else PatchMath.poissonBinomial(readout[p], b * size, m, h);
        return h;
    }

    void addHammingCotangent(double[][] readout, int p, int b, double[] dh, double[][] cot, double[] work) {
        int m = cfg.groupNeurons(gen.groupOf(p)), size = gen.readoutSize(p), ro = b * size;
        if (born) {
            for (int bb = 0; bb < 1 << m; bb++) cot[p][ro + bb] += dh[Integer.bitCount(bb)];
        } else {
            PatchMath.poissonBinomialBackward(readout[p], ro, m, dh, cot[p], ro, work);
        }
    }

    /** Marginals P(spike) of every (item, neuron, timestep), layout (b, i, t). */
    public double[] marginals(double[][] readout, int batch) {
        double[] mg = new double[batch * cfg.neurons() * cfg.timesteps()];
        double[] tmp = new double[cfg.groupSize()];
        for (int p = 0; p < gen.patches(); p++) {
            int g = gen.groupOf(p), t = gen.timeOf(p), m = cfg.groupNeurons(g), start = cfg.groupStart(g);
            int size = gen.readoutSize(p);
            for (int b = 0; b < batch; b++) {
                if (born) PatchMath.marginalsFromProbs(readout[p], b * size, m, tmp);
                else System.arraycopy(readout[p], b * size, tmp, 0, m);
                for (int i = 0; i < m; i++) mg[xIndex(b, start + i, t)] = tmp[i];
            }
        }
        return mg;
    }

}
