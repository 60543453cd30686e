package org.spiqgan.model;

import org.spiqgan.data.SampleSet;
import org.spiqgan.stats.Statistics;
import org.spiqgan.stats.StatisticsAccumulator;

/**
 * What the trainer reads from a recording: the fit windows (stride 1, gradient steps), the validation
 * windows (stride T, model selection), P_data(k) over the fit bins and A_data over the fit windows, and
 * the data's fingerprint for the model file; the fit windows of stride T ({@code fitWindows}) are the
 * validation score's noise-floor reference.
 */
public record TrainingData(SampleSet fit, SampleSet validation, double[] kData, double[] acgData,
        DataFingerprint fingerprint, SampleSet fitWindows) {

    /**
     * The training data of prepared data: fit windows of stride 1, validation windows of stride T, and the
     * fingerprint of {@code spec}'s recording.
     */
    public static TrainingData of(org.spiqgan.data.PreparedData d, org.spiqgan.data.DataSpec spec) {
        SampleSet fit = d.samples("fit", 1);
        if (fit.samples() == 0) throw org.spiqgan.BadInputException.of(d.source(), "fit split", "holds no window of " + d.timesteps() + " bins");
        SampleSet val = d.samples("validation");
        SampleSet fitBins = org.spiqgan.data.Windows.cut(d.raster(), d.neurons(), 1, 1, d.splits().fit());
        DataFingerprint fp = new DataFingerprint(d.source(), spec.sha256(), d.neurons(), d.neuronIds(), d.raster().binMs(), d.timesteps(),
                spec.segmentLength, spec.trainFraction, spec.validationFraction);
        return of(fit, d.samples("fit", d.timesteps()), fitBins, val, fp);
    }

    /**
     * @param fitBins the fit split as T = 1 windows (every bin once), for P_data(k)
     */
    public static TrainingData of(SampleSet fit, SampleSet fitBins, SampleSet validation, DataFingerprint fp) {
        return of(fit, fit, fitBins, validation, fp);
    }

    /**
     * @param fitWindows the fit split's windows of stride T (the validation floor; the 4-argument form uses {@code fit})
     * @param fitBins the fit split as T = 1 windows (every bin once), for P_data(k)
     */
    public static TrainingData of(SampleSet fit, SampleSet fitWindows, SampleSet fitBins, SampleSet validation, DataFingerprint fp) {
        double[] k = new StatisticsAccumulator(fitBins.neurons(), 1).add(fitBins).result().kProbability();
        double[] acg = new double[0];
        if (fit.timesteps() > 1) {
            Statistics s = new StatisticsAccumulator(fit.neurons(), fit.timesteps()).add(fit).result();
            acg = s.autocorrelogram();
        }
        return new TrainingData(fit, validation, k, acg, fp, fitWindows);
    }
}
