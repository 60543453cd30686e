package org.spiqgan.model;

/**
 * The trainer's options (SPEC section 4). A plain value stored in model files.
 *
 * @param loss            "standard" or "k"
 * @param lrDecayHalfLife learning rates halve every this many generator steps (exponential decay); 0 = constant
 * @param scoreWeight     not used since every trainer shares one validation score ({@link org.spiqgan.stats.ValidationScore});
 *                        kept so that model files that hold it read unchanged
 */
public record TrainConfig(String critic, CriticInput criticInput, double tau, String loss, double lambdaK,
        double lambdaAcg, double lambdaGp, int nCritic, double lrG, double lrC, double beta1, double beta2,
        double emaDecay, double lrDecayHalfLife, int batch, long steps, long seed, long evalEvery,
        long checkpointEvery, int validationSamples, double scoreWeight, double initSpread,
        int pretrainSteps, double pretrainLr) {

    public static final double DEFAULT_SCORE_WEIGHT = 10.0;

    public TrainConfig withSteps(long newSteps) {
        return new TrainConfig(critic, criticInput, tau, loss, lambdaK, lambdaAcg, lambdaGp, nCritic, lrG, lrC, beta1,
                beta2, emaDecay, lrDecayHalfLife, batch, newSteps, seed, evalEvery, checkpointEvery, validationSamples,
                scoreWeight, initSpread, pretrainSteps, pretrainLr);
    }

    /** lambda_k in effect: 0 under the standard loss. */
    public double effectiveLambdaK() {
        return "k".equals(loss) ? lambdaK : 0.0;
    }
}
