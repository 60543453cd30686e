package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.testutil.SharedData;
import picocli.CommandLine;

class DataCommandTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = SpiqganCli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void windowsOfTheRetinaTestSplitAreTheSpecOnes() throws Exception {
        Path f = SharedData.retina50("original.mat");
        Path out = dir.resolve("x.npy");
        Run r = run("data", "windows", f.toString(), "--segment-length", "953", "--neurons", "top:10", "--timesteps", "30",
                "--split", "test", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        SampleSet s = SampleSetIO.read(out);
        assertEquals("(1829, 10, 30)", s.shape());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.values()));
        assertEquals(org.spiqgan.data.RetinaDataTest.NUMPY_TEST_WINDOWS_SHA256, sha);
        assertTrue(r.err().contains("neurons 5,10,19,25,28,30,31,38,42,46"), r.err());
    }

    @Test
    void inspectTheRetina() {
        Path f = SharedData.retina50("original.mat");
        Run r = run("data", "inspect", f.toString(), "--segment-length", "953");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("neurons:     50"), r.out());
        assertTrue(r.out().contains("bins:        283041"), r.out());
        assertTrue(r.out().contains("segments:    297 of 953 bins"), r.out());
        assertTrue(r.out().contains("mean 0.038445"), r.out());
        assertTrue(r.out().contains("train:      238 segments"), r.out());
        assertTrue(r.out().contains("     19       19  0.162499"), r.out());
    }

    @Test
    void syntheticConvertAndWindowsWithoutAFile() throws Exception {
        Path mat = dir.resolve("syn.mat");
        assertEquals(0, run("data", "synthetic", "--out", mat.toString()).code());
        Path nwb = dir.resolve("syn.nwb");
        Run c = run("data", "convert", mat.toString(), "--out", nwb.toString());
        assertEquals(0, c.code(), c.err());
        Run i = run("data", "inspect", nwb.toString());
        assertTrue(i.out().contains("segments:    60 of 500 bins"), i.out());
        Path a = dir.resolve("a.npy"), b = dir.resolve("b.npy");
        assertEquals(0, run("data", "windows", nwb.toString(), "--split", "fit", "--out", a.toString()).code());
        assertEquals(0, run("data", "windows", "--split", "fit", "--out", b.toString()).code()); // built-in recording
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        SampleSet s = SampleSetIO.read(a);
        assertEquals(43 * (500 - 30 + 1), s.samples()); // fit = 48 training - round(4.8) = 5 validation repeats
    }

    @Test
    void badInputIsOneLineExitTwoAndLeavesNoOutput() throws Exception {
        Path out = dir.resolve("never.npy");
        Path counts = dir.resolve("c.csv");
        Files.writeString(counts, "0,2,1\n1,0,0\n0,0,3\n0,1,0\n");
        String[][] cases = {
            {"data", "windows", dir.resolve("missing.mat").toString(), "--out", out.toString()},
            {"data", "windows", counts.toString(), "--out", out.toString()},
            {"data", "windows", "--timesteps", "501", "--out", out.toString()},
            {"data", "windows", "--neurons", "top:21", "--out", out.toString()},
            {"data", "windows", "--neurons", "best:3", "--out", out.toString()},
            {"data", "windows", "--split", "later", "--out", out.toString()},
            {"data", "windows", "--layout", "diagonal", "--out", out.toString()},
            {"data", "windows", "--out", dir.resolve("x.xyz").toString()},
        };
        for (String[] args : cases) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().startsWith("spiqgan: "), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out), "partial output after " + String.join(" ", args));
        }
        assertTrue(run(cases[1]).err().contains("--binarize"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the input remains, no temporary files");
        }
    }
}
