package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.TrustTest.Result;
import org.spiqgan.model.QasmExportable;
import org.spiqgan.model.SpikeModel;

/**
 * Issue 10: {@code export-qasm} asks the loaded {@link SpikeModel} for its circuits: the patch and stationary
 * run models write them, a baseline (no circuits) is refused in one line; the help shows the options of each
 * kind of run in its own section; {@code --checkpoint} is enum-typed.
 */
class ExportQasmDispatchTest {
    @TempDir
    Path dir;

    @Test
    void theModelWritesItsCircuitsAndABaselineHasNone() throws Exception {
        Path bern = dir.resolve("bern");
        assertEquals(0, TrustTest.cli("baseline", "fit", "bernoulli", "--synthetic", "--neurons", "top:3", "-T", "4", "--out",
                bern.toString()).code());
        SpikeModel b = RunModels.load(bern, RunModels.Options.defaults());
        assertFalse(b.qasmExport().isPresent());
        TrustTest.badInput(TrustTest.cli("export-qasm", bern.toString(), "--patch", "0,0"), "baseline/bernoulli", "no quantum circuits");

        Path st = dir.resolve("st");
        assertEquals(0, TrustTest.cli("train", "--synthetic", "--neurons", "top:3", "-T", "4", "--likelihood-steps", "2",
                "--refine-steps", "0", "--batch", "4", "--draws", "2", "--eval-every", "2", "--validation-samples", "64", "--threads", "1",
                "--quiet", "--out", st.toString()).code());
        SpikeModel m = RunModels.load(st, RunModels.Options.defaults());
        QasmExportable q = m.qasmExport().orElseThrow();
        String text = q.qasm(new QasmExportable.Request(null, 0, 2, null, null, "x", w -> { }));
        Result r = TrustTest.cli("export-qasm", st.toString(), "--format", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals(text, r.out(), "the command prints what the model writes");
        assertTrue(text.startsWith("OPENQASM 2.0;"), text);
        // library messages name the request's fields; the command shows them as its options
        TrustTest.badInput(TrustTest.cli("export-qasm", st.toString(), "--history-bits", "01"), "--history-bits", "needs");
        TrustTest.badInput(TrustTest.cli("export-qasm", st.toString(), "--patch", "0,0"), "--patch", "--group");
        Result last = TrustTest.cli("export-qasm", st.toString(), "--checkpoint", "last", "--out", dir.resolve("s.qasm").toString());
        assertEquals(0, last.code(), last.err());
        assertTrue(Files.readString(dir.resolve("s.qasm")).contains("cry("));
        Result bad = TrustTest.cli("export-qasm", st.toString(), "--checkpoint", "first");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--checkpoint") && bad.err().contains("best or last"), bad.err());
    }

    @Test
    void theHelpShowsEachKindOfRunInItsOwnSection() {
        Result r = TrustTest.cli("export-qasm", "--help");
        assertEquals(0, r.code());
        int patch = r.out().indexOf("Patch-model run:"), stationary = r.out().indexOf("Stationary run:");
        assertTrue(patch > 0 && stationary > patch, r.out());
        assertTrue(r.out().indexOf("--patch=G,T ", patch) > patch && r.out().indexOf("--history-bits=BITS ", stationary) > stationary, r.out());
    }
}
