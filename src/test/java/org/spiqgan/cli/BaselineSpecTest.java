package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.baseline.Baselines;
import org.spiqgan.baseline.ClassicalGan;
import org.spiqgan.baseline.GanSpec;
import org.spiqgan.baseline.Generator;
import org.spiqgan.cli.TrustTest.Result;
import org.spiqgan.model.CriticInput;

/**
 * Issue 10 for {@code baseline train}: the run is built from a {@link GanSpec} stored in model.json, {@code --resume}
 * reads it back (also from a file written before runs stored it) and accepts the recording at a new path
 * ({@code --data FILE}) when its checksum is the run's.
 */
class BaselineSpecTest {
    @TempDir
    Path dir;

    private static List<String> train(Path rec, Path out, int steps) {
        return new ArrayList<>(List.of("baseline", "train", "mlp", rec.toString(), "--neurons", "top:3", "-T", "4", "--segment-length", "200",
                "--width", "4", "--latent-dim", "4", "--batch", "8", "--critic", "mlp:4", "--critic-input", "straight-through", "--steps",
                Integer.toString(steps), "--eval-every", "2", "--checkpoint-every", "2", "--validation-samples", "50", "--seed", "3",
                "--quiet", "--out", out.toString()));
    }

    private static void assertMessage(Runnable r, String fragment) {
        org.spiqgan.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(org.spiqgan.BadInputException.class, r::run);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(fragment), e.getMessage());
    }

    private static Result cli(List<String> args) { return TrustTest.cli(args.toArray(new String[0])); }

    @Test
    void theRunStoresItsSpecAndResumesWithAMovedRecording() throws Exception {
        Path rec = dir.resolve("rec.npy");
        assertEquals(0, TrustTest.cli("data", "synthetic", "--neurons", "5", "--segments", "10", "--segment-length", "200",
                "--out", rec.toString()).code());
        Path full = dir.resolve("full"), part = dir.resolve("part");
        Result r = cli(train(rec, full, 6));
        assertEquals(0, r.code(), r.err());
        assertEquals(0, cli(train(rec, part, 4)).code());

        GanSpec s = ((ClassicalGan) Baselines.load(part)).spec();
        assertNotNull(s);
        assertEquals(Generator.Kind.MLP, s.generator);
        assertEquals(4, s.width);
        assertEquals(CriticInput.STRAIGHT_THROUGH, s.criticInput);
        assertEquals(4, s.steps);
        assertEquals(rec.toAbsolutePath().normalize().toString(), s.data.file);
        assertEquals(s, GanSpec.fromJson(s.toJsonTree()));

        Path moved = Files.move(rec, dir.resolve("moved.npy"));
        TrustTest.badInput(TrustTest.cli("baseline", "train", "--resume", part.toString(), "--steps", "6", "--quiet"), "--data", "moved");
        Path other = dir.resolve("other.npy");
        assertEquals(0, TrustTest.cli("data", "synthetic", "--neurons", "5", "--segments", "10", "--segment-length", "200", "--seed", "9",
                "--out", other.toString()).code());
        TrustTest.badInput(TrustTest.cli("baseline", "train", "--resume", part.toString(), "--steps", "6", "--data", other.toString()),
                "--data", "checksum");
        r = TrustTest.cli("baseline", "train", "--resume", part.toAbsolutePath().toString(), "--steps", "6", "--data", moved.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        ClassicalGan a = (ClassicalGan) Baselines.load(full), b = (ClassicalGan) Baselines.load(part);
        assertArrayEquals(a.state().theta, b.state().theta);
        assertArrayEquals(a.generator().params(), b.generator().params());
        assertEquals(moved.toAbsolutePath().normalize().toString(), b.spec().data.file);
        assertEquals(6, b.spec().steps);
    }

    @Test
    void aRunWrittenBeforeRunsStoredTheirSpecStillResumes() throws Exception {
        Path full = dir.resolve("full"), old = dir.resolve("old");
        List<String> args = new ArrayList<>(List.of("baseline", "train", "spikegan", "--synthetic", "--neurons", "top:3", "-T", "4",
                "--width", "2", "--latent", "4", "--batch", "8", "--critic", "mlp:4", "--critic-input", "gumbel", "--eval-every", "2",
                "--checkpoint-every", "2", "--validation-samples", "50", "--quiet", "--steps"));
        List<String> a6 = new ArrayList<>(args), a4 = new ArrayList<>(args);
        a6.addAll(List.of("6", "--out", full.toString()));
        a4.addAll(List.of("4", "--out", old.toString()));
        assertEquals(0, cli(a6).code());
        assertEquals(0, cli(a4).code());
        Path f = old.resolve("model.json");
        JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        o.remove("spec");
        Files.writeString(f, o.toString());
        assertNull(((ClassicalGan) Baselines.load(old)).spec());
        assertEquals(0, TrustTest.cli("info", old.toString()).code());
        Result r = TrustTest.cli("baseline", "train", "--resume", old.toString(), "--steps", "6", "--quiet");
        assertEquals(0, r.code(), r.err());
        ClassicalGan x = (ClassicalGan) Baselines.load(full), y = (ClassicalGan) Baselines.load(old);
        assertArrayEquals(x.state().theta, y.state().theta);
        assertEquals(Generator.Kind.SPIKEGAN, y.spec().generator);
    }

    @Test
    void theSpecValidatesByFieldName() {
        GanSpec s = GanSpec.defaults();
        assertMessage(() -> s.validate(), "generator");
        s.generator = Generator.Kind.MLP;
        assertMessage(() -> s.validate(), "width");
        s.width = 4;
        s.ema = 1;
        assertMessage(() -> s.validate(), "ema: ");
        s.ema = 0.9;
        s.critic = "rnn";
        assertMessage(() -> s.validate(), "critic: ");
        s.critic = "conv:4,4";
        s.validate();
        assertEquals("conv:4,4", s.options().critic().toString());
    }

    @Test
    void theHelpGroupsTheCriticOptions() {
        Result r = TrustTest.cli("baseline", "train", "--help");
        assertEquals(0, r.code());
        int critic = r.out().indexOf("Critic:");
        org.junit.jupiter.api.Assertions.assertTrue(critic > 0 && r.out().indexOf("--lambda-gp", critic) > critic
                && r.out().indexOf("--n-critic", critic) > critic, r.out());
    }

    @Test
    void theCriticSectionKeepsItsDefaultsAndTakesGivenValues() {
        BaselineCommand.Train t = new BaselineCommand.Train();
        new picocli.CommandLine(t).parseArgs("mlp", "--width", "4");
        GanSpec s = t.toSpec();
        assertEquals("mlp:128", s.critic);
        assertEquals(5, s.nCritic);
        assertEquals(5e-4, s.lrC);
        assertEquals(10, s.lambdaGp);
        assertEquals(GanSpec.defaults().toJsonTree().get("lrC"), s.toJsonTree().get("lrC"));
        t = new BaselineCommand.Train();
        new picocli.CommandLine(t).parseArgs("spikegan", "--width", "4", "--n-critic", "3", "--lr-critic", "0.002");
        s = t.toSpec();
        assertEquals(3, s.nCritic);
        assertEquals(0.002, s.lrC);
        assertEquals("mlp:128", s.critic);
        assertEquals(Generator.Kind.SPIKEGAN, s.generator);
    }
}
