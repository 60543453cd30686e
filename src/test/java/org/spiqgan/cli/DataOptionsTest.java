package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.spiqgan.BadInputException;
import org.spiqgan.data.PreparedData;
import org.spiqgan.data.SampleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** DataOptions as another command would use it (train, evaluate, baseline). */
class DataOptionsTest {
    @Command(name = "dummy")
    static final class Dummy implements Runnable {
        @Mixin DataOptions data;

        @Override
        public void run() {}
    }

    private static DataOptions parse(String... args) {
        Dummy d = new Dummy();
        new CommandLine(d).parseArgs(args);
        return d.data;
    }

    @Test
    void defaultsFollowTheSpec() {
        DataOptions o = parse();
        assertEquals(30, o.timesteps());
        assertEquals("top:10", o.neuronsText());
        PreparedData d = o.prepare(null); // no file: the synthetic recording
        assertEquals("synthetic(seed=20240607)", d.source());
        assertEquals(10, d.neurons().length);
        assertEquals("test", o.splitName("test"));
        assertEquals(30, o.stride(d, "test"));
        assertEquals(1, o.stride(d, "fit"));
        SampleSet test = o.samples(d, "test");
        assertEquals(12 * (500 / 30), test.samples()); // 60 repeats: 12 test repeats of 16 windows
    }

    @Test
    void optionsReachTheSamples() {
        DataOptions o = parse("--neurons", "first:3", "-T", "8", "--split", "validation", "--stride", "100",
                "--train-fraction", "0.5", "--validation-fraction", "0.2", "--synthetic-seed", "5");
        PreparedData d = o.prepare(null);
        assertArrayEquals(new int[] {0, 1, 2}, d.neurons());
        assertEquals(6, d.splits().validation().segments().size()); // round(0.2 x 30)
        SampleSet s = o.samples(d, "train");
        assertEquals(3, s.neurons());
        assertEquals(8, s.timesteps());
        assertEquals(6 * 5, s.samples()); // (500 - 8) / 100 + 1 = 5 per repeat
    }

    @Test
    void badValuesAreBadInput() {
        // an enum-typed option: refused while parsing, before any work, naming the option and the choices
        var layout = assertThrows(picocli.CommandLine.ParameterException.class, () -> parse("--layout", "x"));
        assertTrue(layout.getMessage().contains("--layout") && layout.getMessage().contains("bins-by-neurons"), layout.getMessage());
        assertThrows(BadInputException.class, () -> parse("--train-fraction", "0").prepare(null));
        assertThrows(BadInputException.class, () -> parse("-T", "0").prepare(null));
        assertThrows(BadInputException.class, () -> parse("--neurons", "top:0").prepare(null));
        assertThrows(BadInputException.class, () -> parse("--split", "nope").splitName("test"));
        assertThrows(BadInputException.class, () -> parse("--stop", "-1").readOptions());
        DataOptions o = parse("-T", "600");
        var e = assertThrows(BadInputException.class, () -> o.samples(o.prepare(null), "test"));
        assertTrue(e.getMessage().contains("longer than every segment"), e.getMessage());
    }
}
