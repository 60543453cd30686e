package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.spiqgan.BadInputException;
import org.spiqgan.model.DataFingerprint;
import org.spiqgan.model.ModelFile;
import org.spiqgan.model.TrainConfig;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * What {@code train --resume} (and, for the recording, {@code baseline train --resume}) accepts besides the run: options that can change between sessions (more
 * steps, new learning rates for fine-tuning, threads, reporting, the recording's new path) and nothing
 * else, so that no option is silently ignored.
 */
final class ResumeOptions {
    private ResumeOptions() {}

    /** Options a resumed run takes from the command line. */
    static final Set<String> CHANGEABLE = Set.of("--resume", "--steps", "--threads", "--eval-every", "--validate-every",
            "--checkpoint-every", "--quiet", "--data", "--lr-g", "--lr-generator", "--lr-c", "--lr-critic", "--help", "--version");

    /** Fails on the first option given with --resume that the run fixes (its model, data or training setup). */
    static void rejectFixed(ParseResult pr, ModelFile m) {
        for (OptionSpec o : pr.matchedOptions()) {
            String name = o.longestName();
            if (CHANGEABLE.contains(name)) continue;
            throw BadInputException.of(null, name, "cannot change when resuming (the run keeps the options it was started "
                    + "with; with --resume only " + String.join(", ", List.of("--steps", "--lr-g", "--lr-c", "--data", "--threads",
                    "--eval-every", "--checkpoint-every", "--quiet")) + " may be given); start a new run with --out to change it");
        }
    }

    /** The recording given with --resume: accepted when it is the run's data (same checksum), e.g. moved. */
    static Path movedData(Path given, ModelFile m, Path run, PrintWriter err) {
        return movedData(given, m.data.sha256(), m.data.source(), run, err);
    }

    /**
     * The same for any run whose file keeps its recording's checksum ({@code storedSha}, null: not kept, so not
     * accepted) and name ({@code source}): {@code train --resume} and {@code baseline train --resume}.
     */
    static Path movedData(Path given, String storedSha, String source, Path run, PrintWriter err) {
        if (storedSha == null) throw BadInputException.of(given, "--data", "the run " + run + " keeps no checksum of its recording");
        if (storedSha.startsWith("synthetic:")) {
            throw BadInputException.of(given, "--data", "the run " + run + " was trained on the built-in synthetic recording");
        }
        if (!Files.isRegularFile(given)) throw BadInputException.of(given, "--data", "no such file");
        String sha = DataFingerprint.sha256(given);
        if (!sha.equals(storedSha)) {
            throw BadInputException.of(given, "--data", "is not the recording the run was trained on (" + source
                    + "): its checksum differs");
        }
        err.printf(Locale.ROOT, "spiqgan: resuming with the recording at %s (same checksum as %s)%n", given, source);
        err.flush();
        return given;
    }

    /** The run's own recording must still be where it was. */
    static void requireData(Path file, boolean synthetic, Path run) {
        if (synthetic || file == null || Files.isRegularFile(file)) return;
        throw BadInputException.of(ModelFile.path(run), "data", "the recording " + file + " is missing; if it moved, give its new "
                + "path with --data (it must have the same checksum)");
    }

    /** New learning rates for fine-tuning, said in one line each. */
    static TrainConfig newLearningRates(TrainConfig tc, ParseResult pr, double lrG, double lrC, PrintWriter err) {
        boolean g = pr.hasMatchedOption("--lr-g"), c = pr.hasMatchedOption("--lr-c");
        if (!g && !c) return tc;
        if (g && !(lrG > 0 && lrG < Double.POSITIVE_INFINITY)) throw BadInputException.of(null, "--lr-g", "must be a positive number, not " + lrG);
        if (c && !(lrC > 0 && lrC < Double.POSITIVE_INFINITY)) throw BadInputException.of(null, "--lr-c", "must be a positive number, not " + lrC);
        double ng = g ? lrG : tc.lrG(), nc = c ? lrC : tc.lrC();
        err.printf(Locale.ROOT, "spiqgan: fine-tuning: learning rates from this step on: generator %s (was %s), critic %s (was %s); "
                + "the run is no longer identical to an uninterrupted one%n", ng, tc.lrG(), nc, tc.lrC());
        err.flush();
        return new TrainConfig(tc.critic(), tc.criticInput(), tc.tau(), tc.loss(), tc.lambdaK(), tc.lambdaAcg(), tc.lambdaGp(),
                tc.nCritic(), ng, nc, tc.beta1(), tc.beta2(), tc.emaDecay(), tc.lrDecayHalfLife(), tc.batch(),
                tc.steps(), tc.seed(), tc.evalEvery(), tc.checkpointEvery(), tc.validationSamples(), tc.scoreWeight(),
                tc.initSpread(), tc.pretrainSteps(), tc.pretrainLr());
    }

    /** Rewrites the --data argument of a recorded command line to the file's absolute path. */
    static void absoluteData(List<String> args, Path file) {
        String abs = file.toAbsolutePath().normalize().toString();
        for (int k = 0; k < args.size(); k++) {
            if (args.get(k).equals("--data") && k + 1 < args.size()) args.set(k + 1, abs);
            else if (args.get(k).startsWith("--data=")) args.set(k, "--data=" + abs);
        }
    }
}
