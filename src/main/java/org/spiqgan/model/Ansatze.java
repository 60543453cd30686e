package org.spiqgan.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The registry of patch circuit families: name to factory. A new family is one class implementing
 * {@link Ansatz} plus one line in the static block.
 */
public final class Ansatze {
    private Ansatze() {}

    /** Builds the sub-generator circuit of group g of a generator. */
    @FunctionalInterface
    public interface Factory {
        Ansatz create(GeneratorConfig config, int group);
    }

    /** SPEC section 3: encoding, rotations and entangler per layer. */
    public static final String REUPLOADING = "reuploading";
    /** SPEC 3b: the same, fed back the group's previous pattern. */
    public static final String REUPLOADING_FEEDBACK = "reuploading-feedback";

    private static final Map<String, Factory> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put(REUPLOADING, GeneratorConfig::circuit);
        FAMILIES.put(REUPLOADING_FEEDBACK, (c, g) -> new FeedbackAnsatz(c.circuit(g), c.groupNeurons(g)));
    }

    public static Set<String> names() { return FAMILIES.keySet(); }

    /** The family's circuit for group g; the message names the field when the family is unknown. */
    public static Ansatz create(String family, GeneratorConfig config, int group) {
        Factory f = FAMILIES.get(family);
        if (f == null) throw new IllegalArgumentException("ansatz must be one of " + FAMILIES.keySet() + ", not '" + family + "'");
        return f.create(config, group);
    }
}
