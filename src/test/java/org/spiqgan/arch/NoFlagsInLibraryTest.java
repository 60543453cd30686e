package org.spiqgan.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library speaks in fields, the command line in flags (issue 10): no string literal in quantum, data,
 * stats, nn, model, baseline or report names a command-line option such as {@code --var}.
 */
class NoFlagsInLibraryTest {
    static final List<String> LIBRARY = List.of("quantum", "data", "stats", "nn", "model", "baseline", "report");
    /** A string literal (no text blocks in these packages; checked below). */
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** An option name: two dashes and a letter, not inside a word or a longer run of dashes (rw-r--r--). */
    static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-zA-Z]");

    @Test
    void noLibraryStringNamesACommandLineFlag() throws IOException {
        Path root = Path.of("src/main/java/org/spiqgan");
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String pkg : LIBRARY) {
            try (Stream<Path> s = Files.walk(root.resolve(pkg))) {
                for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    files++;
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        String code = line.strip();
                        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) continue;
                        assertTrue(!line.contains("\"\"\""), f + ":" + (i + 1) + ": text blocks are not scanned; use string literals");
                        Matcher m = LITERAL.matcher(line);
                        while (m.find()) {
                            if (FLAG.matcher(m.group(1)).find()) found.add(root.relativize(f) + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "scanned only " + files + " files: wrong working directory?");
        assertTrue(found.isEmpty(), "library messages name command-line flags (name the field instead; the CLI shows "
                + "it as the flag): " + String.join("; ", found));
    }

    @Test
    void theScanFindsAFlag() {
        Matcher m = LITERAL.matcher("throw x(\"choose one with --var\");");
        assertTrue(m.find() && FLAG.matcher(m.group(1)).find());
        Matcher ok = LITERAL.matcher("perms(\"rw-r--r--\");");
        assertTrue(ok.find() && !FLAG.matcher(ok.group(1)).find());
    }
}
