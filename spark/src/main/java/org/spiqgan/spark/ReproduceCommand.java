package org.spiqgan.spark;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code spiqgan reproduce}: SPEC section 7 on {@code sweep} (to come). */
@Command(name = "reproduce", mixinStandardHelpOptions = true, description = "The paper's experiments (SPEC section 7) on sweep.")
final class ReproduceCommand implements Callable<Integer> {
    @Override
    public Integer call() { return 1; }
}
