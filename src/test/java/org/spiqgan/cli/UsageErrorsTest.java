package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.BadInputException;
import org.spiqgan.cli.TrustTest.Result;

/** Issue 15 item 13: usage errors are one line with a pointer to --help, and name the option the user gave. */
class UsageErrorsTest {
    @TempDir
    Path dir;

    static Result cli(String... args) {
        return TrustTest.cli(args);
    }

    @Test
    void usageErrorsAreOneLinePointingToHelp() {
        for (String[] args : new String[][] {
            {"train", "--bogus"},
            {"generate"},
            {"evaluate", "--timesteps", "x"},
            {"baseline", "fit"},
            {"data", "windows", "--split"},
            {"circuit", "run"},
            {"nosuchcommand"},
        }) {
            Result r = cli(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines().size(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("--help'"), r.err());
            assertEquals("", r.out());
        }
        assertTrue(cli("baseline", "fit").err().contains("'spiqgan baseline fit --help'"));
    }

    @Test
    void errorsNameTheOptionTheUserGave() throws Exception {
        Path out = dir.resolve("run");
        Result r = cli("train", "--model", "patch", "--synthetic", "--neurons", "top:4", "-T", "2", "--ancillas", "30", "--out", out.toString());
        TrustTest.badInput(r, "--ancillas");
        assertFalse(r.err().contains("--group-size"), r.err());
        r = cli("train", "--model", "patch", "--synthetic", "--neurons", "top:4", "-T", "2", "--group-size", "3", "--ancillas", "18", "--out", out.toString());
        TrustTest.badInput(r, "--group-size/--ancillas");
        assertFalse(Files.exists(out));

        // one long recording without segments: the windows of -T 100000 do not fit, whatever the stride default
        Path rec = dir.resolve("long.npy");
        assertEquals(0, cli("data", "synthetic", "--neurons", "4", "--segments", "1", "--segment-length", "200000",
                "--out", rec.toString()).code());
        r = cli("data", "windows", rec.toString(), "--neurons", "all", "-T", "100000", "--out", dir.resolve("w.npy").toString());
        TrustTest.badInput(r, "shorter windows");
        assertFalse(r.err().contains("--stride"), r.err());
    }

    @Test
    void dataCommandsRejectOptionsTheyIgnoreAndWarnOnUnevenSegments() throws Exception {
        Path rec = dir.resolve("rec.npy");
        assertEquals(0, cli("data", "synthetic", "--neurons", "4", "--segments", "2", "--segment-length", "500",
                "--out", rec.toString()).code());
        Path y = dir.resolve("y.csv");
        TrustTest.badInput(cli("data", "convert", rec.toString(), "--neurons", "top:4", "--out", y.toString()), "--neurons", "not used");
        TrustTest.badInput(cli("data", "convert", rec.toString(), "-T", "4", "--out", y.toString()), "--timesteps");
        TrustTest.badInput(cli("data", "inspect", rec.toString(), "--stride", "4"), "--stride");
        TrustTest.badInput(cli("train", "--synthetic", "--split", "test", "--out", dir.resolve("t").toString()), "--split");
        assertFalse(Files.exists(y));
        Result r = cli("data", "inspect", rec.toString(), "--segment-length", "300");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("does not divide") && r.err().contains("100 bins"), r.err());
        r = cli("data", "inspect", rec.toString(), "--segment-length", "250");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
    }

    @Test
    void aTextFileNamedMatIsNotAMatFile() throws Exception {
        Path f = dir.resolve("x.mat");
        Files.writeString(f, "0,1,0\n1,0,0\n");
        TrustTest.badInput(cli("data", "inspect", f.toString()), "x.mat", "not a MAT file");
        Path h = dir.resolve("x.h5");
        Files.writeString(h, "0,1,0\n1,0,0\n");
        TrustTest.badInput(cli("data", "inspect", h.toString()), "not an HDF5 file");
    }

    @Test
    void cxBetweenRegistersOfDifferentSizesIsAnError() throws Exception {
        Path f = dir.resolve("c.qasm");
        Files.writeString(f, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg a[1];\nqreg b[3];\ncx a, b;\n");
        TrustTest.badInput(cli("circuit", "run", f.toString()), "c.qasm", "registers of different sizes");
        Files.writeString(f, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg a[1];\nqreg b[3];\nx a;\ncx a[0], b;\n");
        Result r = cli("circuit", "run", "--marginals", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("q3 1.0"), r.out());
    }

    @Test
    void aStateVectorThatDoesNotFitIsAOneLineErrorNamingTheMemory() {
        var e = assertThrows(BadInputException.class, () -> CircuitCommand.checkMemory("big.qasm", 25, 100L << 20, 512L << 20));
        assertTrue(e.getMessage().contains("768 MB") && e.getMessage().contains("SPIQGAN_JAVA_OPTS=-Xmx"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        CircuitCommand.checkMemory("small.qasm", 10, 100L << 20, 512L << 20);
    }

    @Test
    void libraryFieldsAreShownAsTheOptionsThatSetThem() {
        assertEquals("FILE: --out: unknown format", SpiqganCli.optionNames("FILE: output: unknown format"));
        assertEquals("--timesteps: too long", SpiqganCli.optionNames("timesteps: too long"));
        assertEquals("FILE: --segment-length: longer", SpiqganCli.optionNames("FILE: segmentLength: longer"));
        assertEquals("FILE: data: output: kept", SpiqganCli.optionNames("FILE: data: output: kept"));
    }

    @Test
    void libraryFieldsAreShownAsTheirOptions() {
        assertEquals("F.npy: array: 3 values are not 0/1; set --binarize to count", SpiqganCli.optionNames(
                "F.npy: array: 3 values are not 0/1; set field binarize to count"));
        assertEquals("--group-size/--ancillas: too many qubits", SpiqganCli.optionNames("groupSize/ancillas: too many qubits"));
        assertEquals("--lr-g: must be positive", SpiqganCli.optionNames("lrG: must be positive"));
        // fields of a stored file stay the file's
        assertEquals("run/model.json: neurons: the model holds N = 3", SpiqganCli.optionNames("run/model.json: neurons: the model holds N = 3"));
        assertEquals("F.npy: several arrays (a, b); choose one with --var",
                SpiqganCli.optionNames("F.npy: several arrays (a, b); choose one with field variable"));
    }

    @Test
    void enumOptionsTakeTheirWords() {
        assertEquals(org.spiqgan.model.ReuploadingAnsatz.Latent.PER_LAYER, new Choices.Latent().convert("per-layer"));
        assertEquals(org.spiqgan.model.CriticInput.STRAIGHT_THROUGH, new Choices.Critic().convert("Straight-Through"));
        assertEquals(org.spiqgan.data.Layout.NEURONS_BY_BINS, new Choices.LayoutChoice().convert("neurons-by-bins"));
        Result r = cli("train", "--model", "patch", "--latent", "sideways", "--out", "x");
        TrustTest.badInput(r, "--latent", "shared or per-layer", "sideways");
    }
}
