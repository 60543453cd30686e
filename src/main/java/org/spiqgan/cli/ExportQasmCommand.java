package org.spiqgan.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import org.spiqgan.data.AtomicFile;
import org.spiqgan.model.ModelFile;
import org.spiqgan.model.PatchGenerator;
import org.spiqgan.quantum.Circuit;
import org.spiqgan.quantum.Qasm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spiqgan export-qasm RUNDIR --patch G,T}: one trained sub-generator as OpenQASM. */
@Command(name = "export-qasm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write one trained sub-generator (neuron group G, timestep T, both 0-based) as OpenQASM 3 "
                + "(latent z as input angles) or OpenQASM 2.0 (z bound to --z values).")
public final class ExportQasmCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNDIR", description = "Run directory (or its model.json).")
    Path run;

    @Option(names = "--patch", paramLabel = "G,T", description = "Patch model: neuron group and timestep, 0-based (required).")
    String patch;

    @Option(names = "--format", defaultValue = "3", description = "3 or 2. Default: ${DEFAULT-VALUE}.")
    int format;

    @Option(names = "--z", paramLabel = "Z1,Z2,...", description = "Input values bound in format 2: the latent z, each in the "
            + "model's range [0, z-max), then (autoregressive models) the previous pattern's bits, 0 or 1. "
            + "Default: z at the middle of the range, feedback bits 0.")
    String z;

    @Option(names = "--checkpoint", defaultValue = "best", description = "best or last. Default: ${DEFAULT-VALUE}.")
    String checkpoint;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file. Default: standard output.")
    Path out;

    @Option(names = "--group", defaultValue = "0", paramLabel = "G",
            description = "Stationary model: neuron group, 0-based. Default: ${DEFAULT-VALUE}.")
    int group;

    @Option(names = "--history-bits", paramLabel = "BITS",
            description = "Stationary model: the previous H patterns of all N neurons as H x N 0/1 characters, x_{t-1} first, "
                    + "each pattern led by the hidden units' bits when the model has them (default: all 0, the start of a window's burn-in).")
    String historyBits;

    /** Writes the program to --out (atomically) or standard output. */
    private int emit(String text) throws java.io.IOException {
        if (out != null) {
            AtomicFile.writeString(out, text);
            spec.commandLine().getErr().println("spiqgan: wrote " + out);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Reads --z into zv: exactly zv.length finite numbers, or a one-line error. */
    private void parseZ(double[] zv, String what) {
        String[] p = z.split(",");
        if (p.length != zv.length) throw BadInputException.of(null, "--z", "needs " + zv.length + " values " + what + ", got " + p.length);
        for (int k = 0; k < p.length; k++) {
            try {
                zv[k] = Double.parseDouble(p[k].trim());
            } catch (NumberFormatException e) {
                throw BadInputException.of(null, "--z", "value " + (k + 1) + " is not a number: '" + p[k] + "'");
            }
            if (!Double.isFinite(zv[k])) throw BadInputException.of(null, "--z", "value " + (k + 1) + " is not finite");
        }
    }

    /** One bin of a stationary run, for a given latent and history, every angle bound (OpenQASM 3 or 2). */
    private int stationary() throws Exception {
        if (patch != null) throw BadInputException.of(null, "--patch", "applies to patch-model runs; use --group for a stationary run");
        var r = org.spiqgan.model.stationary.StationaryRun.read(run);
        var cfg = r.generator;
        if (group < 0 || group >= cfg.groups()) throw BadInputException.of(null, "--group", "must be in 0.." + (cfg.groups() - 1) + ", not " + group);
        double[] zv = new double[cfg.latent()];
        java.util.Arrays.fill(zv, cfg.zMax() / 2);
        if (z != null) {
            parseZ(zv, "(the latent dimension)");
            for (int k = 0; k < zv.length; k++) {
                if (!(zv[k] >= 0 && zv[k] <= cfg.zMax())) {
                    throw BadInputException.of(null, "--z", "value " + (k + 1) + " is outside the trained latent range [0, " + cfg.zMax() + ")");
                }
            }
        }
        int[] hist = new int[cfg.history() * cfg.units()];
        if (historyBits != null) {
            String b = historyBits.replace(",", "");
            if (b.length() != hist.length || !b.matches("[01]*")) {
                throw BadInputException.of(null, "--history-bits", "needs " + hist.length + " characters 0 or 1 (H = " + cfg.history()
                        + " bins x " + (cfg.hidden() > 0 ? cfg.hidden() + " hidden units + " : "") + "N = " + cfg.neurons()
                        + " neurons), got '" + historyBits + "'");
            }
            for (int i = 0; i < hist.length; i++) hist[i] = b.charAt(i) - '0';
        }
        String text = org.spiqgan.model.stationary.StationaryQasm.write(cfg, r.parameters(checkpoint.equals("last")), group, format,
                r.data.neuronIndices(), zv, hist);
        return emit(text);
    }

    @Override
    public Integer call() throws Exception {
        if (format != 2 && format != 3) throw BadInputException.of(null, "--format", "must be 3 or 2, not " + format);
        if (!checkpoint.equals("best") && !checkpoint.equals("last")) {
            throw BadInputException.of(null, "--checkpoint", "must be best or last, not '" + checkpoint + "'");
        }
        if (org.spiqgan.model.stationary.StationaryRun.isStationary(run)) return stationary();
        if (patch == null) throw BadInputException.of(null, "--patch", "is required for a patch-model run: G,T (group, timestep)");
        ModelFile m = ModelFile.read(run);
        int g, t;
        try {
            String[] p = patch.split(",");
            if (p.length != 2) throw new NumberFormatException();
            g = Integer.parseInt(p[0].trim());
            t = Integer.parseInt(p[1].trim());
        } catch (NumberFormatException e) {
            throw BadInputException.of(null, "--patch", "must be G,T (group, timestep), not '" + patch + "'");
        }
        if (g < 0 || g >= m.generator.groups() || t < 0 || t >= m.generator.timesteps()) {
            throw BadInputException.of(null, "--patch", "group must be in 0.." + (m.generator.groups() - 1) + " and timestep in 0.."
                    + (m.generator.timesteps() - 1) + ", not " + patch);
        }
        if (out != null) OutputChecks.file(out, "--out");
        if (z != null && format == 3) throw BadInputException.of(null, "--z", "binds inputs in --format 2 only (OpenQASM 3 keeps them as inputs)");
        PatchGenerator gen = new PatchGenerator(m.generator);
        Circuit c = gen.circuit(g);
        double[] params = gen.patchParams(m.generatorParams(checkpoint), g * m.generator.timesteps() + t);
        int feedback = m.generator.autoregressive() ? m.generator.groupNeurons(g) : 0;
        int latent = c.inputCount() - feedback;
        double zMax = m.generator.zMax();
        String text;
        if (format == 3) {
            text = header(m, g, t, c, latent, feedback, null) + Qasm.toQasm3(c, params);
        } else {
            double[] zv = new double[c.inputCount()];
            java.util.Arrays.fill(zv, 0, latent, zMax / 2);
            if (z != null) {
                parseZ(zv, "for this sub-generator");
                var err = spec.commandLine().getErr();
                for (int k = 0; k < zv.length; k++) {
                    if (k < latent && !(zv[k] >= 0 && zv[k] < zMax)) {
                        err.printf(Locale.ROOT, "spiqgan: warning: --z value %d = %s is outside the latent range [0, %s) the model "
                                + "was trained with; its output there is not what the model learned%n", k + 1, zv[k], zMax);
                    } else if (k >= latent && zv[k] != 0 && zv[k] != 1) {
                        err.printf(Locale.ROOT, "spiqgan: warning: --z value %d = %s is a feedback input (a bit of the previous "
                                + "pattern), which is 0 or 1%n", k + 1, zv[k]);
                    }
                }
                err.flush();
            }
            text = header(m, g, t, c, latent, feedback, zv) + Qasm.toQasm2(c, params, zv);
        }
        return emit(text);
    }

    /** Comment lines: what the qubits and inputs mean, and the latent range the model was trained with. */
    private String header(ModelFile m, int g, int t, Circuit c, int latent, int feedback, double[] bound) {
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
        h.append("// spiqgan export-qasm ").append(run.toAbsolutePath().normalize()).append(" --patch ").append(g).append(',').append(t)
                .append(" (").append(step).append(")\n");
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
