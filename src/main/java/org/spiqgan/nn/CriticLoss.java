package org.spiqgan.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The WGAN-GP critic loss with its exact parameter gradient, and the critic's input gradient for the
 * generator's step.
 *
 * <p>The penalty's parameter gradient is computed by double backpropagation. For one interpolate x,
 * {@code P = (||g||-1)^2} with {@code g = grad_x C(x; W)}; with {@code v = dP/dg = 2(||g||-1) g/||g||}
 * held fixed, {@code dP/dW = d/dW (v . grad_x C(x; W)) = d/dW (J_C(x; W) v)}, the parameter gradient of
 * the directional derivative of C along v. That is a forward-mode tangent pass followed by reverse mode
 * through both the activations and the tangents ({@link Critic#penaltyBackward}). For piecewise-linear
 * activations the activations' adjoints stay zero, so biases get no penalty gradient and each weight
 * matrix gets the outer product of the tangent adjoint and the layer's input tangent, the closed form
 * of the issue; Sigmoid layers add their curvature term. At {@code ||g|| = 0}, where P is not
 * differentiable, the sample contributes no penalty gradient (as PyTorch's norm backward does).
 */
public final class CriticLoss {

    public static final double DEFAULT_LAMBDA_GP = 10.0;

    private CriticLoss() {}

    /**
     * Evaluates {@code L_C = mean C(gen) - mean C(real) + lambdaGp * mean_b (||grad_x C(x_hat_b)||_2 - 1)^2}
     * with {@code x_hat_b = e_b real_b + (1 - e_b) gen_b}, and overwrites {@code critic.grads()} with
     * {@code dL_C/dW}. The result is bitwise the same for every thread count of {@code executor}.
     *
     * @param real {@code batch} real samples of {@code critic.inputSize()} values each
     * @param gen {@code batch} generated samples
     * @param eps the interpolation weights e_b, one per sample
     */
    public static WganGpResult wganGp(Critic critic, double[] real, double[] gen, int batch, double lambdaGp,
            double[] eps, BatchExecutor executor) {
        critic.checkBatch(real, batch, "real");
        critic.checkBatch(gen, batch, "gen");
        if (eps.length < batch) throw new IllegalArgumentException("need " + batch + " interpolation weights");
        int d = critic.inputSize();
        int chunks = BatchExecutor.chunks(batch);
        Critic.Workspace[] ws = critic.workspaces(chunks);
        double inv = 1.0 / batch;
        int last = critic.layers().size();
        executor.run(chunks, c -> {
            Critic.Workspace w = ws[c];
            Arrays.fill(w.grad, 0.0);
            int first = c * BatchExecutor.CHUNK;
            int m = Math.min(batch, first + BatchExecutor.CHUNK) - first;
            double[] out = w.a[last];
            double[] seed = w.g[last];

            critic.forward(w, gen, first * d, m);
            double sumGen = 0.0;
            for (int s = 0; s < m; s++) sumGen += out[s];
            Arrays.fill(seed, 0, m, inv);
            critic.backward(w, m, w.grad, false);

            critic.forward(w, real, first * d, m);
            double sumReal = 0.0;
            for (int s = 0; s < m; s++) sumReal += out[s];
            Arrays.fill(seed, 0, m, -inv);
            critic.backward(w, m, w.grad, false);

            double sumPen = 0.0, sumNorm = 0.0;
            if (lambdaGp != 0.0) {
                double[] xh = w.a[0];
                for (int s = 0; s < m; s++) {
                    double e = eps[first + s];
                    int o = (first + s) * d, so = s * d;
                    for (int j = 0; j < d; j++) xh[so + j] = e * real[o + j] + (1.0 - e) * gen[o + j];
                }
                critic.forwardLoaded(w, m);
                Arrays.fill(seed, 0, m, 1.0);
                critic.backward(w, m, null, true);
                double[] gx = w.g[0];
                double[] v = w.t[0];
                for (int s = 0; s < m; s++) {
                    int so = s * d;
                    double sq = 0.0;
                    for (int j = 0; j < d; j++) sq += gx[so + j] * gx[so + j];
                    double norm = Math.sqrt(sq);
                    sumPen += (norm - 1.0) * (norm - 1.0);
                    sumNorm += norm;
                    // d/dg of (||g|| - 1)^2, scaled into the batch mean; zero where the norm is not differentiable
                    double coef = norm > 0.0 ? lambdaGp * inv * 2.0 * (norm - 1.0) / norm : 0.0;
                    for (int j = 0; j < d; j++) v[so + j] = coef * gx[so + j];
                }
                critic.penaltyBackward(w, m, w.grad);
            }
            w.sums[0] = sumGen;
            w.sums[1] = sumReal;
            w.sums[2] = sumPen;
            w.sums[3] = sumNorm;
        });
        double[] grads = critic.grads();
        Arrays.fill(grads, 0.0);
        double sumGen = 0.0, sumReal = 0.0, sumPen = 0.0, sumNorm = 0.0;
        for (int c = 0; c < chunks; c++) {
            Critic.Workspace w = ws[c];
            double[] g = w.grad;
            for (int k = 0; k < grads.length; k++) grads[k] += g[k];
            sumGen += w.sums[0];
            sumReal += w.sums[1];
            sumPen += w.sums[2];
            sumNorm += w.sums[3];
        }
        double meanGen = sumGen * inv, meanReal = sumReal * inv, penalty = sumPen * inv;
        return new WganGpResult(meanGen - meanReal + lambdaGp * penalty, meanReal, meanGen, penalty, sumNorm * inv);
    }

    /** As above, drawing {@code e_b ~ U[0,1)} from {@code rng} in sample order (independent of threads). */
    public static WganGpResult wganGp(Critic critic, double[] real, double[] gen, int batch, double lambdaGp,
            RandomGenerator rng, BatchExecutor executor) {
        double[] eps = new double[batch];
        for (int b = 0; b < batch; b++) eps[b] = rng.nextDouble();
        return wganGp(critic, real, gen, batch, lambdaGp, eps, executor);
    }

    /**
     * Fills {@code gradOut[b*D + j] = scale * dC(x_b)/dx_j} for every sample (D = N*T) and returns
     * {@code mean_b C(x_b)}. For the generator's loss {@code L_G = -mean C(x_gen)} use
     * {@code scale = -1.0 / batch}. Leaves the critic's parameter gradients untouched.
     */
    public static double criticInputGradient(Critic critic, double[] x, int batch, double scale, double[] gradOut,
            BatchExecutor executor) {
        critic.checkBatch(x, batch, "x");
        int d = critic.inputSize();
        if (gradOut.length < (long) batch * d) throw new IllegalArgumentException("gradOut too small");
        int chunks = BatchExecutor.chunks(batch);
        Critic.Workspace[] ws = critic.workspaces(chunks);
        int last = critic.layers().size();
        executor.run(chunks, c -> {
            Critic.Workspace w = ws[c];
            int first = c * BatchExecutor.CHUNK;
            int m = Math.min(batch, first + BatchExecutor.CHUNK) - first;
            critic.forward(w, x, first * d, m);
            double sum = 0.0;
            for (int s = 0; s < m; s++) sum += w.a[last][s];
            Arrays.fill(w.g[last], 0, m, scale);
            critic.backward(w, m, null, true);
            System.arraycopy(w.g[0], 0, gradOut, first * d, m * d);
            w.sums[0] = sum;
        });
        double sum = 0.0;
        for (int c = 0; c < chunks; c++) sum += ws[c].sums[0];
        return sum / batch;
    }
}
