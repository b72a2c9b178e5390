package io.harmattan.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harmattan.account.ClientUser;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.IllegalMove;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadEvent;
import io.harmattan.lead.LeadStatus;
import io.harmattan.mail.Outbox;
import io.harmattan.mail.OutboxMessage;
import io.harmattan.persistence.FullText;
import io.harmattan.testing.Clients;
import io.harmattan.testing.CodeFlowLogin;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.Submissions;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * A person's rights over their data, against the real database and Keycloak: a lead consultant
 * finds everything held about an address and downloads it; an erasure anonymises the requests,
 * deletes the mails, the client account (in Keycloak too) and keeps the counts; the retention job
 * anonymises old prospects and deletes old spam. The audit log never holds the address.
 */
@QuarkusTest
class DataProtectionTest {

    private static FormSession lead;
    private static FormSession consultant;

    @Inject
    Keycloak keycloak;

    @Inject
    Outbox outbox;

    @Inject
    Retention retention;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void signIn() throws Exception {
        lead = FormSession.signIn("/console", "demo-lead");
        consultant = FormSession.signIn("/console", "demo-consultant");
    }

    /** What a person has left with the firm: a request with a note, a mail, a client account that read a briefing. */
    private record Person(String email, long leadId, String needsWord, String subject) {
    }

    private Person aPersonWithHistory() throws Exception {
        String email = Clients.email("subject");
        String word = "Zorgho" + UUID.randomUUID().toString().substring(0, 6);
        long leadId = Submissions.idOf(Submissions.byApi(email, "name", "Fatoumata " + word, "needs", "Site audit near " + word
                + " for our gold project.", "sectors", java.util.List.of("mining")));
        QuarkusTransaction.requiringNew().run(() -> {
            Lead.<Lead>findById(leadId).annotate("Called back; " + word + " visit in March.", "demo-lead");
            outbox.enqueue(email, "Your request " + word, "Dear Fatoumata, about " + word + ".", "test:" + word);
        });
        long organisation = Clients.organisation("Zorgho Gold", Set.of("mining"), Set.of("ML"));
        Response invited = lead.open("/console/clients/" + organisation).post(Map.of("firstName", "Fatoumata",
                "lastName", "Diallo", "email", email, "language", "en")).post("/console/clients/" + organisation + "/people");
        assertThat(invited.statusCode()).isEqualTo(303);
        String subject = QuarkusTransaction.requiringNew().call(() -> ClientUser.byEmail(email).orElseThrow().subject);
        Clients.setPassword(keycloak, subject, "demo");
        FormSession reader = new FormSession(CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/portal", email, "demo"));
        assertThat(reader.get("/portal/briefings/2").statusCode()).isEqualTo(200);
        return new Person(email, leadId, word, subject);
    }

    private long savedView(String query) {
        return savedView("view " + UUID.randomUUID(), query);
    }

    private long savedView(String name, String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("INSERT INTO saved_view (owner, name, query, created_at) VALUES ('demo-consultant', ?1,"
                    + " ?2, NOW(6))").setParameter(1, name).setParameter(2, query).executeUpdate();
            return ((Number) entityManager.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        });
    }

    private String savedQuery(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT query FROM saved_view WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    private static Response post(String path, Map<String, ?> fields) {
        return lead.open("/console/privacy").post(fields).post(path);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private static long auditMentioning(String text) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("details like ?1", "%" + text + "%"));
    }

    @Test
    void aLeadConsultantFindsEverythingHeldAboutAnAddressAndDownloadsItAsJson() throws Exception {
        Person person = aPersonWithHistory();
        Response found = post("/console/privacy", Map.of("email", person.email()));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body().asString()).contains("What is held about " + person.email(), "1 request for interest",
                "1 mail written to them", "1 client account", "/console/leads/" + person.leadId(), "id=\"export-button\"");

