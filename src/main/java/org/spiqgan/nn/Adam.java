package org.spiqgan.nn;

import java.util.Arrays;

/**
 * Adam with bias correction, the same arithmetic as PyTorch's {@code torch.optim.Adam} (no weight decay,
 * no amsgrad): at step t, {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2},
 * {@code p -= (lr_t / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps)}, with {@code lr_t} from the
 * {@link LearningRateSchedule}.
 *
 * <p>The whole state is the moment arrays and the step count ({@link State}); restoring it continues
 * bitwise identically.
 */
public final class Adam {

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final LearningRateSchedule schedule;
    private final double[] m;
    private final double[] v;
    private long step;

    public Adam(int size, double lr, double beta1, double beta2, double eps, LearningRateSchedule schedule) {
        if (size < 0) throw new IllegalArgumentException("size must be non-negative");
        if (!(lr >= 0.0) || !(beta1 >= 0.0 && beta1 < 1.0) || !(beta2 >= 0.0 && beta2 < 1.0) || !(eps >= 0.0)) {
            throw new IllegalArgumentException("bad Adam hyper-parameters: lr " + lr + ", betas " + beta1 + ", "
                    + beta2 + ", eps " + eps);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.schedule = schedule;
        this.m = new double[size];
        this.v = new double[size];
    }

    public Adam(int size, double lr) {
        this(size, lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, LearningRateSchedule.constant());
    }

    public int size() {
        return m.length;
    }

    /** Steps taken so far. */
    public long steps() {
        return step;
    }

    /** The learning rate the next step will use. */
    public double nextLearningRate() {
        return schedule.rate(lr, step + 1);
    }

    /** One step on the module's parameters using its gradients. */
    public void step(Parameters p) {
        if (p.parameterCount() != m.length) {
            throw new IllegalArgumentException("optimizer for " + m.length + " parameters given " + p.parameterCount());
        }
        step(p.params(), p.grads(), p.offset());
    }

    /** One step on {@code params[offset .. offset + size())} with the gradients at the same indices. */
    public void step(double[] params, double[] grads, int offset) {
        step++;
        double rate = schedule.rate(lr, step);
        double bc1 = 1.0 - Math.pow(beta1, step);
        double bc2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, step));
        double stepSize = rate / bc1;
        double a1 = 1.0 - beta1, a2 = 1.0 - beta2;
        for (int k = 0; k < m.length; k++) {
            double g = grads[offset + k];
            double mk = beta1 * m[k] + a1 * g;
            double vk = beta2 * v[k] + a2 * g * g;
            m[k] = mk;
            v[k] = vk;
            params[offset + k] -= stepSize * mk / (Math.sqrt(vk) / bc2Sqrt + eps);
        }
    }

    /** A deep copy of the state. */
    public State state() {
        return new State(step, m.clone(), v.clone());
    }

    public void restore(State s) {
        if (s.m == null || s.v == null || s.m.length != m.length || s.v.length != v.length || s.step < 0) {
            throw new IllegalArgumentException("Adam state does not fit an optimizer of " + m.length + " parameters");
        }
        System.arraycopy(s.m, 0, m, 0, m.length);
        System.arraycopy(s.v, 0, v, 0, v.length);
        step = s.step;
    }

    /** The optimizer state: a plain object (Gson-serialisable; doubles round-trip exactly). */
    public static final class State {
        public long step;
        public double[] m;
        public double[] v;

        public State(long step, double[] m, double[] v) {
            this.step = step;
            this.m = m;
            this.v = v;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.step == step && Arrays.equals(s.m, m) && Arrays.equals(s.v, v);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(step) * 31 + Arrays.hashCode(m) * 17 + Arrays.hashCode(v);
        }
    }
}
