package io.harmattan.triage;

import static io.harmattan.triage.LeadTriageTest.load;
import static io.harmattan.triage.LeadTriageTest.redirected;
import static io.harmattan.triage.LeadTriageTest.submit;
import static io.harmattan.triage.LeadTriageTest.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.LeadEvent;
import io.harmattan.mail.OutboxMessage;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.FormSession.Page;
import io.harmattan.testing.MailText;
import io.harmattan.testing.Mailbox;
import io.harmattan.testing.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Working a lead from its page over HTTP: a reply drafted from a template in the prospect's
 * language goes out through the outbox with the consultant as reply-to, a call is logged, and only
 * a real contact (not an assignment) stops the response clock.
 */
@QuarkusTest
class LeadContactTest {

    static FormSession consultant;

    @BeforeAll
    static void signIn() throws Exception {
        consultant = DemoSessions.signIn().consultant();
    }

    private static long french(String tag) {
        return Submissions.idOf(Submissions.byApi(tag + "@mines-kaya.test", "name", "Salif Ouédraogo", "organisation",
                "Mines de Kaya " + tag, "language", "fr", "needs", "Audit de sécurité du site près de Kaya " + tag));
    }

    @Test
    void aReplyStartsFromATemplateInTheProspectsLanguageAndGoesOutWithTheConsultantAsReplyTo() throws Exception {
        String tag = word();
        long id = french(tag);
        Page page = consultant.open("/console/leads/" + id);
        // Before any contact, the acknowledgement in French, whatever language the console is in.
        assertThat(page.body()).contains("id=\"reply-form\"", "Bonjour Salif Ouédraogo", "Merci d’avoir écrit",
                "demo-consultant@harmattan.test");
        assertThat(consultant.get("/console/leads/" + id + "?reply=call").body().asString())
                .contains("un court échange téléphonique", "Votre demande " + load(id).reference + " : pouvons-nous en parler ?");
        assertThat(load(id).firstResponseAt).isNull();

        redirected(page.post(Map.of("subject", "Votre demande " + tag, "body", "Bonjour,\nQuelques questions " + tag))
                .post("/console/leads/" + id + "/reply"));

        MimeMessage mail = Eventually.until(() -> Mailbox.to(tag + "@mines-kaya.test").stream()
                .filter(m -> MailText.of(m).contains("Quelques questions " + tag)).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(mail).as("the reply reached the prospect").isNotNull();
        assertThat(mail.getSubject()).isEqualTo("Votre demande " + tag);
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("demo-consultant@harmattan.test");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isNotEqualTo("demo-consultant@harmattan.test");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("lead:" + id + ":reply")))
                .singleElement().satisfies(m -> assertThat(m.replyTo).isEqualTo("demo-consultant@harmattan.test"));

