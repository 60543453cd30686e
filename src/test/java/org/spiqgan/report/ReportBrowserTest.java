package org.spiqgan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiqgan.stats.Evaluation;

/**
 * Opens the report in headless Chromium: every figure must decode (naturalWidth > 0, counted by the
 * page's own script into {@code data-figures-ok}) and the console must stay silent. Saves a screenshot
 * as target/report.png. Skips where Chromium is missing, except in CI (SPIQGAN_REQUIRE_SHARED=1).
 */
class ReportBrowserTest {
    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        String override = System.getenv("SPIQGAN_CHROMIUM");
        for (String c : new String[] {override, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (c != null && Files.isExecutable(Paths.get(c))) {
                chromium = Paths.get(c);
                return;
            }
        }
        if ("1".equals(System.getenv("SPIQGAN_REQUIRE_SHARED"))) {
            fail("Chromium is required in CI (apt-get install chromium) but /usr/bin/chromium is absent");
        }
        assumeTrue(false, "skipped: headless Chromium not installed (apt-get install chromium)");
    }

    @Test
    void reportRendersEveryFigureWithoutConsoleErrors() throws Exception {
        Evaluation e = ReportTest.example(8, 20);
        Path dir = Paths.get("target", "report-browser").toAbsolutePath();
        Path index = HtmlReport.write(dir, e, "spiqgan evaluate --real synthetic (browser test)", "spiqgan test");
        int figures = Figures.all(e).size();

        Run run = chromium(index, "--dump-dom");
        assertEquals(figures + "/" + figures, figuresOk(run.stdout), "figures decoded by the browser");
        assertEquals(List.of(), run.consoleLines, "console messages");

        Path shot = Paths.get("target", "report.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium(index, "--screenshot=" + shot, "--window-size=1280,2000", "--hide-scrollbars");
        assertTrue(Files.isRegularFile(shot) && Files.size(shot) > 10_000, "screenshot " + shot);
    }

    /** The check itself must be able to fail: a broken image and a console error are both caught. */
    @Test
    void brokenFigureAndConsoleErrorAreDetected() throws Exception {
        Path page = Paths.get("target", "report-browser-negative", "index.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, "<!DOCTYPE html><html><head><link rel=\"icon\" href=\"data:,\"></head><body>"
                + "<img src=\"data:image/png;base64,AAAA\"><script>console.error('boom');\n" + HtmlReport.CHECK
                + "</script></body></html>");
        Run run = chromium(page, "--dump-dom");
        assertEquals("0/1", figuresOk(run.stdout));
        assertTrue(run.consoleLines.stream().anyMatch(l -> l.contains("boom")), "console lines: " + run.consoleLines);
    }

    private static String figuresOk(String dom) {
        Matcher m = Pattern.compile("data-figures-ok=\"([0-9]+/[0-9]+)\"").matcher(dom);
        return m.find() ? m.group(1) : "(not set: page script did not run)";
    }

    private static final class Run {
        String stdout;
        List<String> consoleLines;
    }

    private static Run chromium(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("spiqgan-chromium-");
        try {
            List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                    "--virtual-time-budget=10000"));
            cmd.addAll(List.of(extra));
            cmd.add(page.toUri().toString());
            Path out = profile.resolve("stdout.txt");
            Path err = profile.resolve("stderr.txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish within 180 s: " + String.join(" ", cmd));
            }
            Run r = new Run();
            r.stdout = Files.readString(out, StandardCharsets.UTF_8);
            r.consoleLines = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("CONSOLE")).collect(Collectors.toList());
            return r;
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(q);
            }
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
