package org.spiqgan.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.spiqgan.BadInputException;

/**
 * Which critic to build: {@code mlp} with one hidden width, or {@code conv} with two channel widths.
 * Text form (for options and model files): {@code mlp}, {@code mlp:128}, {@code conv}, {@code conv:32,64}.
 */
public record CriticSpec(String kind, int[] widths) {

    public static final int DEFAULT_CONV_CHANNELS1 = 32;
    public static final int DEFAULT_CONV_CHANNELS2 = 64;

    public CriticSpec {
        widths = widths.clone();
        boolean ok = ("mlp".equals(kind) && widths.length == 1) || ("conv".equals(kind) && widths.length == 2);
        if (!ok) throw new IllegalArgumentException("critic " + kind + " with widths " + Arrays.toString(widths));
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("critic widths must be positive");
    }

    public static CriticSpec mlp(int hidden) {
        return new CriticSpec("mlp", new int[] {hidden});
    }

    public static CriticSpec conv(int channels1, int channels2) {
        return new CriticSpec("conv", new int[] {channels1, channels2});
    }

    /** The default critic of SPEC.md section 4: {@code mlp} with hidden width 128. */
    public static CriticSpec defaults() {
        return mlp(Critics.DEFAULT_HIDDEN);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    public Critic build(int neurons, int timesteps, RandomGenerator rng) {
        return kind.equals("mlp") ? Critics.mlp(neurons, timesteps, widths[0], rng)
                : Critics.conv(neurons, timesteps, widths[0], widths[1], rng);
    }

    public long parameterCount(int neurons, int timesteps) {
        return kind.equals("mlp") ? Critics.mlpParameterCount(neurons, timesteps, widths[0])
                : Critics.convParameterCount(neurons, timesteps, widths[0], widths[1]);
    }

    /**
     * Parses the text form; {@code source} names the option or file field in the error message, which
     * is a {@link BadInputException}.
     */
    public static CriticSpec parse(String text, String source) {
        String t = text == null ? "" : text.trim();
        String kind = t, rest = null;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            kind = t.substring(0, colon);
            rest = t.substring(colon + 1);
        }
        try {
            if (kind.equals("mlp")) {
                return mlp(rest == null ? Critics.DEFAULT_HIDDEN : positive(rest.trim()));
            }
            if (kind.equals("conv")) {
                if (rest == null) return conv(DEFAULT_CONV_CHANNELS1, DEFAULT_CONV_CHANNELS2);
                String[] parts = rest.split(",", -1);
                if (parts.length == 2) return conv(positive(parts[0].trim()), positive(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw BadInputException.of(null, source,
                "expected mlp, mlp:H, conv or conv:C1,C2 with positive integer widths, got '" + text + "'");
    }

    private static int positive(String s) {
        int v = Integer.parseInt(s);
        if (v < 1) throw new NumberFormatException(s);
        return v;
    }

    @Override
    public String toString() {
        return kind.equals("mlp") ? "mlp:" + widths[0] : "conv:" + widths[0] + "," + widths[1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CriticSpec s && s.kind.equals(kind) && Arrays.equals(s.widths, widths);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(widths);
    }
}
