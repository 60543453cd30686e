package org.spiqgan.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spiqgan.model.CriticInput;
import org.spiqgan.model.GeneratorConfig;
import org.spiqgan.model.ReuploadingAnsatz;
import org.spiqgan.model.TrainSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Enum-typed options: picocli converts the option's word (the constant's name in lower case, '_' written
 * '-', e.g. {@code per-layer}, {@code straight-through}) straight to the library's enum, so commands never
 * parse choices by hand. One small converter per enum, because picocli instantiates converters by class.
 */
final class Choices {
    private Choices() {}

    /** The option word of an enum constant. */
    static String word(Enum<?> e) { return e.name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    abstract static class Of<E extends Enum<E>> implements ITypeConverter<E> {
        private final Class<E> type;

        Of(Class<E> type) { this.type = type; }

        @Override
        public E convert(String value) {
            List<String> words = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                if (word(e).equalsIgnoreCase(value) || e.name().equalsIgnoreCase(value)) return e;
                words.add(word(e));
            }
            throw new TypeConversionException("must be " + String.join(", ", words.subList(0, words.size() - 1)) + " or "
                    + words.get(words.size() - 1) + ", not '" + value + "'");
        }
    }

    static final class Model extends Of<TrainSpec.Model> {
        Model() { super(TrainSpec.Model.class); }
    }

    static final class PresetChoice extends Of<TrainCommand.Preset> {
        PresetChoice() { super(TrainCommand.Preset.class); }
    }

    static final class Sampling extends Of<GeneratorConfig.Sampling> {
        Sampling() { super(GeneratorConfig.Sampling.class); }
    }

    static final class Critic extends Of<CriticInput> {
        Critic() { super(CriticInput.class); }
    }

    static final class Latent extends Of<ReuploadingAnsatz.Latent> {
        Latent() { super(ReuploadingAnsatz.Latent.class); }
    }

    static final class Encoding extends Of<ReuploadingAnsatz.Encoding> {
        Encoding() { super(ReuploadingAnsatz.Encoding.class); }
    }

    static final class LayoutChoice extends Of<org.spiqgan.data.Layout> {
        LayoutChoice() { super(org.spiqgan.data.Layout.class); }
    }

    /** Which parameters of a trained run generate (or are exported). */
    enum Checkpoint {
        /** The EMA parameters of the best validation score. */
        BEST,
        /** The last EMA parameters. */
        LAST;

        /** The library's word for it. */
        String word() { return Choices.word(this); }
    }

    static final class CheckpointChoice extends Of<Checkpoint> {
        CheckpointChoice() { super(Checkpoint.class); }
    }

    /** An on/off option. */
    enum Switch {
        ON, OFF;

        boolean on() { return this == ON; }
    }

    static final class SwitchChoice extends Of<Switch> {
        SwitchChoice() { super(Switch.class); }
    }

    /** The patch circuit's entangler with its ring closure, as one option word (cnot-ring, ...). */
    enum EntanglerChoice {
        CNOT(ReuploadingAnsatz.Entangler.CNOT, false),
        CZ(ReuploadingAnsatz.Entangler.CZ, false),
        NONE(ReuploadingAnsatz.Entangler.NONE, false),
        CNOT_RING(ReuploadingAnsatz.Entangler.CNOT, true),
        CZ_RING(ReuploadingAnsatz.Entangler.CZ, true);

        final ReuploadingAnsatz.Entangler entangler;
        final boolean ring;

        EntanglerChoice(ReuploadingAnsatz.Entangler entangler, boolean ring) {
            this.entangler = entangler;
            this.ring = ring;
        }
    }

    static final class Entangler extends Of<EntanglerChoice> {
        Entangler() { super(EntanglerChoice.class); }
    }

    /** What {@code baseline fit} fits. */
    enum FitModel { BERNOULLI, DG, MAXENT }

    static final class FitModelChoice extends Of<FitModel> {
        FitModelChoice() { super(FitModel.class); }
    }

    /** Where the dichotomized Gaussian's lagged moments come from. */
    enum Moments { SEGMENTS, WINDOWS }

    static final class MomentsChoice extends Of<Moments> {
        MomentsChoice() { super(Moments.class); }
    }

    /** How a static maximum-entropy model is fitted (the library's word: {@code auto}, {@code exact}, {@code mcmc}). */
    enum MaxEntMethod { AUTO, EXACT, MCMC }

    static final class MaxEntMethodChoice extends Of<MaxEntMethod> {
        MaxEntMethodChoice() { super(MaxEntMethod.class); }
    }

    static final class Repair extends Of<org.spiqgan.baseline.DichotomizedGaussian.Repair> {
        Repair() { super(org.spiqgan.baseline.DichotomizedGaussian.Repair.class); }
    }

    static final class MaxEntModel extends Of<org.spiqgan.baseline.MaxEntLayout.Model> {
        MaxEntModel() { super(org.spiqgan.baseline.MaxEntLayout.Model.class); }
    }

    static final class GeneratorKind extends Of<org.spiqgan.baseline.Generator.Kind> {
        GeneratorKind() { super(org.spiqgan.baseline.Generator.Kind.class); }
    }

    static final class Rotations extends Of<ReuploadingAnsatz.Rotations> {
        Rotations() { super(ReuploadingAnsatz.Rotations.class); }
    }
}
