package org.spiqgan.model.stationary;

/** {@code cry}: CRY(b_qr) for every pair q < r (a full quantum Bayesian network per layer; SPEC 3c). */
public final class AllPairsCry implements Entangler {
    public static final String NAME = "cry";

    @Override
    public String name() { return NAME; }

    @Override
    public int parameters(int n) { return n * (n - 1) / 2; }

    @Override
    public boolean hasControls(int target) { return target > 0; }

    /** Ordered by target, then control: (0,1), (0,2), (1,2), (0,3), ... */
    @Override
    public int[][] pairs(int n) {
        int[][] p = new int[parameters(n)][];
        int i = 0;
        for (int r = 1; r < n; r++) for (int q = 0; q < r; q++) p[i++] = new int[] {q, r};
        return p;
    }
}
