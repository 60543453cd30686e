package org.spiqgan.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two jars of the product, one JVM, the operations of {@link StationaryBench} timed pair by pair in
 * alternating order (A B B A ...), so that both versions see the same load on a shared machine: each jar is
 * loaded with its own class loader (with this class's {@code StationaryBench}, whose code compiles against
 * both), every operation runs {@code warm} times per version first, then {@code reps} timed pairs.
 * For each operation and thread count prints the median wall time, the median process CPU time (all threads,
 * JIT and GC included) of each version and their ratios; CPU time per operation against the wall time at 1
 * and 2 threads shows how much of the second core an operation can use whatever the load.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.spiqgan.bench.StationaryAB A.jar B.jar [reps] [warm] [threads,...]
 * [ops,...]} with ops among likelihoodStep, refineStep, generate (1024 windows).
 */
public final class StationaryAB {
    private StationaryAB() {}

    static final class Version {
        final String name;
        final Object[] benches;
        final Method[] ops;

        Version(String jar, String classes, int[] threads, String[] ops) throws Exception {
            this.name = jar;
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(jar).toURI().toURL(), new File(classes).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> c = loader.loadClass("org.spiqgan.bench.StationaryBench");
            benches = new Object[threads.length];
            for (int i = 0; i < threads.length; i++) {
                Object b = c.getConstructor().newInstance();
                c.getField("threads").setInt(b, threads[i]);
                c.getField("windows").setInt(b, 1024);
                c.getMethod("setUp").invoke(b);
                benches[i] = b;
            }
            this.ops = new Method[ops.length];
            for (int o = 0; o < ops.length; o++) this.ops[o] = c.getMethod(ops[o]);
        }
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        String classes = new File(StationaryAB.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int[] threads = Arrays.stream((args.length > 4 ? args[4] : "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        String[] ops = (args.length > 5 ? args[5] : "likelihoodStep,refineStep,generate").split(",");
        Version[] v = {new Version(args[0], classes, threads, ops), new Version(args[1], classes, threads, ops)};
        System.out.printf(Locale.ROOT, "A = %s%nB = %s%njava %s, %d processors, load %s%n", v[0].name, v[1].name,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load());
        for (int o = 0; o < ops.length; o++) {
            for (int t = 0; t < threads.length; t++) {
                List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>());
                List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>());
                for (int i = 0; i < warm; i++) for (Version x : v) x.ops[o].invoke(x.benches[t]);
                for (int r = 0; r < reps; r++) {
                    for (int j = 0; j < 2; j++) {
                        int which = (r % 2 == 0) ? j : 1 - j;
                        Version x = v[which];
                        long c0 = cpu(), w0 = System.nanoTime();
                        x.ops[o].invoke(x.benches[t]);
                        long w1 = System.nanoTime(), c1 = cpu();
                        wall.get(which).add((w1 - w0) / 1e6);
                        cpu.get(which).add((c1 - c0) / 1e6);
                    }
                }
                double wa = median(wall.get(0)), wb = median(wall.get(1)), ca = median(cpu.get(0)), cb = median(cpu.get(1));
                System.out.printf(Locale.ROOT,
                        "%-15s threads=%d  wall ms A %9.1f B %9.1f  B/A %.3f   cpu ms A %9.1f B %9.1f  B/A %.3f   cpu/wall A %.2f B %.2f  load %s%n",
                        ops[o], threads[t], wa, wb, wb / wa, ca, cb, cb / ca, ca / wa, cb / wb, load());
            }
        }
        for (Version x : v) for (Object b : x.benches) b.getClass().getMethod("tearDown").invoke(b);
    }

    static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim().replaceAll(" [0-9]+/.*", "");
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
