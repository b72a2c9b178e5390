package io.harmattan.persistence;

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
            try {
                QuarkusTransaction.requiringNew().run(work);
                if (attempt > 1) {
                    LOG.infof("Recorded after %d attempts", attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (Instant.now().plus(PAUSE).isAfter(deadline)) {
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
