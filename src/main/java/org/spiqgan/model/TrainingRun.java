package org.spiqgan.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * One patch-model training run in a run directory ({@link AdversarialRun}): {@code model.json} (a
 * {@link ModelFile}, also the checkpoint) and {@code metrics.jsonl}; a new run starts with the likelihood
 * pre-training when configured.
 */
public final class TrainingRun {
    private final Path runDir;
    private final ModelFile model;
    private final TrainingData data;
    private final int threads;

    /** @param model configuration and (initial or resumed) state; its {@code state} may be null for a new run */
    public TrainingRun(Path runDir, ModelFile model, TrainingData data, int threads) {
        this.runDir = runDir;
        this.model = model;
        this.data = data;
        this.threads = threads;
    }

    public ModelFile model() { return model; }

    /** Trains until the spec's steps or until {@code stop} says so (checked between steps). */
    public AdversarialRun.Outcome run(AdversarialRun.Listener listener, BooleanSupplier stop) throws IOException {
        Files.createDirectories(runDir);
        Path file = ModelFile.path(runDir);
        TrainConfig tc = model.training;
        try (AdversarialTrainer trainer = PatchTraining.trainer(model.generator, tc, data, threads)) {
            if (model.state == null) {
                model.state = PatchTraining.initialState(trainer, tc, data, listener::log, stop);
                if (model.state == null) {
                    // Stopped during pre-training: no checkpoint exists yet, so leave no empty run directory.
                    try {
                        Files.deleteIfExists(runDir);
                    } catch (java.nio.file.DirectoryNotEmptyException keep) {
                        // The user's own files are there; keep them.
                    }
                    return AdversarialRun.Outcome.INTERRUPTED;
                }
            }
            TrainerState s = model.state;
            model.quantumParameters = trainer.generator().parameterCount();
            model.criticParameters = trainer.critic().parameterCount();
            return AdversarialRun.run(runDir, trainer, s, tc.steps(), tc.checkpointEvery(), (st, status) -> {
                model.status = status;
                model.write(file);
            }, listener, stop);
        }
    }
}
