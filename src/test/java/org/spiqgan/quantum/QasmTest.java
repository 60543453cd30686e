package org.spiqgan.quantum;

import org.spiqgan.model.ReuploadingAnsatz;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spiqgan.BadInputException;

class QasmTest {

    @Test
    void qasm2RoundTripGivesTheSameProbabilities() {
        Random rng = new Random(8);
        for (int n = 1; n <= 7; n++) {
            for (int trial = 0; trial < 4; trial++) {
                Circuit c = RandomCircuits.random(rng, n, 5, 2, 10 * n);
                double[] p = RandomCircuits.uniform(rng, 5, -3, 3), z = RandomCircuits.uniform(rng, 2, 0, 3);
                String text = Qasm.toQasm2(c, p, z);
                Circuit back = Qasm.parseQasm2(text, "roundtrip.qasm");
                assertEquals(n, back.qubits());
                assertArrayEquals(c.probabilities(p, z), back.probabilities(null, null), 1e-12, text);
            }
        }
    }

    @Test
    void qasm3KeepsInputsSymbolicAndBindsParameters() {
        ReuploadingAnsatz g = ReuploadingAnsatz.of(2, 1).rotations(ReuploadingAnsatz.Rotations.RY);
        double[] p = {0.5, 1.25, 1.0, -0.75};
        String q3 = Qasm.toQasm3(g.build(), p);
        assertTrue(q3.startsWith("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"), q3);
        assertTrue(q3.contains("input float[64] z0;\ninput float[64] z1;\n"), q3);
        assertTrue(q3.contains("ry(0.5*z0) q[0];\nry(1.25) q[0];\nry(z1) q[1];\nry(-0.75) q[1];\ncx q[0], q[1];"), q3);
        assertTrue(q3.contains("qubit[2] q;"), q3);
        // Full double precision survives.
        double w = 0.1 + 0.2;
        String t = Qasm.toQasm2(Circuit.builder(1).rx(0, w).build(), null, null);
        assertTrue(t.contains("rx(" + Double.toString(w) + ") q[0];"), t);
    }

    @Test
    void readsQelib1SubsetWithSeveralRegistersCommentsMeasureAndBarrier() {
        String text = "// a comment\nOPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg a[1];\nqreg b[2];\ncreg c[3];\n"
                + "h a[0]; // trailing comment\ncx a[0], b[1];\nbarrier a, b;\nu3(pi/2, -pi/4, 2*(0.5-0.25)) b[0];\n"
                + "rz(-pi) b;\nsdg b[0]; tdg b[1];\nid a[0];\nu2(0, pi) a[0];\nu1(pi/8) b[1];\nmeasure a[0] -> c[0];\nmeasure b -> c;\n";
        Circuit c = Qasm.parseQasm2(text, "x.qasm");
        assertEquals(3, c.qubits());
        Circuit ref = Circuit.builder(3).h(0).cnot(0, 2)
                .u3(1, Angle.constant(Math.PI / 2), Angle.constant(-Math.PI / 4), Angle.constant(0.5))
                .rz(1, -Math.PI).rz(2, -Math.PI).sdg(1).tdg(2)
                .u3(0, Angle.constant(Math.PI / 2), Angle.constant(0), Angle.constant(Math.PI))
                .u3(2, Angle.constant(0), Angle.constant(0), Angle.constant(Math.PI / 8)).build();
        assertArrayEquals(ref.probabilities(null, null), c.probabilities(null, null), 1e-15);
        Evaluator e1 = ref.run(null, null), e2 = c.run(null, null);
        assertArrayEquals(e1.real(), e2.real(), 1e-15);
        assertArrayEquals(e1.imag(), e2.imag(), 1e-15);
    }

    private static String err(String body) {
        BadInputException ex = assertThrows(BadInputException.class, () -> Qasm.parseQasm2(body, "bad.qasm"));
        return ex.getMessage();
    }

    private static final String HEAD = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\n";

