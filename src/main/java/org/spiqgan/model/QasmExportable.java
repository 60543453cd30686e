package org.spiqgan.model;

import java.util.function.Consumer;
import org.spiqgan.BadInputException;

/**
 * A model whose generator is made of quantum circuits, one of which can be written as an OpenQASM program
 * (what {@code export-qasm} asks of a {@link SpikeModel} through {@link SpikeModel#qasm()}). Models without
 * circuits (the baselines) do not implement it. Messages name the request's fields ({@code patch},
 * {@code group}, {@code z}, {@code historyBits}).
 */
public interface QasmExportable {

    /**
     * Which circuit and how to write it.
     *
     * @param patch       patch model: "G,T" (neuron group and timestep, 0-based); null when not given
     * @param group       stationary model: the neuron group, 0-based
     * @param version     3 (inputs stay inputs where the model has them) or 2 (every input bound)
     * @param inputs      the bound inputs "Z1,Z2,..." (null: the model's default)
     * @param historyBits stationary model: the previous patterns as 0/1 characters (null: all 0)
     * @param source      what made the program (e.g. the command that writes it again), for its header; {@link #CIRCUIT}
     *                    in it stands for the circuit's coordinates (patch model: G,T)
     * @param warnings    receives one line per input that is accepted but outside what the model was trained on
     */
    record Request(String patch, int group, int version, String inputs, String historyBits, String source, Consumer<String> warnings) {}

    /** The placeholder of the circuit's coordinates in {@link Request#source()}. */
    String CIRCUIT = "{circuit}";

    /** The OpenQASM program of the circuit the request names, with the parameters the model generates from. */
    String qasm(Request request);

    /** Reads a comma-separated list into {@code into}: exactly {@code into.length} finite numbers, or a one-line error. */
    static void parseInputs(String text, double[] into, String what) {
        String[] p = text.split(",");
        if (p.length != into.length) throw BadInputException.of(null, "z", "needs " + into.length + " values " + what + ", got " + p.length);
        for (int k = 0; k < p.length; k++) {
            try {
                into[k] = Double.parseDouble(p[k].trim());
            } catch (NumberFormatException e) {
                throw BadInputException.of(null, "z", "value " + (k + 1) + " is not a number: '" + p[k] + "'");
            }
            if (!Double.isFinite(into[k])) throw BadInputException.of(null, "z", "value " + (k + 1) + " is not finite");
        }
    }
}