        Response file = post("/console/privacy/export", Map.of("email", person.email()));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"subject-access.json\"");
        JsonPath json = file.jsonPath();
        assertThat(json.getString("email")).isEqualTo(person.email());
        assertThat(json.getList("requests")).hasSize(1);
        assertThat(json.getString("requests[0].needs")).contains(person.needsWord());
        assertThat(json.getString("requests[0].consent.textVersion")).isNotBlank();
        assertThat(json.getList("requests[0].timeline.text").toString()).contains(person.needsWord() + " visit in March");
        assertThat(json.getString("mails[0].body")).contains("Dear Fatoumata");
        assertThat(json.getString("clientAccounts[0].organisation")).startsWith("Zorgho Gold");
        assertThat(json.getList("clientAccounts[0].briefingsRead.briefing")).contains(2);

        assertThat(auditMentioning("requests=1 mails=1 accounts=1")).isPositive();
        assertThat(auditMentioning(person.email())).as("the audit log never holds the address").isZero();
        // Only lead consultants; a consultant is refused before anything is read.
        assertThat(consultant.open("/console").post(Map.of("email", person.email())).post("/console/privacy/export")
                .statusCode()).isEqualTo(403);
        Response invalid = post("/console/privacy", Map.of("email", "not an address"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body().asString()).contains("id=\"email-error\"", "value=\"not an address\"");
    }

    @Test
    void erasureAnonymisesTheRequestsDeletesMailsAndTheKeycloakAccountAndKeepsTheCounts() throws Exception {
        Person person = aPersonWithHistory();
        long readsOfBriefing = count("SELECT COUNT(*) FROM briefing_read WHERE briefing_id = ?1", 2);

        Response mismatch = post("/console/privacy/erase", Map.of("email", person.email(), "confirm", "someone@else.test"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body().asString()).contains("id=\"confirm-error\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(person.leadId()).erasedAt)).isNull();

        // Two saved inbox views search for them (by name, by address); a third searches for something else.
        String name = QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(person.leadId()).name);
        long byName = savedView("?status=new&q=" + java.net.URLEncoder.encode(name.toUpperCase(), java.nio.charset.StandardCharsets.UTF_8)
                + "&sort=oldest");
        long byAddress = savedView("?q=" + java.net.URLEncoder.encode(person.email(), java.nio.charset.StandardCharsets.UTF_8));
        long other = savedView("?status=new&q=gmail");
        long named = savedView("Call " + person.needsWord() + " back", "?status=qualified");

        Response erased = post("/console/privacy/erase", Map.of("email", person.email(), "confirm", person.email().toUpperCase()));
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body().asString()).contains("Erased: 1 requests, 1 mails and 1 client accounts; their name taken out"
                + " of 3 saved inbox views.", "Nothing is held about " + person.email());
        assertThat(savedQuery(byName)).isEqualTo("?status=new&sort=oldest");
        assertThat(savedQuery(byAddress)).isEmpty();
        assertThat(savedQuery(other)).isEqualTo("?status=new&q=gmail");
        assertThat(savedQuery(named)).isEqualTo("?status=qualified");
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT name FROM saved_view WHERE id = ?1").setParameter(1, named).getSingleResult())).isEqualTo("#" + named);

        Map<String, Object> after = QuarkusTransaction.requiringNew().call(() -> {
            Lead l = Lead.findById(person.leadId());
            return Map.of("name", l.name, "email", l.email, "needs", l.needs, "status", l.status, "sectors", Set.copyOf(l.sectors),
                    "erased", l.erasedAt != null, "texts", LeadEvent.count("leadId = ?1 and remark is not null", person.leadId()));
        });
        assertThat(after).containsEntry("name", Lead.ERASED).containsEntry("needs", "").containsEntry("status", LeadStatus.NEW)
                .containsEntry("sectors", Set.of("mining")).containsEntry("erased", true).containsEntry("texts", 0L);
        assertThat((String) after.get("email")).endsWith("@erased.invalid");
        assertThat(count("SELECT COUNT(*) FROM lead_search WHERE body LIKE ?1", "%" + FullText.fold(person.needsWord()) + "%")).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient", person.email()))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ClientUser.byEmail(person.email()))).isEmpty();
        assertThatThrownBy(() -> keycloak.realm("harmattan").users().get(person.subject()).toRepresentation())
                .isInstanceOfSatisfying(WebApplicationException.class, gone -> assertThat(gone.getResponse().getStatus())
                        .as("the Keycloak account is deleted").isEqualTo(404));
        assertThat(keycloak.realm("harmattan").users().searchByEmail(person.email(), true)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM briefing_read WHERE subject = ?1", person.subject())).isZero();
        assertThat(count("SELECT COUNT(*) FROM briefing_read WHERE briefing_id = ?1", 2)).as("reads still count")
                .isEqualTo(readsOfBriefing);

        assertThat(auditMentioning("requests=1 mails=1 accounts=1")).isPositive();
        assertThat(auditMentioning(person.email())).isZero();
        assertThat(auditMentioning(person.needsWord())).isZero();
        // An erased request takes no new personal data (a note from a page left open).
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> Lead.<Lead>findById(person.leadId())
                .annotate("Her new mobile number", "demo-lead"))).isInstanceOf(IllegalMove.class);
    }

    @Test
    void retentionAnonymisesOldProspectsKeepsClientsAndRecentOnesAndDeletesOldSpam() {
        Instant now = Instant.now();
        Instant old = now.atOffset(ZoneOffset.UTC).minusMonths(25).toInstant();
        String oldAddress = Clients.email("old");
        long oldProspect = aged(Submissions.idOf(Submissions.byApi(oldAddress)), old, "new");
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(oldAddress, "Our reply", "Dear prospect, about your mine.",
                "lead:" + oldProspect + ":reply"));
        long oldClient = aged(Submissions.idOf(Submissions.byApi(Clients.email("client"))), old, "converted");
        long recent = aged(Submissions.idOf(Submissions.byApi(Clients.email("recent"))),
                now.atOffset(ZoneOffset.UTC).minusMonths(23).toInstant(), "qualified");
        long oldSpam = aged(Submissions.idOf(Submissions.byApi(Clients.email("spam"))), now.minus(Duration.ofDays(40)), "spam");
        long newSpam = aged(Submissions.idOf(Submissions.byApi(Clients.email("fresh"))), now.minus(Duration.ofDays(10)), "spam");

        Retention.Done done = retention.apply(now);
        assertThat(done.anonymised()).isGreaterThanOrEqualTo(1);
        assertThat(done.spamDeleted()).isGreaterThanOrEqualTo(1);
        Map<Long, Lead> leads = QuarkusTransaction.requiringNew().call(() -> Map.of(oldProspect, Lead.<Lead>findById(oldProspect),
                oldClient, Lead.<Lead>findById(oldClient), recent, Lead.<Lead>findById(recent), newSpam, Lead.<Lead>findById(newSpam)));
        assertThat(leads.get(oldProspect).erasedAt).isNotNull();
        assertThat(leads.get(oldProspect).name).isEqualTo(Lead.ERASED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("topic", "lead:" + oldProspect + ":reply")))
                .as("the reply written to them goes too").isZero();
        assertThat(leads.get(oldClient).erasedAt).as("a client's request is kept").isNull();
        assertThat(leads.get(recent).erasedAt).isNull();
        assertThat(leads.get(newSpam)).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(oldSpam))).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and details like ?2",
                "privacy.retention", "anonymised=% spam-deleted=% months=24"))).isPositive();

        // Run again: nothing left to do for these.
        retention.apply(now);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and targetId = ?2",
                "lead.erased", Long.toString(oldProspect)))).isEqualTo(1);
    }

    /** The lead as if submitted at {@code at}, in {@code status}. */
    private long aged(long id, Instant at, String status) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE lead SET submitted_at = ?1, status = ?2, quarantined_at = CASE WHEN ?2 = 'spam' THEN ?1 END"
                + " WHERE id = ?3").setParameter(1, at).setParameter(2, status).setParameter(3, id).executeUpdate());
        return id;
    }
}
