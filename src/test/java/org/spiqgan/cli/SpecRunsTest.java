package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.TrustTest.Result;
import org.spiqgan.model.ModelFile;
import org.spiqgan.model.TrainSpec;
import org.spiqgan.model.stationary.StationaryRun;

/** Issue 10: runs store their specification, resume reads it back, and runs written before still work. */
class SpecRunsTest {
    @TempDir
    Path dir;

    static Result cli(String... args) {
        return TrustTest.cli(args);
    }

    static final List<String> PATCH = List.of("train", "--model", "patch", "--synthetic", "--neurons", "top:3", "-T", "2",
            "--layers", "1", "--batch", "8", "--eval-every", "2", "--validation-samples", "50", "--critic", "mlp:4",
            "--pretrain", "2", "--threads", "1", "--quiet");

    private Result train(Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(PATCH);
        // a recording given instead of the synthetic one
        if (List.of(extra).contains("--segment-length")) a.remove("--synthetic");
        a.addAll(List.of(extra));
        a.addAll(List.of("--out", out.toString()));
        return cli(a.toArray(new String[0]));
    }

    @Test
    void patchRunStoresItsSpecAndAnOlderRunWithACommandLineStillGeneratesAndResumes() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, train(run, "--steps", "4").code());
        ModelFile m = ModelFile.read(run);
        assertNull(m.command);
        assertEquals(TrainSpec.Model.PATCH, m.spec.model);
        assertEquals("top:3", m.spec.data.neurons);
        assertEquals(2L, m.spec.evalEvery);

        // the same run as a model file written before the specification existed: a command line, no spec
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        JsonObject o = JsonParser.parseString(Files.readString(ModelFile.path(run))).getAsJsonObject();
        o.remove("spec");
        JsonArray cmd = new JsonArray();
        for (String s : PATCH.subList(1, PATCH.size())) cmd.add(s);
        cmd.add("--steps");
        cmd.add("4");
        o.add("command", cmd);
        Files.writeString(ModelFile.path(old), o.toString());
        Path g1 = dir.resolve("g1.npy"), g2 = dir.resolve("g2.npy");
        assertEquals(0, cli("generate", run.toString(), "--samples", "20", "--threads", "1", "--out", g1.toString()).code());
        assertEquals(0, cli("generate", old.toString(), "--samples", "20", "--threads", "1", "--out", g2.toString()).code());
        assertArrayEquals(Files.readAllBytes(g1), Files.readAllBytes(g2));
        Result info = cli("info", old.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("command: spiqgan train"), info.out());

        // both continue identically, and the older one now stores a specification
        Result a = cli("train", "--resume", run.toString(), "--steps", "6", "--threads", "1", "--quiet");
        Result b = cli("train", "--resume", old.toString(), "--steps", "6", "--threads", "1", "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        ModelFile ra = ModelFile.read(run), rb = ModelFile.read(old);
        assertArrayEquals(ra.state.theta, rb.state.theta);
        assertNotNull(rb.spec);
        assertNull(rb.command);
        assertEquals(ra.spec, rb.spec);
    }

    @Test
    void theRecordingIsGivenPositionallyOrWithData() throws Exception {
        Path rec = dir.resolve("rec.npy");
        assertEquals(0, cli("data", "synthetic", "--neurons", "5", "--segments", "10", "--segment-length", "200",
                "--out", rec.toString()).code());
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, train(a, "--steps", "2", rec.toString(), "--segment-length", "200").code());
        assertEquals(0, train(b, "--steps", "2", "--data", rec.toString(), "--segment-length", "200").code());
        assertArrayEquals(ModelFile.read(a).state.theta, ModelFile.read(b).state.theta);
        assertEquals(rec.toAbsolutePath().normalize().toString(), ModelFile.read(a).spec.data.file);
        TrustTest.badInput(train(dir.resolve("c"), "--steps", "2", "--data", rec.toString(), dir.resolve("other.npy").toString()),
                "--data", "once");
        Path w1 = dir.resolve("w1.npy"), w2 = dir.resolve("w2.npy");
        assertEquals(0, cli("data", "windows", rec.toString(), "--neurons", "top:3", "-T", "4", "--out", w1.toString()).code());
        assertEquals(0, cli("data", "windows", "--data", rec.toString(), "--neurons", "top:3", "-T", "4", "--out", w2.toString()).code());
        assertArrayEquals(Files.readAllBytes(w1), Files.readAllBytes(w2));
        Path f1 = dir.resolve("f1"), f2 = dir.resolve("f2");
        assertEquals(0, cli("baseline", "fit", "bernoulli", rec.toString(), "--neurons", "top:3", "-T", "4", "--out", f1.toString()).code());
        assertEquals(0, cli("baseline", "fit", "bernoulli", "--data", rec.toString(), "--neurons", "top:3", "-T", "4",
                "--out", f2.toString()).code());
        JsonObject d = JsonParser.parseString(Files.readString(f2.resolve("model.json"))).getAsJsonObject().getAsJsonObject("data");
        assertTrue(d.has("spec"), d.toString());
        assertFalse(d.has("args"), d.toString());
    }

    @Test
    void trainAndBaselineTrainShareTheirOptionNames() {
        // the names of either vocabulary are accepted by both commands
        for (String[] names : new String[][] {{"--lr-g", "--lr-c", "--eval-every"}, {"--lr-generator", "--lr-critic", "--validate-every"}}) {
            Path out = dir.resolve("gan" + names[0]);
            Result r = cli("baseline", "train", "mlp", "--synthetic", "--neurons", "top:3", "-T", "4", "--width", "4", "--latent", "4",
                    "--steps", "2", names[2], "2", names[0], "0.001", names[1], "0.001", "--betas", "0.5,0.9",
                    "--validation-samples", "20", "--out", out.toString());
            assertEquals(0, r.code(), r.out() + r.err());
            Path p = dir.resolve("patch" + names[0]);
            r = cli("train", "--model", "patch", "--synthetic", "--neurons", "top:3", "-T", "2", "--layers", "1", "--batch", "8",
                    "--validation-samples", "50", "--critic", "mlp:4", "--pretrain", "0", "--threads", "1", "--quiet", "--steps", "2",
                    names[0], "0.02", names[1], "0.002", names[2], "2", "--beta1", "0.4", "--beta2", "0.8", "--out", p.toString());
            assertEquals(0, r.code(), r.out() + r.err());
            ModelFile m = ModelFile.read(p);
            assertEquals(0.02, m.training.lrG());
            assertEquals(0.4, m.training.beta1());
            assertEquals(0.8, m.spec.beta2);
            assertEquals(2, m.training.evalEvery());
        }
    }

    @Test
    void stationaryRunStoresItsSpecAndResumesFromAnotherDirectory() throws Exception {
        Path run = dir.resolve("st");
        Result r = cli("train", "--synthetic", "--neurons", "top:3", "-T", "4", "--likelihood-steps", "4", "--refine-steps", "0", "--batch", "4",
                "--draws", "2", "--eval-every", "2", "--validation-samples", "64", "--threads", "1", "--quiet", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        StationaryRun s = StationaryRun.read(run);
        assertEquals(TrainSpec.Model.STATIONARY, s.spec.model);
        assertEquals(4, s.spec.data.timesteps);
        assertEquals(4, s.training.batch());
        r = cli("train", "--resume", run.toAbsolutePath().toString(), "--likelihood-steps", "6", "--threads", "1", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(6, StationaryRun.read(run).state.step);
    }

    @Test
    void oneAnsatzOptionNamesTheFamilyOfEitherModel() throws Exception {
        Path a = dir.resolve("ar"), b = dir.resolve("fam");
        List<String> base = new java.util.ArrayList<>(PATCH);
        base.addAll(List.of("--steps", "2"));
        List<String> ar = new java.util.ArrayList<>(base), fam = new java.util.ArrayList<>(base);
        ar.addAll(List.of("--autoregressive", "--out", a.toString()));
        fam.addAll(List.of("--ansatz", "reuploading-feedback", "--out", b.toString()));
        assertEquals(0, cli(ar.toArray(new String[0])).code());
        assertEquals(0, cli(fam.toArray(new String[0])).code());
        assertArrayEquals(ModelFile.read(a).state.theta, ModelFile.read(b).state.theta);
        assertEquals("reuploading-feedback", ModelFile.read(b).spec.ansatz);
        assertEquals("reuploading-feedback", ModelFile.read(b).generator.ansatzName());
        List<String> clash = new java.util.ArrayList<>(base);
        clash.addAll(List.of("--autoregressive", "--ansatz", "reuploading", "--out", dir.resolve("c").toString()));
        TrustTest.badInput(cli(clash.toArray(new String[0])), "--autoregressive", "--ansatz");
        List<String> wrong = new java.util.ArrayList<>(base);
        wrong.addAll(List.of("--ansatz", "cry-chain", "--out", dir.resolve("w").toString()));
        TrustTest.badInput(cli(wrong.toArray(new String[0])), "--ansatz", "reuploading");
    }

    /**
     * train's help shows the data and the stationary options as sections (picocli argument groups), and the
     * groups change no parsing: with none of their options given the spec holds the library's defaults, and
     * given options land in it.
     */
    @Test
    void trainGroupsItsDataAndStationaryOptionsWithoutChangingTheSpec() {
        var help = TrustTest.cli("train", "--help");
        org.junit.jupiter.api.Assertions.assertEquals(0, help.code());
        String out = help.out();
        int data = out.indexOf("Data (the recording"), stationary = out.indexOf("Stationary model (the default):");
        org.junit.jupiter.api.Assertions.assertTrue(data > 0 && out.indexOf("--neurons", data) > data && out.indexOf("--segment-length", data) > data, out);
        org.junit.jupiter.api.Assertions.assertTrue(stationary > data && out.indexOf("--likelihood-steps", stationary) > stationary, out);

        TrainCommand plain = new TrainCommand();
        picocli.CommandLine cl = new picocli.CommandLine(plain);
        cl.parseArgs("--synthetic", "--out", "x");
        org.spiqgan.model.TrainSpec s = plain.toSpec(), d = org.spiqgan.model.TrainSpec.defaults();
        org.junit.jupiter.api.Assertions.assertEquals(d.data.timesteps, s.data.timesteps);
        org.junit.jupiter.api.Assertions.assertEquals(d.data.neurons, s.data.neurons);
        org.junit.jupiter.api.Assertions.assertEquals(d.likelihoodSteps, s.likelihoodSteps);
        org.junit.jupiter.api.Assertions.assertEquals(d.refineSteps, s.refineSteps);
        org.junit.jupiter.api.Assertions.assertEquals(d.momentSamples, s.momentSamples);
        org.junit.jupiter.api.Assertions.assertEquals(d.feedback, s.feedback);
        org.junit.jupiter.api.Assertions.assertEquals(d.burnIn, s.burnIn);

        TrainCommand given = new TrainCommand();
        new picocli.CommandLine(given).parseArgs("--synthetic", "-T", "8", "--neurons", "top:6", "--likelihood-steps", "7",
                "--feedback", "self", "--out", "x");
        s = given.toSpec();
        org.junit.jupiter.api.Assertions.assertEquals(8, s.data.timesteps);
        org.junit.jupiter.api.Assertions.assertEquals("top:6", s.data.neurons);
        org.junit.jupiter.api.Assertions.assertEquals(7, s.likelihoodSteps);
        org.junit.jupiter.api.Assertions.assertEquals("self", s.feedback);
    }
}
