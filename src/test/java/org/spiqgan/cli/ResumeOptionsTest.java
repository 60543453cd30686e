package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.TrustTest.Result;
import org.spiqgan.model.ModelFile;

/** Issue 15 items 3 and 5: resuming finds moved data by checksum and never ignores an option. */
class ResumeOptionsTest {
    @TempDir
    Path dir;

    static Result cli(String... args) {
        return TrustTest.cli(args);
    }

    @Test
    void resumeStoresTheAbsoluteDataPathAcceptsMovedDataAndRefusesOtherData() throws Exception {
        // a relative --data path, as a user in the data's folder would give it
        Path rel = Path.of("target", "trust-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".npy");
        Path run = dir.resolve("run");
        try {
            assertEquals(0, cli("data", "synthetic", "--neurons", "5", "--segments", "10", "--segment-length", "200",
                    "--out", rel.toString()).code());
            Result r = cli("train", "--model", "patch", "--data", rel.toString(), "--segment-length", "200", "--neurons", "top:3", "-T", "2",
                    "--layers", "1", "--batch", "8", "--steps", "2", "--eval-every", "2", "--validation-samples", "50",
                    "--critic", "mlp:4", "--pretrain", "0", "--quiet", "--out", run.toString());
            assertEquals(0, r.code(), r.err());
            ModelFile m = ModelFile.read(run);
            String abs = rel.toAbsolutePath().normalize().toString();
            assertEquals(abs, m.spec.data.file, m.spec.toString());
            assertEquals(null, m.command, "a new run stores its specification, not its command line");

            Path moved = dir.resolve("moved.npy");
            Files.move(rel, moved);
            TrustTest.badInput(cli("train", "--resume", run.toString(), "--steps", "4"), "missing", "--data");

            Path other = dir.resolve("other.npy");
            assertEquals(0, cli("data", "synthetic", "--seed", "9", "--neurons", "5", "--segments", "10", "--segment-length", "200",
                    "--out", other.toString()).code());
            TrustTest.badInput(cli("train", "--resume", run.toString(), "--steps", "4", "--data", other.toString()), "--data", "checksum");
            assertEquals(2, ModelFile.read(run).state.step);

            r = cli("train", "--resume", run.toString(), "--steps", "4", "--data", moved.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("same checksum"), r.err());
            m = ModelFile.read(run);
            assertEquals(4, m.state.step);
            assertEquals(moved.toAbsolutePath().normalize().toString(), m.spec.data.file, m.spec.toString());
            // and later resumes find it without --data
            r = cli("train", "--resume", run.toString(), "--steps", "5");
            assertEquals(0, r.code(), r.err());
        } finally {
            Files.deleteIfExists(rel);
        }
    }

    @Test
    void resumeRejectsOptionsItCannotChangeAndSaysWhenItFineTunes() throws Exception {
        Path run = dir.resolve("run");
        Result r = cli("train", "--model", "patch", "--synthetic", "--neurons", "top:3", "-T", "2", "--layers", "1", "--batch", "8", "--steps", "2",
                "--eval-every", "2", "--validation-samples", "50", "--critic", "mlp:4", "--pretrain", "0", "--quiet",
                "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        byte[] before = Files.readAllBytes(ModelFile.path(run));
        TrustTest.badInput(cli("train", "--resume", run.toString(), "--layers", "3"), "--layers", "cannot change");
        TrustTest.badInput(cli("train", "--resume", run.toString(), "--neurons", "top:2", "--steps", "9"), "--neurons");
        TrustTest.badInput(cli("train", "--resume", run.toString(), "--batch", "16"), "--batch");
        TrustTest.badInput(cli("train", "--resume", run.toString(), "--out", dir.resolve("x").toString()), "--out");
        assertEquals(new String(before), Files.readString(ModelFile.path(run)));

        r = cli("train", "--resume", run.toString(), "--steps", "4", "--lr-g", "0.005");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("fine-tuning") && r.err().contains("0.005"), r.err());
        ModelFile m = ModelFile.read(run);
        assertEquals(0.005, m.training.lrG());
        assertEquals(4, m.state.step);
    }
}
