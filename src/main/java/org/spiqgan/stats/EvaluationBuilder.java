package org.spiqgan.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.spiqgan.data.SampleSet;

/**
 * Assembles an {@link Evaluation}: statistics of the test split, the training split and each model,
 * errors against the test split and memorization against the training patterns.
 */
public final class EvaluationBuilder {
    /** Samples kept per side for raster plots. */
    public static final int PREVIEW_SAMPLES = 300;
    private static final int CHUNK = 1 << 14;
    private LongConsumer progress = done -> { };

    private final double binMs;
    private final List<String> notes = new ArrayList<>();
    private final List<Pending> models = new ArrayList<>();
    private Pending test;
    private Pending train;
    private MemorizationIndex patterns;
    private int[] neuronIds;

    private static final class Pending {
        final String name;
        final String source;
        final Statistics statistics;
        final SampleSet preview;
        final SampleSet samples;

        Pending(String name, String source, SampleSet samples, LongConsumer progress) {
            this.name = name;
            this.source = source;
            StatisticsAccumulator acc = new StatisticsAccumulator(samples.neurons(), samples.timesteps());
            for (int from = 0; from < samples.samples(); from += CHUNK) {
                int to = Math.min(samples.samples(), from + CHUNK);
                acc.add(samples, from, to);
                progress.accept(to - from);
            }
            this.statistics = acc.result();
            this.preview = Evaluation.head(samples, PREVIEW_SAMPLES);
            this.samples = samples;
        }
    }

    /** @param binMs bin width in ms, or NaN when unknown */
    public EvaluationBuilder(double binMs) {
        this.binMs = binMs;
    }

    /** Told how many more samples have been processed, for a progress bar. Set it before adding sides. */
    public EvaluationBuilder progress(LongConsumer progress) {
        this.progress = progress;
        return this;
    }

    public EvaluationBuilder test(String source, SampleSet samples) {
        test = new Pending("real (test split)", source, requireSamples(samples, source), progress);
        return this;
    }

    public EvaluationBuilder train(String source, SampleSet samples) {
        train = new Pending("real (train split)", source, requireSamples(samples, source), progress);
        return this;
    }

    /**
     * The training samples a model could have memorized (for example every stride-1 training window);
     * without it memorization is measured against the training split's samples.
     */
    public EvaluationBuilder trainingPatterns(SampleSet samples) {
        patterns = new MemorizationIndex(samples.neurons(), samples.timesteps()).add(samples);
        return this;
    }

    public EvaluationBuilder model(String name, String source, SampleSet samples) {
        models.add(new Pending(name, source, requireSamples(samples, source), progress));
        return this;
    }

    /** The recording index of each evaluated neuron, for figure labels. */
    public EvaluationBuilder neuronIds(int[] ids) {
        this.neuronIds = ids.clone();
        return this;
    }

    public EvaluationBuilder note(String note) {
        notes.add(note);
        return this;
    }

    public Evaluation build() {
        if (test == null || train == null) throw new IllegalStateException("test and train splits are required");
        MemorizationIndex index = patterns;
        if (index == null) {
            index = new MemorizationIndex(train.samples.neurons(), train.samples.timesteps()).add(train.samples);
        }
        Statistics ref = test.statistics;
        Evaluation.Side testSide = new Evaluation.Side(test.name, test.source, ref, null,
                index.fractionFound(test.samples), test.preview);
        Evaluation.Side trainSide = new Evaluation.Side(train.name, train.source, train.statistics,
                Comparison.of(train.statistics, ref), Double.NaN, train.preview);
        List<Evaluation.Side> sides = new ArrayList<>();
        for (Pending m : models) {
            sides.add(new Evaluation.Side(m.name, m.source, m.statistics, Comparison.of(m.statistics, ref),
                    index.fractionFound(m.samples), m.preview));
        }
        List<String> all = new ArrayList<>(notes);
        if (!ref.hasStates()) {
            all.add("spiking-state distribution skipped: N = " + ref.neurons() + " > "
                    + StatisticsAccumulator.MAX_STATE_NEURONS + " neurons (2^N states)");
        }
        all.add("memorization compared with " + index.trainingSamples() + " training samples ("
                + index.distinctPatterns() + " distinct patterns)");
        return new Evaluation(binMs, testSide, trainSide, sides, all, neuronIds);
    }

    private static SampleSet requireSamples(SampleSet s, String source) {
        if (s.samples() == 0) throw new IllegalArgumentException(source + ": no samples");
        return s;
    }
}
