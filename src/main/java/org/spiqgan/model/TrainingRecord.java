package org.spiqgan.model;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * What a trained model's run recorded over its steps, for training curves: rows of {@code metrics.jsonl}
 * (step, losses, a {@code validation} object with the score and errors) and the likelihood pre-training's
 * mean NLL per step (null when there was none).
 */
public record TrainingRecord(List<JsonObject> rows, double[] pretrainNll) {}
