package org.spiqgan.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library names fields of its specifications ({@code DataSpec}, {@code TrainSpec}, ...); the command line
 * names the options that set them. A library message names a field in two ways: as its subject
 * ({@code "neurons: must be ..."} or {@code "FILE: neurons: ..."}) or inside a sentence as
 * {@code "field NAME"}. Both are shown here as the option ({@code --neurons}).
 */
final class OptionWords {
    private OptionWords() {}

    /** Field name to option, for every field a command-line option sets. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        String[][] t = {
            // output and data (DataSpec)
            {"output", "--out"}, {"variable", "--var"}, {"layout", "--layout"}, {"binMs", "--bin-ms"},
            {"segmentLength", "--segment-length"}, {"start", "--start"}, {"stop", "--stop"}, {"binarize", "--binarize"},
            {"neurons", "--neurons"}, {"timesteps", "--timesteps"}, {"trainFraction", "--train-fraction"},
            {"validationFraction", "--validation-fraction"}, {"split", "--split"}, {"stride", "--stride"},
            {"syntheticSeed", "--synthetic-seed"},
            // training (TrainSpec)
            {"layers", "--layers"}, {"loss", "--loss"}, {"sampling", "--sampling"}, {"steps", "--steps"},
            {"batch", "--batch"}, {"seed", "--seed"}, {"lambdaK", "--lambda-k"}, {"lambdaAcg", "--lambda-acg"},
            {"lambdaGp", "--lambda-gp"}, {"critic", "--critic"}, {"criticInput", "--critic-input"}, {"tau", "--tau"},
            {"nCritic", "--n-critic"}, {"lrG", "--lr-g"}, {"lrC", "--lr-c"}, {"betas", "--betas"}, {"beta1", "--betas"},
            {"beta2", "--betas"}, {"ema", "--ema"}, {"emaDecay", "--ema"}, {"lrDecay", "--lr-decay"},
            {"lrDecayHalfLife", "--lr-decay"}, {"evalEvery", "--eval-every"}, {"checkpointEvery", "--checkpoint-every"},
            {"validationSamples", "--validation-samples"}, {"initSpread", "--init-spread"},
            {"pretrainSteps", "--pretrain"}, {"pretrainLr", "--pretrain-lr"}, {"ancillas", "--ancillas"},
            {"groupSize", "--group-size"}, {"latent", "--latent"}, {"zMax", "--z-max"}, {"inputWeights", "--input-weights"},
            {"encoding", "--encoding"}, {"rotations", "--rotations"}, {"entangler", "--entangler"},
            {"shareTimesteps", "--share-timesteps"}, {"autoregressive", "--autoregressive"},
            // stationary model
            {"ansatz", "--ansatz"}, {"history", "--history"}, {"feedback", "--feedback"}, {"latentDim", "--latent-dim"},
            {"burnIn", "--burn-in"}, {"likelihoodSteps", "--likelihood-steps"}, {"refineSteps", "--refine-steps"}, {"hiddenUnits", "--hidden-units"},
            {"adversarialWeight", "--adversarial-weight"}, {"refinementCritic", "--critic"},
            {"draws", "--draws"}, {"lr", "--lr"}, {"lrHalfLife", "--lr-half-life"}, {"momentSamples", "--moment-samples"},
            {"lambdaMoments", "--lambda-moments"}, {"initFrom", "--init-from"},
            // baselines
            {"width", "--width"}, {"lags", "--lags"},
            // export-qasm
            {"patch", "--patch"}, {"group", "--group"}, {"z", "--z"}, {"historyBits", "--history-bits"}, {"qasmVersion", "--format"},
        };
        for (String[] kv : t) FIELDS.put(kv[0], kv[1]);
    }

    private static final Pattern INLINE = Pattern.compile("\\bfields? ([a-zA-Z][a-zA-Z0-9]*)");

    /** The message with its leading field and every "field NAME" shown as options. */
    static String of(String message) {
        if (message == null) return null;
        String m = leading(message);
        Matcher k = INLINE.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (k.find()) {
            String opt = FIELDS.get(k.group(1));
            k.appendReplacement(sb, Matcher.quoteReplacement(opt != null ? opt : k.group()));
        }
        k.appendTail(sb);
        return sb.toString();
    }

    /** The option of a field, or of fields joined by '/' (all must be known); null when unknown. */
    private static String option(String fields) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields.split("/", -1)) {
            String o = FIELDS.get(f);
            if (o == null) return null;
            sb.append(sb.length() == 0 ? "" : "/").append(o);
        }
        return sb.toString();
    }

    /** Replaces a leading "FIELD: " (or "FILE: FIELD: ") by the option that sets the field. */
    private static String leading(String message) {
        int first = message.indexOf(": ");
        if (first < 0) return message;
        String head = message.substring(0, first);
        String opt = option(head);
        if (opt != null) return opt + message.substring(first);
        int second = message.indexOf(": ", first + 2);
        // a field of a stored file (model.json, a spec) is the file's, not an option's
        if (second < 0 || head.endsWith(".json")) return message;
        opt = option(message.substring(first + 2, second));
        return opt == null ? message : message.substring(0, first + 2) + opt + message.substring(second);
    }
}
