package org.spiqgan.model;

import java.util.Locale;
import org.spiqgan.BadInputException;
import org.spiqgan.quantum.Circuit;
import org.spiqgan.quantum.Qasm;

/**
 * One trained sub-generator of a patch-model run (neuron group g, timestep t) as an OpenQASM program:
 * OpenQASM 3 keeps the latent z (and the feedback bits) as input angles, OpenQASM 2 binds them. The header
 * comments say what the qubits and inputs mean and the latent range the model was trained with.
 */
final class PatchQasm {
    private PatchQasm() {}

    /** @param checkpoint "best" or "last" */
    static String write(ModelFile m, String checkpoint, QasmExportable.Request r) {
        if (r.patch() == null) throw BadInputException.of(null, "patch", "is required for a patch-model run: G,T (group, timestep)");
        int g, t;
        try {
            String[] p = r.patch().split(",");
            if (p.length != 2) throw new NumberFormatException();
            g = Integer.parseInt(p[0].trim());
            t = Integer.parseInt(p[1].trim());
        } catch (NumberFormatException e) {
            throw BadInputException.of(null, "patch", "must be G,T (group, timestep), not '" + r.patch() + "'");
        }
        if (g < 0 || g >= m.generator.groups() || t < 0 || t >= m.generator.timesteps()) {
            throw BadInputException.of(null, "patch", "group must be in 0.." + (m.generator.groups() - 1) + " and timestep in 0.."
                    + (m.generator.timesteps() - 1) + ", not " + r.patch());
        }
        if (r.inputs() != null && r.version() == 3) {
            throw BadInputException.of(null, "z", "binds inputs in field qasmVersion 2 only (OpenQASM 3 keeps them as inputs)");
        }
        PatchGenerator gen = new PatchGenerator(m.generator);
        Circuit c = gen.circuit(g);
        double[] params = gen.patchParams(m.generatorParams(checkpoint), g * m.generator.timesteps() + t);
        int feedback = m.generator.autoregressive() ? m.generator.groupNeurons(g) : 0;
        int latent = c.inputCount() - feedback;
        double zMax = m.generator.zMax();
        if (r.version() == 3) return header(m, checkpoint, r.source(), g, t, c, latent, feedback, null) + Qasm.toQasm3(c, params);
        double[] zv = new double[c.inputCount()];
        java.util.Arrays.fill(zv, 0, latent, zMax / 2);
        if (r.inputs() != null) {
            QasmExportable.parseInputs(r.inputs(), zv, "for this sub-generator");
            for (int k = 0; k < zv.length; k++) {
                if (k < latent && !(zv[k] >= 0 && zv[k] < zMax)) {
                    r.warnings().accept(String.format(Locale.ROOT, "field z value %d = %s is outside the latent range [0, %s) the model "
                            + "was trained with; its output there is not what the model learned", k + 1, zv[k], zMax));
                } else if (k >= latent && zv[k] != 0 && zv[k] != 1) {
                    r.warnings().accept(String.format(Locale.ROOT, "field z value %d = %s is a feedback input (a bit of the previous "
                            + "pattern), which is 0 or 1", k + 1, zv[k]));
                }
            }
        }
        return header(m, checkpoint, r.source(), g, t, c, latent, feedback, zv) + Qasm.toQasm2(c, params, zv);
    }

    /** Comment lines: what the qubits and inputs mean, and the latent range the model was trained with. */
    private static String header(ModelFile m, String checkpoint, String source, int g, int t, Circuit c, int latent, int feedback,
            double[] bound) {
        var cfg = m.generator;
        int data = cfg.groupNeurons(g), start = cfg.groupStart(g);
        StringBuilder neurons = new StringBuilder();
        for (int k = 0; k < data; k++) {
            neurons.append(k == 0 ? "" : ", ").append("q[").append(k).append("] = neuron ")
                    .append(m.data.neuronIndices() != null && start + k < m.data.neuronIndices().length ? m.data.neuronIndices()[start + k] : start + k);
        }
        String step = checkpoint.equals("best") && m.state.bestParams != null ? "best checkpoint, step " + m.state.bestStep
                : "last EMA, step " + m.state.step;
        StringBuilder h = new StringBuilder();
        h.append("// ").append(source.replace(QasmExportable.CIRCUIT, g + "," + t)).append(" (").append(step).append(")\n");
        h.append("// sub-generator of neuron group ").append(g).append(" at timestep ").append(t).append(" of ").append(cfg.timesteps())
                .append("; data from ").append(m.data.source()).append('\n');
        h.append("// data qubits (measured pattern; neurons are indices into the recording): ").append(neurons).append('\n');
        if (c.qubits() > data) {
            h.append("// ancillas: q[").append(data).append("]..q[").append(c.qubits() - 1).append("] (measured but not part of the pattern)\n");
        } else {
            h.append("// ancillas: none\n");
        }
        h.append(String.format(Locale.ROOT, "// latent inputs z0..z%d: each drawn from U[0, %s) as in training (the same z feeds every "
                + "sub-generator of the model)%n", latent - 1, cfg.zMax()));
        if (feedback > 0) {
            h.append("// feedback inputs z").append(latent).append("..z").append(latent + feedback - 1)
                    .append(": the bits (0 or 1) of this group's pattern at timestep ").append(t - 1).append(" (0 at timestep 0)\n");
        } else {
            h.append("// feedback inputs: none\n");
        }
        if (bound != null) {
            h.append("// bound inputs:");
            for (int k = 0; k < bound.length; k++) h.append(k == 0 ? " " : ", ").append('z').append(k).append(" = ").append(bound[k]);
            h.append('\n');
        }
        return h.toString();
    }
}
