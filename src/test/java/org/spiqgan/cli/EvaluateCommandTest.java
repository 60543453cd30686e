package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.data.RasterWriters;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.data.SpikeRaster;
import org.spiqgan.stats.SyntheticSpikes;
import picocli.CommandLine;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    static final class Result {
        int code;
        String out;
        String err;
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SpiqganCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        Result r = new Result();
        r.code = cl.execute(args);
        r.out = out.toString();
        r.err = err.toString();
        return r;
    }

    private Path npy(String name, SampleSet s) throws IOException {
        Path p = dir.resolve(name);
        SampleSetIO.writeNpy(p, s);
        return p;
    }

    @Test
    void tableJsonAndReportForSeveralGeneratedFiles() throws Exception {
        Path a = npy("a.npy", SyntheticSpikes.markov(1, 300, 4, 8, 0.05, 0.3));
        Path b = npy("b.npy", SyntheticSpikes.bernoulli(2, 200, 4, 8, 0.06));
        Path json = dir.resolve("out/eval.json");
        Path report = dir.resolve("report");
        Result r = run("evaluate", "--synthetic", "--neurons", "top:4", "--timesteps", "8", "--generated", a.toString(),
                "--generated", b.toString(), "--name", "model A", "--json", json.toString(),
                "--report", report.toString());
        assertEquals(0, r.code, r.err);
        for (String row : new String[] {"rate MSE", "cov MSE", "P(k) MSE", "ACG MSE", "lag-cov MSE", "state JS (bits)", "memorized"}) {
            assertTrue(r.out.lines().anyMatch(l -> l.startsWith(row)), row + " row in\n" + r.out);
        }
        String header = r.out.lines().filter(l -> l.startsWith("statistic")).findFirst().orElse("");
        assertTrue(header.contains("noise floor") && header.contains("model A") && header.contains(" b "), header);
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(2, o.getAsJsonArray("models").size());
        assertEquals(4, o.get("neurons").getAsInt());
        assertTrue(o.get("command").getAsString().startsWith("spiqgan evaluate --synthetic --neurons top:4"),
                o.get("command").getAsString());
        assertTrue(o.get("command").getAsString().contains("--name 'model A'"), o.get("command").getAsString());
        assertEquals(300, o.getAsJsonArray("models").get(0).getAsJsonObject().get("samples").getAsInt());
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("model A") && html.contains(b.toString()));
        assertTrue(Files.exists(report.resolve("figures/01-firing-probability.svg")));
    }

    @Test
    void mismatchedShapeIsOneLineExit2AndWritesNothing() throws Exception {
        Path g = npy("g.npy", SyntheticSpikes.bernoulli(3, 50, 5, 8, 0.1));
        Path json = dir.resolve("never.json");
        Result r = run("evaluate", "--synthetic", "--neurons", "top:4", "--timesteps", "8", "--generated", g.toString(),
                "--json", json.toString());
        assertEquals(2, r.code);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("spiqgan: " + g) && r.err.contains("(50, 5, 8)") && r.err.contains("N = 4"), r.err);
        assertFalse(Files.exists(json));

        Path t = npy("t.npy", SyntheticSpikes.bernoulli(3, 50, 4, 9, 0.1));
        r = run("evaluate", "--synthetic", "--neurons", "top:4", "--timesteps", "8", "--generated", t.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("T = 8") && r.err.strip().lines().count() == 1, r.err);
    }

    @Test
    void nonBinaryAndEmptyFilesAreOneLineExit2() throws Exception {
        Path bad = dir.resolve("bad.npy");
        Files.write(bad, rawNpy(new int[] {2, 4, 8}, 3));
        Result r = run("evaluate", "--synthetic", "--neurons", "top:4", "--timesteps", "8", "--generated", bad.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("spiqgan: ") && r.err.strip().lines().count() == 1, r.err);

        Path empty = dir.resolve("empty.npy");
        Files.write(empty, new byte[0]);
        r = run("evaluate", "--synthetic", "--neurons", "top:4", "--timesteps", "8", "--generated", empty.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("spiqgan: ") && r.err.strip().lines().count() == 1, r.err);

        Path none = dir.resolve("none.npy");
        Files.write(none, rawNpy(new int[] {0, 4, 8}, 0));
        r = run("evaluate", "--synthetic", "--neurons", "top:4", "--timesteps", "8", "--generated", none.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("no samples") && r.err.strip().lines().count() == 1, r.err);

        r = run("evaluate", "--synthetic");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--generated"), r.err);
    }

    @Test
    void moreThanTwentyNeuronsSkipsStatesWithANote() throws Exception {
        int n = 22;
        Path rec = recording("wide.npy", SyntheticSpikes.markov(5, 200, n, 50, 0.05, 0.3));
        Path g = npy("g.npy", SyntheticSpikes.bernoulli(6, 100, n, 5, 0.05));
        Result r = run("evaluate", "--real", rec.toString(), "--layout", "bins-by-neurons", "--segment-length", "50",
                "--neurons", "all", "--timesteps", "5", "--generated", g.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("state distribution skipped") || r.out.contains("spiking-state distribution skipped"), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("state JS") && l.contains("n/a")), r.out);
    }

    /** The recording may be given as the positional FILE, as for every command that reads one; the same output as --real. */
    @Test
    void thePositionalFileIsTheRecording() throws Exception {
        int n = 4;
        Path rec = recording("four.npy", SyntheticSpikes.markov(7, 100, n, 50, 0.1, 0.3));
        Path g = npy("g4.npy", SyntheticSpikes.bernoulli(8, 200, n, 5, 0.1));
        String[] opts = {"--layout", "bins-by-neurons", "--segment-length", "50", "--neurons", "all", "--timesteps", "5", "--generated", g.toString()};
        Result named = run(concat(new String[] {"evaluate", "--real", rec.toString()}, opts));
        Result positional = run(concat(new String[] {"evaluate", rec.toString()}, opts));
        assertEquals(0, positional.code, positional.err);
        assertEquals(named.out, positional.out);
        Result both = run(concat(new String[] {"evaluate", rec.toString(), "--real", g.toString()}, opts));
        assertEquals(2, both.code);
        assertTrue(both.err.contains("give the recording once"), both.err);
    }

    /** The segments of {@code s} laid end to end as a recording (bins by neurons) written to {@code name}. */
    private Path recording(String name, SampleSet s) throws IOException {
        SpikeRaster.Builder b = SpikeRaster.builder(s.neurons(), s.samples() * s.timesteps());
        for (int k = 0; k < s.samples(); k++) {
            for (int i = 0; i < s.neurons(); i++) {
                for (int t = 0; t < s.timesteps(); t++) if (s.get(k, i, t) != 0) b.set(i, k * s.timesteps() + t, 1);
            }
        }
        Path rec = dir.resolve(name);
        RasterWriters.write(rec, b.build());
        return rec;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** An NPY v1 file of uint8 with every value set to {@code value}. */
    static byte[] rawNpy(int[] shape, int value) throws IOException {
        StringBuilder sh = new StringBuilder("(");
        long count = 1;
        for (int d : shape) {
            sh.append(d).append(", ");
            count *= d;
        }
        sh.setLength(sh.length() - 2);
        sh.append(')');
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': " + sh + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        for (long k = 0; k < count; k++) out.write(value);
        return out.toByteArray();
    }
}
