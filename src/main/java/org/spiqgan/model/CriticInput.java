package org.spiqgan.model;

import java.util.Locale;

/** What the critic sees of a generated sample (SPEC section 4, option {@code critic-input}). */
public enum CriticInput {
    /** Relaxed sample at temperature tau: Gumbel-softmax over basis states (born), binary concrete (bernoulli). */
    GUMBEL,
    /** The hard sample forward, the relaxed (Gumbel) gradient backward. */
    STRAIGHT_THROUGH,
    /** The marginals P(spike) themselves (Spike-GAN's choice). */
    MARGINALS;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CriticInput parse(String s) {
        for (CriticInput c : values()) if (c.cliName().equals(s.toLowerCase(Locale.ROOT))) return c;
        throw new IllegalArgumentException("must be gumbel, straight-through or marginals, not '" + s + "'");
    }
}
