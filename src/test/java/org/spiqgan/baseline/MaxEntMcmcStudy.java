package org.spiqgan.baseline;

import java.nio.file.Path;
import java.util.Locale;
import org.spiqgan.data.NeuronSelection;
import org.spiqgan.data.RasterReaders;
import org.spiqgan.data.ReadOptions;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.data.SpikeRaster;
import org.spiqgan.data.Splits;
import org.spiqgan.data.Windows;

/**
 * The N = 50 k-pairwise runs of RESULTS.md with a convergence tolerance other than the CLI's (not a test; run by
 * hand, one thread): fits the top-N neurons at T = 1 on a split by the MCMC path with the given RMS tolerance in
 * combined standard errors and Gibbs samples per round, prints the fit report, and writes S samples as .npy.
 * Usage: {@code java -cp target/spiqgan-all.jar:target/test-classes org.spiqgan.baseline.MaxEntMcmcStudy
 * FILE.mat N SPLIT TOLERANCE MCMC_SAMPLES S OUT.npy}
 */
public final class MaxEntMcmcStudy {
    private MaxEntMcmcStudy() {}

    public static void main(String[] args) throws Exception {
        SpikeRaster raster = RasterReaders.read(Path.of(args[0]), ReadOptions.defaults().withSegmentLength(953));
        int n = Integer.parseInt(args[1]);
        String split = args[2];
        double tol = Double.parseDouble(args[3]);
        int mcmc = Integer.parseInt(args[4]);
        int s = Integer.parseInt(args[5]);
        Splits splits = Splits.of(raster);
        int[] neurons = NeuronSelection.top(n).select(raster, splits.train());
        MaxEntPatterns data = MaxEntPatterns.of(Windows.cut(raster, neurons, 1, 1, splits.get(split)));
        MaxEntFit.Options o = new MaxEntFit.Options("mcmc", 0, 1e-5, mcmc, 5000, 60, tol, 1, System.out::println);
        MaxEntModel m = MaxEntFit.fit(MaxEntLayout.Model.K_PAIRWISE, data, 1, o);
        var r = m.report();
        System.out.println(String.format(Locale.ROOT, "fit on %s (%d bins): %s after %s rounds, %.1f s wall, %.1f s CPU; moment errors %s",
                split, (long) data.total, r.get("stopped").getAsString(), r.get("iterations").getAsString(), r.get("seconds").getAsDouble(),
                r.get("cpuSeconds").getAsDouble(), r.get("momentErrors")));
        long t0 = System.nanoTime();
        SampleSetIO.writeNpy(Path.of(args[6]), m.generate(s, 1));
        System.out.println(String.format(Locale.ROOT, "wrote %d samples to %s in %.1f s", s, args[6], (System.nanoTime() - t0) / 1e9));
    }
}
