package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.cli.SpiqganCli;
import picocli.CommandLine;

class CircuitCliTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = SpiqganCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String BELL_PLUS = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[3];\n"
            + "h q[0];\ncx q[0], q[1];\nx q[2];\nmeasure q -> c;\n";

    @Test
    void printsProbabilitiesWithHighestQubitLeftmost() throws IOException {
        Result r = run("circuit", "run", write("bell.qasm", BELL_PLUS).toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(8, lines.length);
        // |q2 q1 q0> = |100> and |111> each with 1/2, printed to 17 significant digits
        double[] want = {0, 0, 0, 0, 0.5, 0, 0, 0.5};
        for (int b = 0; b < 8; b++) {
            String[] f = lines[b].split(" ");
            assertEquals(CircuitBits.of(b, 3), f[0]);
            assertEquals(want[b], Double.parseDouble(f[1]), 1e-15);
            assertTrue(f[1].matches("0\\.[0-9]{16,17}"), f[1]);
        }
    }

    @Test
    void printsMarginals() throws IOException {
        Result r = run("circuit", "run", "--marginals", write("bell.qasm", BELL_PLUS).toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length);
        double[] want = {0.5, 0.5, 1.0};
        for (int q = 0; q < 3; q++) {
            assertTrue(lines[q].startsWith("q" + q + " "), lines[q]);
            assertEquals(want[q], Double.parseDouble(lines[q].substring(3)), 1e-15);
        }
    }

    @Test
    void shotCountsAreSeededSortedAndNonZero() throws IOException {
        Path f = write("bell.qasm", BELL_PLUS);
        Result a = run("circuit", "run", "--shots", "1000", "--seed", "7", f.toString());
        Result b = run("circuit", "run", "--shots", "1000", "--seed", "7", f.toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        String[] lines = a.out().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("100 ") && lines[1].startsWith("111 "), a.out());
        long total = Long.parseLong(lines[0].split(" ")[1]) + Long.parseLong(lines[1].split(" ")[1]);
        assertEquals(1000, total);
    }

    @Test
    void badFileIsOneLineAndExitTwo() throws IOException {
        Path f = write("bad.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nccx q[0], q[1];\n");
        Result r = run("circuit", "run", f.toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().startsWith("spiqgan: " + f + ": line 4: unsupported statement or gate 'ccx'"), r.err());

        Result missing = run("circuit", "run", dir.resolve("nope.qasm").toString());
        assertEquals(2, missing.code());
        assertEquals("spiqgan: " + dir.resolve("nope.qasm") + ": no such file\n", missing.err());

        Result big = run("circuit", "run", write("big.qasm", "OPENQASM 2.0;\nqreg q[40];\n").toString());
        assertEquals(2, big.code());
        assertTrue(big.err().contains("40 qubits would need 16384 GiB"), big.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path f = write("bell.qasm", BELL_PLUS);
        Result r = run("circuit", "run", "--shots", "10", "--marginals", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("spiqgan: --shots and --marginals cannot be combined"), r.err());
        assertEquals(2, run("circuit", "run", "--shots", "0", f.toString()).code());
        assertEquals(2, run("circuit", "run").code());
        assertEquals(2, run("circuit", "run", "--bogus", f.toString()).code());
    }

    @Test
    void circuitDemoRunsTheSimulatorDemo() {
        Result r = run("circuit", "demo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trainable parameters: 80"), r.out());
        assertTrue(r.out().contains("OPENQASM 3.0;"), r.out());
        assertTrue(r.out().contains("input float[64] z3;"), r.out());
    }

    /** Independent of the CLI's own formatting code. */
    static final class CircuitBits {
        static String of(int b, int n) {
            String s = Integer.toBinaryString(b);
            return "0".repeat(n - s.length()) + s;
        }
    }
}
