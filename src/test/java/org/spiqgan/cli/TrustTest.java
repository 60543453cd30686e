package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.data.Provenance;
import org.spiqgan.data.SampleSet;
import org.spiqgan.data.SampleSetIO;
import org.spiqgan.model.ModelFile;

/** Issue 15: no command destroys work or misleads; runs, samples and evaluations stay linked. */
class TrustTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** A tiny SpiQGAN run on the synthetic recording (top:4 neurons, T = 2). */
    static Path spiqgan;

    /** A Bernoulli baseline on the synthetic recording (top:4 neurons, T = 6). */
    static Path bernoulli;

    static final String[] DATA = {"--synthetic", "--neurons", "top:4", "-T", "6"};

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = SpiqganCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @BeforeAll
    static void runs() {
        spiqgan = shared.resolve("q");
        Result r = cli("train", "--model", "patch", "--synthetic", "--neurons", "top:4", "--timesteps", "2", "--layers", "1", "--batch", "8",
                "--steps", "2", "--eval-every", "2", "--validation-samples", "50", "--critic", "mlp:4", "--pretrain", "0",
                "--quiet", "--out", spiqgan.toString());
        assertEquals(0, r.code(), r.err());
        bernoulli = shared.resolve("bern");
        r = cli(concat(new String[] {"baseline", "fit", "bernoulli"}, concat(DATA, "--out", bernoulli.toString())));
        assertEquals(0, r.code(), r.err());
    }

    /** Asserts exit 2 with exactly one line on stderr that contains every fragment. */
    static void badInput(Result r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "expected '" + f + "' in: " + r.err());
    }

    // Item 1 -------------------------------------------------------------------------------------------------------

    @Test
    void baselineFitAndTrainRefuseARunDirectoryThatHoldsAModel() throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Path model = ModelFile.path(run);
        Files.copy(ModelFile.path(spiqgan), model);
        byte[] before = Files.readAllBytes(model);
        badInput(cli(concat(new String[] {"baseline", "fit", "bernoulli"}, concat(DATA, "--out", run.toString()))),
                "--out", "already holds a run");
        badInput(cli(concat(new String[] {"baseline", "fit", "dg"}, concat(DATA, "--out", run.toString()))), "--out");
        badInput(cli(concat(new String[] {"baseline", "train", "mlp"}, concat(DATA, "--width", "4", "--steps", "2",
                "--out", run.toString()))), "--out", "already holds a run");
        assertArrayEquals(before, Files.readAllBytes(model));
        try (var l = Files.list(run)) {
            assertEquals(1, l.count());
        }
    }

    // Item 2 -------------------------------------------------------------------------------------------------------

    @Test
    void hugeSampleCountsAreOneLineErrorsBeforeAnyWork() {
        Path g = dir.resolve("g.npy");
        badInput(cli("generate", spiqgan.toString(), "--samples", "2147483647", "--out", g.toString()), "--samples");
        badInput(cli("generate", bernoulli.toString(), "--samples", "2147483647", "--out", g.toString()), "--samples");
        // baseline generate streams .npy in chunks (below); formats that need one array are refused up front
        Path csv = dir.resolve("g.csv");
        badInput(cli("baseline", "generate", bernoulli.toString(), "--samples", "2147483647", "--out", csv.toString()),
                "--samples", "at most");
        // fits in an array but not in this JVM's heap
        long heap = Runtime.getRuntime().maxMemory();
        if (heap < Integer.MAX_VALUE - 8L - (1L << 28)) {
            long tooMuch = (heap + (1L << 28)) / 24;
            badInput(cli("baseline", "generate", bernoulli.toString(), "--samples", Long.toString(tooMuch), "--out", csv.toString()),
                    "--samples", "SPIQGAN_JAVA_OPTS");
        }
        assertFalse(Files.exists(g));
        assertFalse(Files.exists(csv));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.spiqgan.BadInputException.class,
                () -> OutputChecks.sampleArray(1_000_000, 10, 30, "--samples", 100L << 20, 200L << 20));
        assertTrue(e.getMessage().contains("286 MB") && e.getMessage().contains("SPIQGAN_JAVA_OPTS=-Xmx"), e.getMessage());
        OutputChecks.sampleArray(1_000_000, 10, 30, "--samples", 400L << 20, 400L << 20);
    }

    @Test
    void baselineGenerateStreamsNpyBeyondOneChunk() throws Exception {
        // N = 4, T = 6: 699,050 samples per chunk of 2^24 values, so 1,500,000 samples are three chunks
        int per = org.spiqgan.data.ChunkedSamples.chunkSamples(4, 6);
        int s = 2 * per + 101_900;
        Path g = dir.resolve("big.npy");
        Result r = cli("baseline", "generate", bernoulli.toString(), "--samples", Integer.toString(s), "--seed", "4", "--out", g.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(org.spiqgan.data.NpyStreamWriter.fileBytes(s, 4, 6), Files.size(g));
        SampleSet back = SampleSetIO.read(g);
        assertEquals("(" + s + ", 4, 6)", back.shape());
        var b = org.spiqgan.baseline.Baselines.load(bernoulli);
        byte[] first = b.generate(per, 4).values();
        assertArrayEquals(first, Arrays.copyOf(back.values(), first.length), "chunk 0 is the in-memory draw with the seed");
        byte[] last = b.generate(101_900, org.spiqgan.data.ChunkedSamples.chunkSeed(4, 2)).values();
        assertArrayEquals(last, Arrays.copyOfRange(back.values(), 2 * per * 24, s * 24));
        assertTrue(Files.exists(dir.resolve("big.npy.json")), "provenance sidecar");
        try (var l = Files.list(dir)) {
            assertEquals(2, l.count(), "no temporary file left");
        }
    }

    @Test
    void generationInPartsGivesTheBitsOfOneCall() throws Exception {
        ModelFile m = ModelFile.read(spiqgan);
        int s = Progress.PART + 1500;
        SampleSet whole = m.generate(m.generator, "best", s, 5, 1);
        SampleSet parts = Progress.generate(new PrintWriter(new StringWriter()), "t", s,
                (first, count) -> m.generate(m.generator, "best", count, 5, 1, first));
        assertArrayEquals(whole.values(), parts.values());
    }

    // Item 4 -------------------------------------------------------------------------------------------------------

    @Test
    void evaluateAndCompareNeedTheRealData() throws Exception {
        Path g = dir.resolve("g.npy");
        assertEquals(0, cli("generate", bernoulli.toString(), "--samples", "30", "--out", g.toString()).code());
        badInput(cli("evaluate", "--neurons", "top:4", "-T", "6", "--generated", g.toString()), "--real", "--synthetic");
        Path out = dir.resolve("cmp");
        badInput(cli("compare", bernoulli.toString(), "--neurons", "top:4", "-T", "6", "--out", out.toString()), "--real");
        assertFalse(Files.exists(out));
        badInput(cli("evaluate", "--real", g.toString(), "--synthetic", "--neurons", "top:4", "-T", "6", "--generated", g.toString()),
                "--synthetic");
    }

    @Test
    void compareRefusesARunTrainedOnOtherData() throws Exception {
        Path rec = dir.resolve("rec.npy");
        assertEquals(0, cli("data", "synthetic", "--seed", "5", "--out", rec.toString()).code());
        Path out = dir.resolve("cmp");
        badInput(cli("compare", bernoulli.toString(), "--real", rec.toString(), "--segment-length", "500", "--neurons", "top:4",
                "-T", "6", "--out", out.toString()), "bern", "other data");
        assertFalse(Files.exists(out));
    }

    // Item 7 -------------------------------------------------------------------------------------------------------

    @Test
    void unusableOutputsFailBeforeTheWorkAndLeaveNothing() throws Exception {
        Path g = dir.resolve("g.npy");
        assertEquals(0, cli("generate", bernoulli.toString(), "--samples", "30", "--out", g.toString()).code());
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "x");
        Path json = dir.resolve("e.json");
        String[] eval = concat(new String[] {"evaluate", "--generated", g.toString()}, DATA);
        badInput(cli(concat(eval, "--json", json.toString(), "--report", file.toString())), "--report", "is a file");
        assertFalse(Files.exists(json));
        badInput(cli(concat(eval, "--json", file.resolve("e.json").toString())), "--json", "not a directory");
        badInput(cli(concat(eval, "--json", dir.toString())), "--json", "is a directory");
        badInput(cli("generate", bernoulli.toString(), "--samples", "3", "--out", file.resolve("g.npy").toString()), "--out");
        badInput(cli("data", "windows", "--synthetic", "--out", file.resolve("w.npy").toString()), "--out");
        badInput(cli("compare", bernoulli.toString(), "--synthetic", "--neurons", "top:4", "-T", "6", "--out", file.toString()),
                "--out", "is a file");
        badInput(cli("train", "--synthetic", "--out", file.toString()), "--out", "is a file");
        assertEquals("x", Files.readString(file));

        Path report = dir.resolve("report");
        Result ok = cli(concat(eval, "--json", json.toString(), "--report", report.toString()));
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.exists(report.resolve("index.html")) && Files.exists(json));
        try (var l = Files.list(dir)) {
            assertTrue(l.noneMatch(p -> p.getFileName().toString().startsWith(".report")), "no staged folder left");
        }
    }

    // Item 8 -------------------------------------------------------------------------------------------------------

    @Test
    void generatedSamplesCarryProvenanceThatEvaluateChecks() throws Exception {
        Path g = dir.resolve("g.npy");
        assertEquals(0, cli("generate", bernoulli.toString(), "--samples", "200", "--seed", "4", "--out", g.toString()).code());
        Provenance p = Provenance.read(g);
        assertEquals("baseline/bernoulli", p.model());
        assertEquals(6, p.timesteps());
        assertEquals(4, p.seed());
        assertEquals("synthetic:20240607", p.dataSha256());
        assertEquals(bernoulli.toAbsolutePath().normalize().toString(), p.run());
        // top:4 neurons are not the first 4 of the synthetic recording
        assertFalse(Arrays.equals(p.neurons(), new int[] {0, 1, 2, 3}));
        badInput(cli("evaluate", "--synthetic", "--neurons", "first:4", "-T", "6", "--generated", g.toString()),
                "g.npy.json", "neurons");
        badInput(cli("evaluate", "--synthetic", "--synthetic-seed", "3", "--neurons", "top:4", "-T", "6", "--generated", g.toString()),
                "g.npy.json");
        Result r = cli("evaluate", "--run", bernoulli.toString(), "--generated", g.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("N = 4 neurons (" + String.join(",", Arrays.stream(p.neurons()).mapToObj(Integer::toString).toList())),
                r.out());
        badInput(cli("evaluate", "--run", bernoulli.toString(), "--neurons", "first:4", "--generated", g.toString()),
                "--neurons", "--run");

        Path q = dir.resolve("q.npy");
        assertEquals(0, cli("generate", spiqgan.toString(), "--samples", "100", "--out", q.toString()).code());
        Provenance pq = Provenance.read(q);
        assertEquals("spiqgan", pq.model());
        assertTrue(pq.checkpoint().contains("step"), pq.checkpoint());
        assertEquals(2, pq.timesteps());
        r = cli("evaluate", "--run", spiqgan.toString(), "--generated", q.toString());
        assertEquals(0, r.code(), r.err());

        Path fitGen = dir.resolve("fit.npy");
        assertEquals(0, cli(concat(new String[] {"baseline", "fit", "dg"}, concat(DATA, "--out", dir.resolve("dg").toString(),
                "--generate", "20", "--generated", fitGen.toString()))).code());
        JsonObject side = JsonParser.parseString(Files.readString(Provenance.sidecar(fitGen))).getAsJsonObject();
        assertEquals("spiqgan-samples/1", side.get("format").getAsString());
        assertEquals("baseline/dg", side.get("model").getAsString());
        List<String> unused = new ArrayList<>();
        assertTrue(unused.isEmpty());
    }
}
