package org.spiqgan.quantum;

import java.util.Random;

/** Random circuits over the whole gate set and every angle kind, for tests. */
final class RandomCircuits {
    private RandomCircuits() {}

    static final Gate[] ONE = {Gate.RX, Gate.RY, Gate.RZ, Gate.ROT, Gate.U3, Gate.H, Gate.X, Gate.Y, Gate.Z,
        Gate.S, Gate.SDG, Gate.T, Gate.TDG, Gate.UNITARY, Gate.RY, Gate.RZ, Gate.ROT};
    static final Gate[] TWO = {Gate.CNOT, Gate.CZ, Gate.SWAP};

    static Circuit random(Random rng, int n, int nParams, int nInputs, int nOps) {
        Circuit.Builder b = Circuit.builder(n).params(nParams).inputs(nInputs);
        for (int k = 0; k < nOps; k++) {
            if (n >= 2 && rng.nextDouble() < 0.25) {
                int a = rng.nextInt(n), t = rng.nextInt(n - 1);
                if (t >= a) t++;
                b.gate(TWO[rng.nextInt(TWO.length)], a, t);
                continue;
            }
            Gate g = ONE[rng.nextInt(ONE.length)];
            int q = rng.nextInt(n);
            if (g == Gate.UNITARY) {
                b.unitary(q, randomUnitary(rng));
            } else {
                Angle[] a = new Angle[g.angles()];
                for (int i = 0; i < a.length; i++) a[i] = randomAngle(rng, nParams, nInputs);
                b.gate(g, q, a);
            }
        }
        return b.build();
    }

    static Angle randomAngle(Random rng, int nParams, int nInputs) {
        double scale = rng.nextBoolean() ? 1.0 : -2 + 4 * rng.nextDouble();
        switch (rng.nextInt(6)) {
            case 0: return Angle.constant(-Math.PI + 2 * Math.PI * rng.nextDouble());
            case 1: return Angle.param(rng.nextInt(nParams));
            case 2: return Angle.param(rng.nextInt(nParams), scale);
            case 3: return Angle.input(rng.nextInt(nInputs), scale);
            default: return Angle.product(rng.nextInt(nParams), rng.nextInt(nInputs), scale);
        }
    }

    /** Random U(2) as exp(i a) RZ(b) RY(c) RZ(d) written out. */
    static double[] randomUnitary(Random rng) {
        double a = rng.nextDouble() * 6.3, b = rng.nextDouble() * 6.3, c = rng.nextDouble() * 6.3,
                d = rng.nextDouble() * 6.3;
        double[][][] m = ReferenceSim.mul(ReferenceSim.rot(b, 3), ReferenceSim.mul(ReferenceSim.rot(c, 2),
                ReferenceSim.rot(d, 3)));
        double[] out = new double[8];
        double ca = Math.cos(a), sa = Math.sin(a);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double r = m[i][j][0], im = m[i][j][1];
                out[4 * i + 2 * j] = ca * r - sa * im;
                out[4 * i + 2 * j + 1] = ca * im + sa * r;
            }
        }
        return out;
    }

    static double[] uniform(Random rng, int k, double lo, double hi) {
        double[] v = new double[k];
        for (int i = 0; i < k; i++) v[i] = lo + (hi - lo) * rng.nextDouble();
        return v;
    }

    /** 1..n distinct qubits of 0..n-1 in random order (a shuffled prefix), e.g. a readout's subset. */
    static int[] qubitSubset(Random rng, int n) {
        int[] some = new int[1 + rng.nextInt(n)];
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        System.arraycopy(perm, 0, some, 0, some.length);
        return some;
    }

    /**
     * Checks adjoint gradients (gp for the parameters p, gi for the inputs z) against central differences of
     * {@code loss} with step 1e-6: relative error below 1e-6, with an absolute floor of 1e-3 for gradients that
     * vanish. Returns the number of entries checked.
     */
    static int assertCentralDifferences(java.util.function.ToDoubleBiFunction<double[], double[]> loss, double[] p, double[] z,
            double[] gp, double[] gi, String label) {
        int np = p.length, ni = z.length;
        double h = 1e-6;
        for (int k = 0; k < np + ni; k++) {
            double[] pp = p.clone(), pm = p.clone(), zp = z.clone(), zm = z.clone();
            if (k < np) {
                pp[k] += h;
                pm[k] -= h;
            } else {
                zp[k - np] += h;
                zm[k - np] -= h;
            }
            double fd = (loss.applyAsDouble(pp, zp) - loss.applyAsDouble(pm, zm)) / (2 * h);
            double g = k < np ? gp[k] : gi[k - np];
            double err = Math.abs(fd - g) / Math.max(Math.abs(g), 1e-3);
            org.junit.jupiter.api.Assertions.assertTrue(err < 1e-6, label + " k=" + k + " fd=" + fd + " adj=" + g);
        }
        return np + ni;
    }
}
