package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.TrustTest.Result;

/** Issue 15 item 12: info prints key: value lines and writes the training curves of a run. */
class InfoReportTest {
    @TempDir
    Path dir;

    @Test
    void infoIsReadableAndWritesTrainingCurves() throws Exception {
        Path run = dir.resolve("run");
        Result r = TrustTest.cli("train", "--model", "patch", "--synthetic", "--neurons", "top:3", "-T", "2", "--layers", "1", "--batch", "8",
                "--steps", "4", "--eval-every", "2", "--validation-samples", "50", "--critic", "mlp:4", "--pretrain", "0",
                "--quiet", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        // train itself writes RUNDIR/curves/index.html at the end.
        assertTrue(Files.readString(run.resolve("curves/index.html")).contains("Losses over generator steps"), r.err());
        assertTrue(r.err().contains("wrote " + run.resolve("curves").resolve("index.html")), r.err());
        Path report = dir.resolve("curves");
        r = TrustTest.cli("info", run.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("TrainConfig["), "no record dump: " + r.out());
        assertFalse(r.out().contains("{\""), "no JSON dump: " + r.out());
        assertTrue(r.out().contains("\n  lrG: 0.01\n") && r.out().contains("\n  steps: 4\n"), r.out());
        assertTrue(r.out().contains("\n  sha256: synthetic:"), r.out());
        assertTrue(r.out().contains("last validation:\n  samples: "), r.out());
        for (String line : r.out().split("\n")) assertTrue(line.contains(": ") || line.endsWith(":"), "key: value: " + line);
        assertTrue(Files.exists(report.resolve("figures/01-losses.png")));
        assertTrue(Files.exists(report.resolve("figures/02-validation.png")));
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Losses over generator steps") && html.contains("data:image/png;base64,"), html.substring(0, 300));

        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        TrustTest.badInput(TrustTest.cli("info", run.toString(), "--report", file.toString()), "--report", "is a file");
    }

    @Test
    void stationaryTrainWritesTrainingCurves() throws Exception {
        Path run = dir.resolve("st");
        Result r = TrustTest.cli("train", "--synthetic", "--neurons", "top:3", "--timesteps", "3", "--history", "1", "--batch", "4",
                "--draws", "2", "--moment-samples", "8", "--eval-every", "3", "--validation-samples", "32", "--likelihood-steps", "4",
                "--refine-steps", "2", "--quiet", "--threads", "2", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(run.resolve("curves/index.html"));
        assertTrue(html.contains("data:image/png;base64,"), html);
        assertTrue(Files.exists(run.resolve("curves/figures/01-losses.png")));
    }

    @Test
    void patchPretrainingNllGetsACurve() throws Exception {
        Path run = dir.resolve("pre");
        Result r = TrustTest.cli("train", "--model", "patch", "--synthetic", "--neurons", "top:3", "-T", "2", "--layers", "1", "--batch", "8",
                "--steps", "2", "--eval-every", "2", "--validation-samples", "50", "--critic", "mlp:4", "--pretrain", "3",
                "--quiet", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        double[] nll = org.spiqgan.model.ModelFile.read(run).state.pretrainNll;
        assertEquals(3, nll.length);
        for (double v : nll) assertTrue(Double.isFinite(v) && v > 0, java.util.Arrays.toString(nll));
        assertTrue(Files.exists(run.resolve("curves/figures/03-pretrain.png")));
        assertTrue(Files.readString(run.resolve("curves/index.html")).contains("likelihood pre-training"));
    }
}
