package org.spiqgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.spiqgan.BadInputException;
import org.spiqgan.model.ModelFile;

/**
 * Checks of output paths made before any work starts, so that a bad {@code --out}, {@code --json} or
 * {@code --report} is a one-line error (exit 2) instead of an I/O error after minutes of work, and so that
 * no command overwrites a run directory.
 */
final class OutputChecks {
    private OutputChecks() {}

    /** A file to be written (created or replaced): not a directory, and its folder can be created and written. */
    static void file(Path p, String option) {
        if (p == null) return;
        if (Files.isDirectory(p)) throw BadInputException.of(p, option, "is a directory; expected a file name");
        if (Files.exists(p) && !Files.isWritable(p)) throw BadInputException.of(p, option, "exists and cannot be written");
        folderUsable(p.toAbsolutePath().getParent(), p, option);
    }

    /** A directory to be written into (created if missing): not a file, and writable. */
    static void directory(Path p, String option) {
        if (p == null) return;
        if (Files.exists(p) && !Files.isDirectory(p)) throw BadInputException.of(p, option, "is a file; expected a directory");
        if (Files.isDirectory(p)) {
            if (!Files.isWritable(p)) throw BadInputException.of(p, option, "cannot write in this directory (permission denied)");
            return;
        }
        folderUsable(p.toAbsolutePath().getParent(), p, option);
    }

    /**
     * A new run directory: as {@link #directory}, and it must not already hold a run ({@code model.json}),
     * which the command would replace.
     */
    static void newRunDirectory(Path p, String option) {
        directory(p, option);
        if (p != null && Files.exists(ModelFile.path(p))) {
            throw BadInputException.of(p, option, "already holds a run (" + ModelFile.FILE_NAME
                    + "); choose another directory or remove it");
        }
    }

    /** Two outputs must not be the same path (one would replace the other). */
    static void distinct(Path a, String optionA, Path b, String optionB) {
        if (a == null || b == null) return;
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            throw BadInputException.of(a, optionA, "is also given as " + optionB);
        }
    }

    /** The nearest existing ancestor of a path to be created must be a writable directory. */
    private static void folderUsable(Path folder, Path p, String option) {
        Path f = folder;
        while (f != null && !Files.exists(f)) f = f.getParent();
        if (f == null) return;
        if (!Files.isDirectory(f)) throw BadInputException.of(p, option, f + " is a file, not a directory");
        if (!Files.isWritable(f)) throw BadInputException.of(p, option, "cannot write in " + f + " (permission denied)");
    }

    /**
     * Where to write a directory of outputs so that nothing partial is left if the command fails: a new
     * hidden folder beside {@code dir} when {@code dir} does not exist yet ({@link #commit} renames it), else
     * {@code dir} itself.
     */
    static Path stage(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) return dir;
        Path abs = dir.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        return Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".");
    }

    /** Moves a staged directory to its name. */
    static void commit(Path staged, Path dir) throws java.io.IOException {
        if (staged.equals(dir)) return;
        Files.setPosixFilePermissions(staged, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(staged, dir.toAbsolutePath().normalize(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a staged directory that was not committed (no-op for an existing target). */
    static void discard(Path staged, Path dir) {
        if (staged == null || staged.equals(dir) || !Files.exists(staged)) return;
        try (var walk = Files.walk(staged)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // best effort: a hidden temporary folder may stay behind
        }
    }

    /** The largest array the JVM allocates. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8L;

    /**
     * S samples of N x T bins are held in one array of S x N x T bytes: a one-line error, before any work,
     * when that is more than an array can hold or more memory than the JVM may use.
     */
    static void sampleArray(long samples, int n, int t, String option) {
        Runtime rt = Runtime.getRuntime();
        sampleArray(samples, n, t, option, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()), rt.maxMemory());
    }

    static void sampleArray(long samples, int n, int t, String option, long available, long maxHeap) {
        long per = (long) n * t;
        if (samples < 1) throw BadInputException.of(null, option, "must be at least 1, not " + samples);
        if (samples > MAX_VALUES / per) {
            throw BadInputException.of(null, option, samples + " samples of N = " + n + " x T = " + t + " bins are "
                    + (java.math.BigInteger.valueOf(samples).multiply(java.math.BigInteger.valueOf(per))) + " values, more than one "
                    + "array holds (" + MAX_VALUES + "); at most " + MAX_VALUES / per + " samples per file (use several files with different --seed)");
        }
        long bytes = samples * per;
        if (bytes > available) {
            throw BadInputException.of(null, option, samples + " samples of N = " + n + " x T = " + t + " bins need "
                    + mb(bytes) + " of memory but the JVM has " + mb(available) + " free (maximum heap " + mb(maxHeap)
                    + "); raise it with SPIQGAN_JAVA_OPTS=-Xmx" + Math.max(1, (bytes * 2 >> 30) + 1) + "g or generate fewer samples");
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}