        assertThat(load(id).firstResponseAt).as("the reply stopped the clock").isNotNull();
        String after = consultant.get("/console/leads/" + id).body().asString();
        assertThat(after).contains("data-kind=\"emailed\"", "Votre demande " + tag, "clock-answered");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and targetId = ?2",
                "lead.emailed", Long.toString(id)))).isEqualTo(1);
    }

    @Test
    void anEmptyOrOverlongReplyIsRefusedWithWhatWasTyped() {
        long id = french(word());
        Page page = consultant.open("/console/leads/" + id);
        Response empty = page.post(Map.of("subject", " ", "body", "Texte gardé")).post("/console/leads/" + id + "/reply");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body().asString()).contains("id=\"action-error\"", "Texte gardé");
        Response long_ = page.post(Map.of("subject", "Objet", "body", "x".repeat(Triage.MAX_MAIL + 1)))
                .post("/console/leads/" + id + "/reply");
        assertThat(long_.statusCode()).isEqualTo(400);
        assertThat(load(id).firstResponseAt).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("lead:" + id + ":reply"))).isEmpty();
    }

    @Test
    void aLongReplyIsSentAndKeptWhole() {
        long id = french(word());
        Page page = consultant.open("/console/leads/" + id);
        String text = "Bonjour,\n" + "Une longue réponse. ".repeat(400) + "Fin.";
        assertThat(text.length()).isGreaterThan(4000).isLessThanOrEqualTo(Triage.MAX_MAIL);
        redirected(page.post(Map.of("subject", "Réponse détaillée", "body", text)).post("/console/leads/" + id + "/reply"));
        String kept = QuarkusTransaction.requiringNew().call(() -> LeadEvent.<LeadEvent>find("leadId = ?1 and kind = ?2", id,
                LeadEvent.Kind.EMAILED).singleResult().remark);
        assertThat(kept).isEqualTo(text.strip());
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("lead:" + id + ":reply")))
                .singleElement().satisfies(m -> assertThat(m.body).endsWith("Fin."));
    }

    @Test
    void aCallStopsTheClockAtTheTimeItTookPlaceAndBadDetailsAreRefused() {
        long id = submit("Mariam Keita", word() + "@niger-build.test", "Niger Build " + word(), "Bridge at Niamey",
                List.of("construction"), List.of("NE"));
        Instant submitted = load(id).submittedAt;
        Page page = consultant.open("/console/leads/" + id);

        Instant future = Instant.now().plus(2, ChronoUnit.DAYS);
        assertThat(contact(page, id, "call", minute(future), "20", "Spoke to her").statusCode()).isEqualTo(400);
        assertThat(contact(page, id, "call", minute(submitted.minus(1, ChronoUnit.DAYS)), "20", "Before").statusCode())
                .isEqualTo(400);
        assertThat(contact(page, id, "call", minute(Instant.now().minus(8, ChronoUnit.DAYS)), "20", "Long ago").statusCode())
                .as("a call is logged within a week").isEqualTo(400);
        Response zero = contact(page, id, "call", minute(Instant.now()), "0", "Kept outcome");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body().asString()).contains("Kept outcome");
        assertThat(contact(page, id, "call", "yesterday", "20", "x").statusCode()).isEqualTo(400);
        assertThat(contact(page, id, "call", minute(Instant.now()), "20", " ").statusCode()).isEqualTo(400);
        assertThat(load(id).firstResponseAt).isNull();

        // The form gives minutes; a meeting in the request's own minute counts from the request.
        Instant typed = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant when = typed.isBefore(submitted) ? submitted : typed;
        redirected(contact(page, id, "meeting", minute(typed), "45", "Met at their office; wants a site audit"));
        assertThat(load(id).firstResponseAt).isEqualTo(when);
        LeadEvent meeting = QuarkusTransaction.requiringNew().call(() -> LeadEvent.<LeadEvent>find("leadId = ?1 and kind = ?2",
                id, LeadEvent.Kind.MEETING).singleResult());
        assertThat(meeting.occurredAt).isEqualTo(when);
        assertThat(meeting.detail).isEqualTo("45");
        assertThat(meeting.remark).isEqualTo("Met at their office; wants a site audit");
        assertThat(consultant.get("/console/leads/" + id).body().asString())
                .contains("data-kind=\"meeting\"", "Meeting, 45 min", "wants a site audit");
    }

    @Test
    void aQuarantinedLeadIsNotWrittenTo() {
        long id = french(word());
        Page page = consultant.open("/console/leads/" + id);
        redirected(page.post(LeadTriageTest.fields(page, "action", "spam")).post("/console/leads/" + id + "/status"));
        Page spam = consultant.open("/console/leads/" + id);
        assertThat(spam.body()).doesNotContain("id=\"reply-form\"");
        assertThat(spam.post(Map.of("subject", "S", "body", "B")).post("/console/leads/" + id + "/reply").statusCode())
                .isEqualTo(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.about("lead:" + id + ":reply"))).isEmpty();
        assertThat(load(id).firstResponseAt).as("closing stops the clock").isNotNull();

        // Released by mistake-correction: nobody wrote to the prospect, so the clock runs again from the request.
        Page quarantined = consultant.open("/console/leads/" + id);
        redirected(quarantined.post(LeadTriageTest.fields(quarantined, "action", "release")).post("/console/leads/" + id + "/status"));
        assertThat(load(id).firstResponseAt).isNull();
    }

    private static Response contact(Page page, long id, String kind, String at, String minutes, String outcome) {
        return page.post(Map.of("kind", kind, "at", at, "minutes", minutes, "outcome", outcome))
                .post("/console/leads/" + id + "/contacts");
    }

    private static String minute(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
