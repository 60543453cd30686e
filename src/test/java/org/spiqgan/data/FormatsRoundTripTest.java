package org.spiqgan.data;

import static org.junit.jupiter.api.Assertions.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsRoundTripTest {
    @TempDir Path dir;

    private static SpikeRaster sample(boolean counts) {
        SpikeRaster r = TestFiles.randomRaster(11, 7, 403, 0.15, counts ? 3 : 1);
        return r.withBinMs(10).withNeuronIds(new int[] {3, 5, 8, 13, 21, 34, 55})
                .withSegments(List.of(new Segment(0, 100), new Segment(100, 250), new Segment(260, 403)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mat", "h5", "nwb"})
    void selfDescribingFormatsKeepEverything(String ext) throws IOException {
        for (boolean counts : new boolean[] {false, true}) {
            SpikeRaster r = sample(counts);
            Path f = dir.resolve("r" + counts + "." + ext);
            RasterWriters.write(f, r);
            SpikeRaster back = RasterReaders.read(f, ReadOptions.defaults().withBinarize(counts));
            assertTrue(r.sameAs(back), ext + " counts=" + counts + ": " + back);
        }
    }

    @Test
    void largeHdf5DatasetsAreReadInBlocksOfRows() throws IOException {
        SpikeRaster r = sample(false).withSegments(List.of());
        Path f = dir.resolve("blocks.h5");
        RasterWriters.write(f, r);
        long saved = Hdf5Reader.sliceElements;
        try {
            for (long elements : new long[] {7, 50, 7 * 64}) {
                Hdf5Reader.sliceElements = elements;
                assertTrue(r.sameAs(RasterReaders.read(f)), "blocks of " + elements);
            }
        } finally {
            Hdf5Reader.sliceElements = saved;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"npy", "csv", "tsv"})
    void matrixFormatsKeepSpikesAndCounts(String ext) throws IOException {
        for (boolean counts : new boolean[] {false, true}) {
            SpikeRaster r = sample(counts);
            Path f = dir.resolve("r" + counts + "." + ext);
            RasterWriters.write(f, r);
            SpikeRaster back = RasterReaders.read(f, ReadOptions.defaults().withBinarize(counts).withBinMs(10.0));
            SpikeRaster expected = r.withSegments(List.of());
            if (ext.equals("npy")) expected = expected.withNeuronIds(new int[] {0, 1, 2, 3, 4, 5, 6});
            assertTrue(expected.sameAs(back), ext + " counts=" + counts);
        }
    }

    @Test
    void countsNeedBinarize() throws IOException {
        Path f = dir.resolve("c.npy");
        RasterWriters.write(f, sample(true));
        var e = assertThrows(org.spiqgan.BadInputException.class, () -> RasterReaders.read(f));
        assertTrue(e.getMessage().contains("field binarize"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void npyEveryDtypeOrderAndEndianness() throws IOException {
        // 3 bins x 2 neurons: C order [[0,1],[1,0],[1,1]]
        double[] c = {0, 1, 1, 0, 1, 1};
        double[] f = {0, 1, 1, 1, 0, 1};
        for (String d : new String[] {"|b1", "|u1", "|i1", "<i2", ">i2", "<u2", "<i4", ">i4", "<u4", "<i8", ">i8", "<u8", "<f4", ">f4", "<f8", ">f8"}) {
            for (boolean fortran : new boolean[] {false, true}) {
                Path p = TestFiles.write(dir.resolve("a.npy"), TestFiles.npy(d, fortran, new long[] {3, 2}, fortran ? f : c));
                SpikeRaster r = RasterReaders.read(p, ReadOptions.defaults().withLayout(Layout.BINS_BY_NEURONS));
                assertEquals(2, r.neurons(), d);
                assertEquals(3, r.bins(), d);
                int[][] want = {{0, 1}, {1, 0}, {1, 1}};
                for (int t = 0; t < 3; t++) for (int i = 0; i < 2; i++) assertEquals(want[t][i], r.get(i, t), d + " fortran=" + fortran);
            }
        }
    }

    @Test
    void npzNamedArrays() throws IOException {
        byte[] a = TestFiles.npy("|u1", false, new long[] {4, 2}, new double[] {1, 0, 0, 1, 1, 1, 0, 0});
        byte[] b = TestFiles.npy("<f8", false, new long[] {2, 4}, new double[] {1, 1, 0, 0, 0, 0, 0, 1});
        for (boolean deflate : new boolean[] {true, false}) {
            Path z = TestFiles.npz(dir.resolve("x" + deflate + ".npz"), deflate, "first", a, "second", b);
            var e = assertThrows(org.spiqgan.BadInputException.class, () -> RasterReaders.read(z));
            assertTrue(e.getMessage().contains("first, second"), e.getMessage());
            SpikeRaster r = RasterReaders.read(z, ReadOptions.defaults().withVariable("second").withLayout(Layout.NEURONS_BY_BINS));
            assertEquals(2, r.neurons());
            assertEquals(2, r.spikeBins(0));
            assertEquals(1, r.get(1, 3));
            var missing = assertThrows(org.spiqgan.BadInputException.class,
                    () -> RasterReaders.read(z, ReadOptions.defaults().withVariable("third")));
            assertTrue(missing.getMessage().contains("present: first, second"), missing.getMessage());
        }
    }

    @Test
    void csvSpikeTimesWithAndWithoutHeader() throws IOException {
        String body = "7,0.005\n3,0.031\n7,0.021\n7,0.029\n3,0.1\n";
        for (String text : new String[] {"unit,time\n" + body, body, "# comment\ntime\tneuron\n0.005\t7\n0.031\t3\n0.021\t7\n0.029\t7\n0.1\t3\n"}) {
            Path f = Files.writeString(dir.resolve("t.csv"), text);
            SpikeRaster r = RasterReaders.read(f, ReadOptions.defaults().withBinMs(10.0));
            assertArrayEquals(new int[] {3, 7}, r.neuronIds());
            assertEquals(11, r.bins()); // 0.1 s / 10 ms -> bin 10
            assertEquals(1, r.get(1, 0));
            assertEquals(2, r.count(1, 2)); // 0.021 and 0.029 share bin 2
            assertEquals(1, r.get(0, 3));
            assertEquals(1, r.get(0, 10));
            assertEquals(4, r.spikeBins(0) + r.spikeBins(1));
        }
    }

    @Test
    void csvMatrixWithHeaderAndIds() throws IOException {
        Path f = Files.writeString(dir.resolve("m.csv"), "\"cell_4\",\"cell_9\"\n0,1\n\"1\",1\n0,0\n");
        SpikeRaster r = RasterReaders.read(f);
        assertArrayEquals(new int[] {4, 9}, r.neuronIds());
        assertEquals(3, r.bins());
        assertEquals(2, r.spikeBins(1));
        Path g = Files.writeString(dir.resolve("m.txt"), "0 1 0 0 1\n1 1 0 0 0\n");
        SpikeRaster s = RasterReaders.read(g);
        assertEquals(2, s.neurons()); // auto layout: the longer side is time
        assertEquals(5, s.bins());
        assertEquals(1, s.get(0, 4));
    }

    /** MATLAB v7.3: HDF5 behind a 512-byte user block; a MATLAB B x N matrix is stored as [N][B]. */
    @Test
    void matV73IsReadTransposedLikeMatlab() throws IOException {
        int bins = 6, neurons = 3;
        byte[][] hdfView = new byte[neurons][bins]; // [N][B] in HDF5 = MATLAB's B x N
        hdfView[0][1] = 1;
        hdfView[2][5] = 1;
        hdfView[1][0] = 1;
        hdfView[1][1] = 1;
        Path h5 = dir.resolve("plain.h5");
        try (WritableHdfFile w = HdfFile.write(h5)) {
            w.putDataset("spikes", hdfView).putAttribute("MATLAB_class", "uint8");
        }
        // As MATLAB writes it: a user block with the MAT header, HDF5 after it.
        byte[] header = new byte[512];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: test HDF5 schema 1.00 .".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(header, (byte) ' ');
        System.arraycopy(text, 0, header, 0, text.length);
        header[124] = 0;
        header[125] = 2;
        header[126] = 'I';
        header[127] = 'M';
        for (Path f : new Path[] {h5, dir.resolve("v73.mat")}) {
            if (!f.equals(h5)) {
                withUserBlock(h5, header, f);
            }
            if (!Files.exists(f)) continue;
            SpikeRaster r = RasterReaders.read(f, ReadOptions.defaults().withVariable("spikes"));
            assertEquals(neurons, r.neurons(), f.toString());
            assertEquals(bins, r.bins());
            assertEquals(1, r.get(0, 1));
            assertEquals(1, r.get(2, 5));
            assertEquals(1, r.get(1, 0));
            assertEquals(4, r.spikeBins(0) + r.spikeBins(1) + r.spikeBins(2));
        }
    }

    /**
     * Prepends a user block to a jhdf-written HDF5 file: the superblock (version 2, 8-byte offsets) then
     * needs base address 512 and a new checksum, as the HDF5 library writes for MATLAB.
     */
    static void withUserBlock(Path h5, byte[] header, Path out) throws IOException {
        byte[] body = Files.readAllBytes(h5);
        assertEquals(2, body[8], "jhdf writes superblock version 2");
        java.nio.ByteBuffer sb = java.nio.ByteBuffer.wrap(body).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        sb.putLong(12, header.length);
        sb.putInt(44, io.jhdf.checksum.JenkinsLookup3HashLittle.hash(java.util.Arrays.copyOf(body, 44)));
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        Files.write(out, all);
    }

    @Test
    void nwbUnitsTableWithTrials() throws IOException {
        Path f = dir.resolve("rec.nwb");
        try (WritableHdfFile w = HdfFile.write(f)) {
            w.putAttribute("neurodata_type", "NWBFile");
            WritableGroup units = w.putGroup("units");
            // unit 10: 0.001, 0.015, 0.050 ; unit 20: none ; unit 30: 0.199
            units.putDataset("spike_times", new double[] {0.001, 0.015, 0.050, 0.199});
            units.putDataset("spike_times_index", new int[] {3, 3, 4});
            units.putDataset("id", new int[] {10, 20, 30});
            WritableGroup trials = w.putGroup("intervals").putGroup("trials");
            trials.putDataset("start_time", new double[] {0.0, 0.1});
            trials.putDataset("stop_time", new double[] {0.08, 0.2});
        }
        SpikeRaster r = RasterReaders.read(f);
        assertArrayEquals(new int[] {10, 20, 30}, r.neuronIds());
        assertEquals(10, r.bins());
        assertEquals(20.0, r.binMs());
        assertEquals(2, r.count(0, 0)); // 1 ms and 15 ms share the first 20 ms bin
        assertEquals(1, r.get(0, 2));
        assertEquals(0, r.spikeBins(1));
        assertEquals(1, r.get(2, 9));
        assertEquals(List.of(new Segment(0, 4), new Segment(5, 10)), r.segments());
        assertTrue(r.countsKnown());
        assertEquals(1, r.multiSpikeBins());
        SpikeRaster fine = RasterReaders.read(f, ReadOptions.defaults().withBinMs(5.0));
        assertEquals(40, fine.bins());
        assertEquals(1, fine.get(0, 3));
    }

    @Test
    void spikeTimesWithinAStartStopWindow() throws IOException {
        Path f = dir.resolve("w.nwb");
        try (WritableHdfFile w = HdfFile.write(f)) {
            WritableGroup units = w.putGroup("units");
            units.putDataset("spike_times", new double[] {0.5, 1.01, 1.5, 2.2, 0.9, 1.99});
            units.putDataset("spike_times_index", new int[] {4, 6});
            WritableGroup trials = w.putGroup("intervals").putGroup("trials");
            trials.putDataset("start_time", new double[] {0.0, 1.0, 2.0});
            trials.putDataset("stop_time", new double[] {0.9, 1.9, 2.9});
        }
        SpikeRaster r = RasterReaders.read(f, ReadOptions.defaults().withBinMs(100.0).withTimeWindow(1.0, 2.0));
        assertEquals(10, r.bins());
        assertEquals(1, r.get(0, 0)); // 1.01 s
        assertEquals(1, r.get(0, 5)); // 1.5 s
        assertEquals(2, r.spikeBins(0)); // 0.5 and 2.2 are outside
        assertEquals(1, r.get(1, 9)); // 1.99 s
        assertEquals(1, r.spikeBins(1));
        assertEquals(List.of(new Segment(0, 9)), r.segments()); // only the trial inside [1, 2)
        SpikeRaster all = RasterReaders.read(f, ReadOptions.defaults().withBinMs(100.0));
        assertEquals(29, all.bins());
        assertEquals(List.of(new Segment(0, 9), new Segment(10, 19), new Segment(20, 29)), all.segments());
        Path csv = Files.writeString(dir.resolve("w.csv"), "unit,time\n4,0.5\n4,1.01\n9,1.99\n9,2.5\n");
        SpikeRaster c = RasterReaders.read(csv, ReadOptions.defaults().withBinMs(100.0).withTimeWindow(1.0, null));
        assertEquals(16, c.bins()); // 1.0 .. 2.5 s
        assertEquals(1, c.get(0, 0));
        assertEquals(1, c.get(1, 15));
        assertEquals(3, c.spikeBins(0) + c.spikeBins(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"npy", "csv", "tsv", "mat"})
    void sampleSetsRoundTrip(String ext) throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        SampleSet s = SampleSet.zeros(5, 3, 4);
        for (int k = 0; k < s.values().length; k++) s.values()[k] = (byte) (rnd.nextDouble() < 0.3 ? 1 : 0);
        Path f = dir.resolve("s." + ext);
        SampleSetIO.write(f, s);
        SampleSet back = SampleSetIO.read(f);
        assertEquals(s.shape(), back.shape());
        assertArrayEquals(s.values(), back.values());
    }

    @Test
    void sampleNpyReaderAcceptsOtherDtypesAndFortranOrder() throws IOException {
        // (S, N, T) = (2, 2, 3); element (s, i, t) = 1 where (s + 2i + t) % 3 == 0
        double[] c = new double[12], f = new double[12];
        for (int s = 0; s < 2; s++) for (int i = 0; i < 2; i++) for (int t = 0; t < 3; t++) {
            double v = (s + 2 * i + t) % 3 == 0 ? 1 : 0;
            c[(s * 2 + i) * 3 + t] = v;
            f[s + 2 * (i + 2 * t)] = v;
        }
        for (String d : new String[] {"|b1", "<i8", ">f4"}) {
            for (boolean fortran : new boolean[] {false, true}) {
                SampleSet x = SampleSetIO.read(TestFiles.write(dir.resolve("x.npy"), TestFiles.npy(d, fortran, new long[] {2, 2, 3}, fortran ? f : c)));
                for (int s = 0; s < 2; s++) for (int i = 0; i < 2; i++) for (int t = 0; t < 3; t++) {
                    assertEquals((s + 2 * i + t) % 3 == 0 ? 1 : 0, x.get(s, i, t), d + fortran);
                }
            }
        }
        Path bad = TestFiles.write(dir.resolve("bad.npy"), TestFiles.npy("<f8", false, new long[] {1, 1, 3}, new double[] {0, 0.5, 2}));
        var e = assertThrows(org.spiqgan.BadInputException.class, () -> SampleSetIO.read(bad));
        assertTrue(e.getMessage().contains("2 values are not 0 or 1"), e.getMessage());
    }

    /** h5py writes numpy bools as an enum that jhdf hands over by name; strings take the same path here. */
    @Test
    void hdf5BooleanNamesAreSpikes() throws IOException {
        Path f = dir.resolve("bool.h5");
        try (WritableHdfFile w = HdfFile.write(f)) {
            w.putDataset("data", new String[][] {{"FALSE", "TRUE"}, {"FALSE", "FALSE"}, {"TRUE", "FALSE"}});
        }
        SpikeRaster r = RasterReaders.read(f);
        assertEquals(2, r.neurons());
        assertEquals(1, r.get(1, 0));
        assertEquals(1, r.get(0, 2));
        assertEquals(2, r.spikeBins(0) + r.spikeBins(1));
        Path g = dir.resolve("words.h5");
        try (WritableHdfFile w = HdfFile.write(g)) {
            w.putDataset("data", new String[][] {{"spike", "none"}, {"none", "none"}});
        }
        var e = assertThrows(org.spiqgan.BadInputException.class, () -> RasterReaders.read(g));
        assertTrue(e.getMessage().contains("not a numeric array"), e.getMessage());
    }

    @Test
    void matSamplesWithTrailingSingletonAsMatlabSavesThem() throws IOException {
        us.hebi.matlab.mat.types.Matrix m = us.hebi.matlab.mat.format.Mat5.newMatrix(3, 2);
        m.setDouble(2, 1, 1.0); // sample 2, neuron 1, t 0
        Path f = dir.resolve("t1.mat");
        us.hebi.matlab.mat.format.Mat5.writeToFile(us.hebi.matlab.mat.format.Mat5.newMatFile().addArray("samples", m), f.toFile());
        SampleSet s = SampleSetIO.read(f);
        assertEquals("(3, 2, 1)", s.shape());
        assertEquals(1, s.get(2, 1, 0));
        assertEquals(1, java.util.stream.IntStream.range(0, 6).map(k -> s.values()[k]).sum());
    }

    @Test
    void npyWrittenSampleHeaderIsNumpyCompatible() throws IOException {
        Path f = dir.resolve("h.npy");
        SampleSetIO.write(f, SampleSet.zeros(2, 3, 4));
        byte[] b = Files.readAllBytes(f);
        int headerLen = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLen) % 64, "numpy aligns data to 64 bytes");
        String h = new String(b, 10, headerLen, StandardCharsets.ISO_8859_1);
        assertTrue(h.startsWith("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3, 4), }"), h);
        assertEquals(10 + headerLen + 24, b.length);
    }
}
