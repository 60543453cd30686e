package org.spiqgan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven wrote into the jar, with the Java runtime it runs on (version, vendor, home), its garbage
 * collector (the launcher chooses it by JDK: BENCHMARKS.md, "Garbage collector") and the simulator's kernels on that
 * runtime (scalar, or the Vector API's when the JVM has the module).
 */
public final class Version implements IVersionProvider {

    public static String number() {
        try (InputStream in = Version.class.getResourceAsStream("/org/spiqgan/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "spiqgan " + number(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home"),
            "garbage collector: " + collector(),
            "simulator kernels: " + org.spiqgan.quantum.KernelChoice.describe()
        };
    }

    /** The collector by its usual name, from the JVM's collector beans (G1, parallel, serial, Z, Shenandoah). */
    static String collector() {
        java.util.List<String> beans = new java.util.ArrayList<>();
        for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            beans.add(b.getName());
        }
        String all = String.join(", ", beans);
        if (all.startsWith("G1")) return "G1";
        if (all.startsWith("PS ")) return "parallel";
        if (all.contains("Copy") || all.contains("MarkSweepCompact")) return "serial";
        if (all.startsWith("ZGC")) return "Z";
        if (all.startsWith("Shenandoah")) return "Shenandoah";
        return all;
    }
}
