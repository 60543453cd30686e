package org.spiqgan.data;

import static org.junit.jupiter.api.Assertions.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.BadInputException;

/** Each bad input gives one line naming the file and the field. */
class BadInputTest {
    @TempDir Path dir;

    private BadInputException bad(Path f, ReadOptions o, String... fragments) {
        BadInputException e = assertThrows(BadInputException.class, () -> RasterReaders.read(f, o));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith(f.toString() + ": "), m);
        for (String s : fragments) assertTrue(m.contains(s), "'" + s + "' missing from: " + m);
        return e;
    }

    private BadInputException bad(Path f, String... fragments) { return bad(f, ReadOptions.defaults(), fragments); }

    @Test
    void missingEmptyAndUnknownFiles() throws IOException {
        bad(dir.resolve("nope.mat"), "no such file");
        bad(Files.write(dir.resolve("empty.npy"), new byte[0]), "empty file");
        bad(Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, (byte) 0xff, (byte) 0xfe, 0}), "not a text table");
    }

    @Test
    void truncatedAndCorruptFiles() throws IOException {
        byte[] npy = TestFiles.npy("|u1", false, new long[] {10, 3}, new double[30]);
        bad(Files.write(dir.resolve("t.npy"), java.util.Arrays.copyOf(npy, npy.length - 5)), "array", "truncated", "25 of 30");
        Path mat = dir.resolve("r.mat");
        RasterWriters.write(mat, TestFiles.randomRaster(1, 3, 50, 0.2, 1));
        byte[] m = Files.readAllBytes(mat);
        bad(Files.write(dir.resolve("t.mat"), java.util.Arrays.copyOf(m, m.length / 2)));
        byte[] header = java.util.Arrays.copyOf(m, 128);
        bad(Files.write(dir.resolve("h.mat"), header), "holds no variables");
    }

    @Test
    void missingVariableListsThePresentOnes() throws IOException {
        Path mat = dir.resolve("r.mat");
        RasterWriters.write(mat, TestFiles.randomRaster(1, 3, 50, 0.2, 1));
        bad(mat, ReadOptions.defaults().withVariable("spikes"), "spikes: no such variable; present: data, bin_ms, neuron_ids");
        Path h5 = dir.resolve("r.h5");
        RasterWriters.write(h5, TestFiles.randomRaster(1, 3, 50, 0.2, 1));
        bad(h5, ReadOptions.defaults().withVariable("spikes"), "no such dataset; present: ", "data");
    }

    @Test
    void emptyNanNegativeFractionalAndCounts() throws IOException {
        bad(TestFiles.write(dir.resolve("e.npy"), TestFiles.npy("|u1", false, new long[] {0, 4}, new double[0])), "empty array");
        bad(TestFiles.write(dir.resolve("n.npy"), TestFiles.npy("<f8", false, new long[] {3, 2}, new double[] {0, 1, Double.NaN, 0, 0, 0})),
                "NaN at row 1, column 0");
        bad(TestFiles.write(dir.resolve("m.npy"), TestFiles.npy("<i4", false, new long[] {3, 2}, new double[] {0, 1, 0, -1, 0, 0})),
                "negative value -1");
        bad(TestFiles.write(dir.resolve("f.npy"), TestFiles.npy("<f4", false, new long[] {3, 2}, new double[] {0, 0.5, 0, 1, 0, 0})),
                "not a spike count");
        Path counts = TestFiles.write(dir.resolve("c.npy"), TestFiles.npy("|u1", false, new long[] {3, 2}, new double[] {0, 2, 3, 1, 0, 2}));
        bad(counts, "3 values are not 0/1 (largest 3)", "field binarize");
        SpikeRaster r = RasterReaders.read(counts, ReadOptions.defaults().withBinarize(true));
        assertEquals(4, r.spikeBins(0) + r.spikeBins(1));
        assertTrue(r.hasCounts());
        bad(Files.writeString(dir.resolve("c.csv"), "0,1,2\n1,0,nan\n"), "line 2, column 3", "NaN");
        bad(Files.writeString(dir.resolve("r.csv"), "0,1,1\n1,0\n"), "line 2", "2 cells where the table has 3");
        bad(Files.writeString(dir.resolve("h.csv"), "a,b\n"), "a header but no rows");
        bad(TestFiles.write(dir.resolve("3d.npy"), TestFiles.npy("|u1", false, new long[] {1, 2, 2}, new double[4])), "expected a 2-D array");
    }

    @Test
    void badSpikeTimes() throws IOException {
        bad(Files.writeString(dir.resolve("neg.csv"), "unit,time\n1,0.5\n2,-0.1\n"), "line 3, time", "negative spike time");
        bad(Files.writeString(dir.resolve("nan.csv"), "unit,time\n1,0.5\n2,NaN\n"), "line 3, time", "NaN");
        bad(nwb("unsorted", new double[] {0.1, 0.05, 0.3}, new int[] {2, 3}), "units/spike_times", "unsorted spike times of unit 0");
        bad(nwb("negative", new double[] {-0.1, 0.05, 0.3}, new int[] {2, 3}), "units/spike_times", "negative spike time");
        bad(nwb("ragged", new double[] {0.1, 0.2, 0.3}, new int[] {2, 4}), "units/spike_times_index", "entry 1 = 4 is out of range");
        bad(nwb("decreasing", new double[] {0.1, 0.2, 0.3}, new int[] {2, 1}), "units/spike_times_index", "out of range");
        Path noIndex = dir.resolve("noindex.nwb");
        try (WritableHdfFile w = HdfFile.write(noIndex)) {
            w.putGroup("units").putDataset("spike_times", new double[] {0.1});
        }
        bad(noIndex, "units/spike_times_index", "missing dataset");
    }

    private Path nwb(String name, double[] times, int[] index) throws IOException {
        Path f = dir.resolve(name + ".nwb");
        try (WritableHdfFile w = HdfFile.write(f)) {
            WritableGroup u = w.putGroup("units");
            u.putDataset("spike_times", times);
            u.putDataset("spike_times_index", index);
        }
        return f;
    }

    @Test
    void segmentLongerThanTheRecording() throws IOException {
        Path f = TestFiles.write(dir.resolve("s.npy"), TestFiles.npy("|u1", false, new long[] {10, 2}, new double[20]));
        bad(f, ReadOptions.defaults().withSegmentLength(11), "segmentLength", "longer than the recording");
    }
}
