package io.harmattan.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.Eventually;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox: a message commits with its transaction, goes out after it, and survives the relay being down. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        String to = "nobody." + UUID.randomUUID() + "@outbox.test";
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.enqueue(to, "never", "never", "test:rollback");
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the change and its mail are gone together
        }
        Thread.sleep(500);
        assertThat(Mailbox.to(to)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient", to))).isZero();
    }

    @Test
    void withTheRelayDownTheMessageWaitsAndGoesOutOnceWhenItIsBack() throws Exception {
        String to = "patient." + UUID.randomUUID() + "@outbox.test";
        TestStack.get().withMailStopped(() -> {
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(to, "Later", "Sent once the relay is back", "test:down"));
            try {
                OutboxMessage failed = Eventually.until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> OutboxMessage.about("test:down").stream().filter(m -> m.recipient.equals(to)).findFirst()
                                .orElseThrow()), m -> m.attempts > 0);
                assertThat(failed.sentAt).isNull();
                assertThat(failed.attempts).isEqualTo(1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        outbox.sendPending(Duration.ZERO);
        outbox.sendPending(Duration.ZERO);
        assertThat(Eventually.until(() -> Mailbox.to(to), list -> !list.isEmpty())).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("test:down").stream()
                .filter(m -> m.recipient.equals(to)).findFirst().orElseThrow().sentAt)).isNotNull();
    }
}
