package org.spiqgan.baseline;

import com.google.gson.JsonObject;
import org.spiqgan.data.SampleSet;
import org.spiqgan.stats.IndependentBernoulli;
import org.spiqgan.stats.StatisticsAccumulator;

/** Every neuron fires independently in every bin at its firing probability in the training windows. */
public final class IndependentBernoulliBaseline implements Baseline {
    public static final String KIND = "baseline/bernoulli";
    private final double[] rate;
    private final int tt;

    public IndependentBernoulliBaseline(double[] rate, int timesteps) {
        this.rate = rate.clone();
        this.tt = timesteps;
    }

    public static IndependentBernoulliBaseline fit(SampleSet windows) {
        double[] r = new StatisticsAccumulator(windows.neurons(), windows.timesteps()).add(windows).result().firingProbability();
        return new IndependentBernoulliBaseline(r, windows.timesteps());
    }

    public double[] rate() { return rate.clone(); }

    @Override public String kind() { return KIND; }
    @Override public int neurons() { return rate.length; }
    @Override public int timesteps() { return tt; }
    @Override public long parameterCount() { return rate.length; }

    @Override
    public SampleSet generate(int samples, long seed) {
        return IndependentBernoulli.sample(rate, samples, tt, seed);
    }

    @Override
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("firingProbability", Baselines.array(rate));
        return o;
    }

    static IndependentBernoulliBaseline fromJson(JsonObject o, String file, int timesteps) {
        double[] r = Baselines.doubles(o, "firingProbability", file);
        for (double v : r) {
            if (!(v >= 0 && v <= 1)) throw org.spiqgan.BadInputException.of(file, "firingProbability", "values must be in [0, 1], not " + v);
        }
        return new IndependentBernoulliBaseline(r, timesteps);
    }
}
