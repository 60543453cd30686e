package org.spiqgan.testutil;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The benchmark recording lives beside the repository in {@code ../shared/data/retina50/} and is never
 * committed. Tests that need it skip with a clear message where the folder is absent, unless
 * {@code SPIQGAN_REQUIRE_SHARED=1} (as in CI), where its absence is a failure.
 */
public final class SharedData {
    private SharedData() {}

    public static Path retina50() {
        return require(Paths.get("..", "shared", "data", "retina50"));
    }

    public static Path retina50(String file) {
        Path p = retina50().resolve(file);
        if (!Files.isRegularFile(p)) fail("shared data file missing: " + p.toAbsolutePath());
        return p;
    }

    private static Path require(Path dir) {
        boolean present = Files.isDirectory(dir);
        if (!present && "1".equals(System.getenv("SPIQGAN_REQUIRE_SHARED"))) {
            fail("SPIQGAN_REQUIRE_SHARED=1 but " + dir.toAbsolutePath() + " is absent");
        }
        assumeTrue(present, "skipped: shared data folder " + dir.toAbsolutePath() + " is absent");
        return dir;
    }
}
