package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.TrustTest.Result;

/** Issue 15 item 9: exported circuits say what their qubits and inputs are, and the tool runs what it exports. */
class ExportQasmTrustTest {
    @TempDir
    Path dir;

    @Test
    void exportNamesTheLatentRangeBindsInsideItAndCircuitRunReadsOpenQasm3() throws Exception {
        Path run = dir.resolve("run");
        Result r = TrustTest.cli("train", "--model", "patch", "--synthetic", "--neurons", "top:2", "-T", "2", "--layers", "2", "--ancillas", "1",
                "--z-max", "0.5", "--batch", "8", "--steps", "2", "--eval-every", "2", "--validation-samples", "50",
                "--critic", "mlp:4", "--pretrain", "0", "--quiet", "--out", run.toString());
        assertEquals(0, r.code(), r.err());

        r = TrustTest.cli("export-qasm", run.toString(), "--patch", "0,1", "--format", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("U[0, 0.5)"), r.out());
        assertTrue(r.out().contains("bound inputs: z0 = 0.25, z1 = 0.25, z2 = 0.25"), r.out());
        assertTrue(r.out().contains("ancillas: q[2]..q[2]"), r.out());
        assertTrue(r.out().matches("(?s).*q\\[0\\] = neuron \\d+, q\\[1\\] = neuron \\d+.*"), r.out());
        assertEquals("", r.err());

        r = TrustTest.cli("export-qasm", run.toString(), "--patch", "0,1", "--format", "2", "--z", "1.0,0.1,0.1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("outside the latent range [0, 0.5)"), r.err());

        Path q2 = dir.resolve("p2.qasm"), q3 = dir.resolve("p3.qasm");
        assertEquals(0, TrustTest.cli("export-qasm", run.toString(), "--patch", "0,1", "--format", "2", "--z", "0.1,0.2,0.3",
                "--out", q2.toString()).code());
        r = TrustTest.cli("export-qasm", run.toString(), "--patch", "0,1", "--out", q3.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(q3).contains("OPENQASM 3.0;"));
        assertTrue(Files.readString(q3).contains("latent inputs z0..z2"));

        Result p2 = TrustTest.cli("circuit", "run", q2.toString());
        Result p3 = TrustTest.cli("circuit", "run", "--z", "0.1,0.2,0.3", q3.toString());
        assertEquals(0, p3.code(), p3.err());
        assertEquals(p2.out(), p3.out());
        Result p3b = TrustTest.cli("circuit", "run", "--input", "z0=0.1", "--input", "z1=0.2", "--input", "z2=0.3", q3.toString());
        assertEquals(p2.out(), p3b.out());

        TrustTest.badInput(TrustTest.cli("circuit", "run", q3.toString()), "z0", "has no value", "--z");
        TrustTest.badInput(TrustTest.cli("circuit", "run", "--z", "0.1", q3.toString()), "--z", "3 inputs");
        TrustTest.badInput(TrustTest.cli("circuit", "run", "--input", "w=1", "--z", "0.1,0.2,0.3", q3.toString()), "no input named 'w'");
        TrustTest.badInput(TrustTest.cli("export-qasm", run.toString(), "--patch", "0,1", "--z", "0.1,0.2,0.3"), "--z", "format 2");
        assertFalse(p2.out().isEmpty());
    }
}
