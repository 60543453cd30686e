package org.spiqgan.cli;

import java.io.PrintWriter;
import org.spiqgan.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code spiqgan} command line. Each domain contributes its subcommands here.
 *
 * <p>Exit status: 0 on success, 2 for bad input or usage (one-line error), 1 for internal errors,
 * 130 when interrupted.
 */
@Command(
        name = "spiqgan",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Quantum-classical generative models of neural spike trains.",
        subcommands = {
            CommandLine.HelpCommand.class,
            QuickstartCommand.class,
            DataCommand.class,
            TrainCommand.class,
            GenerateCommand.class,
            EvaluateCommand.class,
            BaselineCommand.class,
            CompareCommand.class,
            InfoCommand.class,
            ExportQasmCommand.class,
            CircuitCommand.class,
        })
public final class SpiqganCli implements Runnable {

    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is to do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SpiqganCli());
        cl.setParameterExceptionHandler(new OneLineUsageError());
        cl.setExecutionExceptionHandler(new OneLineBadInput());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A usage mistake: one line naming it and where the usage of the command concerned is. */
    static final class OneLineUsageError implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            String msg = String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
            err.println("spiqgan: " + msg + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    /** A library message with its field names shown as the options that set them ({@link OptionWords}). */
    static String optionNames(String message) { return OptionWords.of(message); }

    /** The same, for warnings and messages of the library that are not errors. */
    static String optionWords(String message) { return OptionWords.of(message); }

    /** Bad input is the user's to fix: one line, no stack trace. Anything else is our bug. */
    static final class OneLineBadInput implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            Throwable t = ex;
            while (!(t instanceof BadInputException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
            if (t instanceof BadInputException) {
                err.println("spiqgan: " + optionNames(t.getMessage().replace('\n', ' ')));
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
                err.println("spiqgan: I/O error: " + ex.getMessage());
                return 1;
            }
            err.println("spiqgan: internal error: " + ex);
            ex.printStackTrace(err);
            return 1;
        }
    }
}
