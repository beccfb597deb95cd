package org.classreflect.adapters.aws.fleet;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something a background thread does, failing the test after a generous deadline. */
final class Eventually {

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
