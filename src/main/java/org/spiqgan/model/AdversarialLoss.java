package org.spiqgan.model;

import org.spiqgan.nn.BatchExecutor;
import org.spiqgan.nn.Critic;
import org.spiqgan.nn.CriticLoss;

/** The generator's adversarial loss term {@code L_adv = -mean_b C(x_b)} (WGAN) and its gradient dL/dx. */
public final class AdversarialLoss {
    private AdversarialLoss() {}

    /** Overwrites {@code dx} with dL_adv/dx for the batch x and returns L_adv. The critic is left untouched. */
    public static double valueAndGradient(Critic critic, double[] x, int batch, double[] dx, BatchExecutor ex) {
        return -CriticLoss.criticInputGradient(critic, x, batch, -1.0 / batch, dx, ex);
    }
}
