package org.spiqgan.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an (S, N, T) uint8 {@code .npy} array whose samples arrive in chunks, so that S x N x T may exceed
 * what one Java array (or the heap) holds. The header for the final shape is written first and the chunks are
 * appended, all into a temporary file in the target's folder; {@link #commit} checks that exactly S samples
 * arrived and renames the file into place. Closing without a commit (an exception, an interrupt) deletes the
 * temporary file, and so does a shutdown hook when the JVM exits first (Ctrl-C), so a failed or interrupted
 * write leaves no partial output and an existing file untouched.
 * For the same values the bytes equal {@link SampleSetIO#writeNpy}'s.
 */
public final class NpyStreamWriter implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final long samples;
    private final int neurons;
    private final int timesteps;
    private final OutputStream out;
    private long written;
    private boolean committed;
    private boolean closed;
    /** Deletes the temporary file if the JVM exits (Ctrl-C) before the commit: finally blocks do not run then. */
    private final Thread onExit;

    private NpyStreamWriter(Path target, Path tmp, OutputStream out, long samples, int neurons, int timesteps) {
        this.target = target;
        this.tmp = tmp;
        this.out = out;
        this.samples = samples;
        this.neurons = neurons;
        this.timesteps = timesteps;
        onExit = new Thread(() -> {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // exiting anyway
            }
        }, "npy-stream-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    private void forgetExitHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook deletes the temporary file
        }
    }

    /** Bytes of the file for this shape: header plus one byte per value. */
    public static long fileBytes(long samples, int neurons, int timesteps) {
        return Npy.uint8Header(samples, neurons, timesteps).length + Math.multiplyExact(Math.multiplyExact(samples, neurons), (long) timesteps);
    }

    /** Opens the temporary file next to {@code target} and writes the header of the final shape. */
    public static NpyStreamWriter open(Path target, long samples, int neurons, int timesteps) throws IOException {
        if (samples < 1 || neurons < 1 || timesteps < 1) {
            throw new IllegalArgumentException("shape must be positive, not (" + samples + ", " + neurons + ", " + timesteps + ")");
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        OutputStream out = null;
        try {
            AtomicFile.keepUsualPermissions(tmp, abs);
            out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
            out.write(Npy.uint8Header(samples, neurons, timesteps));
            return new NpyStreamWriter(abs, tmp, out, samples, neurons, timesteps);
        } catch (IOException | RuntimeException e) {
            if (out != null) out.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Samples appended so far. */
    public long written() { return written; }

    /** Appends the chunk's samples (its N and T must match, and the total may not pass S). */
    public void append(SampleSet chunk) throws IOException {
        if (committed || closed) throw new IllegalStateException("the writer of " + target + " is closed");
        if (chunk.neurons() != neurons || chunk.timesteps() != timesteps) {
            throw new IllegalArgumentException("chunk of shape " + chunk.shape() + " does not fit (S, " + neurons + ", " + timesteps + ")");
        }
        if (written + chunk.samples() > samples) {
            throw new IllegalArgumentException((written + chunk.samples()) + " samples would pass the declared " + samples);
        }
        out.write(chunk.values());
        written += chunk.samples();
    }

    /** Checks that all S samples arrived, then moves the file into place. */
    public void commit() throws IOException {
        if (committed || closed) throw new IllegalStateException("the writer of " + target + " is closed");
        if (written != samples) throw new IllegalStateException("only " + written + " of " + samples + " samples were written");
        out.close();
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        closed = true;
        forgetExitHook();
    }

    /** Without a {@link #commit}: discards the temporary file. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            out.close();
        } finally {
            Files.deleteIfExists(tmp);
            forgetExitHook();
        }
    }
}
