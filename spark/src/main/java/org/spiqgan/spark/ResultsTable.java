package org.spiqgan.spark;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Writes a sweep's rows as {@code results.csv} and {@code results.json} (atomically), in grid order. */
final class ResultsTable {
    private ResultsTable() {}

    static void write(Path out, List<RunResult> rows, JsonObject about) throws IOException {
        CliRunExecutor.writeAtomically(out.resolve("results.csv"), csv(rows));
        JsonObject root = new JsonObject();
        root.addProperty("schema", "spiqgan-sweep/1");
        root.add("sweep", about);
        JsonArray runs = new JsonArray();
        for (RunResult r : rows) runs.add(RunResult.GSON.toJsonTree(r));
        root.add("runs", runs);
        CliRunExecutor.writeAtomically(out.resolve("results.json"),
                new com.google.gson.GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n");
    }

    /** Columns: run, every spec field (first-seen order), seed, parameters, each error and ratio, times, status. */
    static String csv(List<RunResult> rows) {
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        for (RunResult r : rows) fields.addAll(r.spec.keySet());
        List<String> header = new ArrayList<>(List.of("run"));
        header.addAll(fields);
        header.addAll(List.of("seed", "trainable_parameters"));
        for (String s : RunResult.STATISTICS) {
            header.add(s);
            header.add(s + "_ratio");
        }
        header.addAll(List.of("wall_seconds", "cpu_seconds", "attempts", "status", "message"));
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (RunResult r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(r.runId);
            for (String f : fields) cells.add(r.spec.getOrDefault(f, ""));
            cells.add(Long.toString(r.seed));
            cells.add(r.trainableParameters == null ? "" : Long.toString(r.trainableParameters));
            for (String s : RunResult.STATISTICS) {
                cells.add(number(r.errors.get(s)));
                cells.add(number(r.ratios.get(s)));
            }
            cells.add(String.format(Locale.ROOT, "%.3f", r.wallSeconds));
            cells.add(String.format(Locale.ROOT, "%.3f", r.cpuSeconds));
            cells.add(Integer.toString(r.attempts));
            cells.add(r.status);
            cells.add(r.message == null ? "" : r.message);
            for (int i = 0; i < cells.size(); i++) sb.append(i == 0 ? "" : ",").append(quote(cells.get(i)));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String number(Double d) {
        return d == null ? "" : Double.toString(d);
    }

    private static String quote(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

}
