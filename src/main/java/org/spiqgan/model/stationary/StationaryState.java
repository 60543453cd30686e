package org.spiqgan.model.stationary;

import java.util.ArrayList;
import java.util.List;
import org.spiqgan.nn.Adam;

/** Everything a stationary training run needs to continue exactly: parameters, optimizer, averages, best checkpoint. */
public final class StationaryState {
    public long step;
    public double seconds;
    public double[] params;
    public double[] ema;
    public double[] best;
    public double bestScore = Double.POSITIVE_INFINITY;
    public long bestStep = -1;
    public Adam.State adam;
    /** The refinement phase's critic and its optimizer (null until that phase starts, or without a critic). */
    public double[] critic;
    public Adam.State criticAdam;
    public List<Metric> metrics = new ArrayList<>();

    /** One line of the training record: step, phase, losses, and the validation numbers when validated. */
    public static final class Metric {
        public long step;
        public String phase;
        public double nll;
        public double momentLoss;
        /** The critic's Wasserstein estimate mean C(real) - mean C(generated) (refinement with a critic only). */
        public Double wasserstein;
        public Double score;
        /** Validation errors as multiples of the validation noise floor (null where a statistic does not apply, e.g. lags at T = 1). */
        public Double[] ratios;

        public Metric() {}

        Metric(long step, String phase, double nll, double momentLoss) {
            this.step = step;
            this.phase = phase;
            this.nll = nll;
            this.momentLoss = momentLoss;
        }
    }
}
