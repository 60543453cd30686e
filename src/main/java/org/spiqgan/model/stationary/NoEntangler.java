package org.spiqgan.model.stationary;

/**
 * {@code none}: no entangler; every layer is a product of RY rotations, so neurons are independent given
 * the latent and the history. The ablation that says what entanglement adds.
 */
public final class NoEntangler implements Entangler {
    public static final String NAME = "none";

    @Override
    public String name() { return NAME; }

    @Override
    public int parameters(int n) { return 0; }

    @Override
    public boolean hasControls(int target) { return false; }

    @Override
    public int[][] pairs(int n) { return new int[0][]; }
}
