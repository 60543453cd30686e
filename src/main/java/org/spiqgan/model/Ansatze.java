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

    /** A registered family: how it builds a sub-generator, and whether it reads the group's previous pattern. */
    private record Family(Factory factory, boolean readsPreviousPattern) {}

    private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

    static {
        register(REUPLOADING, false, GeneratorConfig::circuit);
        register(REUPLOADING_FEEDBACK, true, (c, g) -> new FeedbackAnsatz(c.circuit(g), c.groupNeurons(g)));
    }

    /**
     * @param readsPreviousPattern whether the family's circuits take the group's pattern at t - 1 as inputs after
     *                             the latent (the generator then runs the patches of a window in time order)
     */
    private static void register(String name, boolean readsPreviousPattern, Factory factory) {
        FAMILIES.put(name, new Family(factory, readsPreviousPattern));
    }

    public static Set<String> names() { return FAMILIES.keySet(); }

    /** Whether {@code family} (registered) feeds each patch the group's previous pattern. */
    public static boolean readsPreviousPattern(String family) { return family(family).readsPreviousPattern(); }

    /** The family's circuit for group g; the message names the field when the family is unknown. */
    public static Ansatz create(String family, GeneratorConfig config, int group) {
        return family(family).factory().create(config, group);
    }

    private static Family family(String name) {
        Family f = FAMILIES.get(name);
        if (f == null) throw new IllegalArgumentException("ansatz must be one of " + FAMILIES.keySet() + ", not '" + name + "'");
        return f;
    }
}
