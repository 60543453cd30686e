package org.spiqgan.quantum;

import java.util.Locale;
import org.spiqgan.BadInputException;

/**
 * Which {@link StateKernels} the simulator's per-item path uses: the Vector API kernels when the JVM has the
 * module {@code jdk.incubator.vector} in its boot layer (the launcher adds it), else the scalar loops. The system
 * property {@code spiqgan.kernels} overrides: {@code auto} (the default), {@code scalar}, or {@code vector} (an
 * error without the module). Every evaluator of a JVM gets the same kernels, so results stay independent of the
 * thread count. This is the only class that names the vector kernels, and only by name, so that the jar loads and
 * runs on JDK 17 without the module.
 */
public final class KernelChoice {
    /** The system property that overrides the choice. */
    public static final String PROPERTY = "spiqgan.kernels";
    private static final String MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "org.spiqgan.quantum.VectorKernels";

    private static volatile StateKernels chosen;
    private static volatile StateKernels vector;

    private KernelChoice() {}

    /** True when the JVM was started with the Vector API module. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** The kernels new evaluators use (resolved once per JVM, unless {@link #use} replaced them). */
    static StateKernels kernels() {
        StateKernels k = chosen;
        if (k == null) {
            k = resolve(System.getProperty(PROPERTY, "auto"));
            chosen = k;
        }
        return k;
    }

    /**
     * Resolves a property value; an unknown value, or vector without the module, is the user's to fix (a
     * {@link BadInputException}: one line from the command line).
     */
    static StateKernels resolve(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "":
            case "auto":
                return vectorModulePresent() ? vectorKernels() : StateKernels.SCALAR;
            case "scalar":
                return StateKernels.SCALAR;
            case "vector":
                return vectorKernels();
            default:
                throw BadInputException.of(null, PROPERTY, "must be auto, scalar or vector, not '" + value + "'");
        }
    }

    /** The Vector API kernels; a {@link BadInputException} when the JVM lacks the module. */
    static StateKernels vectorKernels() {
        StateKernels v = vector;
        if (v != null) return v;
        if (!vectorModulePresent()) {
            throw BadInputException.of(null, PROPERTY, "vector needs the JVM module " + MODULE
                    + " (start Java with the option add-modules " + MODULE + "; JDK 17 or newer)");
        }
        try {
            v = (StateKernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load the vector kernels: " + e, e);
        }
        vector = v;
        return v;
    }

    /**
     * Replaces the kernels for evaluators created from now on and returns the previous ones: for tests and
     * benchmarks that compare both in one JVM (not while other threads create evaluators).
     */
    static StateKernels use(StateKernels k) {
        StateKernels old = kernels();
        chosen = k;
        return old;
    }

    /**
     * True when the simulator's per-item path uses the vector kernels: other per-item loops outside the simulator
     * (the patch model's relaxation) follow this one choice.
     */
    public static boolean vectorInUse() {
        return kernels() != StateKernels.SCALAR;
    }

    /** One line for version texts: the kernels in use and why, or the error that choosing them gives. */
    public static String describe() {
        String why = System.getProperty(PROPERTY) != null ? PROPERTY + "=" + System.getProperty(PROPERTY)
                : vectorModulePresent() ? "module " + MODULE + " present" : "module " + MODULE + " not loaded";
        try {
            return kernels().describe() + " (" + why + ")";
        } catch (BadInputException | IllegalStateException e) {
            return "unavailable: " + e.getMessage();
        }
    }
}
