package io.harmattan.persistence;

import io.harmattan.web.Unavailable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Recording what already happened outside the database (a mail handed to the relay) must not be
 * lost to a database that is away for a moment: otherwise the mail is sent again once the sender's
 * claim lapses. The transaction is tried again every second until it commits or the deadline (set
 * before the claim runs out) passes.
 */
public final class Committed {

    private static final Logger LOG = Logger.getLogger(Committed.class);
    static final Duration PAUSE = Duration.ofSeconds(1);

    private Committed() {
    }

    /** Runs {@code work} in a new transaction, again after each failure, until it commits or {@code deadline} passes. */
    public static void before(Instant deadline, Runnable work) {
        for (int attempt = 1;; attempt++) {
            long remaining = Duration.between(Instant.now(), deadline).toSeconds();
            if (remaining < 1) {
                throw new IllegalStateException("No time left to record before " + deadline);
            }
            try {
                // One attempt may not outlast the deadline either (a pool wait, a hung server).
                QuarkusTransaction.requiringNew().timeout((int) Math.min(remaining, Integer.MAX_VALUE)).run(work);
                if (attempt > 1) {
                    LOG.infof("Recorded after %d attempts", attempt);
                }
                return;
            } catch (RuntimeException e) {
                // Only the database being away is worth waiting for; a mistake would fail every time.
                if (!Unavailable.isCause(e) || Instant.now().plus(PAUSE).isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
