package org.spiqgan.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.spiqgan.nn.Conv1D;
import org.spiqgan.nn.Layer;
import org.spiqgan.nn.LeakyReLU;
import org.spiqgan.nn.Linear;

/**
 * A classical generator z -> logits h of shape (N, T) (C order, the layout of samples); firing
 * probabilities are {@code p = sigmoid(h)}. The final sigmoid is left out of the layer chain so that
 * the binary-concrete relaxation {@code sigmoid((h + logit u) / tau)} is computed from the logits
 * directly (logit p = h), without saturating.
 *
 * <ul>
 * <li>{@code spikegan} (Spike-GAN's semi-convolutional generator), width W: Linear(d -> 2W * L0),
 * reshape to 2W channels x L0 bins, LeakyReLU(0.2), nearest upsampling to L1, Conv1D(2W -> W, k5 s1 p2),
 * LeakyReLU(0.2), nearest upsampling to T, Conv1D(W -> N, k5 s1 p2), sigmoid; L0 = ceil(T/4),
 * L1 = ceil(T/2). Neurons are the output channels, time the convolution axis.
 * <li>{@code mlp}, hidden width H: Linear(d -> H), LeakyReLU(0.2), Linear(H -> H), LeakyReLU(0.2),
 * Linear(H -> N*T), sigmoid.
 * </ul>
 * Parameters live in one flat array, layer by layer, weights then bias (PyTorch's order); PyTorch's
 * default initialisation.
 */
public final class Generator {
    public static final double LEAK = 0.2;
    public static final int KERNEL = 5;

    public enum Kind {
        SPIKEGAN, MLP;

        public String id() { return name().toLowerCase(Locale.ROOT); }

        public static Kind parse(String s) {
            for (Kind k : values()) if (k.id().equals(s)) return k;
            throw new IllegalArgumentException("generator must be spikegan or mlp, not '" + s + "'");
        }
    }

    private final Kind kind;
    private final int n;
    private final int tt;
    private final int latent;
    private final int width;
    private final Layer[] layers;
    private final int[] sizes;
    private final double[] params;
    private final double[] grads;

    public Generator(Kind kind, int neurons, int timesteps, int latent, int width) {
        if (neurons <= 0 || timesteps <= 0 || latent <= 0 || width <= 0) {
            throw new IllegalArgumentException("neurons, timesteps, latent and width must be positive");
        }
        this.kind = kind;
        this.n = neurons;
        this.tt = timesteps;
        this.latent = latent;
        this.width = width;
        List<Layer> list = new ArrayList<>();
        if (kind == Kind.SPIKEGAN) {
            int l0 = (timesteps + 3) / 4, l1 = (timesteps + 1) / 2, c0 = 2 * width, c1 = width;
            list.add(new Linear(latent, c0 * l0));
            list.add(new LeakyReLU(c0 * l0, LEAK));
            list.add(new NearestUpsample(c0, l0, l1));
            list.add(new Conv1D(c0, l1, c1, KERNEL, 1, KERNEL / 2));
            list.add(new LeakyReLU(c1 * l1, LEAK));
            list.add(new NearestUpsample(c1, l1, timesteps));
            list.add(new Conv1D(c1, timesteps, neurons, KERNEL, 1, KERNEL / 2));
        } else {
            list.add(new Linear(latent, width));
            list.add(new LeakyReLU(width, LEAK));
            list.add(new Linear(width, width));
            list.add(new LeakyReLU(width, LEAK));
            list.add(new Linear(width, neurons * timesteps));
        }
        layers = list.toArray(new Layer[0]);
        sizes = new int[layers.length + 1];
        sizes[0] = latent;
        int count = 0;
        for (int l = 0; l < layers.length; l++) {
            if (layers[l].inSize() != sizes[l]) throw new IllegalStateException("layer sizes do not chain at " + layers[l]);
            sizes[l + 1] = layers[l].outSize();
            count += layers[l].parameterCount();
        }
        if (sizes[layers.length] != neurons * timesteps) throw new IllegalStateException("output is not N*T");
        params = new double[count];
        grads = new double[count];
        int off = 0;
        for (Layer layer : layers) {
            layer.bind(params, grads, off);
            off += layer.parameterCount();
        }
    }

