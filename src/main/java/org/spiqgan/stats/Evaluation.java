package org.spiqgan.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.spiqgan.data.SampleSet;

/**
 * A model-versus-data evaluation (SPEC.md section 5): the statistics of the held-out test split, of the
 * training split (whose errors against the test split are the noise floor) and of any number of
 * generated sample sets, each compared with the test split.
 */
public final class Evaluation {

    /** One set of samples in the evaluation. */
    public static final class Side {
        private final String name;
        private final String source;
        private final Statistics statistics;
        private final Comparison errors;
        private final double memorized;
        private final SampleSet preview;

        public Side(String name, String source, Statistics statistics, Comparison errors, double memorized,
                    SampleSet preview) {
            this.name = name;
            this.source = source;
            this.statistics = statistics;
            this.errors = errors;
            this.memorized = memorized;
            this.preview = preview;
        }

        /** A short label for tables and legends. */
        public String name() { return name; }
        /** Where the samples came from (a file, a split). */
        public String source() { return source; }
        public Statistics statistics() { return statistics; }
        /** The errors against the test split; null for the test split itself. */
        public Comparison errors() { return errors; }
        /** The fraction of these samples identical to some training sample; NaN when not measured. */
        public double memorized() { return memorized; }
        /** A few samples for raster plots (may be empty). */
        public SampleSet preview() { return preview; }
    }

    private final int neurons;
    private final int timesteps;
    private final double binMs;
    private final Side test;
    private final Side train;
    private final List<Side> models;
    private final List<String> notes;
    private final int[] neuronIds;

    public Evaluation(double binMs, Side test, Side train, List<Side> models, List<String> notes) {
        this(binMs, test, train, models, notes, null);
    }

    /** @param neuronIds the recording index of each evaluated neuron, or null for 0..N-1 */
    public Evaluation(double binMs, Side test, Side train, List<Side> models, List<String> notes, int[] neuronIds) {
        this.neurons = test.statistics().neurons();
        this.timesteps = test.statistics().timesteps();
        this.binMs = binMs;
        this.test = test;
        this.train = train;
        this.models = Collections.unmodifiableList(new ArrayList<>(models));
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
        if (neuronIds != null && neuronIds.length != neurons) {
            throw new IllegalArgumentException(neuronIds.length + " neuron indices for " + neurons + " neurons");
        }
        this.neuronIds = neuronIds == null ? null : neuronIds.clone();
    }

    public int neurons() { return neurons; }
    /** The recording index of each evaluated neuron (0..N-1 when not known). */
    public int[] neuronIds() {
        if (neuronIds != null) return neuronIds.clone();
        int[] out = new int[neurons];
        for (int i = 0; i < neurons; i++) out[i] = i;
        return out;
    }
    public int timesteps() { return timesteps; }
    /** The bin width in ms (NaN when unknown). */
    public double binMs() { return binMs; }
    /** The held-out real data every model is judged against. */
    public Side test() { return test; }
    /** The training split; its errors against the test split are the noise floor. */
    public Side train() { return train; }
    public List<Side> models() { return models; }
    /** Everything the reader should know: skipped statistics, how windows were taken. */
    public List<String> notes() { return notes; }

    /** The first {@code count} samples of a set (or all when fewer), for raster plots. */
    public static SampleSet head(SampleSet s, int count) {
        int m = Math.min(count, s.samples());
        int per = s.neurons() * s.timesteps();
        return new SampleSet(m, s.neurons(), s.timesteps(), java.util.Arrays.copyOf(s.values(), m * per));
    }
}
