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
        if (data != null && positional != null && !data.toAbsolutePath().normalize().equals(positional.toAbsolutePath().normalize())) {
            throw BadInputException.of(null, "--data", "names " + data + " but the positional FILE names " + positional + "; give the recording once");
        }
        return data != null ? data : positional;
    }
}
