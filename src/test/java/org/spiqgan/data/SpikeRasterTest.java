package org.spiqgan.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpikeRasterTest {
    @Test
    void bitsCountsAndRangesAgreeWithANaiveByteRaster() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 5, b = 1000;
        int[][] ref = new int[n][b];
        SpikeRaster.Builder builder = SpikeRaster.builder(n, b);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < b; t++) {
                double u = r.nextDouble();
                int c = u < 0.1 ? 1 : u < 0.12 ? 3 : 0;
                if (i == 0) c = u < 0.2 ? 1 : 0; // neuron 0 is purely binary: no counts stored
                ref[i][t] = c;
                if (c == 3) { builder.add(i, t); builder.add(i, t); builder.add(i, t); }
                else if (c == 1) builder.set(i, t, 1);
            }
        }
        SpikeRaster raster = builder.build();
        assertTrue(raster.hasCounts());
        long multi = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < b; t++) {
                assertEquals(ref[i][t] > 0 ? 1 : 0, raster.get(i, t));
                assertEquals(ref[i][t], raster.count(i, t));
                if (ref[i][t] > 1) multi++;
            }
        }
        assertEquals(multi, raster.multiSpikeBins());
        for (int trial = 0; trial < 300; trial++) {
            int i = r.nextInt(n), from = r.nextInt(b + 1), to = from + r.nextInt(b - from + 1);
            long naive = 0;
            for (int t = from; t < to; t++) if (ref[i][t] > 0) naive++;
            assertEquals(naive, raster.spikeBins(i, from, to), "range " + from + ".." + to);
        }
        SpikeRaster bin = raster.binarized();
        assertFalse(bin.hasCounts());
        assertEquals(raster.spikeBins(2), bin.spikeBins(2));
    }

    @Test
    void equalSegmentsKeepAShorterRemainder() {
        SpikeRaster r = SpikeRaster.builder(2, 10).build().withSegmentLength(4);
        assertEquals(List.of(new Segment(0, 4), new Segment(4, 8), new Segment(8, 10)), r.segments());
        assertThrows(IllegalArgumentException.class, () -> r.withSegments(List.of(new Segment(0, 5), new Segment(4, 8))));
    }

    @Test
    void twoHundredNeuronsByTenMillionBinsFitInTheTestHeap() {
        // Bit-packed: 200 x 10^7 bins take 250 MB (as bytes 2 GB, beyond what -Xmx4g tests could spare).
        SpikeRaster.Builder b = SpikeRaster.builder(200, 10_000_000);
        for (int i = 0; i < 200; i++) b.set(i, 9_999_999 - i, 1).set(i, i * 49_999, 1);
        SpikeRaster r = b.build().withSegmentLength(1000);
        assertEquals(10_000, r.segments().size());
        assertEquals(2, r.spikeBins(7));
        assertEquals(1, r.get(199, 9_999_800));
        assertEquals(400 / (200.0 * 10_000_000), r.meanFiringProbability(), 1e-15);
    }
}
