package org.spiqgan.nn;

import java.util.Arrays;

/**
 * Trainable parameters stored in a flat {@code double[]} with a gradient array of the same layout, so
 * that an optimizer treats every module alike. The parameters occupy
 * {@code [offset(), offset() + parameterCount())} of both arrays (a layer inside a critic is a view
 * into the critic's arrays; a standalone module has offset 0).
 */
public interface Parameters {

    int parameterCount();

    double[] params();

    double[] grads();

    default int offset() {
        return 0;
    }

    default void zeroGrad() {
        Arrays.fill(grads(), offset(), offset() + parameterCount(), 0.0);
    }
}
