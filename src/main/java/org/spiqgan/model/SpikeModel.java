package org.spiqgan.model;

import org.spiqgan.data.SampleSet;

/**
 * Any trained or fitted model of spike windows (S, N, T): quantum runs (patch and stationary), classical GAN
 * baselines and fitted statistical baselines. {@code generate}, {@code info}, {@code compare} and
 * {@code export-qasm} work through this interface instead of testing classes or format strings.
 */
public interface SpikeModel {
    /** How {@code compare} groups models (its error-vs-parameters figures draw one series per family). */
    enum Family {
        QUANTUM("quantum generators"),
        CLASSICAL_GAN("classical generators"),
        FITTED("fitted statistical models");

        private final String label;

        Family(String label) { this.label = label; }

        /** The family's name in tables and figures. */
        public String label() { return label; }
    }

    /** The model file's {@code kind}, e.g. {@code spiqgan/stationary} or {@code baseline/dg}. */
    String kind();

    Family family();

    int neurons();

    int timesteps();

    /** Trainable (or fitted) parameters of the generative model, exactly (a GAN's critic is not counted). */
    long parameterCount();

    /** {@code samples} windows (S, N, T), reproducible from the seed. */
    SampleSet generate(int samples, long seed);

    /**
     * Windows {@code first .. first + count - 1} of what {@link #generate(int, long)} draws for any larger
     * count, for models that can generate in chunks (progress, bounded memory); null when the model cannot.
     */
    default SampleSet generate(long first, int count, long seed) { return null; }

    /** Whether {@link #generate(long, int, long)} is supported. */
    default boolean generatesInParts() { return false; }

    /** One line: what the model is (architecture and size). */
    default String describe() { return kind() + ", " + parameterCount() + " parameters"; }

    /**
     * What {@code info} shows about the model: "key: value" lines (kind, configuration, size, data, training status).
     */
    default java.util.List<String> info() {
        return java.util.List.of("kind: " + kind(), describe(), "neurons " + neurons() + ", timesteps " + timesteps() + ", parameters "
                + parameterCount());
    }

    /** The record of the model's training, for curves; null for models that were fitted rather than trained. */
    default TrainingRecord trainingRecord() { return null; }

    /**
     * The model's quantum circuits as OpenQASM programs ({@code export-qasm}); empty for models without
     * circuits (the baselines).
     */
    default java.util.Optional<QasmExportable> qasmExport() { return java.util.Optional.empty(); }

    /** What a generation with this seed draws from, in words (the last line of {@code generate}). */
    default String generationNote(long seed) { return kind() + ", seed " + seed; }

    /**
     * The provenance of samples drawn from this model (written beside them, checked by {@code evaluate}), for
     * models that know their training data; null when the run directory's file describes it instead.
     */
    default org.spiqgan.data.Provenance provenance(String runDir, long seed, long samples, String command) { return null; }
}
