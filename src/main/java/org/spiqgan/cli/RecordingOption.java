package org.spiqgan.cli;

import java.nio.file.Path;
import org.spiqgan.BadInputException;
import picocli.CommandLine.Option;

/**
 * The recording as {@code --data FILE}, a mixin for every command that also takes it as a positional FILE, so
 * that the input file is given the same way everywhere (issue 10).
 */
public final class RecordingOption {
    @Option(names = "--data", paramLabel = "FILE",
            description = "The recording (any format of 'spiqgan data'); the same as the positional FILE. Default: the built-in synthetic recording.")
    Path data;

    /** The recording given either way (null: none); both ways at once must name the same file. */
    Path file(Path positional) {
        return either(data, "--data", positional);
    }

    /**
     * The recording given as the option {@code option} ({@code named}) or as the positional FILE, for commands whose
     * option has other names too; both at once must name the same file.
     */
    static Path either(Path named, String option, Path positional) {
        if (named != null && positional != null && !named.toAbsolutePath().normalize().equals(positional.toAbsolutePath().normalize())) {
            throw BadInputException.of(null, option, "names " + named + " but the positional FILE names " + positional + "; give the recording once");
        }
        return named != null ? named : positional;
    }
}
