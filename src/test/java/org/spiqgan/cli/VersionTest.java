package org.spiqgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code --version}: the JVM, its collector (which the launcher chooses by JDK) and the kernels, one line each. */
class VersionTest {

    @Test
    void namesTheCollectorOfThisJvmByItsUsualName() {
        String name = Version.collector();
        assertTrue(Set.of("G1", "parallel", "serial", "Z", "Shenandoah").contains(name),
                "unexpected collector name '" + name + "'");
        // G1's beans are "G1 Young Generation", ..., the parallel collector's "PS Scavenge" and "PS MarkSweep"
        String beans = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .reduce("", (a, b) -> a + b + ";");
        if (beans.startsWith("G1 ")) assertEquals("G1", name, beans);
        if (beans.startsWith("PS ")) assertEquals("parallel", name, beans);
    }

    @Test
    void versionLinesNameJavaCollectorAndKernels() {
        String[] lines = new Version().getVersion();
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("spiqgan "), lines[0]);
        assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version")), lines[1]);
        assertEquals("garbage collector: " + Version.collector(), lines[2]);
        assertTrue(lines[3].startsWith("simulator kernels: "), lines[3]);
    }
}
