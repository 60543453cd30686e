package org.spiqgan.data;

import java.util.Arrays;

/**
 * A recording ready for models: the raster, its splits, the selected neurons and the window length.
 * Samples of any split come from {@link #samples(String)} (default stride: 1 for train/fit, T otherwise)
 * or {@link #samples(Split, int)}.
 *
 * @param source   where the raster came from (a path, or "synthetic(seed=...)")
 */
public record PreparedData(String source, SpikeRaster raster, Splits splits, int[] neurons, int timesteps) {
    public PreparedData {
        neurons = neurons.clone();
    }

    @Override
    public int[] neurons() { return neurons.clone(); }

    /** Raster ids of the selected neurons (as the file names them). */
    public int[] neuronIds() {
        return Arrays.stream(neurons).map(raster::neuronId).toArray();
    }

    /** Training uses every window (stride 1), evaluation non-overlapping windows (stride T). */
    public int defaultStride(String split) {
        return split.equalsIgnoreCase("train") || split.equalsIgnoreCase("fit") ? 1 : timesteps;
    }

    public SampleSet samples(String split) { return samples(split, defaultStride(split)); }

    public SampleSet samples(String split, int stride) { return samples(splits.get(split), stride); }

    public SampleSet samples(Split split, int stride) { return Windows.cut(raster, neurons, timesteps, stride, split); }

    /** Firing probability of each selected neuron over a split (bins of its segments). */
    public double[] firingProbabilities(Split split) {
        double[] r = new double[neurons.length];
        long bins = split.bins();
        for (int j = 0; j < neurons.length; j++) r[j] = bins == 0 ? 0 : raster.spikeBins(neurons[j], split.segments()) / (double) bins;
        return r;
    }
}
