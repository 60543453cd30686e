package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.spiqgan.quantum.BatchSimulator;
import org.spiqgan.quantum.Circuit;
import org.spiqgan.quantum.Evaluator;
import org.spiqgan.quantum.Qasm;
import org.spiqgan.quantum.Readout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spiqgan circuit ...}: the state-vector simulator on OpenQASM files. */
@Command(
        name = "circuit",
        mixinStandardHelpOptions = true,
        description = "Simulate quantum circuits exactly (state vector).",
        subcommands = {CircuitCommand.Run.class, CircuitDemoCommand.class})
public final class CircuitCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = {
                "Run an OpenQASM 2.0 circuit, or an OpenQASM 3 circuit as 'spiqgan export-qasm' writes it (inputs bound with",
                "--z or --input), from |0...0> and print, one line per basis state,",
                "'bitstring probability' (leftmost character = highest qubit index, 17 significant digits).",
                "With --shots: 'bitstring count' for the non-zero counts, sorted by bitstring.",
                "With --marginals: 'q<i> P(1)' per qubit."})
    static final class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.qasm", description = "OpenQASM 2.0 file (qelib1 gate subset) or OpenQASM 3 (the subset export-qasm writes).")
        Path file;

        @Option(names = "--z", paramLabel = "V1,V2,...", description = "Values of the OpenQASM 3 inputs, in declaration order "
                + "(an exported sub-generator's header says the latent range).")
        String z;

        @Option(names = "--input", paramLabel = "NAME=VALUE", description = "Value of one OpenQASM 3 input. Repeatable.")
        java.util.Map<String, Double> inputs = new java.util.LinkedHashMap<>();

        @Option(names = "--shots", paramLabel = "K", description = "Draw K measurement shots and print counts.")
        Integer shots;

        @Option(names = "--seed", paramLabel = "S", description = "Seed of the shots (default: ${DEFAULT-VALUE}).",
                defaultValue = "1")
        long seed;

        @Option(names = "--marginals", description = "Print P(qubit i = 1) for every qubit instead.")
        boolean marginals;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            if (shots != null && marginals) {
                throw new CommandLine.ParameterException(cl, "--shots and --marginals cannot be combined");
            }
            if (shots != null && shots < 1) {
                throw new CommandLine.ParameterException(cl, "--shots must be at least 1, got " + shots);
            }
            Circuit c = read(file, z, inputs);
            int n = c.qubits();
            Runtime rt = Runtime.getRuntime();
            checkMemory(file, n, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()), rt.maxMemory());
            Evaluator e;
            try {
                e = c.run(null, null);
            } catch (OutOfMemoryError oom) {
                checkMemory(file, n, 0, rt.maxMemory());
                throw oom;
            }
            StringBuilder sb = new StringBuilder(1 << 16);
            PrintWriter out = cl.getOut();
            if (marginals) {
                double[] m = e.read(Readout.marginals());
                for (int q = 0; q < n; q++) sb.append('q').append(q).append(' ').append(fmt(m[q])).append('\n');
            } else if (shots != null) {
                TreeMap<Long, long[]> counts = new TreeMap<>();
                SplittableRandom rng = BatchSimulator.itemRandom(seed, 0);
                long[] buf = new long[Math.min(shots, 1 << 20)];
                for (int done = 0; done < shots; ) {
                    int k = Math.min(buf.length, shots - done);
                    e.sample(null, k, rng, buf, 0);
                    for (int i = 0; i < k; i++) counts.computeIfAbsent(buf[i], x -> new long[1])[0]++;
                    done += k;
                }
                counts.forEach((code, cnt) -> sb.append(bits(code, n)).append(' ').append(cnt[0]).append('\n'));
            } else {
                double[] p = e.read(Readout.probabilities());
                // Millions of lines take a while: show progress on stderr for large registers.
                me.tongfei.progressbar.ProgressBar bar = n >= 20 ? new me.tongfei.progressbar.ProgressBarBuilder()
                        .setTaskName("printing").setInitialMax(p.length).setUpdateIntervalMillis(500)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build() : null;
                try {
                    for (int b = 0; b < p.length; b++) {
                        sb.append(bits(b, n)).append(' ').append(fmt(p[b])).append('\n');
                        if (sb.length() > (1 << 16)) {
                            out.print(sb);
                            sb.setLength(0);
                            if (bar != null) bar.stepTo(b + 1);
                        }
                    }
                } finally {
                    if (bar != null) {
                        bar.stepTo(p.length);
                        bar.close();
                    }
                }
            }
            out.print(sb);
            out.flush();
            return 0;
        }
    }

    /** The circuit with its inputs bound from --z and --input. */
    static Circuit read(Path file, String z, java.util.Map<String, Double> inputs) {
            java.util.Map<String, Double> bound = new java.util.LinkedHashMap<>(inputs);
            if (z != null) {
                String text;
                try {
                    text = java.nio.file.Files.readString(file);
                } catch (java.io.IOException | RuntimeException e) {
                    return Qasm.readQasm(file, bound); // reports the reading problem
                }
                java.util.List<String> names = Qasm.inputNames(text);
                String[] p = z.split(",");
                if (p.length != names.size()) {
                    throw org.spiqgan.BadInputException.of(file, "--z", "the circuit has " + names.size() + " inputs"
                            + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")") + ", got " + p.length + " values");
                }
                for (int k = 0; k < p.length; k++) {
                    try {
                        bound.put(names.get(k), Double.parseDouble(p[k].trim()));
                    } catch (NumberFormatException e) {
                        throw org.spiqgan.BadInputException.of(null, "--z", "value " + (k + 1) + " is not a number: '" + p[k] + "'");
                    }
                }
            }
            try {
                return Qasm.readQasm(file, bound);
            } catch (org.spiqgan.BadInputException e) {
                if (e.getMessage().endsWith("has no value")) {
                    throw new org.spiqgan.BadInputException(e.getMessage() + " (give the inputs with --z V1,V2,... or --input NAME=VALUE)");
                }
                throw e;
            }
    }

    /**
     * The state vector of n qubits (two arrays of 2^n doubles) and the probabilities read from it need about
     * 24 x 2^n bytes: a one-line error naming that and how to raise the heap when less is available.
     */
    static void checkMemory(Object file, int n, long available, long maxHeap) {
        long need = 24L << n;
        if (need > available) {
            long used = maxHeap - Math.max(0, available);
            throw org.spiqgan.BadInputException.of(file, "qubits", String.format(java.util.Locale.ROOT,
                    "simulating %d qubits needs about %d MB (state vector and probabilities) but the JVM has %d MB free "
                    + "(maximum heap %d MB); raise it with SPIQGAN_JAVA_OPTS=-Xmx%dg", n, need >> 20, Math.max(0, available) >> 20,
                    maxHeap >> 20, ((need + used) >> 30) + 1));
        }
    }

    /** Bitstring with the highest qubit index leftmost (OpenQASM / Qiskit order). */
    static String bits(long code, int n) {
        char[] s = new char[n];
        for (int q = 0; q < n; q++) s[n - 1 - q] = ((code >>> q) & 1) != 0 ? '1' : '0';
        return new String(s);
    }

    /**
     * 17 significant digits, exact: the shortest decimal that reads back as the same double
     * ({@link Double#toString}) padded with zeros to 17 significant digits. Much faster than
     * {@code %.17g}, which matters when printing 2^26 lines.
     */
    static String fmt(double p) {
        return padTo17(Double.toString(p));
    }

    static String padTo17(String s) {
        int e = s.indexOf('E');
        String mant = e < 0 ? s : s.substring(0, e), exp = e < 0 ? "" : s.substring(e);
        int sig = 0;
        boolean started = false;
        for (int i = 0; i < mant.length(); i++) {
            char ch = mant.charAt(i);
            if (ch < '0' || ch > '9') continue;
            if (ch != '0') started = true;
            if (started) sig++;
        }
        StringBuilder sb = new StringBuilder(24).append(mant);
        if (!started) {
            // zero: "0.0" -> sixteen zeros after the point, as %.17g prints it
            sb.setLength(0);
            sb.append(mant.startsWith("-") ? "-0." : "0.");
            for (int i = 0; i < 16; i++) sb.append('0');
            return sb.append(exp).toString();
        }
        for (int i = sig; i < 17; i++) sb.append('0');
        return sb.append(exp).toString();
    }
}
