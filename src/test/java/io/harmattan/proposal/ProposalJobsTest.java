package io.harmattan.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.mail.OutboxMessage;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.Mailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sending mails the client's people once, in their language; reminders and expiry act once however often they run. */
@QuarkusTest
class ProposalJobsTest {

    @Inject
    ProposalJobs jobs;

    @BeforeAll
    static void signIn() throws Exception {
        ProposalWorkflowTest.signIn();
    }

    private static List<OutboxMessage> outbox(long id, String what) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("proposal:" + id + ":" + what));
    }

    @Test
    void sendingMailsEachActivePersonOnceInTheirLanguageWithALinkButNoContent() throws Exception {
        long id = ProposalWorkflowTest.sent();
        List<OutboxMessage> sent = outbox(id, "sent");
        // Sahel Gold's active people: Claire (English) and Amadou (French); Kadiatou is suspended.
        assertThat(sent).extracting(m -> m.recipient)
                .containsExactlyInAnyOrder("demo-client@sahel-gold.test", "amadou.diarra@sahel-gold.test");
        OutboxMessage french = sent.stream().filter(m -> m.recipient.startsWith("amadou")).findFirst().orElseThrow();
        assertThat(french.subject).contains("une proposition pour vous");
        assertThat(french.body).contains("/portal/proposals/" + id).doesNotContain("Sadiola road").doesNotContain("1234");
        String reference = QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).reference);
        var received = Eventually.until(() -> Mailbox.to("amadou.diarra@sahel-gold.test").stream()
                .filter(m -> subject(m).contains(reference)).toList(), list -> !list.isEmpty());
        assertThat(received).hasSize(1);
        assertThat(Eventually.until(() -> outbox(id, "sent").stream().allMatch(m -> m.sentAt != null), done -> done)).isTrue();
    }

    @Test
    void remindersAndExpiryActOnceEvenWithTwoSchedulersAtOnce() throws Exception {
        long id = ProposalWorkflowTest.sent();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // 25 days on, the 30-day proposal is within the 7-day reminder window.
        LocalDate later = today.plusDays(25);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> jobs.remindDue(later));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> jobs.remindDue(later));
        one.get();
        two.get();
        // One reminder for this version: one mail to each of its two active people.
        assertThat(outbox(id, "reminder")).hasSize(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProposalEvent.count("proposalId = ?1 and kind = ?2", id,
                ProposalEvent.Kind.REMINDED))).isEqualTo(1);
        jobs.remindDue(later);
        assertThat(outbox(id, "reminder")).hasSize(2);
        io.harmattan.testing.FormSession.Page stillOpen = ProposalWorkflowTest.client.open("/portal/proposals/" + id);

        LocalDate expired = today.plusDays(31);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> jobs.expireDue(expired));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> jobs.expireDue(expired));
        first.get();
        second.get();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).state))
                .isEqualTo(ProposalState.EXPIRED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProposalEvent.count("proposalId = ?1 and kind = ?2", id,
                ProposalEvent.Kind.EXPIRED))).isEqualTo(1);
        assertThat(jobs.expireDue(expired)).isZero();
        assertThat(ProposalWorkflowTest.accept(stillOpen, id, 1).statusCode()).isEqualTo(409);
        assertThat(outbox(id, "expired")).isNotEmpty();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
