package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.TrustTest.Result;
import org.spiqgan.data.RasterWriters;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.data.SpikeRaster;
import org.spiqgan.data.SyntheticRecording;

/**
 * The README's promise for every command: bad input or usage exits 2 with one line on standard error and
 * leaves every file as it was (no partial output). A table of bad invocations (issue 15) and a corpus of
 * corrupted data and sample files run through the command line.
 */
class BadInvocationsTest {
    @TempDir
    static Path d;

    static String q, b, g, plain, textMat, cxQasm, rec, other;

    @BeforeAll
    static void fixtures() throws Exception {
        q = d.resolve("q").toString();
        Result r = TrustTest.cli("train", "--model", "patch", "--synthetic", "--neurons", "top:4", "-T", "2", "--layers", "1", "--batch", "8",
                "--steps", "2", "--eval-every", "2", "--validation-samples", "50", "--critic", "mlp:4", "--pretrain", "0",
                "--quiet", "--out", q);
        assertEquals(0, r.code(), r.err());
        b = d.resolve("b").toString();
        assertEquals(0, TrustTest.cli("baseline", "fit", "bernoulli", "--synthetic", "--neurons", "top:4", "-T", "6", "--out", b).code());
        g = d.resolve("g.npy").toString();
        assertEquals(0, TrustTest.cli("generate", b, "--samples", "40", "--out", g).code());
        plain = Files.writeString(d.resolve("plain.txt"), "x").toString();
        textMat = Files.writeString(d.resolve("text.mat"), "0,1\n1,0\n").toString();
        cxQasm = Files.writeString(d.resolve("cx.qasm"), "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg a[1];\nqreg b[2];\ncx a, b;\n").toString();
        rec = d.resolve("rec.npy").toString();
        assertEquals(0, TrustTest.cli("data", "synthetic", "--neurons", "4", "--segments", "4", "--segment-length", "100", "--out", rec).code());
        other = d.resolve("other.npy").toString();
        assertEquals(0, TrustTest.cli("data", "synthetic", "--seed", "3", "--neurons", "4", "--segments", "4", "--segment-length", "100",
                "--out", other).code());
    }

    static String w(String name) {
        return d.resolve("work").resolve(name).toString();
    }

    static List<String[]> table() {
        String[] eval = {"evaluate", "--synthetic", "--neurons", "top:4", "-T", "6", "--generated", null};
        eval[eval.length - 1] = g;
        List<String[]> t = new ArrayList<>(List.of(
            // 1: no command overwrites a run
            new String[] {"baseline", "fit", "bernoulli", "--synthetic", "--out", b},
            new String[] {"baseline", "fit", "dg", "--synthetic", "--out", q},
            new String[] {"baseline", "train", "mlp", "--synthetic", "--width", "4", "--out", q},
            new String[] {"train", "--synthetic", "--out", q},
            // 2: sizes checked up front
            new String[] {"generate", q, "--samples", "2147483647", "--out", w("g.npy")},
            new String[] {"generate", b, "--samples", "2147483647", "--out", w("g.npy")},
            new String[] {"baseline", "generate", b, "--samples", "2147483647", "--out", w("g.csv")},
            new String[] {"generate", q, "--samples", "0", "--out", w("g.npy")},
            new String[] {"baseline", "fit", "dg", "--synthetic", "--generate", "2147483647", "--generated", w("g.npy"), "--out", w("r")},
            new String[] {"compare", b, "--synthetic", "--neurons", "top:4", "-T", "6", "--count", "2147483647", "--out", w("c")},
            // 4: the data must be named
            new String[] {"evaluate", "--neurons", "top:4", "-T", "6", "--generated", g},
            new String[] {"compare", b, "--neurons", "top:4", "-T", "6", "--out", w("c")},
            new String[] {"compare", b, "--real", other, "--segment-length", "100", "--neurons", "top:4", "-T", "6", "--out", w("c")},
            // 7: outputs checked before work
            concat(eval, "--json", plain + "/e.json"),
            concat(eval, "--json", w("e.json"), "--report", plain),
            concat(eval, "--json", d.toString()),
            new String[] {"generate", b, "--samples", "3", "--out", plain + "/g.npy"},
            new String[] {"generate", b, "--samples", "3", "--out", w("g.parquet")},
            new String[] {"data", "windows", "--synthetic", "--out", plain + "/w.npy"},
            new String[] {"data", "synthetic", "--out", plain + "/s.npy"},
            new String[] {"compare", b, "--synthetic", "--neurons", "top:4", "-T", "6", "--out", plain},
            new String[] {"train", "--synthetic", "--out", plain},
            new String[] {"quickstart", "--out", plain},
            new String[] {"export-qasm", q, "--patch", "0,0", "--out", plain + "/p.qasm"},
            // 8: provenance
            new String[] {"evaluate", "--synthetic", "--neurons", "first:4", "-T", "6", "--generated", g},
            new String[] {"evaluate", "--synthetic", "--neurons", "top:4", "-T", "6", "--synthetic-seed", "5", "--generated", g},
            new String[] {"evaluate", "--run", b, "--neurons", "first:4", "--generated", g},
            new String[] {"evaluate", "--run", b, "--real", rec, "--generated", g},
            // 3, 5: resume
            new String[] {"train", "--resume", q, "--layers", "3"},
            new String[] {"train", "--resume", q, "--neurons", "top:2"},
            new String[] {"train", "--resume", q, "--data", other},
            new String[] {"train", "--resume", q, "--out", w("x")},
            // 9: export
            new String[] {"export-qasm", q, "--patch", "0,0", "--z", "0.1"},
            new String[] {"export-qasm", q, "--patch", "0,0", "--format", "2", "--z", "0.1"},
            new String[] {"export-qasm", q, "--patch", "9,9"},
            // 13: usage and messages
            new String[] {"train", "--bogus"},
            new String[] {"train", "--model", "patch", "--synthetic", "--neurons", "top:4", "--ancillas", "30", "--out", w("t")},
            new String[] {"train", "--synthetic", "--split", "test", "--out", w("t")},
            new String[] {"evaluate", "--timesteps", "x"},
            new String[] {"generate"},
            new String[] {"nosuchcommand"},
            new String[] {"baseline", "fit"},
            new String[] {"data", "convert", textMat, "--out", w("y.csv")},
            new String[] {"data", "convert", rec, "--neurons", "top:3", "--out", w("y.csv")},
            new String[] {"data", "inspect", rec, "-T", "4"},
            new String[] {"data", "inspect", textMat},
            new String[] {"data", "windows", "--synthetic", "-T", "100000", "--out", w("w.npy")},
            new String[] {"circuit", "run", cxQasm},
            new String[] {"circuit", "run", "--shots", "0", cxQasm},
            new String[] {"info", w("none")},
            new String[] {"generate", w("none"), "--samples", "3", "--out", w("g.npy")},
            new String[] {"generate", g, "--samples", "3", "--out", w("g2.npy")},
            new String[] {"baseline", "generate", g, "--samples", "3", "--out", w("g2.npy")}));
        return t;
    }

