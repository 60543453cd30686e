package org.spiqgan.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    static double[][] random(int n, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) {
            double v = r.nextGaussian();
            a[i][j] = v;
            a[j][i] = v;
        }
        return a;
    }

    @Test
    void decomposesAndAgreesWithHipparchus() {
        for (int n : new int[] {1, 2, 3, 7, 60}) {
            double[][] a = random(n, n);
            if (n == 7) a[3] = new double[7];  // a zero row and column: reflections with beta = 0
            if (n == 7) for (int i = 0; i < 7; i++) a[i][3] = 0;
            SymmetricEigen eig = SymmetricEigen.of(a);
            double[] d = eig.values();
            double[][] v = eig.vectors();
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int j = 0; j < n; j++) av += a[i][j] * v[k][j];
                    assertEquals(d[k] * v[k][i], av, 1e-10, "A v = lambda v, n=" + n);
                }
                for (int l = 0; l < n; l++) {
                    double dot = 0;
                    for (int j = 0; j < n; j++) dot += v[k][j] * v[l][j];
                    assertEquals(k == l ? 1 : 0, dot, 1e-10, "orthonormal, n=" + n);
                }
            }
            double[] ours = d.clone();
            Arrays.sort(ours);
            double[] ref = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a)).getEigenvalues().clone();
            Arrays.sort(ref);
            for (int k = 0; k < n; k++) assertEquals(ref[k], ours[k], 1e-10);
        }
    }
}
