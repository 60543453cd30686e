package org.spiqgan.quantum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiqgan.BadInputException;

/**
 * OpenQASM export (3.0 with inputs kept symbolic, 2.0 with every angle bound) and import of the
 * OpenQASM 2.0 subset built from qelib1 gates of this simulator's gate set.
 *
 * <p>Numbers are written with {@link Double#toString}, the shortest decimal that reads back to the
 * same double, so export then import reproduces the circuit exactly. ROT becomes rz, ry, rz; a
 * constant UNITARY becomes u3 (its global phase, which no measurement sees, is dropped).
 */
public final class Qasm {
    private Qasm() {}

    // ---------------------------------------------------------------- export

    /**
     * OpenQASM 3: inputs as {@code input float[64] z<j>;}, parameters bound as numeric constants, so an
     * angle {@code w * z0} is written {@code 0.73*z0}. Ends with a measurement of every qubit.
     */
    public static String toQasm3(Circuit c, double[] params) {
        checkParams(c, params);
        StringBuilder sb = new StringBuilder();
        sb.append("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
        for (int j = 0; j < c.inputCount(); j++) sb.append("input float[64] z").append(j).append(";\n");
        sb.append("qubit[").append(c.qubits()).append("] q;\n");
        sb.append("bit[").append(c.qubits()).append("] c;\n");
        writeOps(c, sb, a -> angle3(a, params));
        sb.append("c = measure q;\n");
        return sb.toString();
    }

    /** OpenQASM 2.0 with every angle bound to a number (inputs given). Ends with {@code measure q -> c;}. */
    public static String toQasm2(Circuit c, double[] params, double[] inputs) {
        checkParams(c, params);
        if (c.inputCount() > 0 && (inputs == null || inputs.length < c.inputCount())) {
            throw new IllegalArgumentException("need " + c.inputCount() + " inputs to bind");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        sb.append("qreg q[").append(c.qubits()).append("];\n");
        sb.append("creg c[").append(c.qubits()).append("];\n");
        writeOps(c, sb, a -> num(a.value(params, inputs)));
        sb.append("measure q -> c;\n");
        return sb.toString();
    }

    private static void checkParams(Circuit c, double[] params) {
        if (c.paramCount() > 0 && (params == null || params.length < c.paramCount())) {
            throw new IllegalArgumentException("need " + c.paramCount() + " parameters to bind");
        }
    }

    private interface AngleText {
        String of(Angle a);
    }

    private static void writeOps(Circuit c, StringBuilder sb, AngleText text) {
        for (Op op : c.ops()) {
            String q = "q[" + op.qubit(0) + "]";
            switch (op.gate()) {
                case RX: case RY: case RZ:
                    sb.append(op.gate().name().toLowerCase()).append('(').append(text.of(op.angle(0))).append(") ")
                            .append(q).append(";\n");
                    break;
                case ROT:
                    sb.append("rz(").append(text.of(op.angle(0))).append(") ").append(q).append(";\n");
                    sb.append("ry(").append(text.of(op.angle(1))).append(") ").append(q).append(";\n");
                    sb.append("rz(").append(text.of(op.angle(2))).append(") ").append(q).append(";\n");
                    break;
                case U3:
                    sb.append("u3(").append(text.of(op.angle(0))).append(", ").append(text.of(op.angle(1)))
                            .append(", ").append(text.of(op.angle(2))).append(") ").append(q).append(";\n");
                    break;
                case UNITARY: {
                    double[] u3 = toU3(op.matrix());
                    sb.append("u3(").append(num(u3[0])).append(", ").append(num(u3[1])).append(", ")
                            .append(num(u3[2])).append(") ").append(q).append(";\n");
                    break;
                }
                case CNOT: case CZ: case SWAP:
                    sb.append(op.gate() == Gate.CNOT ? "cx" : op.gate().name().toLowerCase()).append(' ').append(q)
                            .append(", q[").append(op.qubit(1)).append("];\n");
                    break;
                default:
                    sb.append(op.gate().name().toLowerCase()).append(' ').append(q).append(";\n");
            }
        }
    }

    private static String angle3(Angle a, double[] params) {
        if (a.inputIndex() < 0) return num(a.value(params, null));
        double k = a.scale() * (a.paramIndex() >= 0 ? params[a.paramIndex()] : 1.0);
        String z = "z" + a.inputIndex();
        return k == 1.0 ? z : num(k) + "*" + z;
    }

    static String num(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("cannot export a non-finite angle: " + v);
        return Double.toString(v);
    }

    /** (theta, phi, lambda) with U = e^{i alpha} u3(theta, phi, lambda) for some global phase alpha. */
    static double[] toU3(double[] m) {
        double a00 = Math.hypot(m[0], m[1]), a10 = Math.hypot(m[4], m[5]);
        double theta = 2 * Math.atan2(a10, a00);
        double arg00 = Math.atan2(m[1], m[0]), arg10 = Math.atan2(m[5], m[4]);
        double argm01 = Math.atan2(-m[3], -m[2]), arg11 = Math.atan2(m[7], m[6]);
        double phi, lam;
        if (a10 < 1e-12) { // diagonal: only phi + lambda is defined
            phi = arg11 - arg00;
            lam = 0;
        } else if (a00 < 1e-12) { // anti-diagonal: choose alpha = arg10 (phi = 0)
            phi = 0;
            lam = argm01 - arg10;
        } else {
            phi = arg10 - arg00;
            lam = argm01 - arg00;
        }
        return new double[] {theta, phi, lam};
    }

    // ---------------------------------------------------------------- import

    /** Reads an OpenQASM 2.0 file; every problem is a {@link BadInputException} naming file and line. */
    public static Circuit readQasm2(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw BadInputException.of(file, null, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw BadInputException.of(file, null, "not UTF-8 text");
        } catch (IOException e) {
            throw BadInputException.of(file, null, "cannot read: " + e.getMessage());
        }
        return parseQasm2(text, file);
    }

    /** Parses OpenQASM 2.0 text; {@code source} names it in error messages. */
    public static Circuit parseQasm2(String text, Object source) {
        return new Parser(text, source, Map.of()).parse();
    }

    /**
     * Reads OpenQASM 2.0, or the OpenQASM 3 subset that {@link #toQasm3} writes ({@code include "stdgates.inc"},
     * {@code input float[64] z;}, {@code qubit[n] q;}, {@code bit[n] c;}, {@code c = measure q;}, inputs in
     * angle expressions), with every input bound to a value from {@code inputs}.
     */
    public static Circuit readQasm(Path file, Map<String, Double> inputs) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw BadInputException.of(file, null, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw BadInputException.of(file, null, "not UTF-8 text");
        } catch (IOException e) {
            throw BadInputException.of(file, null, "cannot read: " + e.getMessage());
        }
        return parseQasm(text, file, inputs);
    }

    /** {@link #readQasm} of text; {@code source} names it in error messages. */
    public static Circuit parseQasm(String text, Object source, Map<String, Double> inputs) {
        return new Parser(text, source, inputs).parse();
    }

    /** The names of the {@code input} declarations of OpenQASM 3 text, in order (empty for OpenQASM 2). */
    public static List<String> inputNames(String text) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*input\\s+(?:float|angle)(?:\\s*\\[\\s*\\d+\\s*\\])?\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*;")
                .matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static final class Token {
        final String text;
        final int line;
        final char type; // 'i' identifier, 'n' number, 's' string, 'p' punctuation, 'e' end

        Token(String text, int line, char type) {
            this.text = text;
            this.line = line;
            this.type = type;
        }
    }

    private static final class Parser {
        private final Object source;
        private final List<Token> tokens = new ArrayList<>();
        private int pos;
        private final Map<String, int[]> qregs = new LinkedHashMap<>(); // name -> {offset, size}
        private final Map<String, Integer> cregs = new LinkedHashMap<>();
        private int nQubits;
        private final List<Object[]> gates = new ArrayList<>(); // {Gate, int[] qubits, double[] angles, Integer line}
        private final Map<String, Double> inputValues;
        private final Map<String, Double> inputs = new LinkedHashMap<>(); // declared inputs and their values
        private int version = 2;

        Parser(String text, Object source, Map<String, Double> inputValues) {
            this.source = source;
            this.inputValues = inputValues;
            tokenize(text);
        }

        private BadInputException error(Token t, String problem) {
            return BadInputException.of(source, "line " + t.line, problem);
        }

        private BadInputException unexpected(Token t, String expected) {
            if (t.type == 'e') return error(t, "unexpected end of file (expected " + expected + ")");
            return error(t, "unexpected token '" + t.text + "' (expected " + expected + ")");
        }

        private void tokenize(String s) {
            int line = 1, i = 0, n = s.length();
            while (i < n) {
                char ch = s.charAt(i);
                if (ch == '\n') {
                    line++;
                    i++;
                } else if (Character.isWhitespace(ch)) {
                    i++;
                } else if (ch == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                    while (i < n && s.charAt(i) != '\n') i++;
                } else if (Character.isLetter(ch) || ch == '_') {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                    tokens.add(new Token(s.substring(i, j), line, 'i'));
                    i = j;
                } else if (Character.isDigit(ch) || (ch == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                    int j = i;
                    while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) j++;
                    if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                        int k = j + 1;
                        if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
                        if (k < n && Character.isDigit(s.charAt(k))) {
                            j = k;
                            while (j < n && Character.isDigit(s.charAt(j))) j++;
                        }
                    }
                    tokens.add(new Token(s.substring(i, j), line, 'n'));
                    i = j;
                } else if (ch == '"') {
                    int j = s.indexOf('"', i + 1);
                    int nl = s.indexOf('\n', i + 1);
                    if (j < 0 || (nl >= 0 && nl < j)) {
                        tokens.add(new Token("unterminated string", line, 'x'));
                        break;
                    }
                    tokens.add(new Token(s.substring(i + 1, j), line, 's'));
                    i = j + 1;
                } else if (ch == '-' && i + 1 < n && s.charAt(i + 1) == '>') {
                    tokens.add(new Token("->", line, 'p'));
                    i += 2;
                } else if ("()[],;+-*/=".indexOf(ch) >= 0) {
                    tokens.add(new Token(String.valueOf(ch), line, 'p'));
                    i++;
                } else {
                    // Reported only when the parser reaches it, so earlier errors come first.
                    int cp = s.codePointAt(i);
                    tokens.add(new Token("unexpected character '" + new String(Character.toChars(cp)) + "'", line, 'x'));
                    break;
                }
            }
            if (tokens.isEmpty() || tokens.get(tokens.size() - 1).type != 'x') {
                tokens.add(new Token("<end of file>", line, 'e'));
            }
        }

        private Token peek() {
            Token t = tokens.get(pos);
            if (t.type == 'x') throw error(t, t.text);
            return t;
        }

        private Token next() {
            Token t = peek();
            if (t.type != 'e') pos++;
            return t;
        }

        private Token expect(String text) {
            Token t = next();
            if (!t.text.equals(text) || t.type == 's' || t.type == 'e') throw unexpected(t, "'" + text + "'");
            return t;
        }

        private int integer(String what) {
            Token t = next();
            if (t.type != 'n' || !t.text.matches("[0-9]+")) throw unexpected(t, what);
            try {
                return Integer.parseInt(t.text);
            } catch (NumberFormatException e) {
                throw error(t, what + " too large: " + t.text);
            }
        }

        Circuit parse() {
            Token t = next();
            if (!t.text.equals("OPENQASM") || t.type != 'i') throw unexpected(t, "'OPENQASM 2.0;' header");
            Token v = next();
            if (v.type == 'n' && (v.text.equals("3.0") || v.text.equals("3"))) {
                version = 3;
            } else if (v.type != 'n' || !(v.text.equals("2.0") || v.text.equals("2"))) {
                throw error(v, "unsupported OpenQASM version '" + v.text + "' (2.0 and the OpenQASM 3 subset of export are read)");
            }
            expect(";");
            while (peek().type != 'e') statement();
            if (qregs.isEmpty()) throw error(peek(), version == 3 ? "no qubit register declared" : "no qreg declared");
            for (String name : inputValues.keySet()) {
                if (!inputs.containsKey(name)) {
                    throw BadInputException.of(source, "inputs", "no input named '" + name + "'"
                            + (inputs.isEmpty() ? " (the circuit declares none)" : " (declared: " + String.join(", ", inputs.keySet()) + ")"));
                }
            }
            Circuit.Builder b = Circuit.builder(nQubits);
            for (Object[] g : gates) {
                Gate gate = (Gate) g[0];
                int[] q = (int[]) g[1];
                double[] a = (double[]) g[2];
                if (gate.qubits() == 2) {
                    b.gate(gate, q[0], q[1]);
                } else {
                    Angle[] angles = new Angle[a.length];
                    for (int k = 0; k < a.length; k++) angles[k] = Angle.constant(a[k]);
                    b.gate(gate, q[0], angles);
                }
            }
            return b.build();
        }

        private void statement() {
            Token t = next();
            if (t.type != 'i') throw unexpected(t, "a statement");
            switch (t.text) {
                case "include": {
                    Token f = next();
                    if (f.type != 's') throw unexpected(f, "a file name in quotes");
                    String lib = version == 3 ? "stdgates.inc" : "qelib1.inc";
                    if (!f.text.equals(lib)) throw error(f, "cannot include '" + f.text + "' (only " + lib + ")");
                    expect(";");
                    return;
                }
                case "input": {
                    if (version != 3) throw error(t, "'input' is OpenQASM 3");
                    Token type = next();
                    if (!type.text.equals("float") && !type.text.equals("angle")) throw unexpected(type, "float or angle");
                    if (peek().text.equals("[")) {
                        next();
                        integer("a bit width");
                        expect("]");
                    }
                    Token name = next();
                    if (name.type != 'i') throw unexpected(name, "an input name");
                    expect(";");
                    if (inputs.containsKey(name.text)) throw error(name, "input '" + name.text + "' declared twice");
                    Double value = inputValues.get(name.text);
                    if (value == null) throw error(name, "input '" + name.text + "' has no value");
                    if (!Double.isFinite(value)) throw error(name, "input '" + name.text + "' is not finite");
                    inputs.put(name.text, value);
                    return;
                }
                case "qubit":
                case "bit": {
                    if (version != 3) throw error(t, "'" + t.text + "' declarations are OpenQASM 3 (use qreg/creg)");
                    int size = 1;
                    if (peek().text.equals("[")) {
                        next();
                        size = integer("a register size");
                        expect("]");
                    }
                    Token name = next();
                    if (name.type != 'i') throw unexpected(name, "a register name");
                    expect(";");
                    declare(t.text.equals("qubit"), name, size, t);
                    return;
                }
                case "qreg":
                case "creg": {
                    Token name = next();
                    if (name.type != 'i') throw unexpected(name, "a register name");
                    if (qregs.containsKey(name.text) || cregs.containsKey(name.text)) {
                        throw error(name, "register '" + name.text + "' declared twice");
                    }
                    expect("[");
                    int size = integer("a register size");
                    expect("]");
                    expect(";");
                    declare(t.text.equals("qreg"), name, size, t);
                    return;
                }
                case "measure": {
                    // Sampling is the CLI's job: measure is accepted and ignored, but its operands checked.
                    List<int[]> q = argument(false);
                    expect("->");
                    Token c = next();
                    if (c.type != 'i' || !cregs.containsKey(c.text)) throw unexpected(c, "a declared creg");
                    if (peek().text.equals("[")) {
                        next();
                        int idx = integer("a bit index");
                        if (idx >= cregs.get(c.text)) throw error(c, "bit index " + idx + " out of range for creg " + c.text);
                        expect("]");
                    }
                    expect(";");
                    if (q.isEmpty()) throw error(t, "measure of nothing");
                    return;
                }
                case "barrier": {
                    argument(false);
                    while (peek().text.equals(",")) {
                        next();
                        argument(false);
                    }
                    expect(";");
                    return;
                }
                default:
                    if (version == 3 && cregs.containsKey(t.text)) {
                        measureInto(t);
                        return;
                    }
                    gateCall(t);
            }
        }

        private void declare(boolean quantum, Token name, int size, Token t) {
            if (qregs.containsKey(name.text) || cregs.containsKey(name.text)) {
                throw error(name, "register '" + name.text + "' declared twice");
            }
            if (size < 1) throw error(name, "register '" + name.text + "' has size 0");
            if (quantum) {
                if ((long) nQubits + size > Circuit.MAX_QUBITS) {
                    Circuit.checkQubitCount(source + ": line " + t.line, (int) Math.min(nQubits + (long) size, 64));
                }
                qregs.put(name.text, new int[] {nQubits, size});
                nQubits += size;
            } else {
                cregs.put(name.text, size);
            }
        }

        /** OpenQASM 3 {@code c = measure q;} or {@code c[i] = measure q[j];}: checked and ignored like measure. */
        private void measureInto(Token c) {
            if (peek().text.equals("[")) {
                next();
                int idx = integer("a bit index");
                if (idx >= cregs.get(c.text)) throw error(c, "bit index " + idx + " out of range for bit register " + c.text);
                expect("]");
            }
            expect("=");
            Token m = next();
            if (!m.text.equals("measure")) throw unexpected(m, "measure");
            argument(false);
            expect(";");
        }

        /** A qubit argument: reg[i] (one qubit) or reg (the whole register). Returns {qubit} per element. */
        /** Whether the last {@link #argument} was a whole register (not one indexed qubit). */
        private boolean lastWhole;

        private List<int[]> argument(boolean unused) {
            lastWhole = false;
            Token name = next();
            if (name.type != 'i') throw unexpected(name, "a qubit register");
            int[] reg = qregs.get(name.text);
            if (reg == null) throw error(name, "unknown qreg '" + name.text + "'");
            List<int[]> out = new ArrayList<>();
            if (peek().text.equals("[")) {
                next();
                Token it = peek();
                int idx = integer("a qubit index");
                if (idx >= reg[1]) {
                    throw error(it, "qubit index " + idx + " out of range for qreg " + name.text + "[" + reg[1] + "]");
                }
                expect("]");
                out.add(new int[] {reg[0] + idx});
            } else {
                for (int k = 0; k < reg[1]; k++) out.add(new int[] {reg[0] + k});
                lastWhole = true;
            }
            return out;
        }

        private void gateCall(Token name) {
            Gate gate;
            int nAngles;
            switch (name.text) {
                case "rx": gate = Gate.RX; nAngles = 1; break;
                case "ry": gate = Gate.RY; nAngles = 1; break;
                case "rz": gate = Gate.RZ; nAngles = 1; break;
                case "u3": case "u": case "U": gate = Gate.U3; nAngles = 3; break;
                case "u2": gate = Gate.U3; nAngles = 2; break;
                case "u1": gate = Gate.U3; nAngles = 1; break;
                case "h": gate = Gate.H; nAngles = 0; break;
                case "x": gate = Gate.X; nAngles = 0; break;
                case "y": gate = Gate.Y; nAngles = 0; break;
                case "z": gate = Gate.Z; nAngles = 0; break;
                case "s": gate = Gate.S; nAngles = 0; break;
                case "sdg": gate = Gate.SDG; nAngles = 0; break;
                case "t": gate = Gate.T; nAngles = 0; break;
                case "tdg": gate = Gate.TDG; nAngles = 0; break;
                case "id": gate = null; nAngles = 0; break;
                case "cx": case "CX": gate = Gate.CNOT; nAngles = 0; break;
                case "cz": gate = Gate.CZ; nAngles = 0; break;
                case "swap": gate = Gate.SWAP; nAngles = 0; break;
                default:
                    throw error(name, "unsupported statement or gate '" + name.text
                            + "' (supported: rx ry rz u3 u u2 u1 U h x y z s sdg t tdg id cx CX cz swap, "
                            + "qreg creg include measure barrier)");
            }
            double[] a = new double[nAngles];
            if (peek().text.equals("(")) {
                Token open = next();
                if (nAngles == 0) throw error(open, "gate '" + name.text + "' takes no angles");
                for (int k = 0; k < nAngles; k++) {
                    if (k > 0) expect(",");
                    Token at = peek();
                    a[k] = expr();
                    if (!Double.isFinite(a[k])) throw error(at, "angle " + (k + 1) + " of '" + name.text + "' is " + a[k]);
                }
                Token close = next();
                if (!close.text.equals(")")) {
                    throw close.text.equals(",") ? error(close, "gate '" + name.text + "' takes " + nAngles + " angles")
                            : unexpected(close, "')'");
                }
            } else if (nAngles > 0) {
                throw unexpected(peek(), "'(' and " + nAngles + " angle(s) for '" + name.text + "'");
            }
            int arity = gate == null ? 1 : gate.qubits();
            List<List<int[]>> args = new ArrayList<>();
            List<Boolean> whole = new ArrayList<>();
            args.add(argument(false));
            whole.add(lastWhole);
            while (peek().text.equals(",")) {
                Token comma = next();
                if (args.size() == arity) throw error(comma, "gate '" + name.text + "' takes " + arity + " qubit(s)");
                args.add(argument(false));
                whole.add(lastWhole);
            }
            if (args.size() != arity) throw unexpected(peek(), "',' and another qubit for '" + name.text + "'");
            expect(";");
            if (gate == null) return; // id
            double[] angles;
            if (name.text.equals("u2")) angles = new double[] {Math.PI / 2, a[0], a[1]};
            else if (name.text.equals("u1")) angles = new double[] {0, 0, a[0]};
            else angles = a;
            // Broadcast whole registers (OpenQASM 2 semantics): sizes must agree.
            int count = 1, wholeSize = -1;
            for (int r = 0; r < args.size(); r++) {
                List<int[]> arg = args.get(r);
                if (whole.get(r)) {
                    if (wholeSize >= 0 && arg.size() != wholeSize) throw error(name, "registers of different sizes in '" + name.text + "'");
                    wholeSize = arg.size();
                }
                if (arg.size() > 1) {
                    if (count > 1 && arg.size() != count) throw error(name, "registers of different sizes in '" + name.text + "'");
                    count = arg.size();
                }
            }
            for (int k = 0; k < count; k++) {
                int[] q = new int[arity];
                for (int r = 0; r < arity; r++) {
                    List<int[]> arg = args.get(r);
                    q[r] = arg.get(arg.size() == 1 ? 0 : k)[0];
                }
                if (arity == 2 && q[0] == q[1]) throw error(name, "'" + name.text + "' on the same qubit twice");
                gates.add(new Object[] {gate, q, angles});
            }
        }

        // expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ;
        // unary := ('-'|'+') unary | number | pi | '(' expr ')'
        private double expr() {
            double v = term();
            while (peek().text.equals("+") || peek().text.equals("-")) {
                boolean plus = next().text.equals("+");
                double w = term();
                v = plus ? v + w : v - w;
            }
            return v;
        }

        private double term() {
            double v = unary();
            while (peek().text.equals("*") || peek().text.equals("/")) {
                boolean times = next().text.equals("*");
                double w = unary();
                v = times ? v * w : v / w;
            }
            return v;
        }

        private double unary() {
            Token t = next();
            if (t.type == 'p' && t.text.equals("-")) return -unary();
            if (t.type == 'p' && t.text.equals("+")) return unary();
            if (t.type == 'n') {
                try {
                    return Double.parseDouble(t.text);
                } catch (NumberFormatException e) {
                    throw error(t, "malformed number '" + t.text + "'");
                }
            }
            if (t.type == 'i' && t.text.equals("pi")) return Math.PI;
            if (t.type == 'i' && inputs.containsKey(t.text)) return inputs.get(t.text);
            if (t.type == 'p' && t.text.equals("(")) {
                double v = expr();
                expect(")");
                return v;
            }
            throw unexpected(t, inputs.isEmpty() ? "a number, pi or '('" : "a number, pi, an input or '('");
        }
    }
}
