package org.spiqgan.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.spiqgan.testutil.SharedData;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;

/** The benchmark recording (SPEC.md section 2), checked against a direct reading of the MAT matrix. */
public class RetinaDataTest {
    /** sha256 of the (1829, 10, 30) uint8 test windows as computed once with numpy/scipy (see docs/data.md). */
    public static final String NUMPY_TEST_WINDOWS_SHA256 = "4a66f63ed0ae0c79ede3edaab41088c045cde2398ce64dc5920a3d13386e6278";

    @Test
    void readsShapeMeanSegmentsAndSplit() {
        Path f = SharedData.retina50("original.mat");
        SpikeRaster r = RasterReaders.read(f, ReadOptions.defaults().withSegmentLength(953));
        assertEquals(50, r.neurons());
        assertEquals(283041, r.bins());
        assertEquals(0.038445, r.meanFiringProbability(), 1e-6);
        assertEquals(297, r.segments().size());
        Splits s = Splits.of(r);
        assertEquals(238, s.train().segments().size());
        assertEquals(59, s.test().segments().size());
        assertEquals(new Segment(238 * 953, 239 * 953), s.test().segments().get(0));
        assertEquals(24, s.validation().segments().size());
        assertEquals(214, s.fit().segments().size());
        assertFalse(r.hasCounts());
    }

    @Test
    void testWindowsMatchAnIndependentComputation() throws Exception {
        Path f = SharedData.retina50("original.mat");
        // Independent: straight from the MAT matrix (rows = bins), with plain loops.
        int[][] m;
        try (MatFile mat = Mat5.readFromFile(f.toFile())) {
            Matrix x = mat.getMatrix("data");
            m = new int[x.getNumRows()][x.getNumCols()];
            for (int t = 0; t < m.length; t++) for (int i = 0; i < 50; i++) m[t][i] = x.getInt(t, i);
        }
        long[] trainCount = new long[50];
        for (int t = 0; t < 238 * 953; t++) for (int i = 0; i < 50; i++) trainCount[i] += m[t][i];
        boolean[] chosen = new boolean[50];
        for (int k = 0; k < 10; k++) {
            int best = -1;
            for (int i = 0; i < 50; i++) if (!chosen[i] && (best < 0 || trainCount[i] > trainCount[best])) best = i;
            chosen[best] = true;
        }
        int[] neurons = new int[10];
        for (int i = 0, k = 0; i < 50; i++) if (chosen[i]) neurons[k++] = i;
        byte[] expected = new byte[1829 * 10 * 30];
        int s = 0;
        for (int seg = 238; seg < 297; seg++) {
            for (int w = 0; w < 953 / 30; w++, s++) {
                for (int j = 0; j < 10; j++) {
                    for (int t = 0; t < 30; t++) expected[(s * 10 + j) * 30 + t] = (byte) m[seg * 953 + w * 30 + t][neurons[j]];
                }
            }
        }
        assertEquals(1829, s);

        SpikeRaster r = RasterReaders.read(f, ReadOptions.defaults().withSegmentLength(953));
        Splits splits = Splits.of(r);
        int[] selected = NeuronSelection.parse("top:10").select(r, splits.train());
        assertArrayEquals(neurons, selected);
        assertArrayEquals(new int[] {5, 10, 19, 25, 28, 30, 31, 38, 42, 46}, selected);
        SampleSet test = Windows.cut(r, selected, 30, 30, splits.test());
        assertEquals("(1829, 10, 30)", test.shape());
        assertArrayEquals(expected, test.values());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(test.values()));
        assertEquals(NUMPY_TEST_WINDOWS_SHA256, sha);
    }
}
