package org.spiqgan.model;

import java.util.SplittableRandom;
import org.spiqgan.quantum.Circuit;

/**
 * A parametrised circuit family of the patch generator: how many parameters and inputs one sub-generator
 * has, how its parameters start, and the circuit itself. One class per family, registered in
 * {@link Ansatze}; the simulator ({@code quantum}) only sees the {@link Circuit} it builds.
 */
public interface Ansatz {
    /** Qubits of the circuit (data qubits first, then ancillas). */
    int qubits();

    /** Re-uploading layers. */
    int layers();

    /** Trainable parameters of one sub-generator. */
    int paramCount();

    /** Circuit inputs: the latent first, then any other inputs the family reads. */
    int inputCount();

    /** Initial parameters; {@code spread} 0 means the family's wide start, else angles U(-spread, spread). */
    double[] initialParams(SplittableRandom rng, double spread);

    /** The circuit, angles as parameter and input references. */
    Circuit build();
}
