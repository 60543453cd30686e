package org.spiqgan.nn;

/**
 * The parts of one WGAN-GP critic loss evaluation. {@code loss = meanGen - meanReal + lambdaGp * penalty}
 * where {@code penalty = mean_b (||grad_x C(x_hat_b)||_2 - 1)^2}.
 */
public record WganGpResult(double loss, double meanReal, double meanGen, double penalty, double meanGradNorm) {

    /** The critic's estimate of the Wasserstein distance, {@code meanReal - meanGen}. */
    public double wasserstein() {
        return meanReal - meanGen;
    }
}
