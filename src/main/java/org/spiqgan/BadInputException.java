package org.spiqgan;

/**
 * A user-facing error about input the program cannot accept: a file, an option or a value.
 *
 * <p>The message is one line that names the file (or option), the field and what was expected.
 * The command line prints it as-is and exits with status 2, so messages must make sense on their own.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message of the form {@code FILE: FIELD: problem}. */
    public static BadInputException of(Object file, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file).append(": ");
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        sb.append(problem);
        return new BadInputException(sb.toString());
    }
}
