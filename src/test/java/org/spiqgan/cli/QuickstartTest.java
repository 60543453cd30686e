package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart runs end to end (shortened) and says which ratios are good; a second run refuses to overwrite. */
class QuickstartTest {
    @TempDir
    Path dir;

    @Test
    void quickstartTrainsGeneratesEvaluatesAndGivesAVerdict() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = SpiqganCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        Path q = dir.resolve("q");
        int code = cl.execute("quickstart", "--steps", "20", "--out", q.toString());
        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(q.resolve("report").resolve("index.html")));
        String o = out.toString();
        assertTrue(o.contains("errors as multiples of the noise floor"), o);
        assertTrue(o.contains("state JS (bits)") && o.contains("(independent "), o);
        StringWriter err2 = new StringWriter();
        var cl2 = SpiqganCli.commandLine();
        cl2.setOut(new PrintWriter(new StringWriter()));
        cl2.setErr(new PrintWriter(err2));
        assertEquals(2, cl2.execute("quickstart", "--steps", "20", "--out", q.toString()), err2.toString());
    }
}