    static String[] concat(String[] a, String... more) {
        return TrustTest.concat(a, more);
    }

    /** Every file under the folder with its size and content hash. */
    static Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p)) {
                    m.put(d.relativize(p) + "/", "dir");
                } else {
                    byte[] bytes = Files.readAllBytes(p);
                    m.put(d.relativize(p).toString(), bytes.length + ":" + java.util.Arrays.hashCode(bytes));
                }
            }
        }
        return m;
    }

    @Test
    void everyBadInvocationExitsTwoWithOneLineAndChangesNothing() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String[] args : table()) {
            Map<String, String> before = snapshot();
            Result r = TrustTest.cli(args);
            String label = String.join(" ", args).replace(d.toString(), "D");
            if (r.code() != 2) failures.add(label + ": exit " + r.code() + ": " + r.err());
            else if (r.errLines().size() != 1) failures.add(label + ": " + r.errLines().size() + " lines: " + r.err());
            if (!before.equals(snapshot())) failures.add(label + ": files changed");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(table().size() >= 50, table().size() + " invocations");
    }

    @Test
    void corruptedFilesThroughTheCommandLineExitZeroOrTwoWithOneLine() throws IOException {
        Path corpus = Files.createDirectories(d.resolve("corpus"));
        SpikeRaster raster = SyntheticRecording.generate(2, 5, 3, 50);
        List<Path> rasters = new ArrayList<>();
        for (String ext : new String[] {"mat", "h5", "npy", "csv"}) {
            Path f = corpus.resolve("valid." + ext);
            RasterWriters.write(f, raster);
            rasters.add(f);
        }
        SampleSet s = SampleSet.zeros(4, 3, 5);
        for (int k = 0; k < s.values().length; k += 3) s.values()[k] = 1;
        List<Path> samples = new ArrayList<>();
        for (String ext : new String[] {"npy", "mat", "csv"}) {
            Path f = corpus.resolve("samples." + ext);
            SampleSetIO.write(f, s);
            samples.add(f);
        }
        SplittableRandom rnd = new SplittableRandom(15);
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (boolean isRaster : new boolean[] {true, false}) {
            for (Path valid : isRaster ? rasters : samples) {
                byte[] orig = Files.readAllBytes(valid);
                for (int v = 0; v < 12; v++) {
                    byte[] bytes;
                    if (v % 2 == 0) {
                        bytes = java.util.Arrays.copyOf(orig, rnd.nextInt(orig.length));
                    } else {
                        bytes = orig.clone();
                        for (int k = 0; k < 1 + rnd.nextInt(8); k++) bytes[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    Path f = corpus.resolve("fuzz-" + v + "-" + valid.getFileName());
                    Files.write(f, bytes);
                    String[] args = isRaster
                            ? new String[] {"data", "windows", f.toString(), "--binarize", "--neurons", "all", "-T", "5", "--out", w("x.npy")}
                            : new String[] {"evaluate", "--synthetic", "--neurons", "top:3", "-T", "5", "--generated", f.toString()};
                    Result r = TrustTest.cli(args);
                    String label = String.join(" ", args).replace(d.toString(), "D");
                    if (r.code() == 2 && r.errLines().size() != 1) failures.add(label + ": " + r.err());
                    if (r.code() != 0 && r.code() != 2) failures.add(label + ": exit " + r.code() + ": " + r.err());
                    if (r.code() == 2 && Files.exists(Path.of(w("x.npy")))) failures.add(label + ": partial output");
                    Files.deleteIfExists(Path.of(w("x.npy")));
                    Files.delete(f);
                    count++;
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(84, count);
    }
}
