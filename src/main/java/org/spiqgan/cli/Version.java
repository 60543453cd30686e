package org.spiqgan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven wrote into the jar, with the Java runtime it runs on (version, vendor, home) and the
 * simulator's kernels on that runtime (scalar, or the Vector API's when the JVM has the module).
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
            "simulator kernels: " + org.spiqgan.quantum.KernelChoice.describe()
        };
    }
}