    /** Exact trainable-parameter count without building, in closed form. */
    public static long parameterCount(Kind kind, int n, int t, int latent, int width) {
        long d = latent, w = width;
        if (kind == Kind.SPIKEGAN) {
            long l0 = (t + 3) / 4, c0 = 2 * w, c1 = w;
            return d * c0 * l0 + c0 * l0 + KERNEL * c0 * c1 + c1 + KERNEL * c1 * n + n;
        }
        return d * w + w + w * w + w + w * n * t + (long) n * t;
    }

    public void initialize(RandomGenerator rng) {
        for (Layer l : layers) l.initialize(rng);
    }

    /**
     * Sets the output layer's bias to the logits of the given firing probabilities (per neuron), so that
     * training starts at the data's rates rather than at p = 0.5; weights keep their initialisation.
     */
    public void initializeOutputBias(double[] rates) {
        if (rates.length != n) throw new IllegalArgumentException("need " + n + " rates");
        Layer last = layers[layers.length - 1];
        int biasStart = last.offset() + last.parameterCount() - last.outSize() / (kind == Kind.SPIKEGAN ? tt : 1);
        for (int i = 0; i < n; i++) {
            double r = Math.min(1 - 1e-4, Math.max(1e-4, rates[i]));
            double logit = Math.log(r / (1 - r));
            if (kind == Kind.SPIKEGAN) {
                params[biasStart + i] = logit;
            } else {
                for (int t = 0; t < tt; t++) params[biasStart + i * tt + t] = logit;
            }
        }
    }

    public Kind kind() { return kind; }
    public int neurons() { return n; }
    public int timesteps() { return tt; }
    public int latent() { return latent; }
    public int width() { return width; }
    public int parameterCount() { return params.length; }
    public double[] params() { return params; }
    public double[] grads() { return grads; }

    public void setParams(double[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " generator parameters, got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    /** Activations of one batch: {@code a[0]} the latents, {@code a[L]} the logits; {@code g} their adjoints. */
    public final class Workspace {
        final double[][] a;
        final double[][] g;
        final int capacity;

        Workspace(int capacity) {
            this.capacity = capacity;
            a = new double[layers.length + 1][];
            g = new double[layers.length + 1][];
            for (int l = 0; l <= layers.length; l++) {
                a[l] = new double[capacity * sizes[l]];
                g[l] = new double[capacity * sizes[l]];
            }
        }

        public double[] latents() { return a[0]; }
        public double[] logits() { return a[layers.length]; }
        public double[] logitGrad() { return g[layers.length]; }
    }

    public Workspace workspace(int capacity) {
        return new Workspace(capacity);
    }

    /** Logits of the m latents in {@code w.latents()}, into {@code w.logits()}. */
    public void forward(Workspace w, int m) {
        if (m > w.capacity) throw new IllegalArgumentException("batch larger than the workspace");
        for (int l = 0; l < layers.length; l++) layers[l].forward(w.a[l], w.a[l + 1], m);
    }

    /** Adds d loss / d params into {@code grads()} given d loss / d logits in {@code w.logitGrad()}. */
    public void backward(Workspace w, int m) {
        for (int l = layers.length - 1; l >= 0; l--) {
            Layer layer = layers[l];
            layer.accumulateGrad(w.a[l], w.g[l + 1], grads, true, m);
            if (l > 0) layer.backwardInput(w.a[l], w.g[l + 1], w.g[l], m);
        }
    }

    /** Draws standard normal latents for m samples. */
    public void sampleLatents(Workspace w, int m, RandomGenerator rng) {
        double[] z = w.a[0];
        for (int k = 0; k < m * latent; k++) z[k] = rng.nextGaussian();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(kind.id()).append(" generator, latent ").append(latent).append(", width ")
                .append(width).append(" (").append(params.length).append(" parameters):");
        for (Layer l : layers) sb.append(' ').append(l).append(';');
        sb.append(" sigmoid");
        return sb.toString();
    }
}
