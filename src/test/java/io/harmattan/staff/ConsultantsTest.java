package io.harmattan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The assignee directory against the real database: a consultant's first visit and later ones. */
@QuarkusTest
class ConsultantsTest {

    @Inject
    Consultants consultants;

    static Consultant load(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Consultant.<Consultant>findById(username));
    }

    @Test
    void aFirstVisitAddsTheConsultantAndALaterOneRefreshesThem() {
        String username = "new-" + UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(load(username)).isNull();

        consultants.record(username, "Salif Traoré", "salif@harmattan.test", "fr", first);
        Consultant added = load(username);
        assertThat(added.displayName).isEqualTo("Salif Traoré");
        assertThat(added.email).isEqualTo("salif@harmattan.test");
        assertThat(added.lastSeenAt).isEqualTo(first);
        assertThat(added.language).isEqualTo("fr");

        // Later visits may come with the identity cookie, which carries no email: the known one stays.
        Instant later = first.plusSeconds(900);
        consultants.record(username, "Salif Traore", null, "en", later);
        Consultant refreshed = load(username);
        assertThat(refreshed.displayName).isEqualTo("Salif Traore");
        assertThat(refreshed.email).isEqualTo("salif@harmattan.test");
        assertThat(refreshed.lastSeenAt).isEqualTo(later);
        assertThat(refreshed.language).as("mails follow the language last used").isEqualTo("en");
    }

    @Test
    void aSecondVisitWithinTenMinutesIsNotWrittenAgain() {
        String username = "throttled-" + UUID.randomUUID();
        Instant first = consultants.remember(username, "Awa Diallo", "awa@harmattan.test", "en");
        Instant second = consultants.remember(username, "Awa Diallo-Sow", "awa.sow@harmattan.test", "en");
        assertThat(second).isEqualTo(first);
        Consultant recorded = load(username);
        assertThat(recorded.displayName).isEqualTo("Awa Diallo");
        assertThat(recorded.email).isEqualTo("awa@harmattan.test");
        // Switching language is recorded at once: mails to them follow it.
        consultants.remember(username, "Awa Diallo", "awa@harmattan.test", "fr");
        assertThat(load(username).language).isEqualTo("fr");
    }
}
