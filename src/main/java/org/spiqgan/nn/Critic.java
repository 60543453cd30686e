package org.spiqgan.nn;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A feed-forward critic {@code [0,1]^{N x T} -> R}: a chain of layers whose parameters live in one flat
 * array (layer by layer, each layer's weights then bias, as {@code torch.nn.Sequential.parameters()}).
 * Inputs are samples laid out {@code (i, t)} in C order; a batch is {@code batch} such samples back to
 * back.
 *
 * <p>Not thread-safe: one trainer owns a critic; parallelism happens inside the batch methods.
 */
public final class Critic implements Parameters {

    private final String name;
    private final int neurons;
    private final int timesteps;
    private final Layer[] layers;
    private final int[] sizes;
    private final double[] params;
    private final double[] grads;
    private Workspace[] pool = new Workspace[0];

    public Critic(String name, int neurons, int timesteps, List<Layer> layers) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a critic needs layers");
        this.name = name;
        this.neurons = neurons;
        this.timesteps = timesteps;
        this.layers = layers.toArray(new Layer[0]);
        this.sizes = new int[this.layers.length + 1];
        sizes[0] = neurons * timesteps;
        int count = 0;
        for (int l = 0; l < this.layers.length; l++) {
            Layer layer = this.layers[l];
            if (layer.inSize() != sizes[l]) {
                throw new IllegalArgumentException("layer " + l + " (" + layer + ") expects " + layer.inSize()
                        + " inputs but receives " + sizes[l]);
            }
            sizes[l + 1] = layer.outSize();
            count += layer.parameterCount();
        }
        if (sizes[this.layers.length] != 1) throw new IllegalArgumentException("a critic must end in one output");
        this.params = new double[count];
        this.grads = new double[count];
        int off = 0;
        for (Layer layer : this.layers) {
            double[] own = layer.params();
            int n = layer.parameterCount();
            if (n > 0) System.arraycopy(own, layer.offset(), params, off, n);
            layer.bind(params, grads, off);
            off += n;
        }
    }

    public String name() {
        return name;
    }

    public int neurons() {
        return neurons;
    }

    public int timesteps() {
        return timesteps;
    }

    /** N * T, the size of one input sample. */
    public int inputSize() {
        return sizes[0];
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(Arrays.asList(layers));
    }

    @Override
    public int parameterCount() {
        return params.length;
    }

    @Override
    public double[] params() {
        return params;
    }

    @Override
    public double[] grads() {
        return grads;
    }

    /** PyTorch-default initialisation of every layer, in layer order, from one generator. */
    public void initialize(RandomGenerator rng) {
        for (Layer layer : layers) layer.initialize(rng);
    }

    public void setParams(double[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " critic parameters, got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    /** The critic's output for the sample starting at {@code x[offset]}. */
    public double score(double[] x, int offset) {
        Workspace w = workspaces(1)[0];
        forward(w, x, offset, 1);
        return w.a[layers.length][0];
    }

    /** Scores of {@code batch} samples into {@code out[0..batch)}. */
    public void score(double[] x, int batch, double[] out, BatchExecutor executor) {
        checkBatch(x, batch, "x");
        int chunks = BatchExecutor.chunks(batch);
        Workspace[] ws = workspaces(chunks);
        executor.run(chunks, c -> {
            int first = c * BatchExecutor.CHUNK;
            int m = Math.min(batch, first + BatchExecutor.CHUNK) - first;
            forward(ws[c], x, first * sizes[0], m);
            System.arraycopy(ws[c].a[layers.length], 0, out, first, m);
        });
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" critic (").append(params.length).append(" parameters):");
        for (Layer l : layers) sb.append(' ').append(l).append(';');
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    void checkBatch(double[] x, int batch, String what) {
        if (batch < 1) throw new IllegalArgumentException("batch must be positive, got " + batch);
        if (x.length < (long) batch * sizes[0]) {
            throw new IllegalArgumentException(what + " holds " + x.length + " values, need " + batch + " x " + sizes[0]);
        }
    }

    /** At least {@code n} workspaces, created once and reused. */
    Workspace[] workspaces(int n) {
        if (pool.length < n) {
            Workspace[] grown = Arrays.copyOf(pool, n);
            for (int i = pool.length; i < n; i++) grown[i] = new Workspace(sizes, params.length);
            pool = grown;
        }
        return pool;
    }

    /** Forward pass of m consecutive samples starting at {@code x[offset]}; activations stay in w. */
    void forward(Workspace w, double[] x, int offset, int m) {
        System.arraycopy(x, offset, w.a[0], 0, m * sizes[0]);
        forwardLoaded(w, m);
    }

    /** Forward pass of the m samples already in {@code w.a[0]}; the scores end in {@code w.a[L][0..m)}. */
    void forwardLoaded(Workspace w, int m) {
        for (int l = 0; l < layers.length; l++) layers[l].forward(w.a[l], w.a[l + 1], m);
    }

    /**
     * Backpropagates from the output of the last forward pass, with output adjoints already in
     * {@code w.g[L][0..m)}: parameter gradients are added into {@code target} (if not null); with
     * {@code toInput} the input gradients end in {@code w.g[0]}.
     */
    void backward(Workspace w, int m, double[] target, boolean toInput) {
        for (int l = layers.length - 1; l >= 0; l--) {
            if (target != null) layers[l].accumulateGrad(w.a[l], w.g[l + 1], target, true, m);
            if (l > 0 || toInput) layers[l].backwardInput(w.a[l], w.g[l + 1], w.g[l], m);
        }
    }

    /**
     * Adds into {@code target} the parameter gradient of {@code sum_s v_s . grad_x C(x_s)} for fixed v,
     * where x_s are the samples of the last forward pass and v_s is in {@code w.t[0]}: forward-mode
     * tangents of the network in direction v, then reverse mode through the pair (activations,
     * tangents). This is the exact weight gradient of any function of the input gradient (v = its
     * derivative with respect to grad_x C). The directional derivatives {@code v_s . grad_x C(x_s)} end
     * in {@code w.t[L][0..m)}.
     */
    void penaltyBackward(Workspace w, int m, double[] target) {
        int last = layers.length;
        for (int l = 0; l < last; l++) layers[l].tangent(w.a[l], w.t[l], w.t[l + 1], m);
        java.util.Arrays.fill(w.tb[last], 0, m, 1.0);
        java.util.Arrays.fill(w.ab[last], 0, m, 0.0);
        boolean live = false;
        for (int l = last - 1; l >= 0; l--) {
            live = layers[l].secondOrderBackward(w.a[l], w.t[l], w.ab[l + 1], w.tb[l + 1], live,
                    w.ab[l], w.tb[l], target, l > 0, m);
        }
    }

    /**
     * Per-chunk scratch for up to {@link BatchExecutor#CHUNK} samples: activations, gradients, tangents
     * and their adjoints at every layer boundary, and a gradient buffer.
     */
    static final class Workspace {
        final double[][] a;
        final double[][] g;
        final double[][] t;
        final double[][] ab;
        final double[][] tb;
        final double[] grad;
        final double[] sums = new double[4];

        Workspace(int[] sizes, int parameterCount) {
            a = buffers(sizes);
            g = buffers(sizes);
            t = buffers(sizes);
            ab = buffers(sizes);
            tb = buffers(sizes);
            grad = new double[parameterCount];
        }

        private static double[][] buffers(int[] sizes) {
            double[][] r = new double[sizes.length][];
            for (int i = 0; i < sizes.length; i++) r[i] = new double[BatchExecutor.CHUNK * sizes[i]];
            return r;
        }
    }
}
