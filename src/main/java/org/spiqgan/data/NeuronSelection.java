package org.spiqgan.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which neurons (0-based raster indices) form the samples: {@code top:N} (the N most active on the
 * training split, ties to the lower index, kept in ascending index order; SPEC.md section 2),
 * {@code first:N}, {@code all}, or an explicit list such as {@code 3,7,12} (kept in the given order).
 */
public final class NeuronSelection {
    private enum Kind { TOP, FIRST, ALL, LIST }

    private final Kind kind;
    private final int count;
    private final int[] list;
    private final String text;

    private NeuronSelection(Kind kind, int count, int[] list, String text) {
        this.kind = kind;
        this.count = count;
        this.list = list;
        this.text = text;
    }

    public static NeuronSelection top(int n) { return parse("top:" + n); }
    public static NeuronSelection first(int n) { return parse("first:" + n); }

    /** Parses the option text; throws IllegalArgumentException with a one-line reason. */
    public static NeuronSelection parse(String s) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException("empty neuron selection");
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.equals("all")) return new NeuronSelection(Kind.ALL, 0, null, "all");
        for (Kind k : new Kind[] {Kind.TOP, Kind.FIRST}) {
            String prefix = k.name().toLowerCase(Locale.ROOT) + ":";
            if (t.startsWith(prefix)) {
                int n = positive(t.substring(prefix.length()), s);
                return new NeuronSelection(k, n, null, prefix + n);
            }
        }
        String[] parts = t.split(",");
        int[] idx = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                idx[k] = Integer.parseInt(parts[k].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("neurons must be top:N, first:N, all or a list of indices like 3,7,12; not '" + s + "'");
            }
            if (idx[k] < 0) throw new IllegalArgumentException("neuron index must be >= 0: " + idx[k]);
        }
        if (Arrays.stream(idx).distinct().count() != idx.length) {
            throw new IllegalArgumentException("neuron list repeats an index: '" + s + "'");
        }
        return new NeuronSelection(Kind.LIST, idx.length, idx, t.replace(" ", ""));
    }

    private static int positive(String n, String whole) {
        try {
            int v = Integer.parseInt(n.strip());
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("expected a positive count in '" + whole + "'");
    }

    /**
     * The chosen indices. {@code train} is the split whose activity ranks neurons for {@code top:N}.
     * Throws IllegalArgumentException when the raster has too few neurons.
     */
    public int[] select(SpikeRaster raster, Split train) {
        int n = raster.neurons();
        switch (kind) {
            case ALL:
                return java.util.stream.IntStream.range(0, n).toArray();
            case FIRST:
                requireCount(n);
                return java.util.stream.IntStream.range(0, count).toArray();
            case LIST:
                for (int i : list) {
                    if (i >= n) throw new IllegalArgumentException("neuron index " + i + " is out of range: the recording has " + n + " neurons (0.." + (n - 1) + ")");
                }
                return list.clone();
            default:
                requireCount(n);
                List<Integer> order = new ArrayList<>();
                long[] active = new long[n];
                for (int i = 0; i < n; i++) {
                    active[i] = raster.spikeBins(i, train.segments());
                    order.add(i);
                }
                order.sort(Comparator.<Integer>comparingLong(i -> -active[i]).thenComparingInt(i -> i));
                int[] chosen = new int[count];
                for (int k = 0; k < count; k++) chosen[k] = order.get(k);
                Arrays.sort(chosen);
                return chosen;
        }
    }

    private void requireCount(int n) {
        if (count > n) throw new IllegalArgumentException(text + " asks for " + count + " neurons but the recording has " + n);
    }

    @Override
    public String toString() { return text; }
}
