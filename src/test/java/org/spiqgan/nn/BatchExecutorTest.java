package org.spiqgan.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class BatchExecutorTest {
    @Test
    void everyChunkRunsOnceAndTheCallerWorksToo() {
        try (BatchExecutor ex = new BatchExecutor(3)) {
            for (int chunks : new int[] {0, 1, 2, 3, 7, 240}) {
                AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, chunks));
                Set<Thread> threads = ConcurrentHashMap.newKeySet();
                ex.run(chunks, c -> {
                    seen.incrementAndGet(c);
                    threads.add(Thread.currentThread());
                    if (chunks == 240) spin();
                });
                for (int c = 0; c < chunks; c++) assertEquals(1, seen.get(c), "chunk " + c + " of " + chunks);
                if (chunks == 240) {
                    assertTrue(threads.contains(Thread.currentThread()), "the calling thread took no chunk");
                    assertTrue(threads.size() <= 3, threads.size() + " threads for 3");
                }
            }
        }
    }

    @Test
    void aFailureReachesTheCallerAfterEveryStartedChunkHasEnded() {
        try (BatchExecutor ex = new BatchExecutor(2)) {
            AtomicInteger running = new AtomicInteger();
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ex.run(200, c -> {
                running.incrementAndGet();
                try {
                    spin();
                    if (c == 5) throw boom;
                } finally {
                    running.decrementAndGet();
                }
            }));
            assertSame(boom, thrown);
            assertEquals(0, running.get(), "a chunk of the failed call was still running");
            // the executor stays usable
            AtomicInteger count = new AtomicInteger();
            ex.run(50, c -> count.incrementAndGet());
            assertEquals(50, count.get());
        }
    }

    private static void spin() {
        long until = System.nanoTime() + 200_000;
        while (System.nanoTime() < until) Thread.onSpinWait();
    }
}
