package org.spiqgan.baseline;

import java.util.HashMap;
import java.util.Map;
import org.spiqgan.data.SampleSet;

/** Distinct population patterns (bit codes, neuron i = bit i) with their counts. */
public final class MaxEntPatterns {
    final int n;
    final long[] codes;
    final double[] counts;
    final double total;

    MaxEntPatterns(int n, long[] codes, double[] counts) {
        this.n = n;
        this.codes = codes;
        this.counts = counts;
        double t = 0;
        for (double c : counts) t += c;
        total = t;
    }

    /** Every bin (s, t) of the windows is one pattern. */
    static MaxEntPatterns of(SampleSet windows) {
        int n = windows.neurons();
        int tt = windows.timesteps();
        if (n > 63) throw new IllegalArgumentException("maximum-entropy models here need N <= 63, not " + n);
        byte[] v = windows.values();
        long[] buf = new long[windows.samples() * tt];
        int m = 0;
        for (int s = 0; s < windows.samples(); s++) {
            for (int t = 0; t < tt; t++) {
                long c = 0;
                for (int i = 0; i < n; i++) if (v[(s * n + i) * tt + t] != 0) c |= 1L << i;
                buf[m++] = c;
            }
        }
        return of(n, buf, m);
    }

    /** Counts the first m codes of buf. */
    static MaxEntPatterns of(int n, long[] buf, int m) {
        Map<Long, double[]> counts = new HashMap<>();
        for (int k = 0; k < m; k++) counts.computeIfAbsent(buf[k], key -> new double[1])[0]++;
        long[] codes = new long[counts.size()];
        double[] c = new double[counts.size()];
        int k = 0;
        for (var e : counts.entrySet()) {
            codes[k] = e.getKey();
            c[k++] = e.getValue()[0];
        }
        // deterministic order
        Integer[] order = new Integer[codes.length];
        for (int a = 0; a < order.length; a++) order[a] = a;
        java.util.Arrays.sort(order, (a, b) -> Long.compareUnsigned(codes[a], codes[b]));
        long[] sc = new long[codes.length];
        double[] scnt = new double[codes.length];
        for (int a = 0; a < order.length; a++) {
            sc[a] = codes[order[a]];
            scnt[a] = c[order[a]];
        }
        return new MaxEntPatterns(n, sc, scnt);
    }

    /** Mean feature vector in the layout. */
    double[] moments(MaxEntLayout lay) {
        double[] m = new double[lay.size];
        for (int u = 0; u < codes.length; u++) lay.addFeatures(codes[u], counts[u], m);
        for (int a = 0; a < m.length; a++) m[a] /= total;
        return m;
    }

    /** Mean of theta . f(x) over the patterns. */
    double meanEnergy(MaxEntLayout lay, double[] theta) {
        double s = 0;
        for (int u = 0; u < codes.length; u++) s += counts[u] * lay.energy(theta, codes[u]);
        return s / total;
    }
}
