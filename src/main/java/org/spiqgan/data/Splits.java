package org.spiqgan.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deterministic train / validation / test division of a recording (SPEC.md section 2).
 *
 * <p>With segments: the first round(trainFraction x K) segments train, the rest test. Validation is
 * carved from the end of the training split: its last round(validationFraction x K_train) segments (at
 * least one when the fraction is positive and there are two or more training segments). {@code fit} is
 * the training split without the validation segments: what gradient steps may use.
 *
 * <p>Without segments, the same fractions apply to contiguous blocks of bins: train = bins
 * [0, round(f x B)), test = the rest, validation = the last part of the training block.
 */
public final class Splits {
    public static final double DEFAULT_TRAIN_FRACTION = 0.8;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    /** The split names accepted by {@link #get(String)}. */
    public static final List<String> NAMES = List.of("train", "fit", "validation", "test", "all");

    private final Split train;
    private final Split fit;
    private final Split validation;
    private final Split test;
    private final Split all;

    private Splits(List<Segment> all, List<Segment> train, List<Segment> fit, List<Segment> validation, List<Segment> test) {
        this.all = new Split("all", all);
        this.train = new Split("train", train);
        this.fit = new Split("fit", fit);
        this.validation = new Split("validation", validation);
        this.test = new Split("test", test);
    }

    public static Splits of(SpikeRaster raster) {
        return of(raster, DEFAULT_TRAIN_FRACTION, DEFAULT_VALIDATION_FRACTION);
    }

    public static Splits of(SpikeRaster raster, double trainFraction, double validationFraction) {
        checkFraction("train fraction", trainFraction);
        checkFraction("validation fraction", validationFraction);
        if (raster.hasSegments()) {
            List<Segment> segs = raster.segments();
            int k = segs.size();
            int nTrain = (int) Math.round(trainFraction * k);
            int nVal = validationCount(nTrain, validationFraction);
            List<Segment> train = segs.subList(0, nTrain);
            return new Splits(segs, train, train.subList(0, nTrain - nVal), train.subList(nTrain - nVal, nTrain), segs.subList(nTrain, k));
        }
        int b = raster.bins();
        int trainEnd = (int) Math.round(trainFraction * b);
        int valLen = (int) Math.round(validationFraction * trainEnd);
        if (validationFraction > 0 && valLen == 0 && trainEnd >= 2) valLen = 1;
        valLen = Math.min(valLen, Math.max(0, trainEnd - 1));
        int fitEnd = trainEnd - valLen;
        return new Splits(List.of(new Segment(0, b)), block(0, trainEnd), block(0, fitEnd), block(fitEnd, trainEnd), block(trainEnd, b));
    }

    private static int validationCount(int nTrain, double validationFraction) {
        int nVal = (int) Math.round(validationFraction * nTrain);
        if (validationFraction > 0 && nVal == 0 && nTrain >= 2) nVal = 1;
        return Math.min(nVal, Math.max(0, nTrain - 1));
    }

    private static List<Segment> block(int from, int to) {
        return from < to ? List.of(new Segment(from, to)) : List.of();
    }

    private static void checkFraction(String what, double f) {
        if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException(what + " must be within [0, 1]: " + f);
    }

    /** The full training split (neuron selection, noise floor); includes the validation segments. */
    public Split train() { return train; }
    /** Training without validation: what gradient steps use. */
    public Split fit() { return fit; }
    public Split validation() { return validation; }
    public Split test() { return test; }
    public Split all() { return all; }

    public Split get(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "train" -> train;
            case "fit" -> fit;
            case "validation", "val" -> validation;
            case "test" -> test;
            case "all" -> all;
            default -> throw new IllegalArgumentException("split must be one of " + String.join(", ", NAMES) + ", not '" + name + "'");
        };
    }

    public List<Split> list() { return new ArrayList<>(List.of(train, fit, validation, test, all)); }
}
