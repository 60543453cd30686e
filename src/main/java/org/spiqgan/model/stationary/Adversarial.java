package org.spiqgan.model.stationary;

/**
 * The adversarial part of a stationary generator's refinement phase: a WGAN-GP critic trained on real
 * against free-running windows, and the generator pushed up the critic's score with the score-function
 * gradient (the windows are discrete, so the critic's input gradient cannot flow into the circuit). It
 * joins the likelihood and the moment loss (the K-loss and the temporal loss) of {@link FreeRunningMoments}.
 *
 * @param weight   weight of the generator's adversarial term; 0 turns the critic off
 * @param critic   critic architecture in {@link org.spiqgan.nn.CriticSpec}'s text form ({@code mlp:64}, {@code conv:16,32})
 * @param nCritic  critic steps per generator step
 * @param lrCritic the critic's Adam learning rate (betas 0.5, 0.9 as in WGAN-GP)
 * @param lambdaGp gradient-penalty weight
 */
public record Adversarial(double weight, String critic, int nCritic, double lrCritic, double lambdaGp) {
    /** No adversarial term (runs written before it existed). */
    public static final Adversarial NONE = new Adversarial(0, "mlp:64", 5, 1e-3, 10);

    public Adversarial {
        if (!(weight >= 0 && weight < 1e6)) throw new IllegalArgumentException("adversarial weight must be >= 0, not " + weight);
        if (critic == null || critic.isBlank()) throw new IllegalArgumentException("critic is missing");
        if (nCritic < 1) throw new IllegalArgumentException("nCritic must be at least 1, not " + nCritic);
        if (!(lrCritic > 0 && lrCritic < 10)) throw new IllegalArgumentException("lrCritic must be in (0, 10), not " + lrCritic);
        if (!(lambdaGp >= 0 && lambdaGp < 1e6)) throw new IllegalArgumentException("lambdaGp must be >= 0, not " + lambdaGp);
    }

    public boolean on() { return weight > 0; }
}
