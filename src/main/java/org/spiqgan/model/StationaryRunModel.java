package org.spiqgan.model;

import org.spiqgan.BadInputException;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.stationary.StationaryRun;

/** A trained stationary-generator run as a {@link SpikeModel}: free-running generation with burn-in. */
public final class StationaryRunModel implements SpikeModel, QasmExportable {
    private final StationaryRun run;
    private final boolean last;
    private final int threads;

    /** @param last the last EMA parameters instead of the best checkpoint's */
    public StationaryRunModel(StationaryRun run, boolean last, int threads) {
        this.run = run;
        this.last = last;
        this.threads = threads;
    }

    public StationaryRun run() { return run; }

    @Override
    public String kind() { return StationaryRun.KIND; }

    @Override
    public Family family() { return Family.QUANTUM; }

    @Override
    public int neurons() { return run.neurons; }

    @Override
    public int timesteps() { return run.timesteps; }

    /** Trainable parameters of the quantum circuits (angles, latent and feedback weights). */
    @Override
    public long parameterCount() { return run.generator.parameterCount(); }

    @Override
    public SampleSet generate(int samples, long seed) { return run.generate(samples, seed, last, threads); }

    @Override
    public boolean generatesInParts() { return true; }

    @Override
    public SampleSet generate(long first, int count, long seed) { return run.generate(count, seed, last, threads, first); }

    /** Which parameters generation uses, in words. */
    public String checkpointUsed() {
        return !last && run.state.best != null ? "best checkpoint (step " + run.state.bestStep + ")"
                : "last EMA (step " + run.state.step + ")";
    }

    @Override
    public String describe() { return run.generator.describe(); }

    @Override
    public java.util.List<String> info() {
        java.util.List<String> o = new java.util.ArrayList<>();
        java.util.Locale l = java.util.Locale.ROOT;
        o.add(String.format(l, "format: %s, kind %s, written by %s", run.format, run.kind, run.spiqgan));
        o.add("generator: " + run.generator.describe());
        o.add("trainable parameters: " + run.trainableParameters);
        var t = run.training;
        o.add(String.format(l, "training: %d likelihood + %d refinement steps, batch %d windows x %d latent draws, lr %s (half-life %s), "
                + "EMA %s, moment samples %d, moment weights %s, seed %d", t.likelihoodSteps(), t.refineSteps(), t.batch(), t.draws(),
                t.lr(), t.lrHalfLife(), t.ema(), t.momentSamples(), java.util.Arrays.toString(t.lambda()), t.seed()));
        var d = run.data;
        o.add(String.format(l, "data: %s (sha256 %s), neurons %s, bin %s ms, T = %d, segment length %s", d.source(), d.sha256(),
                java.util.Arrays.toString(d.neuronIndices()), d.binMs(), run.timesteps, d.segmentLength()));
        var s = run.state;
        o.add(String.format(l, "status: %s at step %d of %d (%.1f s of training)", run.status, s.step, t.steps(), s.seconds));
        o.add(String.format(l, "best validation score: %s at step %d (geometric mean of the errors as multiples of the validation noise floor)",
                s.bestStep < 0 ? "n/a" : String.format(l, "%.4g", s.bestScore), s.bestStep));
        for (var m : s.metrics) {
            if (m.step == s.bestStep && m.ratios != null) {
                StringBuilder sb = new StringBuilder("validation at the best step (x floor):");
                for (var e : org.spiqgan.stats.Comparison.Error.values()) {
                    sb.append(String.format(l, " %s %s", e.key, m.ratios[e.ordinal()] == null ? "n/a" : String.format(l, "%.3g", m.ratios[e.ordinal()])));
                }
                o.add(sb.toString());
            }
        }
        return o;
    }

    /** The stationary run's metrics as rows of the shared training-curve layout (NLL, moment loss, validation score). */
    @Override
    public TrainingRecord trainingRecord() {
        java.util.List<com.google.gson.JsonObject> rows = new java.util.ArrayList<>();
        for (var m : run.state.metrics) {
            com.google.gson.JsonObject row = new com.google.gson.JsonObject();
            row.addProperty("step", m.step);
            row.addProperty("nll", m.nll);
            if (m.momentLoss > 0) row.addProperty("momentLoss", m.momentLoss);
            if (m.score != null) {
                com.google.gson.JsonObject v = new com.google.gson.JsonObject();
                v.addProperty("score", m.score);
                row.add("validation", v);
            }
            rows.add(row);
        }
        return new TrainingRecord(rows, null);
    }

    @Override
    public java.util.Optional<QasmExportable> qasmExport() { return java.util.Optional.of(this); }

    /** One bin of neuron group {@code group} for a given latent and history, every angle bound (OpenQASM 3 or 2). */
    @Override
    public String qasm(Request r) {
        if (r.patch() != null) throw BadInputException.of(null, "patch", "applies to patch-model runs; use field group for a stationary run");
        var cfg = run.generator;
        int group = r.group();
        if (group < 0 || group >= cfg.groups()) throw BadInputException.of(null, "group", "must be in 0.." + (cfg.groups() - 1) + ", not " + group);
        double[] zv = new double[cfg.latent()];
        java.util.Arrays.fill(zv, cfg.zMax() / 2);
        if (r.inputs() != null) {
            QasmExportable.parseInputs(r.inputs(), zv, "(the latent dimension)");
            for (int k = 0; k < zv.length; k++) {
                if (!(zv[k] >= 0 && zv[k] <= cfg.zMax())) {
                    throw BadInputException.of(null, "z", "value " + (k + 1) + " is outside the trained latent range [0, " + cfg.zMax() + ")");
                }
            }
        }
        int[] hist = new int[cfg.history() * cfg.units()];
        if (r.historyBits() != null) {
            String b = r.historyBits().replace(",", "");
            if (b.length() != hist.length || !b.matches("[01]*")) {
                throw BadInputException.of(null, "historyBits", "needs " + hist.length + " characters 0 or 1 (H = " + cfg.history()
                        + " bins x " + (cfg.hidden() > 0 ? cfg.hidden() + " hidden units + " : "") + "N = " + cfg.neurons()
                        + " neurons), got '" + r.historyBits() + "'");
            }
            for (int i = 0; i < hist.length; i++) hist[i] = b.charAt(i) - '0';
        }
        return org.spiqgan.model.stationary.StationaryQasm.write(cfg, run.parameters(last), group, r.version(), run.data.neuronIndices(), zv, hist);
    }

    @Override
    public String generationNote(long seed) { return "stationary generator, " + checkpointUsed() + ", seed " + seed; }

    @Override
    public org.spiqgan.data.Provenance provenance(String runDir, long seed, long samples, String command) {
        DataFingerprint d = run.data;
        return new org.spiqgan.data.Provenance(StationaryRun.KIND, runDir, checkpointUsed(), d.neuronIndices(), timesteps(), d.binMs(),
                d.source(), d.sha256(), seed, samples, command);
    }
}
