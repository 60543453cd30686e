package org.spiqgan.model.stationary;

/**
 * How a stationary generator is trained: exact teacher-forced likelihood for {@code likelihoodSteps},
 * then {@code refineSteps} of likelihood plus the free-running moment loss ({@link FreeRunningMoments}).
 *
 * @param likelihoodSteps steps of exact likelihood alone
 * @param refineSteps     steps of likelihood + moment loss after them
 * @param batch           real windows per step
 * @param draws           latent draws per window in the likelihood estimate (log mean_m p(x | z_m))
 * @param lr              Adam learning rate
 * @param lrHalfLife      the learning rate halves every this many steps (0 = constant)
 * @param ema             decay of the parameters' moving average used for validation and generation
 * @param momentSamples   free-running windows per refinement step
 * @param lambda          moment-loss weights: rates, P(k), pair coincidences, autocorrelation, lag-1 cross
 * @param evalEvery       validate every this many steps
 * @param validationSamples generated windows per validation
 * @param checkpointEvery write the checkpoint every this many steps
 * @param initSpread      s.d. of the initial angles and weights around the data-informed start
 * @param seed            seed of everything random
 * @param adversarial     the critic of the refinement phase ({@link Adversarial#NONE}: none)
 */
public record StationaryTraining(int likelihoodSteps, int refineSteps, int batch, int draws, double lr, double lrHalfLife,
        double ema, int momentSamples, double[] lambda, int evalEvery, int validationSamples, int checkpointEvery,
        double initSpread, long seed, Adversarial adversarial) {
    /** Training without a critic. */
    public StationaryTraining(int likelihoodSteps, int refineSteps, int batch, int draws, double lr, double lrHalfLife,
            double ema, int momentSamples, double[] lambda, int evalEvery, int validationSamples, int checkpointEvery,
            double initSpread, long seed) {
        this(likelihoodSteps, refineSteps, batch, draws, lr, lrHalfLife, ema, momentSamples, lambda, evalEvery, validationSamples,
                checkpointEvery, initSpread, seed, Adversarial.NONE);
    }

    public StationaryTraining {
        if (adversarial == null) adversarial = Adversarial.NONE;
        if (adversarial.on() && refineSteps == 0) {
            throw new IllegalArgumentException("refineSteps must be > 0 for the adversarial term, which acts in the refinement phase");
        }
        if (likelihoodSteps < 0) throw new IllegalArgumentException("likelihoodSteps must be >= 0");
        if (refineSteps < 0) throw new IllegalArgumentException("refineSteps must be >= 0");
        if (likelihoodSteps + refineSteps < 1) throw new IllegalArgumentException("likelihoodSteps + refineSteps must be at least 1");
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
        if (draws < 1) throw new IllegalArgumentException("draws must be at least 1");
        if (!(lr > 0 && lr < 10)) throw new IllegalArgumentException("lr must be in (0, 10)");
        if (!(lrHalfLife >= 0)) throw new IllegalArgumentException("lrHalfLife must be >= 0");
        if (!(ema >= 0 && ema < 1)) throw new IllegalArgumentException("ema must be in [0, 1)");
        if (momentSamples < 2) throw new IllegalArgumentException("momentSamples must be at least 2");
        if (lambda == null || lambda.length != FreeRunningMoments.Family.values().length) {
            throw new IllegalArgumentException("lambda must have " + FreeRunningMoments.Family.values().length + " weights");
        }
        for (double l : lambda) if (!(l >= 0 && l < 1e9)) throw new IllegalArgumentException("lambda weights must be >= 0");
        if (evalEvery < 1) throw new IllegalArgumentException("evalEvery must be at least 1");
        if (validationSamples < 1) throw new IllegalArgumentException("validationSamples must be at least 1");
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery must be at least 1");
        if (!(initSpread >= 0)) throw new IllegalArgumentException("initSpread must be >= 0");
    }

    public int steps() { return likelihoodSteps + refineSteps; }

    public StationaryTraining withSteps(int likelihood, int refine) {
        return new StationaryTraining(likelihood, refine, batch, draws, lr, lrHalfLife, ema, momentSamples, lambda, evalEvery,
                validationSamples, checkpointEvery, initSpread, seed, adversarial);
    }
}
