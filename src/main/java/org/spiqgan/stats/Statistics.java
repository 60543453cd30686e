package org.spiqgan.stats;

/**
 * The nine statistics of SPEC.md section 5 for one set of samples (S, N, T). Arrays are returned as
 * stored (not copied): treat them as read-only.
 */
public final class Statistics {
    private final int neurons;
    private final int timesteps;
    private final long samples;
    private final double[] firingProbability;
    private final double[][] covariance;
    private final double[] kProbability;
    private final double[] autocorrelogram;
    private final double[][] lagCovariance;
    private final double[][] timeCourse;
    private final double[] spikeCountDistribution;
    private final double[] stateDistribution;

    Statistics(int neurons, int timesteps, long samples, double[] firingProbability, double[][] covariance,
               double[] kProbability, double[] autocorrelogram, double[][] lagCovariance,
               double[][] timeCourse, double[] spikeCountDistribution, double[] stateDistribution) {
        this.neurons = neurons;
        this.timesteps = timesteps;
        this.samples = samples;
        this.firingProbability = firingProbability;
        this.covariance = covariance;
        this.kProbability = kProbability;
        this.autocorrelogram = autocorrelogram;
        this.lagCovariance = lagCovariance;
        this.timeCourse = timeCourse;
        this.spikeCountDistribution = spikeCountDistribution;
        this.stateDistribution = stateDistribution;
    }

    public int neurons() { return neurons; }
    public int timesteps() { return timesteps; }
    public long samples() { return samples; }

    /** 1. r_i: mean of X[s,i,t] over s and t. */
    public double[] firingProbability() { return firingProbability; }

    /** 1. r_i in Hz for bins of the given width. */
    public double[] firingRateHz(double binMs) {
        double[] hz = new double[neurons];
        for (int i = 0; i < neurons; i++) hz[i] = firingProbability[i] / (binMs / 1000.0);
        return hz;
    }

    /** 2. The N x N sample covariance of the S*T bins (denominator S*T - 1). */
    public double[][] covariance() { return covariance; }

    /** 2. The off-diagonal covariances, row by row (i, j), i != j: N(N-1) values. */
    public double[] offDiagonalCovariances() {
        double[] out = new double[neurons * (neurons - 1)];
        int k = 0;
        for (int i = 0; i < neurons; i++) {
            for (int j = 0; j < neurons; j++) if (i != j) out[k++] = covariance[i][j];
        }
        return out;
    }

    /** 3. P(k), k = 0..N: fraction of bins with exactly k active neurons. */
    public double[] kProbability() { return kProbability; }

    /** 4. A(tau), tau = 1..L with L = min(10, T-1) (index tau - 1); empty when T = 1. */
    public double[] autocorrelogram() { return autocorrelogram; }

    /** 5. N x N covariance between X[s,:,t] (rows) and X[s,:,t+1] (columns); NaN when T = 1. */
    public double[][] lagCovariance() { return lagCovariance; }

    /** 5. All N^2 lag-1 cross-covariances, row by row. */
    public double[] lagCovarianceFlat() { return flatten(lagCovariance); }

    /** 6. Mean over samples of X[s,i,t]: N x T. */
    public double[][] timeCourse() { return timeCourse; }

    /** 7. Fraction of samples with c spikes in total, c = 0..N*T. */
    public double[] spikeCountDistribution() { return spikeCountDistribution; }

    /** 8. Whether the spiking-state distribution was computed (N <= 20). */
    public boolean hasStates() { return stateDistribution != null; }

    /** 8. Fraction of bins with pattern code sum_i X[i] 2^i, over the 2^N codes; null when N > 20. */
    public double[] stateDistribution() { return stateDistribution; }

    static double[] flatten(double[][] m) {
        int cols = m.length == 0 ? 0 : m[0].length;
        double[] out = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * cols, cols);
        return out;
    }
}
