package org.spiqgan.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spiqgan.BadInputException;

/**
 * Bins spike times (seconds) into a raster: bin b covers [start + b w, start + (b+1) w) for bin width
 * w; a bin counts its spikes (the binary raster marks bins with at least one). Spikes outside
 * [start, stop) are left out. Without {@code stop} the raster ends with the bin of the last spike or the
 * end of the last trial. Trials [t_start, t_stop) become segments [floor, ceil) of their bins, clipped
 * to the raster (a trial without stop time, NaN, runs to the next trial's start, the last to the end).
 */
public final class SpikeTrains {
    private static final double EPS = 1e-9; // times on a bin edge (0.02 * k in floating point) go to the later bin

    private SpikeTrains() {}

    /**
     * @param unit      neuron index (0..ids.length-1) of each spike
     * @param times     spike times in seconds, finite and non-negative (checked by the readers)
     * @param ids       neuron ids
     * @param trials    [start, stop] seconds per trial, or empty
     * @param startSec  time of the first bin's start (null = 0)
     * @param stopSec   end of the last bin (null = from the data)
     */
    public static SpikeRaster bin(Path file, String field, int[] unit, double[] times, int[] ids, double binMs,
            List<double[]> trials, Double startSec, Double stopSec) {
        double w = binMs / 1000.0;
        double t0 = startSec != null ? startSec : 0.0;
        long bins;
        if (stopSec != null) {
            if (!(stopSec > t0)) throw BadInputException.of(file, "stop", "must be after the start (" + t0 + " s), not " + stopSec);
            bins = (long) Math.ceil((stopSec - t0) / w - EPS);
        } else {
            double end = t0;
            for (double t : times) if (t >= t0) end = Math.max(end, t);
            bins = (long) Math.floor((end - t0) / w + EPS) + 1;
            for (double[] tr : trials) if (!Double.isNaN(tr[1])) bins = Math.max(bins, (long) Math.ceil((tr[1] - t0) / w - EPS));
        }
        if (bins > Integer.MAX_VALUE - 64) {
            throw BadInputException.of(file, field, "too many bins: " + bins + "; use a larger field binMs, or a shorter time window (field start, field stop)");
        }
        if (bins <= 0) throw BadInputException.of(file, field, "no time between field start and field stop");
        SpikeRaster.Builder b = SpikeRaster.builder(ids.length, (int) bins).binMs(binMs).neuronIds(ids).countsKnown(true);
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            if (t < t0) continue;
            long bin = (long) Math.floor((t - t0) / w + EPS);
            if (bin >= bins) {
                if (stopSec != null) continue;
                bin = bins - 1;
            }
            b.add(unit[k], (int) bin);
        }
        SpikeRaster r = b.build();
        if (trials.isEmpty()) return r;
        List<Segment> segs = new ArrayList<>();
        int prevEnd = 0;
        for (int k = 0; k < trials.size(); k++) {
            double s = trials.get(k)[0];
            double e = trials.get(k)[1];
            if (Double.isNaN(e)) e = k + 1 < trials.size() ? trials.get(k + 1)[0] : Double.POSITIVE_INFINITY;
            long sb = Math.max(0, (long) Math.floor((s - t0) / w + EPS));
            long eb = Math.min(bins, e == Double.POSITIVE_INFINITY ? bins : (long) Math.ceil((e - t0) / w - EPS));
            if (eb <= sb) continue; // outside [start, stop)
            if (sb < prevEnd) {
                throw BadInputException.of(file, field, "trial " + k + " [" + s + ", " + e + ") s starts before the previous trial ends");
            }
            segs.add(new Segment((int) sb, (int) eb));
            prevEnd = (int) eb;
        }
        return r.withSegments(segs);
    }
}
