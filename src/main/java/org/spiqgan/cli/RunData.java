package org.spiqgan.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spiqgan.BadInputException;
import org.spiqgan.baseline.Baselines;
import org.spiqgan.data.DataSpec;
import org.spiqgan.model.ModelFile;
import org.spiqgan.model.TrainSpec;
import org.spiqgan.model.stationary.StationaryRun;
import picocli.CommandLine;

/**
 * The data a run was trained on, read back from its model file: the data options and recording of the
 * command that made it, and the recording's checksum.
 */
final class RunData {
    final DataOptions data;
    /** The recording, or null for the synthetic one. */
    final Path file;
    /** SHA-256 of the recording, or synthetic:SEED; null when the run does not record it. */
    final String sha256;

    private RunData(DataOptions data, Path file, String sha256) {
        this.data = data;
        this.file = file;
        this.sha256 = sha256;
    }

    static RunData of(Path run) {
        String kind = org.spiqgan.model.RunFile.kindOf(run);
        Path modelJson = Files.isDirectory(run) ? run.resolve(ModelFile.FILE_NAME) : run;
        if (kind.startsWith("spiqgan")) {
            TrainSpec s;
            String sha;
            if (StationaryRun.isStationary(run)) {
                StationaryRun r = StationaryRun.read(run);
                if (r.spec == null) {
                    throw BadInputException.of(modelJson, "spec", "the run was written before runs stored their data specification; "
                            + "give --real FILE and the data options instead of --run");
                }
                s = r.spec;
                sha = r.data.sha256();
            } else {
                ModelFile m = ModelFile.read(run);
                s = m.spec != null ? m.spec : TrainCommand.legacySpec(m, modelJson);
                sha = m.data.sha256();
            }
            DataOptions opts = new DataOptions();
            opts.set(s.data);
            return new RunData(opts, s.data.path(), sha);
        }
        JsonObject data;
        try {
            JsonObject o = JsonParser.parseString(Files.readString(modelJson)).getAsJsonObject();
            data = o.has("data") && o.get("data").isJsonObject() ? o.getAsJsonObject("data") : null;
        } catch (java.io.IOException | RuntimeException e) {
            throw BadInputException.of(modelJson, "data", "cannot read the run's data description");
        }
        if (data != null && data.has("spec") && data.get("spec").isJsonObject()) {
            DataSpec s = DataSpec.fromJson(data.get("spec"));
            DataOptions opts = new DataOptions();
            opts.set(s);
            // the split and stride the baseline was fitted on are the run's, not a default for evaluating it
            opts.split = null;
            opts.stride = null;
            return new RunData(opts, s.path(), data.has("sha256") ? data.get("sha256").getAsString() : null);
        }
        if (data == null || !data.has("args") || !data.get("args").isJsonArray()) {
            throw BadInputException.of(modelJson, "data.spec", "the run does not record its data options (made by an older "
                    + "spiqgan); give --real FILE and the data options instead of --run");
        }
        // runs written before model files stored a data specification: their recorded arguments, parsed again
        List<String> args = new ArrayList<>();
        JsonArray a = data.getAsJsonArray("args");
        for (int i = 0; i < a.size(); i++) args.add(a.get(i).getAsString());
        // "baseline fit|train MODEL [FILE] ...": the sub-subcommand parses its own arguments.
        while (!args.isEmpty() && (args.get(0).equals("baseline") || args.get(0).equals("fit") || args.get(0).equals("train"))) {
            args.remove(0);
        }
        DataOptions opts;
        Path file;
        if (kind.equals("baseline/bernoulli") || kind.equals("baseline/dg")) {
            BaselineCommand.Fit f = new BaselineCommand.Fit();
            parse(new CommandLine(f), args, modelJson);
            opts = f.data;
            file = f.file;
        } else {
            BaselineCommand.Train f = new BaselineCommand.Train();
            parse(new CommandLine(f), args, modelJson);
            opts = f.data;
            file = f.file;
        }
        if (data.has("path") && file != null && !Files.exists(file)) file = Path.of(data.get("path").getAsString());
        if (opts.usesSynthetic(file)) file = null;
        return new RunData(opts, file, data.has("sha256") ? data.get("sha256").getAsString() : null);
    }

    /** The checksum of the data a run was trained on, or null when the run does not record it. */
    static String recordedSha256(Path run) {
        String kind = org.spiqgan.model.RunFile.kindOf(run);
        if (kind.startsWith("spiqgan")) {
            return StationaryRun.isStationary(run) ? StationaryRun.read(run).data.sha256() : ModelFile.read(run).data.sha256();
        }
        Path modelJson = Files.isDirectory(run) ? run.resolve(ModelFile.FILE_NAME) : run;
        try {
            JsonObject o = JsonParser.parseString(Files.readString(modelJson)).getAsJsonObject();
            JsonObject data = o.has("data") && o.get("data").isJsonObject() ? o.getAsJsonObject("data") : null;
            return data != null && data.has("sha256") ? data.get("sha256").getAsString() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static void parse(CommandLine cl, List<String> args, Path modelJson) {
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw BadInputException.of(modelJson, "command", "cannot re-read the run's options: " + e.getMessage());
        }
    }
}
