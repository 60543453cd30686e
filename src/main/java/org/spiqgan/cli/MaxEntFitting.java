package org.spiqgan.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.spiqgan.BadInputException;
import org.spiqgan.baseline.MaxEntFit;
import org.spiqgan.baseline.MaxEntLayout;
import org.spiqgan.baseline.MaxEntModel;
import org.spiqgan.baseline.MaxEntSpatioTemporal;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.Segment;

/** {@code spiqgan baseline fit maxent}: option checks, the fit, and the log-likelihood on the test split. */
final class MaxEntFitting {
    private final MaxEntLayout.Model model;
    private final int lags;
    private final MaxEntFit.Options options;

    private MaxEntFitting(MaxEntLayout.Model model, int lags, MaxEntFit.Options options) {
        this.model = model;
        this.lags = lags;
        this.options = options;
    }

    static MaxEntFitting check(MaxEntLayout.Model m, int lags, double l1, double l2, int mcmcSamples, String how, long seed) {
        if (m == null) throw BadInputException.of(null, "--model", "maxent needs --model independent|pairwise|k-pairwise|spatiotemporal");
        if (lags < 1) throw BadInputException.of(null, "--lags", "must be at least 1, not " + lags);
        if (!(l1 >= 0) || Double.isInfinite(l1)) throw BadInputException.of(null, "--l1", "must be a finite number >= 0, not " + l1);
        if (!(l2 >= 0) || Double.isInfinite(l2)) throw BadInputException.of(null, "--l2", "must be a finite number >= 0, not " + l2);
        if (mcmcSamples < 1000) throw BadInputException.of(null, "--mcmc-samples", "must be at least 1000, not " + mcmcSamples);
        MaxEntFit.Options o = MaxEntFit.Options.defaults().withMethod(how).withRegularization(l1, l2).withMcmcSamples(mcmcSamples).withSeed(seed);
        return new MaxEntFitting(m, lags, o);
    }

    MaxEntModel fit(PreparedData d, String split, SampleSet windows, int stride, boolean stimulusLocked, PrintWriter err) {
        if (stimulusLocked && model != MaxEntLayout.Model.SPATIOTEMPORAL) {
            throw BadInputException.of(null, "--stimulus-locked", "applies to dg and maxent --model spatiotemporal only");
        }
        int n = d.neurons().length;
        MaxEntFit.Options o = options.withProgress(s -> {
            err.println("spiqgan: " + s);
            err.flush();
        });
        MaxEntModel m;
        double testLl;
        String testWhat;
        if (model == MaxEntLayout.Model.SPATIOTEMPORAL) {
            if (n > 20) throw BadInputException.of(null, "--neurons", "the spatio-temporal model needs N <= 20 (exact conditional enumeration), not " + n);
            List<Segment> segs = BaselineCommand.windowSpans(d.splits().get(split).segments(), d.timesteps(), stride);
            try {
                m = MaxEntSpatioTemporal.fit(d.raster(), d.neurons(), segs, lags, d.timesteps(), stimulusLocked, o);
            } catch (IllegalArgumentException e) {
                throw BadInputException.of(d.source(), "segments", e.getMessage());
            }
            List<Segment> test = d.splits().get("test").segments();
            testLl = test.isEmpty() ? Double.NaN : MaxEntSpatioTemporal.logLikelihood(m, d.raster(), d.neurons(), test);
            testWhat = "test split segments (every bin after the first L of each)";
        } else {
            if (n > 63) throw BadInputException.of(null, "--neurons", "maximum-entropy models here need N <= 63, not " + n);
            if (o.method().equals("exact") && n > 20) throw BadInputException.of(null, "--method", "exact needs N <= 20, not " + n);
            m = MaxEntFit.fit(model, org.spiqgan.baseline.MaxEntFit.patterns(windows), d.timesteps(), o);
            SampleSet test = d.splits().get("test").isEmpty() ? null : d.samples("test", d.timesteps());
            testLl = test == null || test.samples() == 0 ? Double.NaN : m.logLikelihoodPerBin(test);
            testWhat = "every bin of the test split's windows (stride T)";
        }
        JsonObject r = m.report();
        r.addProperty("logLikelihoodTestPerBin", testLl);
        r.addProperty("logLikelihoodTestData", testWhat);
        var mom = r.getAsJsonObject("momentErrors");
        err.printf(Locale.ROOT, "spiqgan: maxent %s: %s, %s after %s iterations in %.1f s (%.1f s CPU); moment error RMS %.3g, max %.3g data standard errors (%s)%n",
                model.id, r.get("method").getAsString(), r.has("stopped") ? r.get("stopped").getAsString() : "done",
                r.get("iterations").getAsString(), r.get("seconds").getAsDouble(), r.get("cpuSeconds").getAsDouble(), mom.get("rmsZ").getAsDouble(),
                mom.get("maxAbsZ").getAsDouble(), mom.get("worst").getAsString());
        err.printf(Locale.ROOT, "spiqgan: log-likelihood per bin: train %.6f, test %.6f nats; entropy %.6f bits per bin%n",
                r.get("logLikelihoodTrainPerBin").getAsDouble(), testLl, r.get("entropyBitsPerBin").getAsDouble());
        err.flush();
        return m;
    }
}
