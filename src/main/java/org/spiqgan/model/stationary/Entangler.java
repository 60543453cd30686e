package org.spiqgan.model.stationary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The entangling block of one layer of the stationary generator's circuit (SPEC section 3c): controlled
 * RY rotations whose controls lie below their target. On basis states the controlled rotations of one
 * target add up to one rotation by an angle that depends on the control bits, so each target's block is a
 * multiplexed RY simulated in one pass from a table of 2^target angles. A family says which pairs are
 * coupled; a new family is one class and one line in {@link #FAMILIES}.
 */
public interface Entangler {
    /** The registered families by name, in the order help texts list them. */
    Map<String, Supplier<Entangler>> FAMILIES = families();

    private static Map<String, Supplier<Entangler>> families() {
        Map<String, Supplier<Entangler>> m = new LinkedHashMap<>();
        m.put(AllPairsCry.NAME, AllPairsCry::new);
        m.put(ChainCry.NAME, ChainCry::new);
        m.put(NoEntangler.NAME, NoEntangler::new);
        return m;
    }

    /** The family of that name, or null. */
    static Entangler of(String name) {
        Supplier<Entangler> s = FAMILIES.get(name);
        return s == null ? null : s.get();
    }

    String name();

    /** Trainable angles of one layer on n qubits. */
    int parameters(int n);

    /** Whether target r has any control (a block with none is skipped). */
    boolean hasControls(int target);

    /**
     * The control pairs as (control, target) in parameter order, so that parameter {@code off + i} is the
     * angle of CRY(pairs[i][0] -> pairs[i][1]).
     */
    int[][] pairs(int n);

    /**
     * The angle table of target r: {@code angle[lo]} for every pattern lo of the bits below r, from the
     * layer's angles starting at {@code p[off]}.
     */
    default void angleTable(double[] p, int off, int n, int target, double[] angle) {
        angle[0] = 0;
        int[][] pairs = pairs(n);  // once per block and parameter update, not per lane
        double[] b = new double[target];
        for (int i = 0; i < pairs.length; i++) if (pairs[i][1] == target) b[pairs[i][0]] = p[off + i];
        for (int lo = 1; lo < (1 << target); lo++) {
            int top = 31 - Integer.numberOfLeadingZeros(lo);
            angle[lo] = angle[lo & ~(1 << top)] + b[top];
        }
    }

    /**
     * Adds dL/d(angle of pair) to {@code grad[off + i]} from the table gradient of target r; {@code pairs} is
     * {@link #pairs}(n), computed once by the caller (this runs for every chunk of lanes).
     */
    static void tableGradient(int[][] pairs, double[] tableGrad, int target, double[] grad, int off) {
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i][1] != target) continue;
            int bit = 1 << pairs[i][0];
            double g = 0;
            // the patterns with the control bit set: blocks of length bit at stride 2 bit
            for (int lo = bit; lo < (1 << target); lo += bit << 1) for (int m = 0; m < bit; m++) g += tableGrad[lo + m];
            grad[off + i] += g;
        }
    }
}
