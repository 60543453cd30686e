package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Compares the simulator with PennyLane (default.qubit, autograd) on the committed golden fixtures
 * written by bench/peers/quantum_fixtures.py: probabilities, marginals, Hamming distribution, and
 * gradients of a random linear function of each output with respect to parameters and inputs.
 */
class PennyLaneFixtureTest {
    private static final double TOL = 1e-10;

    static JsonObject fixtures() throws Exception {
        try (InputStream in = PennyLaneFixtureTest.class.getResourceAsStream("/fixtures/quantum/pennylane_circuits.json")) {
            assertNotNull(in, "fixture file missing from src/test/resources/fixtures/quantum");
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    static double[] doubles(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
        return v;
    }

    static int[] ints(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsInt();
        return v;
    }

    static Angle angle(JsonObject a) {
        if (a.has("const")) return Angle.constant(a.get("const").getAsDouble());
        double scale = a.has("scale") ? a.get("scale").getAsDouble() : 1.0;
        boolean p = a.has("param"), z = a.has("input");
        if (p && z) return Angle.product(a.get("param").getAsInt(), a.get("input").getAsInt(), scale);
        if (p) return Angle.param(a.get("param").getAsInt(), scale);
        if (z) return Angle.input(a.get("input").getAsInt(), scale);
        throw new IllegalArgumentException("angle without const/param/input: " + a);
    }

    static Circuit build(JsonObject c, int nParams, int nInputs) {
        Circuit.Builder b = Circuit.builder(c.get("n_qubits").getAsInt()).params(nParams).inputs(nInputs);
        for (JsonElement oe : c.getAsJsonArray("ops")) {
            JsonObject op = oe.getAsJsonObject();
            Gate g = Gate.valueOf(op.get("gate").getAsString());
            int[] w = ints(op.get("wires"));
            if (g == Gate.UNITARY) {
                JsonArray m = op.getAsJsonArray("matrix");
                double[] u = new double[8];
                for (int k = 0; k < 4; k++) {
                    u[2 * k] = m.get(k).getAsJsonArray().get(0).getAsDouble();
                    u[2 * k + 1] = m.get(k).getAsJsonArray().get(1).getAsDouble();
                }
                b.unitary(w[0], u);
            } else if (g.qubits() == 2) {
                b.gate(g, w[0], w[1]);
            } else {
                Angle[] angles = new Angle[g.angles()];
                for (int k = 0; k < angles.length; k++) {
                    angles[k] = angle(op.getAsJsonArray("angles").get(k).getAsJsonObject());
                }
                b.gate(g, w[0], angles);
            }
        }
        return b.build();
    }

    static void assertClose(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + " length");
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], TOL, what + "[" + i + "]");
    }

    @Test
    void matchesPennyLane() throws Exception {
        JsonObject doc = fixtures();
        JsonArray circuits = doc.getAsJsonArray("circuits");
        assertTrue(circuits.size() >= 10);
        for (JsonElement ce : circuits) {
            JsonObject c = ce.getAsJsonObject();
            String name = c.get("name").getAsString();
            double[] params = doubles(c.get("params")), inputs = doubles(c.get("inputs"));
            Circuit circuit = build(c, params.length, inputs.length);
            int n = circuit.qubits();
            int[] mq = ints(c.get("marginal_qubits")), hq = ints(c.get("hamming_qubits"));
            Evaluator e = circuit.run(params, inputs);
            assertClose(doubles(c.get("probabilities")), e.read(Readout.probabilities()), name + " probabilities");
            assertClose(doubles(c.get("marginals")), e.read(Readout.marginals(mq)), name + " marginals");
            assertClose(doubles(c.get("hamming")), e.read(Readout.hamming(hq)), name + " hamming");
            for (String kind : new String[] {"probabilities", "marginals", "hamming"}) {
                Readout r = kind.equals("probabilities") ? Readout.probabilities()
                        : kind.equals("marginals") ? Readout.marginals(mq) : Readout.hamming(hq);
                double[] cot = doubles(c.getAsJsonObject("cotangent").get(kind));
                assertEquals(r.size(n), cot.length);
                double[] gp = new double[params.length], gi = new double[inputs.length];
                e.gradient(params, inputs, r, cot, gp, gi);
                assertClose(doubles(c.getAsJsonObject("grad_params").get(kind)), gp, name + " grad_params " + kind);
                assertClose(doubles(c.getAsJsonObject("grad_inputs").get(kind)), gi, name + " grad_inputs " + kind);
            }
        }
    }
}
