// Throwaway check of issue 12 (branch speed4), kept for its numbers in ../speed4-NOTES.md; not built by Maven.
// One re-uploading layer of the stationary generator (RY + multiplexed block on each of 10 qubits, 32 lanes), as the
// product runs it (RealRowKernels.ryMultiplexed per qubit: plain Java that the JIT auto-vectorizes) against the same
// passes with the rotation and the table combination written with jdk.incubator.vector (DoubleVector, 256 bit; mul,
// sub, add in the plain code's order, so the same bits, which main() checks first). Thread CPU time per layer, the two
// interleaved round by round (alternating which goes first). Run (JDK >= 21), from the repository root:
//   javac --add-modules jdk.incubator.vector -cp target/spiqgan-all.jar -d /tmp/vc bench/results/speed4-vector-check/VecCheck.java
//   java --add-modules jdk.incubator.vector -cp target/spiqgan-all.jar:/tmp/vc VecCheck 400 21
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.spiqgan.quantum.RealRowKernels;

public class VecCheck {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    static void rotate(double[] r0, double[] r1, double[] co, double[] so, int lanes) {
        for (int k = 0; k < lanes; k += 4) {
            DoubleVector x0 = DoubleVector.fromArray(S, r0, k), x1 = DoubleVector.fromArray(S, r1, k);
            DoubleVector c = DoubleVector.fromArray(S, co, k), s = DoubleVector.fromArray(S, so, k);
            c.mul(x0).sub(s.mul(x1)).intoArray(r0, k);
            s.mul(x0).add(c.mul(x1)).intoArray(r1, k);
        }
    }

    static void combine(double[] ca, double[] sa, double ct, double st, double[] co, double[] so, int lanes) {
        for (int k = 0; k < lanes; k += 4) {
            DoubleVector x = DoubleVector.fromArray(S, ca, k), y = DoubleVector.fromArray(S, sa, k);
            x.mul(ct).sub(y.mul(st)).intoArray(co, k);
            y.mul(ct).add(x.mul(st)).intoArray(so, k);
        }
    }

    /** RealRowKernels.ryMultiplexed with the vector rotation and combination (lanes a multiple of 4). */
    static void ryMultiplexed(double[][] psi, int qubits, int lanes, int target, double[] c, double[] s, double[] cosT, double[] sinT,
            double[][] scratch) {
        int dim = 1 << qubits, step = 1 << target;
        double[] co = scratch[0], so = scratch[1];
        for (int lo = 0; lo < step; lo++) {
            double[] rc = c, rs = s;
            if (cosT != null) {
                combine(c, s, cosT[lo], sinT[lo], co, so, lanes);
                rc = co;
                rs = so;
            }
            for (int hi = 0; hi < dim; hi += step << 1) rotate(psi[hi + lo], psi[hi + lo + step], rc, rs, lanes);
        }
    }

    public static void main(String[] a) {
        int n = 10, L = 32, reps = Integer.parseInt(a[0]), rounds = Integer.parseInt(a[1]);
        SplittableRandom r = new SplittableRandom(1);
        double[][] c = new double[n][L], s = new double[n][L], cosT = new double[n][], sinT = new double[n][];
        for (int q = 0; q < n; q++) for (int k = 0; k < L; k++) { double t = r.nextDouble(6); c[q][k] = Math.cos(t); s[q][k] = Math.sin(t); }
        for (int q = 1; q < n; q++) {
            cosT[q] = new double[1 << q];
            sinT[q] = new double[1 << q];
            for (int i = 0; i < 1 << q; i++) { double t = r.nextDouble(6); cosT[q][i] = Math.cos(t); sinT[q][i] = Math.sin(t); }
        }
        double[][] p1 = new double[1 << n][L], p2 = new double[1 << n][L];
        for (int b = 0; b < 1 << n; b++) for (int k = 0; k < L; k++) p1[b][k] = p2[b][k] = r.nextDouble(-0.1, 0.1);
        double[][] sc1 = new double[4][L], sc2 = new double[4][L];
        for (int q = 0; q < n; q++) {
            RealRowKernels.ryMultiplexed(p1, n, L, q, c[q], s[q], cosT[q], sinT[q], sc1);
            ryMultiplexed(p2, n, L, q, c[q], s[q], cosT[q], sinT[q], sc2);
        }
        for (int b = 0; b < 1 << n; b++) for (int k = 0; k < L; k++) {
            if (Double.doubleToLongBits(p1[b][k]) != Double.doubleToLongBits(p2[b][k])) throw new AssertionError("differs at " + b + ", " + k);
        }
        System.out.println("vector layer == plain layer, bit for bit");
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        double[] tp = new double[rounds], tv = new double[rounds], ratio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < 2; j++) {
                boolean plain = (round + j) % 2 == 0;
                long t0 = tm.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    for (int q = 0; q < n; q++) {
                        if (plain) RealRowKernels.ryMultiplexed(p1, n, L, q, c[q], s[q], cosT[q], sinT[q], sc1);
                        else ryMultiplexed(p2, n, L, q, c[q], s[q], cosT[q], sinT[q], sc2);
                    }
                }
                double dt = (tm.getCurrentThreadCpuTime() - t0) / 1e6 / reps;
                if (plain) tp[round] = dt;
                else tv[round] = dt;
            }
            ratio[round] = tv[round] / tp[round];
            System.out.printf("round %d: plain %.4f ms, vector %.4f ms per layer, vector/plain %.3f%n", round, tp[round], tv[round], ratio[round]);
        }
        java.util.Arrays.sort(tp);
        java.util.Arrays.sort(tv);
        java.util.Arrays.sort(ratio);
        System.out.printf("medians: plain %.4f ms, vector %.4f ms per layer; median of the round ratios vector/plain %.3f (min %.3f, max %.3f)%n",
                tp[rounds / 2], tv[rounds / 2], ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
    }
}
