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
import org.spiqgan.model.TrainingData;
import org.spiqgan.model.TrainingRun;
import org.spiqgan.nn.CriticSpec;
import org.spiqgan.quantum.SubGeneratorCircuits;
import picocli.CommandLine;
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

    @Option(names = "--data", paramLabel = "FILE", description = "The recording (any format of 'spiqgan data'). Default: the built-in synthetic recording.")
    Path dataFile;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "RUNDIR", description = "Run directory (created).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUNDIR", description = "Continue the run in RUNDIR from its last checkpoint (other options are taken from the run, except --steps, --threads, --eval-every, --checkpoint-every).")
    Path resume;

    @Option(names = "--model", defaultValue = "stationary", paramLabel = "MODEL",
            description = "stationary (one circuit for every bin, fed back the previous bins, trained by exact likelihood and "
                    + "free-running moments; the default, RESULTS.md) or patch (one circuit per neuron group and bin, trained as a "
                    + "WGAN-GP: the paper's model). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "paper: the paper's model and settings as SPEC section 3 describes them (the patch model with its defaults "
                    + "below); best: this project's default recipe (the stationary model).")
    String preset;

    @Mixin
    StationaryOptions stationary = new StationaryOptions();

    @Option(names = {"--layers", "-l"}, defaultValue = "5", description = "Re-uploading layers per sub-generator. Default: ${DEFAULT-VALUE} (patch), 2 (stationary).")
    int layers;

    @Option(names = "--loss", defaultValue = "k", description = "standard (WGAN) or k (WGAN + lambda_k K-loss). Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--sampling", defaultValue = "born", description = "born (one shot per patch) or bernoulli (independent spikes given z). Default: ${DEFAULT-VALUE}.")
    String sampling;

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

    @Option(names = "--critic-input", defaultValue = "gumbel", description = "gumbel, straight-through or marginals. Default: ${DEFAULT-VALUE}.")
    String criticInput;

    @Option(names = "--tau", defaultValue = "0.5", description = "Relaxation temperature. Default: ${DEFAULT-VALUE}.")
    double tau;

    @Option(names = "--n-critic", defaultValue = "5", description = "Critic steps per generator step. Default: ${DEFAULT-VALUE}.")
    int nCritic;

    @Option(names = "--lr-g", defaultValue = "" + Defaults.LR_G, description = "Generator learning rate (Adam). Default: ${DEFAULT-VALUE}.")
    double lrG;

    @Option(names = "--lr-c", defaultValue = "" + Defaults.LR_C, description = "Critic learning rate (Adam). Default: ${DEFAULT-VALUE}.")
    double lrC;

    @Option(names = "--betas", defaultValue = Defaults.BETAS, description = "Adam betas b1,b2 for both players. Default: ${DEFAULT-VALUE}.")
    String betas;

    @Option(names = "--ema", defaultValue = "0.99", description = "Decay of the generator's parameter EMA (used for validation and generation). Default: ${DEFAULT-VALUE} (patch), 0.98 (stationary).")
    double ema;

    @Option(names = "--lr-decay", defaultValue = "0", paramLabel = "HALF_LIFE", description = "Learning rates halve every HALF_LIFE generator steps (exponential decay); 0 = constant. Default: ${DEFAULT-VALUE}.")
    double lrDecay;

    @Option(names = "--eval-every", defaultValue = "100", description = "Validate (and report) every this many steps. Default: ${DEFAULT-VALUE} (patch), 50 (stationary).")
    long evalEvery;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Write the checkpoint every this many steps. Default: ${DEFAULT-VALUE} (patch), 50 (stationary).")
    long checkpointEvery;

    @Option(names = "--validation-samples", defaultValue = "0", description = "Generated samples per validation; 0 = max(4096, validation windows). Default: ${DEFAULT-VALUE} (patch), max(1024, 8192/T) (stationary).")
    int validationSamples;

    @Option(names = "--score-weight", defaultValue = "10", description = "Validation score = state JS + w x k-probability MSE. Default: ${DEFAULT-VALUE}.")
    double scoreWeight;

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

    @Option(names = "--latent", defaultValue = "shared", description = "shared (d = n) or per-layer (d = l x n). Default: ${DEFAULT-VALUE}.")
    String latent;

    @Option(names = "--z-max", defaultValue = "3.141592653589793", description = "Latent z ~ U[0, Z_MAX). Default: pi (patch), 1 (stationary).")
    double zMax;

    @Option(names = "--input-weights", defaultValue = "on", description = "Trainable input weights w in RY(w z): on or off. Default: ${DEFAULT-VALUE}.")
    String inputWeights;

    @Option(names = "--encoding", defaultValue = "ry", description = "Noise encoding gate: ry or rx. Default: ${DEFAULT-VALUE}.")
    String encoding;

    @Option(names = "--rotations", defaultValue = "rz-ry-rz", description = "Trainable rotations per qubit: rz-ry-rz, ry or ry-rz. Default: ${DEFAULT-VALUE}.")
    String rotations;

    @Option(names = "--entangler", defaultValue = "cnot", description = "cnot, cz, none, cnot-ring or cz-ring. Default: ${DEFAULT-VALUE}.")
    String entangler;

    @Option(names = "--share-timesteps", description = "One parameter set per neuron group for all timesteps.")
    boolean shareTimesteps;

    @Option(names = "--autoregressive", description = "SPEC 3b: patch t also re-uploads the pattern of patch t-1 of its group (RY(u pi x) before each layer's noise encoding, u initialised to 0).")
    boolean autoregressive;

    @Option(names = "--quiet", description = "No progress bar; one line per validation on stderr.")
    boolean quiet;

    /** Whether this run trains the stationary generator (the default) rather than the paper's patch GAN. */
    private boolean useStationary() {
        if (preset != null) {
            switch (preset.toLowerCase(Locale.ROOT)) {
                case "paper" -> {
                    if (model != null && spec.commandLine().getParseResult().hasMatchedOption("--model") && !model.equals("patch")) {
                        throw BadInputException.of(null, "--preset", "paper is the patch model; it cannot be combined with --model " + model);
                    }
                    return false;
                }
                case "best" -> {
                    return true;
                }
                default -> throw BadInputException.of(null, "--preset", "must be paper or best, not '" + preset + "'");
            }
        }
        return switch (model.toLowerCase(Locale.ROOT)) {
            case "stationary" -> true;
            case "patch" -> false;
            default -> throw BadInputException.of(null, "--model", "must be stationary or patch, not '" + model + "'");
        };
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
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals("train")) args.remove(0);
        if (dataFile != null) ResumeOptions.absoluteData(args, dataFile);
        TrainConfig tc = trainConfig();
        PreparedData d = data.prepare(dataFile);
        ModelFile m = newModel(args, d.neurons().length, d.timesteps(), tc);
        TrainingData td = trainingData(d);
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
        TrainingRun run = new TrainingRun(dir, m, td, th, !quiet);
        // Printed before a pending Ctrl-C lets the JVM exit, so that the message appears every time.
        run.onEnd(outcome -> {
            if (outcome != TrainingRun.Outcome.INTERRUPTED) return;
            if (m.state == null) {
                err.printf(Locale.ROOT, "spiqgan: interrupted during the likelihood pre-training, before the first checkpoint; "
                        + "nothing to resume: start the run again%n");
            } else {
                err.printf(Locale.ROOT, "spiqgan: interrupted at step %d; checkpoint written to %s (continue with --resume %s)%n",
                        m.state.step, ModelFile.path(dir), dir);
            }
            err.flush();
        });
        TrainingRun.Outcome o = run.run(err);
        var s = m.state;
        if (o == TrainingRun.Outcome.INTERRUPTED) return 130;
        outw.printf(Locale.ROOT, "finished %d steps in %.1f s; best validation score %.4g at step %d; model: %s%n", s.step,
                s.seconds, s.bestScore, s.bestStep, ModelFile.path(dir));
        if (s.lastValidation != null) outw.println("last validation: " + s.lastValidation);
        outw.flush();
        err.println("spiqgan: wrote " + InfoCommand.writeCurves(dir, dir.resolve("curves")));
        return 0;
    }

    private Integer resumeRun(PrintWriter err, PrintWriter outw) throws Exception {
        ModelFile m = ModelFile.read(resume);
        TrainCommand original = new TrainCommand();
        CommandLine cl = new CommandLine(original);
        try {
            cl.parseArgs(m.command.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw BadInputException.of(ModelFile.path(resume), "command", "cannot re-read the training options: " + e.getMessage());
        }
        var pr = spec.commandLine().getParseResult();
        ResumeOptions.rejectFixed(pr, m);
        if (pr.hasMatchedOption("--data")) original.dataFile = ResumeOptions.movedData(dataFile, m, resume, err);
        else ResumeOptions.requireData(original.dataFile, original.data.usesSynthetic(original.dataFile), resume);
        long newSteps = pr.hasMatchedOption("--steps") ? steps : m.training.steps();
        TrainConfig tc = ResumeOptions.newLearningRates(m.training.withSteps(newSteps), pr, lrG, lrC, err);
        if (pr.hasMatchedOption("--eval-every") || pr.hasMatchedOption("--checkpoint-every")) {
            tc = new TrainConfig(tc.critic(), tc.criticInput(), tc.tau(), tc.loss(), tc.lambdaK(), tc.lambdaAcg(), tc.lambdaGp(),
                    tc.nCritic(), tc.lrG(), tc.lrC(), tc.beta1(), tc.beta2(), tc.emaDecay(), tc.lrDecayHalfLife(), tc.batch(),
                    tc.steps(), tc.seed(), pr.hasMatchedOption("--eval-every") ? evalEvery : tc.evalEvery(),
                    pr.hasMatchedOption("--checkpoint-every") ? checkpointEvery : tc.checkpointEvery(),
                    tc.validationSamples(), tc.scoreWeight(), tc.initSpread(), tc.pretrainSteps(), tc.pretrainLr());
        }
        m.training = tc;
        if (pr.hasMatchedOption("--data")) ResumeOptions.absoluteData(m.command, original.dataFile);
        PreparedData d = original.data.prepare(original.dataFile);
        TrainingData td = original.trainingData(d);
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
        this.quiet = this.quiet || original.quiet;
        return train(m, td, err, outw);
    }

    TrainingData trainingData(PreparedData d) {
        SampleSet fit = d.samples("fit", 1);
        if (fit.samples() == 0) throw BadInputException.of(d.source(), "fit split", "holds no window of " + d.timesteps() + " bins");
        SampleSet val = d.samples("validation");
        SampleSet fitBins = org.spiqgan.data.Windows.cut(d.raster(), d.neurons(), 1, 1, d.splits().fit());
        boolean synthetic = data.usesSynthetic(dataFile);
        String sha = synthetic ? "synthetic:" + data.syntheticSeed : DataFingerprint.sha256(dataFile);
        DataFingerprint fp = new DataFingerprint(d.source(), sha, d.neurons(), d.neuronIds(), d.raster().binMs(), d.timesteps(),
                data.segmentLength, data.trainFraction, data.validationFraction);
        return TrainingData.of(fit, fitBins, val, fp);
    }

    ModelFile newModel(List<String> args, int n, int t, TrainConfig tc) {
        ModelFile m = new ModelFile();
        m.spiqgan = "spiqgan " + Version.number();
        m.command = args;
        m.generator = generatorConfig(n, t);
        m.training = tc;
        return m;
    }

    GeneratorConfig generatorConfig(int n, int t) {
        if (layers < 1) throw BadInputException.of(null, "--layers", "must be at least 1");
        if (ancillas < 0) throw BadInputException.of(null, "--ancillas", "must be >= 0");
        int g = groupSize != null ? groupSize : Math.min(n, 10);
        if (g < 1) throw BadInputException.of(null, "--group-size", "must be at least 1");
        positive("--z-max", zMax);
        if (Math.min(g, n) + ancillas > 20) {
            String blame = groupSize == null ? "--ancillas" : ancillas == 0 ? "--group-size" : "--group-size/--ancillas";
            throw BadInputException.of(null, blame, Math.min(g, n) + " neurons + " + ancillas
                    + " ancillas per sub-generator is more than the 20 qubits training supports");
        }
        GeneratorConfig.Sampling smp = switch (sampling.toLowerCase(Locale.ROOT)) {
            case "born" -> GeneratorConfig.Sampling.BORN;
            case "bernoulli" -> GeneratorConfig.Sampling.BERNOULLI;
            default -> throw BadInputException.of(null, "--sampling", "must be born or bernoulli, not '" + sampling + "'");
        };
        SubGeneratorCircuits.Latent lat = switch (latent.toLowerCase(Locale.ROOT)) {
            case "shared" -> SubGeneratorCircuits.Latent.SHARED;
            case "per-layer" -> SubGeneratorCircuits.Latent.PER_LAYER;
            default -> throw BadInputException.of(null, "--latent", "must be shared or per-layer, not '" + latent + "'");
        };
        boolean iw = switch (inputWeights.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw BadInputException.of(null, "--input-weights", "must be on or off, not '" + inputWeights + "'");
        };
        SubGeneratorCircuits.Encoding enc = switch (encoding.toLowerCase(Locale.ROOT)) {
            case "ry" -> SubGeneratorCircuits.Encoding.RY;
            case "rx" -> SubGeneratorCircuits.Encoding.RX;
            default -> throw BadInputException.of(null, "--encoding", "must be ry or rx, not '" + encoding + "'");
        };
        SubGeneratorCircuits.Rotations rot = switch (rotations.toLowerCase(Locale.ROOT)) {
            case "rz-ry-rz" -> SubGeneratorCircuits.Rotations.RZ_RY_RZ;
            case "ry" -> SubGeneratorCircuits.Rotations.RY;
            case "ry-rz" -> SubGeneratorCircuits.Rotations.RY_RZ;
            default -> throw BadInputException.of(null, "--rotations", "must be rz-ry-rz, ry or ry-rz, not '" + rotations + "'");
        };
        String e = entangler.toLowerCase(Locale.ROOT);
        boolean ring = e.endsWith("-ring");
        SubGeneratorCircuits.Entangler ent = switch (ring ? e.substring(0, e.length() - 5) : e) {
            case "cnot" -> SubGeneratorCircuits.Entangler.CNOT;
            case "cz" -> SubGeneratorCircuits.Entangler.CZ;
            case "none" -> SubGeneratorCircuits.Entangler.NONE;
            default -> throw BadInputException.of(null, "--entangler", "must be cnot, cz, none, cnot-ring or cz-ring, not '" + entangler + "'");
        };
        if (ring && ent == SubGeneratorCircuits.Entangler.NONE) throw BadInputException.of(null, "--entangler", "none has no ring");
        return new GeneratorConfig(n, t, layers, g, ancillas, iw, enc, lat, rot, ent, ring, shareTimesteps, smp, zMax, autoregressive);
    }

    TrainConfig trainConfig() {
        CriticSpec.parse(critic, "--critic");
        CriticInput ci;
        try {
            ci = CriticInput.parse(criticInput);
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(null, "--critic-input", e.getMessage());
        }
        String lossName = loss.toLowerCase(Locale.ROOT);
        if (!lossName.equals("k") && !lossName.equals("standard")) throw BadInputException.of(null, "--loss", "must be standard or k, not '" + loss + "'");
        double[] b = parseBetas();
        positive("--tau", tau);
        positive("--lr-g", lrG);
        positive("--lr-c", lrC);
        nonNegative("--lambda-k", lambdaK);
        nonNegative("--lambda-acg", lambdaAcg);
        nonNegative("--lambda-gp", lambdaGp);
        nonNegative("--lr-decay", lrDecay);
        nonNegative("--score-weight", scoreWeight);
        nonNegative("--init-spread", initSpread);
        if (pretrain < 0) throw BadInputException.of(null, "--pretrain", "must be >= 0");
        if (!(pretrainLr > 0 && pretrainLr < Double.POSITIVE_INFINITY)) throw BadInputException.of(null, "--pretrain-lr", "must be positive");
        if (!(ema >= 0 && ema < 1)) throw BadInputException.of(null, "--ema", "must be in [0, 1), not " + ema);
        if (nCritic < 1) throw BadInputException.of(null, "--n-critic", "must be at least 1");
        if (batch < 1) throw BadInputException.of(null, "--batch", "must be at least 1");
        if (steps < 1) throw BadInputException.of(null, "--steps", "must be at least 1");
        if (evalEvery < 1) throw BadInputException.of(null, "--eval-every", "must be at least 1");
        if (checkpointEvery < 1) throw BadInputException.of(null, "--checkpoint-every", "must be at least 1");
        if (validationSamples < 0) throw BadInputException.of(null, "--validation-samples", "must be >= 0");
        return new TrainConfig(critic, ci, tau, lossName, lambdaK, lambdaAcg, lambdaGp, nCritic, lrG, lrC, b[0], b[1], ema,
                lrDecay, batch, steps, seed, evalEvery, checkpointEvery, validationSamples, scoreWeight, initSpread,
                pretrain, pretrainLr);
    }

    private double[] parseBetas() {
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

    private static void positive(String name, double v) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) throw BadInputException.of(null, name, "must be a positive number, not " + v);
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) throw BadInputException.of(null, name, "must be a non-negative number, not " + v);
    }
}
