package org.spiqgan.spark;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends what a run prints on standard output and error to its own log file. Runs execute in-process, two or
 * more at a time in one executor JVM, and the core's progress bars write to {@code System.err} from a thread
 * they start; so the JVM's streams are replaced once by ones that write to the stream of the current thread's
 * run (inherited by threads the run starts) and to the original stream elsewhere.
 */
final class ThreadRoutedOutput {
    private static final InheritableThreadLocal<PrintStream> TARGET = new InheritableThreadLocal<>();
    private static boolean installed;

    private ThreadRoutedOutput() {}

    static synchronized void install() {
        if (installed) return;
        System.setOut(routed(System.out));
        System.setErr(routed(System.err));
        installed = true;
    }

    /** Routes this thread's (and its future children's) output to {@code log} until {@link #clear}. */
    static void route(PrintStream log) { TARGET.set(log); }

    static void clear() { TARGET.remove(); }

    private static PrintStream routed(PrintStream original) {
        OutputStream out = new OutputStream() {
            private OutputStream target() {
                PrintStream t = TARGET.get();
                return t != null ? t : original;
            }
            @Override public void write(int b) { try { target().write(b); } catch (java.io.IOException e) { /* as PrintStream */ } }
            @Override public void write(byte[] b, int off, int len) { try { target().write(b, off, len); } catch (java.io.IOException e) { /* as PrintStream */ } }
            @Override public void flush() { try { target().flush(); } catch (java.io.IOException e) { /* as PrintStream */ } }
        };
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
