package org.spiqgan.model.stationary;

/**
 * {@code cry-chain}: CRY(b) from each qubit to the next only (a Markov chain over the neuron order per
 * layer); n - 1 angles per layer instead of n(n-1)/2, for larger groups.
 */
public final class ChainCry implements Entangler {
    public static final String NAME = "cry-chain";

    @Override
    public String name() { return NAME; }

    @Override
    public int parameters(int n) { return Math.max(0, n - 1); }

    @Override
    public boolean hasControls(int target) { return target > 0; }

    @Override
    public int[][] pairs(int n) {
        int[][] p = new int[parameters(n)][];
        for (int r = 1; r < n; r++) p[r - 1] = new int[] {r - 1, r};
        return p;
    }
}
