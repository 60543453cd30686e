package org.spiqgan.stats;

/**
 * The validation score of every trained model (lower is better; docs/architecture.md "The validation score"):
 * the geometric mean, over the error statistics of {@link Comparison.Error} that apply, of the error of
 * generated windows against the validation windows divided by the same error of the fit windows (stride T)
 * against the validation windows, the validation noise floor. 1 = as close to the validation data as
 * held-out real data is. Every statistic counts equally in units of its own sampling noise, and the
 * geometric mean keeps one badly missed statistic from hiding progress on the others.
 */
public final class ValidationScore {
    /** Ratios below this enter the mean as this (a statistic matched exactly would otherwise be log 0). */
    static final double MIN_RATIO = 1e-12;

    private final Statistics validation;
    private final Comparison floor;

    /**
     * @param fitWindows the fit split's windows of T bins, stride T (the floor's reference)
     * @param validation the validation split's windows of T bins
     */
    public ValidationScore(Statistics fitWindows, Statistics validation) {
        this.validation = validation;
        this.floor = Comparison.of(fitWindows, validation);
    }

    /** The validation statistics the score compares with. */
    public Statistics validation() { return validation; }

    /** The errors of a generated sample against the validation windows. */
    public Comparison compare(Statistics generated) {
        return Comparison.of(generated, validation);
    }

    /** The score of errors {@code c}; {@code ratios} (when not null, one per {@link Comparison.Error}) receives error / floor. */
    public double score(Comparison c, double[] ratios) {
        double logSum = 0;
        int used = 0;
        for (Comparison.Error e : Comparison.Error.values()) {
            double r = c.get(e) / floor.get(e);
            if (ratios != null) ratios[e.ordinal()] = r;
            if (Double.isFinite(r) && floor.get(e) > 0) {
                logSum += Math.log(Math.max(r, MIN_RATIO));
                used++;
            }
        }
        return used == 0 ? Double.NaN : Math.exp(logSum / used);
    }
}
