package org.spiqgan.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spiqgan.model.ReuploadingAnsatz;

/**
 * A gradient from a saved final state (what a training step's generator pass kept from its readouts) is bit for
 * bit the gradient with its own forward run: loss, parameter and input gradients, and the readout, for the
 * paper's sub-generator (product-state prefix, CNOT-chain permutations), items in any order and evaluators other
 * than the one that saved the state, with the cache of input-free factors warm or cold; scalar and vector kernels
 * (the vector ones reassociate the input-free factors, so both paths of the gate preparation are covered).
 */
class SavedStateGradientTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientFromASavedStateHasTheBitsOfTheFullGradient(boolean vector) {
        StateKernels kern = vector ? KernelChoice.vectorKernels() : StateKernels.SCALAR;
        ReuploadingAnsatz a = ReuploadingAnsatz.of(6, 3);
        Circuit c = a.build();
        SplittableRandom r = new SplittableRandom(7);
        double[] p = a.initialParams(r);
        int items = 12, ni = c.inputCount();
        double[] z = new double[items * ni];
        for (int k = 0; k < z.length; k++) z[k] = 3 * r.nextDouble();
        Readout ro = Readout.probabilities();
        Evaluator saver = new Evaluator(c, kern), loader = new Evaluator(c, kern);
        int len = saver.stateLength();
        double[] states = new double[items * len];
        for (int b = 0; b < items; b++) {
            saver.run(p, z, b * ni);
            saver.saveState(states, b * len);
        }
        for (int k = 0; k < items; k++) {
            int b = (5 * k + 3) % items; // another order than the saving one
            double[] cot = new double[1 << 6];
            for (int j = 0; j < cot.length; j++) cot[j] = r.nextGaussian();
            double[] gWant = new double[p.length], gGot = new double[p.length];
            double[] iWant = new double[z.length], iGot = new double[z.length];
            double[] oWant = new double[cot.length], oGot = new double[cot.length];
            double lWant = new Evaluator(c, kern).gradient(p, z, b * ni, ro, cot, 0, gWant, iWant, b * ni, oWant, 0);
            Evaluator e = k % 2 == 0 ? loader : saver;
            double lGot = e.gradientFromState(p, z, b * ni, states, b * len, ro, cot, 0, gGot, iGot, b * ni, oGot, 0);
            assertEquals(Double.doubleToLongBits(lWant), Double.doubleToLongBits(lGot), "loss, item " + b);
            for (int j = 0; j < p.length; j++) assertEquals(Double.doubleToLongBits(gWant[j]), Double.doubleToLongBits(gGot[j]), "param " + j);
            for (int j = 0; j < z.length; j++) assertEquals(Double.doubleToLongBits(iWant[j]), Double.doubleToLongBits(iGot[j]), "input " + j);
            for (int j = 0; j < cot.length; j++) assertEquals(Double.doubleToLongBits(oWant[j]), Double.doubleToLongBits(oGot[j]), "readout " + j);
        }
        assertThrows(IllegalArgumentException.class,
                () -> loader.gradientFromState(p, z, 0, new double[len - 1], 0, ro, new double[64], 0, null, null, 0, null, 0));
    }
}
