package org.spiqgan.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SPEC section 7 as one grid: N = 2..10 x T in {1, 2, 5, 10, 20, 30}, and for the paper's generator K-loss
 * against the standard loss (9 x 6 x 2 = 108 runs). Fig. 2 (N = 2, 4, 6, 8 at T = 1) and Fig. 3 (N = 2, 10 at
 * T = 1, 5, 10, 30) are cells of it. The default stationary model ("best") has no GAN loss, so its grid is
 * N x T (54 runs) and its heat maps show its own errors.
 */
final class PaperGrid {
    private PaperGrid() {}

    static final int[] NEURONS = {2, 3, 4, 5, 6, 7, 8, 9, 10};
    static final int[] TIMESTEPS = {1, 2, 5, 10, 20, 30};
    static final int[] FIG2_N = {2, 4, 6, 8};
    static final int[] FIG3_N = {2, 10};
    static final int[] FIG3_T = {1, 5, 10, 30};

    /** Training length and sample counts per budget (docs/sweeps.md explains the choice). */
    static Map<String, String> budget(String model, String budget) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        boolean paper = model.equals("paper");
        if (paper) m.put("preset", "paper");
        switch (budget) {
            case "smoke" -> {
                if (paper) {
                    m.put("steps", "1"); m.put("pretrain", "0"); m.put("batch", "8");
                    m.put("validation-samples", "64"); m.put("eval-every", "1000"); m.put("checkpoint-every", "1000");
                } else {
                    m.put("likelihood-steps", "2"); m.put("refine-steps", "0"); m.put("validation-samples", "64");
                }
                m.put("samples", "256");
            }
            case "quick" -> {
                if (paper) { m.put("steps", "150"); m.put("pretrain", "100"); m.put("batch", "32"); m.put("checkpoint-every", "25"); }
                else { m.put("likelihood-steps", "150"); m.put("refine-steps", "30"); m.put("checkpoint-every", "25"); }
                m.put("samples", "2000");
            }
            case "paper" -> {
                // the paper's length: the patch model's defaults (2000 steps, 300 pre-training steps), the
                // stationary model's defaults (1500 likelihood and 300 refinement steps)
                m.put("samples", "10000");
            }
            default -> throw new IllegalArgumentException(budget);
        }
        return m;
    }

    /**
     * The classical baselines fitted beside the quantum models for the parameters table, at the Fig. 3 cells (N = 2, 10
     * at T = 1, 5, 10, 30): cheap fits (seconds each), judged on the same test split. Name -> {@code baseline fit} fields.
     */
    static final Map<String, Map<String, String>> BASELINES = baselines();

    private static Map<String, Map<String, String>> baselines() {
        LinkedHashMap<String, Map<String, String>> b = new LinkedHashMap<>();
        b.put("bernoulli", Map.of(CliRunExecutor.BASELINE, "bernoulli"));
        b.put("dg", Map.of(CliRunExecutor.BASELINE, "dg"));
        b.put("dg-stimulus", Map.of(CliRunExecutor.BASELINE, "dg", "stimulus-locked", "true"));
        b.put("maxent-pairwise", Map.of(CliRunExecutor.BASELINE, "maxent", "model", "pairwise"));
        b.put("maxent-k-pairwise", Map.of(CliRunExecutor.BASELINE, "maxent", "model", "k-pairwise"));
        return b;
    }

    /** The baseline cells a target needs: the Fig. 3 cells for params and all, none otherwise. */
    static List<Map<String, String>> baselineCells(String target) {
        List<Map<String, String>> cells = new ArrayList<>();
        if (!target.equals("params") && !target.equals("all")) return cells;
        for (int n : FIG3_N) {
            for (int t : FIG3_T) {
                LinkedHashMap<String, String> c = new LinkedHashMap<>();
                c.put("neurons", "top:" + n);
                c.put("timesteps", Integer.toString(t));
                cells.add(c);
            }
        }
        return cells;
    }

    /** The cells a target needs, for one model: fig2 and fig3 are subsets; s1, s2, params and all the whole grid. */
    static List<Map<String, String>> cells(String target, String model) {
        List<Map<String, String>> cells = new ArrayList<>();
        for (int n : NEURONS) {
            for (int t : TIMESTEPS) {
                if (!needed(target, n, t)) continue;
                for (String loss : model.equals("paper") ? new String[] {"k", "standard"} : new String[] {null}) {
                    LinkedHashMap<String, String> c = new LinkedHashMap<>();
                    c.put("neurons", "top:" + n);
                    c.put("timesteps", Integer.toString(t));
                    if (loss != null) c.put("loss", loss);
                    cells.add(c);
                }
            }
        }
        return cells;
    }

    static boolean needed(String target, int n, int t) {
        return switch (target) {
            case "fig2" -> t == 1 && contains(FIG2_N, n);
            case "fig3" -> contains(FIG3_N, n) && contains(FIG3_T, t);
            default -> true;
        };
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    /**
     * A rough CPU-time estimate in hours for a model's cells at a budget, fitted to the CPU seconds of the 162 runs of
     * the {@code quick} budget on the retina (2026-11-30, JDK 17, BENCHMARKS.md; within about 30% of each model's
     * total): a patch-model step costs 3 ms + 15 us x 2^N per circuit (one per neuron and bin, N * T) at batch 64, a
     * stationary likelihood step 0.15 ms + 6.3 us x 2^min(N, 10) per bin (times N / 10 above ten neurons: one
     * 10-qubit circuit per group), and about a second per run for data, generation and evaluation.
     */
    static double cpuHours(List<Map<String, String>> cells, String model, String budget) {
        double seconds = 0;
        for (Map<String, String> c : cells) {
            int n = Integer.parseInt(c.get("neurons").substring(4));
            int t = Integer.parseInt(c.get("timesteps"));
            Map<String, String> b = budget(model, budget);
            if (model.equals("paper")) {
                int steps = Integer.parseInt(b.getOrDefault("steps", "2000")) + Integer.parseInt(b.getOrDefault("pretrain", "300")) / 10;
                int batch = Integer.parseInt(b.getOrDefault("batch", "64"));
                seconds += (3e-3 + 15e-6 * Math.pow(2, Math.min(n, 12))) * n * t * steps * batch / 64.0;
            } else {
                int steps = Integer.parseInt(b.getOrDefault("likelihood-steps", "1500"));
                int refine = Integer.parseInt(b.getOrDefault("refine-steps", "300"));
                // a refinement step samples and differentiates 1024 free-running windows of 20 + T bins, against
                // 16 x 4 teacher-forced windows of T bins for a likelihood step
                seconds += (0.15e-3 + 6.3e-6 * Math.pow(2, Math.min(n, 10))) * (t * steps + 16.0 * (20 + t) * refine) * Math.max(1, n / 10.0);
            }
            seconds += 1; // data, generation, evaluation
        }
        return seconds / 3600;
    }

    static String describe(double hours) {
        return String.format(Locale.ROOT, "%.1f CPU hours", hours);
    }
}