    @Test
    void malformedInputNamesFileLineAndToken() {
        assertEquals("bad.qasm: line 4: unsupported statement or gate 'ccx' (supported: rx ry rz u3 u u2 u1 U h x y z s "
                + "sdg t tdg id cx CX cz swap, qreg creg include measure barrier)", err(HEAD + "ccx q[0], q[1], q[0];\n"));
        assertEquals("bad.qasm: line 5: qubit index 2 out of range for qreg q[2]", err(HEAD + "h q[0];\ncx q[0], q[2];\n"));
        assertEquals("bad.qasm: line 4: angle 1 of 'rx' is Infinity", err(HEAD + "rx(1/0) q[0];\n"));
        assertEquals("bad.qasm: line 4: angle 1 of 'ry' is NaN", err(HEAD + "ry(0/0) q[0];\n"));
        assertEquals("bad.qasm: line 4: unexpected token ';' (expected a number, pi or '(')", err(HEAD + "rx(;) q[0];\n"));
        assertEquals("bad.qasm: line 4: unexpected token 'theta' (expected a number, pi or '(')", err(HEAD + "rx(theta) q[0];\n"));
        assertEquals("bad.qasm: line 5: unexpected token 'h' (expected ';')", err(HEAD + "h q[0]\nh q[1];\n"));
        assertEquals("bad.qasm: line 1: unexpected token 'OPENQASM3' (expected 'OPENQASM 2.0;' header)", err("OPENQASM3;"));
        assertEquals("bad.qasm: line 1: unsupported OpenQASM version '4.0' (2.0 and the OpenQASM 3 subset of export are read)",
                err("OPENQASM 4.0;"));
        assertEquals("bad.qasm: line 1: no qubit register declared", err("OPENQASM 3.0;"));
        assertEquals("bad.qasm: line 2: cannot include 'stdgates.inc' (only qelib1.inc)", err("OPENQASM 2.0;\ninclude \"stdgates.inc\";"));
        assertEquals("bad.qasm: line 4: unknown qreg 'r'", err(HEAD + "x r[0];"));
        assertEquals("bad.qasm: line 4: unsupported statement or gate 'gate' (supported: rx ry rz u3 u u2 u1 U h x y z s "
                + "sdg t tdg id cx CX cz swap, qreg creg include measure barrier)", err(HEAD + "gate foo a { h a; }"));
        assertEquals("bad.qasm: line 4: unexpected character '{'", err(HEAD + "{"));
        assertEquals("bad.qasm: line 4: 'cx' on the same qubit twice", err(HEAD + "cx q[1], q[1];"));
        assertEquals("bad.qasm: line 4: gate 'rx' takes 1 angles", err(HEAD + "rx(1, 2) q[0];"));
        assertEquals("bad.qasm: line 4: gate 'h' takes 1 qubit(s)", err(HEAD + "h q[0], q[1];"));
        assertEquals("bad.qasm: line 4: unexpected end of file (expected ';')", err(HEAD + "h q[0]"));
        assertEquals("bad.qasm: line 3: no qreg declared", err("OPENQASM 2.0;\ninclude \"qelib1.inc\";\ncreg c[2];"));
        String big = err("OPENQASM 2.0;\nqreg a[20];\nqreg b[10];\n");
        assertTrue(big.startsWith("bad.qasm: line 3: qubits: 30 qubits would need 16 GiB"), big);
    }

    @Test
    void exportOfSubGeneratorBindsEveryAngle() {
        ReuploadingAnsatz g = ReuploadingAnsatz.of(4, 5);
        Circuit c = g.build();
        double[] p = g.initialParams(new SplittableRandom(1));
        double[] z = {0.1, 0.9, 2.0, 3.0};
        Circuit back = Qasm.parseQasm2(Qasm.toQasm2(c, p, z), "sub.qasm");
        assertArrayEquals(c.probabilities(p, z), back.probabilities(null, null), 1e-13);
    }
}
