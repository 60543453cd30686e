package org.spiqgan.cli;

import org.spiqgan.BadInputException;
import picocli.CommandLine.Option;

/** {@code --threads N}, shared by the commands that simulate circuits: unset means every core. */
final class ThreadsOption {
    @Option(names = "--threads", description = "Worker threads. Default: all cores.")
    Integer threads;

    /** The thread count in effect; a count below one is bad input. */
    int resolve() {
        int th = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (th < 1) throw BadInputException.of(null, "--threads", "must be at least 1");
        return th;
    }
}
