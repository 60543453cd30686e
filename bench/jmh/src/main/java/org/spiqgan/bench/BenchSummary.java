package org.spiqgan.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.spiqgan.model.ReuploadingAnsatz;

/**
 * Writes {@code summary.json} of a simulator benchmark run (bench/run-quantum-bench.sh): for every n, the
 * forward GFLOP/s of {@code SubGeneratorBench.forward1} by the counted FLOP model
 * ({@code Circuit.forwardFlops()}), the plain loop's GFLOP/s ({@code PlainLoopBench.rotate}, 6 FLOP per pair,
 * 5 n sweeps), their ratio, both as fractions of the measured FMA peak ({@code FmaPeakBench}) when it ran,
 * and, when a peers file is given, peer time / our time for every case.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.spiqgan.bench.BenchSummary jmh.json peers.jsonl|- summary.json}
 */
public final class BenchSummary {
    private BenchSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BenchSummary JMH_JSON PEERS_JSONL|- OUT_JSON");
            System.exit(2);
        }
        JsonArray jmh = JsonParser.parseString(Files.readString(Path.of(args[0]))).getAsJsonArray();
        // (case, n) -> seconds
        Map<String, Map<Integer, Double>> ours = new TreeMap<>();
        Double peak = null;
        JsonObject other = new JsonObject();
        for (JsonElement e : jmh) {
            JsonObject r = e.getAsJsonObject();
            String bench = r.get("benchmark").getAsString();
            String name = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
            JsonObject pm = r.getAsJsonObject("primaryMetric");
            double sec = pm.get("score").getAsDouble() * unit(pm.get("scoreUnit").getAsString());
            JsonObject params = r.has("params") ? r.getAsJsonObject("params") : new JsonObject();
            if (name.equals("FmaPeakBench.fma")) {
                peak = FmaPeakBench.FLOP / sec / 1e9;
            } else if (params.has("n") && (name.startsWith("SubGeneratorBench.") || name.startsWith("PlainLoopBench."))) {
                ours.computeIfAbsent(name.substring(name.indexOf('.') + 1), k -> new TreeMap<>())
                        .put(params.get("n").getAsInt(), sec);
            } else {
                JsonObject o = new JsonObject();
                o.addProperty("seconds", sec);
                o.add("params", params);
                other.add(name + params, o);
            }
        }
        Map<String, Map<Integer, Map<String, Double>>> peers = new TreeMap<>();
        if (!args[1].equals("-") && Files.exists(Path.of(args[1]))) {
            for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonObject p = JsonParser.parseString(line).getAsJsonObject();
                if (!p.has("seconds") || p.get("seconds").isJsonNull()) continue;
                peers.computeIfAbsent(p.get("case").getAsString(), k -> new TreeMap<>())
                        .computeIfAbsent(p.get("n").getAsInt(), k -> new LinkedHashMap<>())
                        .put(p.get("peer").getAsString(), p.get("seconds").getAsDouble());
            }
        }
        JsonObject out = new JsonObject();
        if (peak != null) out.addProperty("fma_peak_gflops_one_core", peak);
        JsonArray rows = new JsonArray();
        Map<Integer, Double> fwd = ours.getOrDefault("forward1", Map.of()), loop = ours.getOrDefault("rotate", Map.of());
        java.util.SortedSet<Integer> ns = new java.util.TreeSet<>(fwd.keySet());
        ns.addAll(loop.keySet());
        for (int n : ns) {
            JsonObject row = new JsonObject();
            row.addProperty("n", n);
            Double f = fwd.get(n), l = loop.get(n);
            if (f != null) {
                long flops = ReuploadingAnsatz.of(n, 5).build().forwardFlops();
                double g = flops / f / 1e9;
                row.addProperty("forward1_seconds", f);
                row.addProperty("forward_flops", flops);
                row.addProperty("forward_gflops", g);
                if (peak != null) row.addProperty("forward_fraction_of_peak", g / peak);
            }
            if (l != null) {
                double g = 6.0 * (1L << n) * 5 * n / l / 1e9;
                row.addProperty("plain_loop_gflops", g);
                if (peak != null) row.addProperty("plain_loop_fraction_of_peak", g / peak);
                if (f != null) row.addProperty("forward_fraction_of_plain_loop", row.get("forward_gflops").getAsDouble() / g);
            }
            JsonObject seconds = new JsonObject(), ratios = new JsonObject();
            for (Map.Entry<String, Map<Integer, Double>> c : ours.entrySet()) {
                if (c.getKey().equals("rotate") || !c.getValue().containsKey(n)) continue;
                double mine = c.getValue().get(n);
                seconds.addProperty(c.getKey(), mine);
                Map<String, Double> ps = peers.getOrDefault(c.getKey(), Map.of()).get(n);
                if (ps == null) continue;
                JsonObject rc = new JsonObject();
                for (Map.Entry<String, Double> p : ps.entrySet()) rc.addProperty(p.getKey(), p.getValue() / mine);
                ratios.add(c.getKey(), rc);
            }
            row.add("ours_seconds", seconds);
            if (ratios.size() > 0) row.add("peer_ratio_peer_time_over_ours", ratios);
            rows.add(row);
        }
        out.add("per_n", rows);
        if (other.size() > 0) out.add("other", other);
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        Files.writeString(Path.of(args[2]), gson.toJson(out) + "\n");
    }

    private static double unit(String u) {
        switch (u) {
            case "s/op": return 1;
            case "ms/op": return 1e-3;
            case "us/op": return 1e-6;
            case "ns/op": return 1e-9;
            default: throw new IllegalArgumentException("unknown JMH unit " + u);
        }
    }
}
