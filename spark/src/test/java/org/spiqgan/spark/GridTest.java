package org.spiqgan.spark;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiqgan.BadInputException;

class GridTest {
    private static List<RunTask> expand(String json, int k) {
        return Grid.expand(Path.of("g.json"), JsonParser.parseString(json).getAsJsonObject(), k, "/out");
    }

    @Test
    void cartesianProductFirstFieldSlowestThenExplicitRuns() {
        List<RunTask> t = expand("{\"seed\": 3, \"fixed\": {\"likelihood-steps\": 5}, \"fields\": {\"neurons\": [\"top:2\", \"top:3\"],"
                + " \"timesteps\": [1, 5]}, \"runs\": [{\"neurons\": \"top:10\", \"binarize\": true}]}", 1);
        assertEquals(5, t.size());
        assertEquals(Map.of("likelihood-steps", "5", "neurons", "top:2", "timesteps", "1"), t.get(0).spec());
        assertEquals("5", t.get(1).spec().get("timesteps"));
        assertEquals("top:3", t.get(2).spec().get("neurons"));
        assertEquals(Map.of("likelihood-steps", "5", "neurons", "top:10", "binarize", "true"), t.get(4).spec());
        assertEquals(List.of("r0001", "r0002", "r0003", "r0004", "r0005"), t.stream().map(RunTask::runId).toList());
        assertEquals(List.of("--likelihood-steps", "5", "--neurons", "top:10", "--binarize"), CliRunExecutor.trainOptions(t.get(4).spec()));
    }

    @Test
    void seedsDeriveFromGridSeedAndPositionAndRepeatCells() {
        List<RunTask> a = expand("{\"seed\": 3, \"fields\": {\"loss\": [\"k\", \"standard\"]}}", 3);
        List<RunTask> b = expand("{\"seed\": 3, \"fields\": {\"loss\": [\"k\", \"standard\"]}}", 3);
        List<RunTask> c = expand("{\"seed\": 4, \"fields\": {\"loss\": [\"k\", \"standard\"]}}", 3);
        assertEquals(6, a.size());
        assertEquals("k", a.get(2).spec().get("loss"));
        assertEquals("standard", a.get(3).spec().get("loss"));
        HashSet<Long> seeds = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            assertEquals(a.get(i).seed(), b.get(i).seed(), "reproducible");
            assertNotEquals(a.get(i).seed(), c.get(i).seed(), "depends on the grid seed");
            assertTrue(a.get(i).seed() > 0 && a.get(i).seed() <= (1L << 31));
            seeds.add(a.get(i).seed());
        }
        assertEquals(6, seeds.size(), "every run its own seed");
        assertEquals(Grid.seed(3, 4), a.get(4).seed());
    }

    @Test
    void badGridsAreOneLineErrorsNamingTheField(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"{\"fields\": {\"neurons\": []}}", "fields.neurons"},
            {"{\"fields\": {\"seed\": [1, 2]}}", "fields.seed"},
            {"{\"fixed\": {\"out\": \"x\"}, \"runs\": [{}]}", "fixed.out"},
            {"{\"runs\": [{\"neurons\": [1]}]}", "runs[0].neurons"},
            {"{\"seed\": \"x\", \"runs\": [{}]}", "seed"},
            {"{\"grid\": 1}", "grid"},
            {"{}", "fields"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("g.json");
            Files.writeString(f, c[0]);
            BadInputException e = assertThrows(BadInputException.class, () -> Grid.read(f, 1, "/out"), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{not json");
        assertThrows(BadInputException.class, () -> Grid.read(f, 1, "/out"));
    }

    @Test
    void invalidTrainOptionsAreRefusedBeforeAnyWork(@TempDir Path dir) {
        List<RunTask> t = Grid.expand(Path.of("g.json"), JsonParser.parseString("{\"runs\": [{\"no-such-option\": 1}]}").getAsJsonObject(),
                1, dir.resolve("out").toString());
        BadInputException e = assertThrows(BadInputException.class, () -> Sweep.check(t, dir.resolve("out"), new CliRunExecutor()));
        assertTrue(e.getMessage().contains("r0001"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void localMastersGetSparkRetries() {
        assertEquals("local[2,3]", Sweep.withLocalRetries("local[2]", 3));
        assertEquals("local[*,4]", Sweep.withLocalRetries("local[*]", 4));
        assertEquals("local[1,3]", Sweep.withLocalRetries("local", 3));
        assertEquals("spark://h:7077", Sweep.withLocalRetries("spark://h:7077", 3));
    }

    @Test
    void launcherAndTestsUseTheSameJvmOptions() throws Exception {
        String fromPom = System.getProperty("spark.jvm.opens");
        assertNotNull(fromPom);
        List<String> file = Files.readAllLines(Path.of("jvm-options")).stream().filter(s -> !s.isBlank()).toList();
        assertEquals(List.of(fromPom.trim().split("\\s+")), file, "spark/jvm-options must equal the pom's spark.jvm.opens");
    }
}
