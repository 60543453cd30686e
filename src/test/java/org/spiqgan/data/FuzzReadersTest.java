package org.spiqgan.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.BadInputException;

/**
 * Truncated and bit-flipped copies of valid files: each read either succeeds or throws the project's
 * BadInputException; nothing else escapes and no read hangs.
 */
class FuzzReadersTest {
    /** More with -Dspiqgan.fuzz.variants=N (run once with 1000 while developing). */
    private static final int VARIANTS_PER_FILE = Integer.getInteger("spiqgan.fuzz.variants", 40);
    private static final long SEED = Long.getLong("spiqgan.fuzz.seed", 20240607L);
    @TempDir Path dir;

    private List<Path> validRasterFiles() throws IOException {
        SpikeRaster r = TestFiles.randomRaster(5, 6, 150, 0.1, 2).withSegmentLength(50);
        List<Path> files = new ArrayList<>();
        for (String ext : new String[] {"mat", "h5", "nwb", "npy", "csv"}) {
            Path f = dir.resolve("valid." + ext);
            RasterWriters.write(f, r);
            files.add(f);
        }
        byte[] npy = Files.readAllBytes(dir.resolve("valid.npy"));
        files.add(TestFiles.npz(dir.resolve("valid.npz"), true, "data", npy));
        files.add(Files.writeString(dir.resolve("times.csv"), "unit,time\n1,0.01\n2,0.5\n1,0.73\n"));
        return files;
    }

    private List<Path> validSampleFiles() throws IOException {
        SampleSet s = SampleSet.zeros(4, 3, 5);
        for (int k = 0; k < s.values().length; k += 3) s.values()[k] = 1;
        List<Path> files = new ArrayList<>();
        for (String ext : new String[] {"npy", "mat", "csv"}) {
            Path f = dir.resolve("samples." + ext);
            SampleSetIO.write(f, s);
            files.add(f);
        }
        return files;
    }

    @Test
    void rasterReadersOnlyThrowBadInput() throws IOException {
        int n = fuzz(validRasterFiles(), f -> RasterReaders.read(f, ReadOptions.defaults().withBinarize(true)));
        assertTrue(n >= 250, n + " variants");
    }

    @Test
    void sampleReadersOnlyThrowBadInput() throws IOException {
        int n = fuzz(validSampleFiles(), SampleSetIO::read);
        assertTrue(n >= 100, n + " variants");
    }

    private int fuzz(List<Path> files, java.util.function.Consumer<Path> reader) throws IOException {
        SplittableRandom rnd = new SplittableRandom(SEED);
        int count = 0;
        for (Path valid : files) {
            reader.accept(valid); // the originals are fine
            byte[] orig = Files.readAllBytes(valid);
            String name = valid.getFileName().toString();
            for (int v = 0; v < VARIANTS_PER_FILE; v++) {
                byte[] b;
                String what;
                if (v % 2 == 0) {
                    int len = rnd.nextInt(orig.length);
                    b = java.util.Arrays.copyOf(orig, len);
                    what = "truncated to " + len;
                } else {
                    b = orig.clone();
                    int flips = 1 + rnd.nextInt(8);
                    StringBuilder sb = new StringBuilder("bits flipped at");
                    for (int k = 0; k < flips; k++) {
                        int pos = rnd.nextInt(b.length);
                        int bit = rnd.nextInt(8);
                        b[pos] ^= (byte) (1 << bit);
                        sb.append(' ').append(pos).append('.').append(bit);
                    }
                    what = sb.toString();
                }
                Path f = dir.resolve("fuzz-" + v + "-" + name);
                Files.write(f, b);
                String label = name + " " + what;
                // A hang detector, not a speed test: some corrupted HDF5 headers make jhdf allocate and zero a
                // buffer of up to 2 GB, which takes seconds on a loaded machine.
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    try {
                        reader.accept(f);
                    } catch (BadInputException e) {
                        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
                    } catch (Throwable t) {
                        fail(label + ": " + t, t);
                    }
                }, label);
                Files.delete(f);
                count++;
            }
        }
        return count;
    }
}
