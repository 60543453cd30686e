package org.spiqgan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spiqgan.BadInputException;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.SampleSet;
import org.spiqgan.model.CriticInput;
import org.spiqgan.model.DataFingerprint;
import org.spiqgan.model.GeneratorConfig;
import org.spiqgan.model.ModelFile;
import org.spiqgan.model.TrainConfig;
import org.spiqgan.model.TrainSpec;
import org.spiqgan.model.TrainingData;
import org.spiqgan.model.AdversarialRun;
import org.spiqgan.model.TrainingRun;
import org.spiqgan.nn.CriticSpec;
import org.spiqgan.model.ReuploadingAnsatz;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spiqgan train}: trains a SpiQGAN (SPEC sections 3-4) into a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a SpiQGAN (quantum patch generator, WGAN-GP critic) on a recording or the built-in "
                + "synthetic one. Writes RUNDIR/model.json (model file and checkpoint) and RUNDIR/metrics.jsonl.",
            "Resume an interrupted run with: spiqgan train --resume RUNDIR [--steps K] [--threads N]"})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", description = "The recording (any format of 'spiqgan data'); the same as the positional FILE. Default: the built-in synthetic recording.")
    Path dataFile;

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The recording (or --data FILE).")
    Path positionalFile;

    @ArgGroup(validate = false, heading = "%nData (the recording, its split and windows):%n")
    DataOptions data = new DataOptions();

    @Option(names = "--out", paramLabel = "RUNDIR", description = "Run directory (created).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUNDIR", description = "Continue the run in RUNDIR from its last checkpoint (other options are taken from the run, except --steps, --threads, --eval-every, --checkpoint-every).")
    Path resume;

    @Option(names = "--model", defaultValue = "stationary", paramLabel = "MODEL", converter = Choices.Model.class,
            description = "stationary (one circuit for every bin, fed back the previous bins, trained by exact likelihood and "
                    + "free-running moments; the default, RESULTS.md) or patch (one circuit per neuron group and bin, trained as a "
                    + "WGAN-GP: the paper's model). Default: ${DEFAULT-VALUE}.")
    TrainSpec.Model model;

    /** Named recipes: each is a choice of model (its settings are that model's defaults). */
    enum Preset { PAPER, BEST }

    @Option(names = "--preset", paramLabel = "NAME", converter = Choices.PresetChoice.class,
            description = "paper: the paper's model and settings as SPEC section 3 describes them (the patch model with its defaults "
                    + "below); best: this project's default recipe (the stationary model).")
    Preset preset;

    @Option(names = "--ansatz", paramLabel = "FAMILY",
            description = "Circuit family. Patch model: reuploading (the paper's; the default) or reuploading-feedback (each "
                    + "patch also reads its group's previous pattern: the same as --autoregressive). Stationary model: the entangler "
                    + "of each layer, cry (CRY on every pair; the default), cry-chain (neighbours only) or none (no entanglement).")
    String ansatz;

    @ArgGroup(validate = false, heading = "%nStationary model (the default):%n")
    StationaryOptions stationary = new StationaryOptions();

    @Option(names = {"--layers", "-l"}, defaultValue = "5", description = "Re-uploading layers per sub-generator. Default: ${DEFAULT-VALUE} (patch), 2 (stationary).")
    int layers;

    @Option(names = "--loss", defaultValue = "k", description = "standard (WGAN) or k (WGAN + lambda_k K-loss). Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--sampling", defaultValue = "born", converter = Choices.Sampling.class, description = "born (one shot per patch) or bernoulli (independent spikes given z). Default: ${DEFAULT-VALUE}.")
    GeneratorConfig.Sampling sampling;

    @Option(names = "--steps", defaultValue = "2000", description = "Generator steps. Default: ${DEFAULT-VALUE}.")
    long steps;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (stationary model: real windows per step). Default: ${DEFAULT-VALUE} (patch), 480/T (stationary: 16 windows at T = 30).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of everything random in training. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--lambda-k", defaultValue = "" + Defaults.LAMBDA_K, description = "Weight of the K-loss. Default: ${DEFAULT-VALUE}.")
    double lambdaK;

    @Option(names = "--lambda-acg", defaultValue = "0", description = "Weight of the temporal (autocorrelogram) loss; 0 = the paper's losses. Default: ${DEFAULT-VALUE}.")
    double lambdaAcg;

    @Option(names = "--lambda-gp", defaultValue = "10", description = "Gradient-penalty weight. Default: ${DEFAULT-VALUE}.")
    double lambdaGp;

    @Option(names = "--critic", defaultValue = "mlp:128", description = "mlp[:H] or conv[:C1,C2]. Default: ${DEFAULT-VALUE}.")
    String critic;

    @Option(names = "--critic-input", defaultValue = "gumbel", converter = Choices.Critic.class, description = "gumbel, straight-through or marginals. Default: ${DEFAULT-VALUE}.")
    CriticInput criticInput;

    @Option(names = "--tau", defaultValue = "0.5", description = "Relaxation temperature. Default: ${DEFAULT-VALUE}.")
    double tau;

    @Option(names = "--n-critic", defaultValue = "5", description = "Critic steps per generator step. Default: ${DEFAULT-VALUE}.")
    int nCritic;

    @Option(names = {"--lr-g", "--lr-generator"}, defaultValue = "" + Defaults.LR_G, description = "Generator learning rate (Adam). Default: ${DEFAULT-VALUE}.")
    double lrG;

    @Option(names = {"--lr-c", "--lr-critic"}, defaultValue = "" + Defaults.LR_C, description = "Critic learning rate (Adam). Default: ${DEFAULT-VALUE}.")
    double lrC;

    @Option(names = "--betas", defaultValue = Defaults.BETAS, description = "Adam betas b1,b2 for both players. Default: ${DEFAULT-VALUE}.")
    String betas;

    @Option(names = "--beta1", description = "Adam beta1 (the first of --betas).")
    Double beta1;

    @Option(names = "--beta2", description = "Adam beta2 (the second of --betas).")
    Double beta2;

    @Option(names = "--ema", defaultValue = "0.99", description = "Decay of the generator's parameter EMA (used for validation and generation). Default: ${DEFAULT-VALUE} (patch), 0.98 (stationary).")
    double ema;

    @Option(names = "--lr-decay", defaultValue = "0", paramLabel = "HALF_LIFE", description = "Learning rates halve every HALF_LIFE generator steps (exponential decay); 0 = constant. Default: ${DEFAULT-VALUE}.")
    double lrDecay;

    @Option(names = {"--eval-every", "--validate-every"}, defaultValue = "100", description = "Validate (and report) every this many steps. Default: ${DEFAULT-VALUE} (patch), 50 (stationary).")
    long evalEvery;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Write the checkpoint every this many steps. Default: ${DEFAULT-VALUE} (patch), 50 (stationary).")
    long checkpointEvery;

    @Option(names = "--validation-samples", defaultValue = "0", description = "Generated samples per validation; 0 = max(4096, validation windows). Default: ${DEFAULT-VALUE} (patch), max(1024, 8192/T) (stationary).")
    int validationSamples;


    @Option(names = "--init-spread", defaultValue = "0", paramLabel = "S",
            description = "Initial rotation angles U(-S, S), a circuit near the identity whose output starts near "
                    + "all-silent; 0 = U[0, 2 pi) (near-uniform output). Default: ${DEFAULT-VALUE} (patch); stationary: s.d. of the initial angles around the data-informed start, 0.05.")
    double initSpread;

    @Option(names = "--pretrain", defaultValue = "300", paramLabel = "STEPS",
            description = "Maximum-likelihood pre-training steps of the quantum generator before the GAN (exact Born "
                    + "probabilities of real windows, latent draws = --batch, 128 windows per step); 0 = none. Default: ${DEFAULT-VALUE}.")
    int pretrain;

    @Option(names = "--pretrain-lr", defaultValue = "0.01", description = "Adam learning rate of the pre-training. Default: ${DEFAULT-VALUE}.")
    double pretrainLr;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--ancillas", defaultValue = "0", description = "Ancilla qubits per sub-generator. Default: ${DEFAULT-VALUE}.")
    int ancillas;

    @Option(names = "--group-size", description = "Neurons per group (one sub-generator per group and timestep). Default: min(N, 10).")
    Integer groupSize;

    @Option(names = "--latent", defaultValue = "shared", converter = Choices.Latent.class, description = "shared (d = n) or per-layer (d = l x n). Default: ${DEFAULT-VALUE}.")
    ReuploadingAnsatz.Latent latent;

    @Option(names = "--z-max", defaultValue = "3.141592653589793", description = "Latent z ~ U[0, Z_MAX). Default: pi (patch), 1 (stationary).")
    double zMax;

    @Option(names = "--input-weights", defaultValue = "on", converter = Choices.SwitchChoice.class,
            description = "Trainable input weights w in RY(w z): on or off. Default: ${DEFAULT-VALUE}.")
    Choices.Switch inputWeights;

    @Option(names = "--encoding", defaultValue = "ry", converter = Choices.Encoding.class, description = "Noise encoding gate: ry or rx. Default: ${DEFAULT-VALUE}.")
    ReuploadingAnsatz.Encoding encoding;

    @Option(names = "--rotations", defaultValue = "rz-ry-rz", converter = Choices.Rotations.class, description = "Trainable rotations per qubit: rz-ry-rz, ry or ry-rz. Default: ${DEFAULT-VALUE}.")
    ReuploadingAnsatz.Rotations rotations;

    @Option(names = "--entangler", defaultValue = "cnot", converter = Choices.Entangler.class,
            description = "cnot, cz, none, cnot-ring or cz-ring. Default: ${DEFAULT-VALUE}.")
    Choices.EntanglerChoice entangler;

    @Option(names = "--share-timesteps", description = "One parameter set per neuron group for all timesteps.")
    boolean shareTimesteps;

    @Option(names = "--autoregressive", description = "SPEC 3b: patch t also re-uploads the pattern of patch t-1 of its group (RY(u pi x) before each layer's noise encoding, u initialised to 0).")
    boolean autoregressive;

    @Option(names = "--quiet", description = "No progress bar; one line per validation on stderr.")
    boolean quiet;

    /** Whether this run trains the stationary generator (the default) rather than the paper's patch GAN. */
    private boolean useStationary() {
        if (preset == Preset.PAPER) {
            if (model != null && spec.commandLine().getParseResult().hasMatchedOption("--model") && model != TrainSpec.Model.PATCH) {
                throw BadInputException.of(null, "--preset", "paper is the patch model; it cannot be combined with --model " + Choices.word(model));
            }
            return false;
        }
        if (preset == Preset.BEST) return true;
        return model == TrainSpec.Model.STATIONARY;
    }

    /** Tuned defaults (docs/model.md, "Defaults and the evidence"). */
    static final class Defaults {
        static final double LAMBDA_K = 10;
        static final double LR_G = 0.01;
        static final double LR_C = 0.001;
        static final String BETAS = "0.5,0.9";
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (positionalFile != null) {
            if (resume != null) throw BadInputException.of(positionalFile, "FILE", "give a moved recording to a resumed run as --data FILE");
            dataFile = RecordingOption.either(dataFile, "--data", positionalFile);
        }
        if (resume != null && org.spiqgan.model.stationary.StationaryRun.isStationary(resume)) {
            return StationaryTrain.resume(this, outw, err);
        }
        if (resume != null) return resumeRun(err, outw);
        if (out == null) throw BadInputException.of(null, "--out", "a run directory is required (or --resume RUNDIR)");
        OutputChecks.directory(out, "--out");
        data.rejectGiven("training uses the fit and validation splits with stride 1", "--split", "--stride");
        if (Files.exists(out.resolve("model.json"))) {
            throw BadInputException.of(out, "--out", "already holds a model; continue it with --resume " + out + " or choose another --out");
        }
        if (useStationary()) return StationaryTrain.train(this, outw, err);
        String stationaryOnly = StationaryTrain.given(spec.commandLine().getParseResult(), StationaryTrain.STATIONARY_ONLY);
        if (stationaryOnly != null) {
            throw BadInputException.of(null, stationaryOnly, "applies to the stationary model (the default), not to the patch model");
        }
        if (Files.exists(ModelFile.path(out))) {
            throw BadInputException.of(out, "--out", "already holds a model; continue it with --resume " + out + " or choose another --out");
        }
        TrainSpec ts = toSpec();
        TrainConfig tc = ts.trainConfig();
        PreparedData d = data.prepare(dataFile);
        ModelFile m = new ModelFile();
        m.spiqgan = "spiqgan " + Version.number();
        m.spec = ts;
        m.generator = ts.generatorConfig(d.neurons().length, d.timesteps());
        m.training = tc;
        TrainingData td = TrainingData.of(d, ts.data);
        m.data = td.fingerprint();
        m.kData = td.kData();
        m.acgData = td.acgData();
        return train(m, td, err, outw);
    }

    private Integer train(ModelFile m, TrainingData td, PrintWriter err, PrintWriter outw) throws Exception {
        GeneratorConfig g = m.generator;
        outw.printf(Locale.ROOT, "generator: %s%n", g.describe());
        outw.printf(Locale.ROOT, "trainable quantum parameters: %d (%d parameter sets; %d layers x qubits x %d per qubit each)%n",
                g.parameterCount(), g.parameterSets(), g.layers(), g.circuit(0).perQubit());
        outw.printf(Locale.ROOT, "critic %s: %d parameters%n", m.training.critic(),
                CriticSpec.parse(m.training.critic(), "--critic").parameterCount(g.neurons(), g.timesteps()));
        outw.printf(Locale.ROOT, "data: %s, neurons %s, fit windows %d, validation windows %d%n", m.data.source(),
                java.util.Arrays.toString(m.data.neuronIndices()), td.fit().samples(), td.validation().samples());
        outw.flush();
        int th = threads.resolve();
        Path dir = resume != null ? resume : out;
        TrainingRun run = new TrainingRun(dir, m, td, th);
        AdversarialRun.Outcome o = TrainingConsole.run(err, quiet, "--resume", dir, run::run,
                () -> m.state == null ? -1 : m.state.step);
        var s = m.state;
        if (o == AdversarialRun.Outcome.INTERRUPTED) return 130;
        outw.printf(Locale.ROOT, "finished %d steps in %.1f s; best validation score %.4g at step %d; model: %s%n", s.step,
                s.seconds, s.bestScore, s.bestStep, ModelFile.path(dir));
        if (s.lastValidation != null) outw.println("last validation: " + s.lastValidation);
        outw.flush();
        err.println("spiqgan: wrote " + InfoCommand.writeCurves(dir, dir.resolve("curves")));
        return 0;
    }

    private Integer resumeRun(PrintWriter err, PrintWriter outw) throws Exception {
        ModelFile m = ModelFile.read(resume);
        TrainSpec ts = m.spec != null ? m.spec : legacySpec(m, ModelFile.path(resume));
        var pr = spec.commandLine().getParseResult();
        ResumeOptions.rejectFixed(pr, m);
        if (pr.hasMatchedOption("--data")) ts.data = ts.data.withFile(ResumeOptions.movedData(dataFile, m, resume, err));
        else ResumeOptions.requireData(ts.data.path(), ts.data.synthetic(), resume);
        if (pr.hasMatchedOption("--steps")) ts.steps = steps;
        TrainConfig tc = ResumeOptions.newLearningRates(m.training.withSteps(ts.steps), pr, lrG, lrC, err);
        ts.lrG = tc.lrG();
        ts.lrC = tc.lrC();
        if (pr.hasMatchedOption("--eval-every")) ts.evalEvery = evalEvery;
        if (pr.hasMatchedOption("--checkpoint-every")) ts.checkpointEvery = checkpointEvery;
        if (pr.hasMatchedOption("--eval-every") || pr.hasMatchedOption("--checkpoint-every")) {
            tc = new TrainConfig(tc.critic(), tc.criticInput(), tc.tau(), tc.loss(), tc.lambdaK(), tc.lambdaAcg(), tc.lambdaGp(),
                    tc.nCritic(), tc.lrG(), tc.lrC(), tc.beta1(), tc.beta2(), tc.emaDecay(), tc.lrDecayHalfLife(), tc.batch(),
                    tc.steps(), tc.seed(), ts.evalEveryOrDefault(), ts.checkpointEveryOrDefault(),
                    tc.validationSamples(), tc.scoreWeight(), tc.initSpread(), tc.pretrainSteps(), tc.pretrainLr());
        }
        m.training = tc;
        m.spec = ts;
        m.command = null;
        PreparedData d = ts.data.prepare(data.warnings());
        TrainingData td = TrainingData.of(d, ts.data);
        if (!td.fingerprint().sameData(m.data)) {
            throw BadInputException.of(ModelFile.path(resume), "data", "the training data changed since the run started ("
                    + m.data.source() + ", sha256 " + m.data.sha256() + ")");
        }
        if (m.state.step >= tc.steps()) {
            outw.printf(Locale.ROOT, "%s: already at step %d of %d; nothing to do (raise --steps to continue)%n", resume,
                    m.state.step, tc.steps());
            return 0;
        }
        err.printf(Locale.ROOT, "spiqgan: resuming %s at step %d of %d%n", resume, m.state.step, tc.steps());
        return train(m, td, err, outw);
    }

    /** The specification of a run written before model files stored one: its recorded command line, read again. */
    static TrainSpec legacySpec(ModelFile m, Path modelJson) {
        if (m.command == null || m.command.isEmpty()) {
            throw BadInputException.of(modelJson, "spec", "the run stores neither its specification nor its command line");
        }
        TrainCommand original = new TrainCommand();
        CommandLine cl = new CommandLine(original);
        try {
            cl.parseArgs(m.command.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw BadInputException.of(modelJson, "command", "cannot re-read the training options of this older run: " + e.getMessage());
        }
        return original.toSpec();
    }

    /** The run these options describe (a new run; {@code --resume} reads the run's own). */
    TrainSpec toSpec() {
        var pr = spec.commandLine().getParseResult();
        TrainSpec s = TrainSpec.defaults();
        s.model = useStationary() ? TrainSpec.Model.STATIONARY : TrainSpec.Model.PATCH;
        s.data = data.spec(dataFile);
        // shared options whose defaults depend on the model: set only when given
        if (pr.hasMatchedOption("--layers")) s.layers = layers;
        if (pr.hasMatchedOption("--batch")) s.batch = batch;
        if (pr.hasMatchedOption("--ema")) s.ema = ema;
        if (pr.hasMatchedOption("--eval-every")) s.evalEvery = evalEvery;
        if (pr.hasMatchedOption("--checkpoint-every")) s.checkpointEvery = checkpointEvery;
        if (pr.hasMatchedOption("--validation-samples")) s.validationSamples = validationSamples;
        if (pr.hasMatchedOption("--init-spread")) s.initSpread = initSpread;
        if (pr.hasMatchedOption("--z-max")) s.zMax = zMax;
        s.groupSize = groupSize;
        s.seed = seed;
        // the patch model
        s.steps = steps;
        s.loss = loss;
        s.sampling = sampling;
        s.lambdaK = lambdaK;
        s.lambdaAcg = lambdaAcg;
        s.lambdaGp = lambdaGp;
        s.critic = critic;
        s.criticInput = criticInput;
        s.tau = tau;
        s.nCritic = nCritic;
        s.lrG = lrG;
        s.lrC = lrC;
        double[] b = parseBetas();
        s.beta1 = b[0];
        s.beta2 = b[1];
        s.lrDecay = lrDecay;
        s.pretrainSteps = pretrain;
        s.pretrainLr = pretrainLr;
        s.ancillas = ancillas;
        parseCircuit(s);
        s.shareTimesteps = shareTimesteps;
        s.ansatz = ansatz;
        if (autoregressive) {
            if (ansatz != null && !ansatz.equals(org.spiqgan.model.Ansatze.REUPLOADING_FEEDBACK)) {
                throw BadInputException.of(null, "--autoregressive", "is the family " + org.spiqgan.model.Ansatze.REUPLOADING_FEEDBACK
                        + "; it cannot be combined with --ansatz " + ansatz);
            }
            s.ansatz = org.spiqgan.model.Ansatze.REUPLOADING_FEEDBACK;
        }
        // the stationary model
        StationaryOptions o = stationary;
        s.history = o.history;
        s.feedback = o.feedback;
        s.latentDim = o.latentDim;
        s.burnIn = o.burnIn;
        s.likelihoodSteps = o.likelihoodSteps;
        s.refineSteps = o.refineSteps;
        s.hiddenUnits = o.hiddenUnits;
        s.adversarialWeight = o.adversarialWeight;
        if (pr.hasMatchedOption("--critic")) s.refinementCritic = critic;
        s.draws = o.draws;
        s.lr = o.lr;
        s.lrHalfLife = o.lrHalfLife;
        s.momentSamples = o.momentSamples;
        s.lambdaMoments = StationaryTrain.lambdas(o.lambdaMoments);
        s.initFrom = o.initFrom == null ? null : o.initFrom.toAbsolutePath().normalize().toString();
        return s;
    }

    /** The patch circuit's options (latent, input weights, encoding, rotations, entangler) into the spec. */
    private void parseCircuit(TrainSpec s) {
        s.latent = latent;
        s.inputWeights = inputWeights.on();
        s.encoding = encoding;
        s.rotations = rotations;
        s.entangler = entangler.entangler;
        s.ring = entangler.ring;
    }

    private double[] parseBetas() {
        var pr = spec.commandLine().getParseResult();
        if (pr.hasMatchedOption("--betas") && (beta1 != null || beta2 != null)) {
            throw BadInputException.of(null, "--betas", "give either --betas B1,B2 or --beta1/--beta2, not both");
        }
        double[] b = parseBetas(betas);
        if (beta1 != null) b[0] = beta1;
        if (beta2 != null) b[1] = beta2;
        return b;
    }

    static double[] parseBetas(String betas) {
        String[] p = betas.split(",");
        try {
            if (p.length != 2) throw new NumberFormatException();
            double b1 = Double.parseDouble(p[0].trim()), b2 = Double.parseDouble(p[1].trim());
            if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) throw new NumberFormatException();
            return new double[] {b1, b2};
        } catch (NumberFormatException e) {
            throw BadInputException.of(null, "--betas", "must be two numbers in [0, 1) like 0.5,0.9, not '" + betas + "'");
        }
    }
}
