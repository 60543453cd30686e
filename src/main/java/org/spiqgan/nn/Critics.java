package org.spiqgan.nn;

import java.util.List;
import java.util.random.RandomGenerator;

/** The two critics of SPEC.md section 4, PyTorch-default initialised. */
public final class Critics {

    public static final double LEAK = 0.2;
    public static final int DEFAULT_HIDDEN = 128;
    public static final int CONV_KERNEL = 5;
    public static final int CONV_STRIDE = 2;
    public static final int CONV_PADDING = 2;

    private Critics() {}

    /**
     * {@code mlp}: flatten N*T -> Linear(H) -> LeakyReLU(0.2) -> Linear(H) -> LeakyReLU(0.2) -> Linear(1).
     * Parameters: {@code D*H + H + H*H + H + H + 1} with D = N*T.
     */
    public static Critic mlp(int neurons, int timesteps, int hidden, RandomGenerator rng) {
        checkShape(neurons, timesteps);
        if (hidden < 1) throw new IllegalArgumentException("hidden width must be positive, got " + hidden);
        int d = neurons * timesteps;
        Critic c = new Critic("mlp", neurons, timesteps, List.of(
                new Linear(d, hidden), new LeakyReLU(hidden, LEAK),
                new Linear(hidden, hidden), new LeakyReLU(hidden, LEAK),
                new Linear(hidden, 1)));
        c.initialize(rng);
        return c;
    }

    public static long mlpParameterCount(int neurons, int timesteps, int hidden) {
        long d = (long) neurons * timesteps;
        return d * hidden + hidden + (long) hidden * hidden + hidden + hidden + 1;
    }

    /**
     * {@code conv} (Spike-GAN style): neurons as channels, time as length;
     * Conv1D(N -> c1, kernel 5, stride 2, padding 2) -> LeakyReLU(0.2) -> Conv1D(c1 -> c2, same geometry)
     * -> LeakyReLU(0.2) -> flatten -> Linear(c2 * L2 -> 1), with L1 = floor((T - 1) / 2) + 1 and
     * L2 = floor((L1 - 1) / 2) + 1 (each convolution halves the time axis, rounding up).
     */
    public static Critic conv(int neurons, int timesteps, int channels1, int channels2, RandomGenerator rng) {
        checkShape(neurons, timesteps);
        if (channels1 < 1 || channels2 < 1) {
            throw new IllegalArgumentException("channel widths must be positive, got " + channels1 + ", " + channels2);
        }
        Conv1D c1 = new Conv1D(neurons, timesteps, channels1, CONV_KERNEL, CONV_STRIDE, CONV_PADDING);
        Conv1D c2 = new Conv1D(channels1, c1.outLength(), channels2, CONV_KERNEL, CONV_STRIDE, CONV_PADDING);
        Critic c = new Critic("conv", neurons, timesteps, List.of(
                c1, new LeakyReLU(c1.outSize(), LEAK),
                c2, new LeakyReLU(c2.outSize(), LEAK),
                new Linear(c2.outSize(), 1)));
        c.initialize(rng);
        return c;
    }

    public static long convParameterCount(int neurons, int timesteps, int channels1, int channels2) {
        int l1 = Conv1D.outLength(timesteps, CONV_KERNEL, CONV_STRIDE, CONV_PADDING);
        int l2 = Conv1D.outLength(l1, CONV_KERNEL, CONV_STRIDE, CONV_PADDING);
        return (long) channels1 * neurons * CONV_KERNEL + channels1
                + (long) channels2 * channels1 * CONV_KERNEL + channels2
                + (long) channels2 * l2 + 1;
    }

    private static void checkShape(int neurons, int timesteps) {
        if (neurons < 1 || timesteps < 1) {
            throw new IllegalArgumentException("critic input must be at least 1 x 1, got " + neurons + " x " + timesteps);
        }
    }
}
