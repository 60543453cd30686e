import java.nio.file.*;
/**
 * Lag-1..5 autocorrelations of the active count K between consecutive kept patterns of a chain, for .npy files of
 * 50-neuron, T = 1 maximum-entropy samples written by the Gibbs sampler (64 chains, pattern k from chain k mod 64).
 * Usage: java bench/scratch/KAcf.java A.npy [B.npy ...]
 */
public class KAcf {
    public static void main(String[] a) throws Exception {
        int n = 50, chains = 64;
        for (String f : a) {
            byte[] b = Files.readAllBytes(Path.of(f));
            int hl = (b[8] & 0xff) | (b[9] & 0xff) << 8;
            int off = 10 + hl;
            int samples = (b.length - off) / n;
            int len = samples / chains;
            double[][] s = new double[chains][len];
            for (int k = 0; k < len * chains; k++) {
                int K = 0;
                for (int i = 0; i < n; i++) K += b[off + k * n + i];
                s[k % chains][k / chains] = K;
            }
            double c0 = 0; double[] c = new double[6];
            for (double[] r : s) {
                double m = 0; for (double v : r) m += v; m /= len;
                for (int t = 0; t < len; t++) r[t] -= m;
            }
            for (int lag = 0; lag < 6; lag++) {
                double acc = 0; long cnt = 0;
                for (double[] r : s) for (int t = 0; t + lag < len; t++) { acc += r[t] * r[t + lag]; cnt++; }
                c[lag] = acc / cnt;
            }
            StringBuilder sb = new StringBuilder(f + " var(K) " + String.format("%.3f", c[0]) + " rho(1..5):");
            for (int lag = 1; lag < 6; lag++) sb.append(String.format(" %.3f", c[lag] / c[0]));
            System.out.println(sb);
        }
    }
}
