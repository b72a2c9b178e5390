package io.harmattan.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what happens on another thread (a mail going out). Generous, at 30 s: the mail
 * sender's threads may be busy with earlier mail, and a hung relay costs each send 10 s.
 */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** The value once {@code done} accepts it, or the last one read when patience runs out. */
    public static <T> T until(Supplier<T> value, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            current = value.get();
        }
        return current;
    }
}
