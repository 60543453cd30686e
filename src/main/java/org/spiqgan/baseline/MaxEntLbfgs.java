package org.spiqgan.baseline;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4/7.5) with a backtracking Armijo line search. The
 * objective may return {@code +Infinity} for a point it refuses (the reweighted MCMC objective does when the
 * effective sample size gets too small); the line search then backtracks. Work arrays are allocated once.
 */
final class MaxEntLbfgs {
    /** value and gradient at x; gradient written into g. */
    interface Objective {
        double evaluate(double[] x, double[] g);
    }

    /** Stop test on the gradient, called after every accepted step; true stops. */
    interface Stop {
        boolean done(double[] x, double[] g, double value, int iteration);
    }

    record Result(double value, int iterations, int evaluations, String reason) {}

    private final int dim;
    private final int memory;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private final double[] g;
    private final double[] gNew;
    private final double[] d;
    private final double[] xNew;

    MaxEntLbfgs(int dim, int memory) {
        this.dim = dim;
        this.memory = memory;
        s = new double[memory][dim];
        y = new double[memory][dim];
        rho = new double[memory];
        alpha = new double[memory];
        g = new double[dim];
        gNew = new double[dim];
        d = new double[dim];
        xNew = new double[dim];
    }

    /** Minimises f from x (overwritten with the result). */
    Result minimize(Objective f, double[] x, int maxIterations, Stop stop) {
        double fx = f.evaluate(x, g);
        int evals = 1;
        if (!Double.isFinite(fx)) return new Result(fx, 0, evals, "objective not finite at the start");
        if (stop.done(x, g, fx, 0)) return new Result(fx, 0, evals, "converged");
        int stored = 0;
        int head = 0;
        for (int it = 1; it <= maxIterations; it++) {
            // two-loop recursion: d = -H g
            for (int k = 0; k < dim; k++) d[k] = -g[k];
            for (int m = 0; m < stored; m++) {
                int idx = Math.floorMod(head - 1 - m, memory);
                double a = rho[idx] * dot(s[idx], d);
                alpha[idx] = a;
                axpy(-a, y[idx], d);
            }
            double gamma;
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
            } else {
                gamma = 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
            }
            for (int k = 0; k < dim; k++) d[k] *= gamma;
            for (int m = stored - 1; m >= 0; m--) {
                int idx = Math.floorMod(head - 1 - m, memory);
                double b = rho[idx] * dot(y[idx], d);
                axpy(alpha[idx] - b, s[idx], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // not a descent direction: restart from steepest descent
                stored = 0;
                double gn = Math.sqrt(dot(g, g));
                for (int k = 0; k < dim; k++) d[k] = -g[k] / Math.max(1e-12, gn);
                slope = dot(g, d);
                if (!(slope < 0)) return new Result(fx, it - 1, evals, "zero gradient");
            }
            double step = 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 40; ls++) {
                for (int k = 0; k < dim; k++) xNew[k] = x[k] + step * d[k];
                fNew = f.evaluate(xNew, gNew);
                evals++;
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= Double.isFinite(fNew) ? 0.5 : 0.25;
            }
            if (!accepted) return new Result(fx, it - 1, evals, "line search failed");
            double sy = 0;
            double[] sv = s[head];
            double[] yv = y[head];
            for (int k = 0; k < dim; k++) {
                sv[k] = xNew[k] - x[k];
                yv[k] = gNew[k] - g[k];
                sy += sv[k] * yv[k];
            }
            if (sy > 1e-300) {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(xNew, 0, x, 0, dim);
            System.arraycopy(gNew, 0, g, 0, dim);
            double old = fx;
            fx = fNew;
            if (stop.done(x, g, fx, it)) return new Result(fx, it, evals, "converged");
            if (Math.abs(old - fx) <= 1e-15 * Math.max(1, Math.abs(fx)) && step < 1e-6) {
                return new Result(fx, it, evals, "no progress");
            }
        }
        return new Result(fx, maxIterations, evals, "iteration limit");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) y[k] += a * x[k];
    }
}
