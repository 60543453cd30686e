package org.spiqgan.model;

import org.spiqgan.nn.BatchExecutor;

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
        return kDistributionOf(hammingTable(readout, batch, BatchExecutor.serial()), batch);
    }

    /** P_gen(k) from the Hamming distributions of {@link #hammingTable}, summed in item, bin, group order. */
    double[] kDistributionOf(double[][] hamming, int batch) {
        int n = cfg.neurons(), tt = cfg.timesteps(), groups = cfg.groups();
        double[] pGen = new double[n + 1], q = new double[n + 1], tmp = new double[n + 1];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < tt; t++) {
                int len = 1;
                q[0] = 1;
                for (int g = 0; g < groups; g++) {
                    int p = g * tt + t, l = cfg.groupNeurons(g) + 1;
                    PatchMath.convolve(q, len, hamming[p], b * l, l, tmp);
                    len += l - 1;
                    System.arraycopy(tmp, 0, q, 0, len);
                }
                for (int k = 0; k <= n; k++) pGen[k] += q[k];
            }
        }
        for (int k = 0; k <= n; k++) pGen[k] /= (double) batch * tt;
        return pGen;
    }

    /**
     * The Hamming-weight distribution of every (patch p, item b) readout: {@code table[p][b * (m + 1) + w]}, m the
     * neurons of p's group. Computed in chunks of items on ex (each entry by one worker: the same bits on any
     * number of threads); the K-loss reads each twice, and on one thread they were the step's largest serial part.
     */
    double[][] hammingTable(double[][] readout, int batch, BatchExecutor ex) {
        int patches = gen.patches();
        double[][] table = new double[patches][];
        for (int p = 0; p < patches; p++) table[p] = new double[batch * (cfg.groupNeurons(gen.groupOf(p)) + 1)];
        int items = patches * batch;
        ex.run(BatchExecutor.chunks(items), c -> {
            int from = c * BatchExecutor.CHUNK, to = Math.min(items, from + BatchExecutor.CHUNK);
            for (int k = from; k < to; k++) {
                int p = k / batch, b = k % batch, m = cfg.groupNeurons(gen.groupOf(p)), ro = b * gen.readoutSize(p);
                if (born) PatchMath.hammingFromProbs(readout[p], ro, m, table[p], b * (m + 1));
                else PatchMath.poissonBinomial(readout[p], ro, m, table[p], b * (m + 1));
            }
        });
        return table;
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
