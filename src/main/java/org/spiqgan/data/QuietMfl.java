package org.spiqgan.data;

import java.io.PrintStream;

/**
 * mfl-core prints warnings about corrupt files ("[MFL] encountered illegal entry ...") straight to
 * System.err, which would break the one-line error the user gets for the same file. This wraps
 * System.err once to drop exactly those lines; everything else passes through unchanged.
 */
final class QuietMfl extends PrintStream {
    private QuietMfl(PrintStream err) { super(err, true); }

    static synchronized void install() {
        if (!(System.err instanceof QuietMfl)) System.setErr(new QuietMfl(System.err));
    }

    @Override
    public void println(String x) {
        if (x != null && x.startsWith("[MFL]")) return;
        super.println(x);
    }
}
