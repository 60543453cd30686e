package org.spiqgan.model;

/**
 * The binary-concrete relaxation of a Bernoulli spike (Maddison et al. 2017, Jang et al. 2017), the one place it
 * is written: with logistic noise {@code L = logit u}, u ~ U(0, 1), the relaxed spike at temperature tau is
 * {@code sigmoid((logit p + L) / tau)}, the hard spike is {@code logit p + L > 0} (a Bernoulli(p) draw), and
 * what the critic sees is chosen by {@link CriticInput}: the relaxed spike (gumbel), the hard spike forward with
 * the relaxed slope backward (straight-through), or p itself (marginals).
 *
 * <p>Two generators use it and they hold different things: the quantum patch generator (Bernoulli sampling) a
 * probability p per neuron with the noise L drawn ahead, the classical generators a logit h with the uniform u.
 * Each has its entry point here ({@link #fromProbability}, {@link #fromLogit}) and each entry point evaluates
 * the formula in the order that generator did before the relaxation was shared ({@code sigmoid(a / tau)} in
 * the overflow-safe form against {@code 1 / (1 + exp(-a * (1 / tau)))}; {@code logit p + L} against
 * {@code h + log u - log(1 - u)} left to right): the two orders round differently, and keeping both keeps every
 * seed's training bit for bit what it was. {@code BinaryConcreteTest} checks that both are the same function.
 */
public final class BinaryConcrete {
    /** Probabilities are clamped into [P_EPS, 1 - P_EPS] for their logit; no gradient outside. */
    public static final double P_EPS = 1e-12;

    private final CriticInput input;
    private final double tau;
    private final double invTau;

    public BinaryConcrete(CriticInput input, double tau) {
        if (!(tau > 0)) throw new IllegalArgumentException("tau must be positive");
        this.input = input;
        this.tau = tau;
        this.invTau = 1 / tau;
    }

    public CriticInput input() { return input; }

    /** Whether the critic's view needs noise (not for marginals). */
    public boolean noisy() { return input != CriticInput.MARGINALS; }

    /** The logistic noise {@code logit u} of a uniform u in (0, 1). */
    public static double logisticNoise(double u) {
        return Math.log(u) - Math.log1p(-u);
    }

    // ---- the patch generator: a probability p, noise L drawn ahead

    /** What the critic sees of a spike with probability p and logistic noise L. */
    public double fromProbability(double p, double noise) {
        if (input == CriticInput.MARGINALS) return p;
        double pc = Math.min(Math.max(p, P_EPS), 1 - P_EPS);
        double a = Math.log(pc) - Math.log1p(-pc) + noise;
        return input == CriticInput.STRAIGHT_THROUGH ? (a > 0 ? 1 : 0) : sigmoid(a / tau);
    }

    /**
     * Adds {@code g dx/dp} to {@code into[at]}, g = dL/dx of {@link #fromProbability}'s value (straight-through:
     * the relaxed slope); nothing where p is clamped.
     */
    public void addProbabilityGradient(double p, double noise, double g, double[] into, int at) {
        if (input == CriticInput.MARGINALS) {
            into[at] += g;
            return;
        }
        if (p < P_EPS || p > 1 - P_EPS) return;
        double a = Math.log(p) - Math.log1p(-p) + noise;
        double v = sigmoid(a / tau);
        into[at] += g * v * (1 - v) / (tau * p * (1 - p));
    }

    private static double sigmoid(double a) {
        return a >= 0 ? 1.0 / (1.0 + Math.exp(-a)) : Math.exp(a) / (1.0 + Math.exp(a));
    }

    // ---- the classical generators: a logit h, the uniform u

    /**
     * What the critic sees of a spike with logit h and uniform u (unused for marginals); {@code slope[at]}
     * receives dx/dh (straight-through: the relaxed slope).
     */
    public double fromLogit(double h, double u, double[] slope, int at) {
        if (input == CriticInput.MARGINALS) {
            double p = 1 / (1 + Math.exp(-h));
            slope[at] = p * (1 - p);
            return p;
        }
        double a = h + Math.log(u) - Math.log1p(-u);
        double soft = 1 / (1 + Math.exp(-a * invTau));
        slope[at] = soft * (1 - soft) * invTau;
        return input == CriticInput.GUMBEL ? soft : a > 0 ? 1 : 0;
    }
}
