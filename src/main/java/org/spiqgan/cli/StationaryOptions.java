package org.spiqgan.cli;

import picocli.CommandLine.Option;

/**
 * Options of {@code train} that only the stationary autoregressive generator (the default model) has.
 * Options both models share (--layers, --batch, --seed, --ema, --z-max, --group-size, --eval-every,
 * --checkpoint-every, --validation-samples, --init-spread) keep their names; where the user gives none,
 * the stationary model uses its own defaults ({@code TrainSpec.STATIONARY_*}). The options fill a
 * {@link org.spiqgan.model.TrainSpec} ({@code TrainCommand.toSpec}); the library does the rest.
 */
public final class StationaryOptions {
    @Option(names = "--history", paramLabel = "H",
            description = "Stationary model: previous bins fed back into every layer's angles. Default: 3, at most the window's "
                    + "T bins, and 1 with --hidden-units.")
    Integer history;

    @Option(names = "--feedback", defaultValue = "mixed", paramLabel = "all|self|mixed",
            description = "Stationary model: which history each angle reads: all (every neuron's previous bins), self "
                    + "(its own neuron's only) or mixed (the previous bin of every neuron, older bins of its own). Default: ${DEFAULT-VALUE}.")
    String feedback;

    @Option(names = "--hidden-units", defaultValue = "0", paramLabel = "K",
            description = "Stationary model: hidden binary units (0, 1 or 2) generated and fed back like neurons but not output, "
                    + "a slow common drive; training sums them out exactly (forward-backward). Needs --history 1. Default: ${DEFAULT-VALUE}.")
    int hiddenUnits;

    @Option(names = "--latent-dim", defaultValue = "4", paramLabel = "D",
            description = "Stationary model: latent dimension (one z per window). Default: ${DEFAULT-VALUE}.")
    int latentDim;

    @Option(names = "--burn-in", defaultValue = "20", paramLabel = "BINS",
            description = "Stationary model: bins generated and dropped before each window. Default: ${DEFAULT-VALUE}.")
    int burnIn;

    @Option(names = "--likelihood-steps", defaultValue = "1500", paramLabel = "STEPS",
            description = "Stationary model: steps of exact teacher-forced likelihood. Default: ${DEFAULT-VALUE}.")
    int likelihoodSteps;

    @Option(names = "--refine-steps", defaultValue = "300", paramLabel = "STEPS",
            description = "Stationary model: steps of likelihood + free-running moment loss after them, starting from the likelihood "
                    + "phase's best validated parameters; the best validated checkpoint of either phase is kept. Default: ${DEFAULT-VALUE}.")
    int refineSteps;

    @Option(names = "--draws", defaultValue = "4", paramLabel = "M",
            description = "Stationary model: latent draws per window in the likelihood. Default: ${DEFAULT-VALUE}.")
    int draws;

    @Option(names = "--lr", defaultValue = "0.005",
            description = "Stationary model: Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--lr-half-life", defaultValue = "0", paramLabel = "STEPS",
            description = "Stationary model: the learning rate halves every STEPS steps; 0 = constant. Default: ${DEFAULT-VALUE}.")
    double lrHalfLife;

    @Option(names = "--moment-samples", defaultValue = "1024", paramLabel = "S",
            description = "Stationary model: free-running windows per refinement step. Default: ${DEFAULT-VALUE}.")
    int momentSamples;

    @Option(names = "--adversarial-weight", defaultValue = "0", paramLabel = "W",
            description = "Stationary model: weight of the adversarial term in the refinement phase: a WGAN-GP critic (--critic, "
                    + "--n-critic, --lr-c, --lambda-gp; stationary critic default mlp:64) trained on real against free-running windows, "
                    + "the generator moved up its score by the score-function gradient; 0 = no critic. Default: ${DEFAULT-VALUE}.")
    double adversarialWeight;

    @Option(names = "--init-from", paramLabel = "RUNDIR",
            description = "Stationary model: start from the best parameters of a trained stationary run with the same architecture "
                    + "(fine-tuning; e.g. --likelihood-steps 0 --refine-steps 300).")
    java.nio.file.Path initFrom;

    @Option(names = "--lambda-moments", defaultValue = "1,1,1,1,1", paramLabel = "R,K,PAIR,ACG,LAG",
            description = "Stationary model: weights of the free-running moment loss on firing rates, P(k) (the K-loss), "
                    + "pair coincidences, autocorrelation (the temporal loss) and lag-1 cross-coincidences. Default: ${DEFAULT-VALUE}.")
    String lambdaMoments;
}
