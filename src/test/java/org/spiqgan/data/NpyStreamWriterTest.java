package org.spiqgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.BadInputException;

/** Issue 15 item 2: large sample files stream to disk in chunks, atomically, with nothing left on failure. */
class NpyStreamWriterTest {
    @TempDir
    Path dir;

    /** A seeded sampler whose draws depend on (count, seed) only. */
    static SampleSet draw(int count, long seed, int n, int t) {
        SampleSet s = SampleSet.zeros(count, n, t);
        SplittableRandom r = new SplittableRandom(seed);
        byte[] v = s.values();
        for (int k = 0; k < v.length; k++) v[k] = (byte) (r.nextDouble() < 0.3 ? 1 : 0);
        return s;
    }

    private List<Path> files() throws IOException {
        try (var l = Files.list(dir)) {
            return l.toList();
        }
    }

    @Test
    void chunksGiveTheBytesOfTheInMemoryWriter() throws IOException {
        SampleSet a = draw(7, 1, 3, 5);
        SampleSet b = draw(4, 2, 3, 5);
        byte[] all = new byte[a.values().length + b.values().length];
        System.arraycopy(a.values(), 0, all, 0, a.values().length);
        System.arraycopy(b.values(), 0, all, a.values().length, b.values().length);
        Path ref = dir.resolve("ref.npy");
        SampleSetIO.writeNpy(ref, new SampleSet(11, 3, 5, all));
        Path out = dir.resolve("out.npy");
        try (NpyStreamWriter w = NpyStreamWriter.open(out, 11, 3, 5)) {
            w.append(a);
            assertFalse(Files.exists(out), "nothing at the target before the commit");
            w.append(b);
            w.commit();
        }
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(out));
        assertEquals(NpyStreamWriter.fileBytes(11, 3, 5), Files.size(out));
        assertArrayEquals(all, SampleSetIO.read(out).values());
        assertEquals(2, files().size(), "no temporary file left: " + files());
    }

    @Test
    void withinOneChunkTheFileEqualsTheInMemoryPath() throws IOException {
        Path ref = dir.resolve("ref.npy");
        SampleSetIO.writeNpy(ref, draw(50, 9, 4, 6));
        Path out = dir.resolve("out.npy");
        ChunkedSamples.writeNpy(out, 50, 4, 6, 9, (c, s) -> draw(c, s, 4, 6), null);
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(out));
        // in several chunks: chunk k is the sampler's draw with chunkSeed(seed, k)
        Path parts = dir.resolve("parts.npy");
        ChunkedSamples.writeNpy(parts, 50, 4, 6, 9, (c, s) -> draw(c, s, 4, 6), null, 20);
        SampleSet back = SampleSetIO.read(parts);
        assertEquals("(50, 4, 6)", back.shape());
        byte[] first = java.util.Arrays.copyOfRange(back.values(), 0, 20 * 24);
        byte[] third = java.util.Arrays.copyOfRange(back.values(), 40 * 24, 50 * 24);
        assertArrayEquals(draw(20, 9, 4, 6).values(), first);
        assertArrayEquals(draw(10, ChunkedSamples.chunkSeed(9, 2), 4, 6).values(), third);
        assertTrue(ChunkedSamples.chunkSeed(9, 1) != 9 && ChunkedSamples.chunkSeed(9, 1) != ChunkedSamples.chunkSeed(9, 2));
    }

    @Test
    void aFailureMidwayLeavesNothingAndKeepsAnExistingFile() throws IOException {
        Path out = dir.resolve("g.npy");
        RuntimeException boom = new IllegalStateException("sampler failed");
        ChunkedSamples.Sampler failsAtChunk3 = (c, s) -> {
            if (s == ChunkedSamples.chunkSeed(5, 2)) throw boom;
            return draw(c, s, 2, 3);
        };
        assertEquals(boom, assertThrows(IllegalStateException.class,
                () -> ChunkedSamples.writeNpy(out, 100, 2, 3, 5, failsAtChunk3, null, 10)));
        assertEquals(List.of(), files(), "no output and no temporary file");
        byte[] before = {1, 2, 3};
        Files.write(out, before);
        assertThrows(IllegalStateException.class, () -> ChunkedSamples.writeNpy(out, 100, 2, 3, 5, failsAtChunk3, null, 10));
        assertArrayEquals(before, Files.readAllBytes(out), "the existing file is untouched");
        assertEquals(List.of(out), files());
    }

    @Test
    void aShortOrOverfullWriteIsNotCommitted() throws IOException {
        Path out = dir.resolve("g.npy");
        try (NpyStreamWriter w = NpyStreamWriter.open(out, 10, 2, 3)) {
            w.append(draw(6, 1, 2, 3));
            assertThrows(IllegalArgumentException.class, () -> w.append(draw(5, 1, 2, 3)));
            assertThrows(IllegalArgumentException.class, () -> w.append(draw(1, 1, 3, 3)));
            assertThrows(IllegalStateException.class, w::commit);
        }
        assertEquals(List.of(), files());
    }

    @Test
    void sizesBeyondTheDiskAreOneLineErrorsNamingTheOutput() {
        Path out = dir.resolve("g.npy");
        var e = assertThrows(BadInputException.class, () -> ChunkedSamples.checkSpace(out, 2_147_483_647L, 10, 30, 100L << 30));
        assertTrue(e.getMessage().contains("output") && e.getMessage().contains("644.2 GB") && e.getMessage().contains("107.4 GB free"),
                e.getMessage());
        ChunkedSamples.checkSpace(out, 1000, 10, 30, 1L << 20);
        assertThrows(BadInputException.class, () -> ChunkedSamples.checkSpace(out, Long.MAX_VALUE / 2, 10, 30, Long.MAX_VALUE));
    }
}
