package io.harmattan.triage;

import static io.harmattan.triage.LeadTriageTest.fields;
import static io.harmattan.triage.LeadTriageTest.load;
import static io.harmattan.triage.LeadTriageTest.redirected;
import static io.harmattan.triage.LeadTriageTest.submit;
import static io.harmattan.triage.LeadTriageTest.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.DisqualifyReason;
import io.harmattan.lead.LeadStatus;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.FormSession.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbox's bulk actions (each lead changed as from its own page, version checked, audited) and
 * saved views (a consultant's own named filters), over HTTP.
 */
@QuarkusTest
class InboxBulkTest {

    private static final Pattern TICK = Pattern.compile("name=\"leads\" value=\"(\\d+~\\d+)\"");

    static FormSession consultant;
    static FormSession lead;

    @BeforeAll
    static void signIn() throws Exception {
        DemoSessions sessions = DemoSessions.signIn();
        consultant = sessions.consultant();
        lead = sessions.lead();
    }

    private static List<Long> three(String tag) {
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("Awa Touré", "Boubacar Cissé", "Ramatou Hama")) {
            ids.add(submit(name, word() + "@bulk.test", "Bulk " + tag, "Security audit in Niamey " + tag, List.of("energy"),
                    List.of("NE")));
        }
        return ids;
    }

    private static List<String> ticks(Page inbox) {
        List<String> ticks = new ArrayList<>();
        Matcher m = TICK.matcher(inbox.body());
        while (m.find()) {
            ticks.add(m.group(1));
        }
        return ticks;
    }

    private static Response bulk(Page inbox, List<String> leads, String tag, Object... more) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("leads", leads);
        fields.put("status", "new");
        fields.put("q", tag);
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return inbox.post(fields).post("/console/leads/bulk");
    }

    @Test
    void threeLeadsAreAssignedAtOnceEachAuditedAndBackToTheSameList() {
        String tag = word();
        List<Long> ids = three(tag);
        Page inbox = consultant.open("/console/leads?status=new&q=" + tag);
        assertThat(inbox.body()).contains("id=\"bulk\"", "form=\"bulk\"");
        List<String> ticks = ticks(inbox);
        assertThat(ticks).hasSize(3);

        Response done = bulk(inbox, ticks, tag, "bulk", "assign", "assign-to", "demo-lead");
        redirected(done);
        assertThat(done.header("Location")).endsWith("/console/leads?status=new&q=" + tag);
        for (long id : ids) {
            assertThat(load(id).assignee).isEqualTo("demo-lead");
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and targetId in ?2",
                "lead.assigned", ids.stream().map(String::valueOf).toList()))).isEqualTo(3);
        assertThat(consultant.get("/console/leads/" + ids.get(0)).body().asString()).contains("Assigned to Moussa Keita");
    }

    @Test
    void aLeadChangedMeanwhileIsNamedAndTheOthersAreStillDone() {
        String tag = word();
        List<Long> ids = three(tag);
        Page inbox = consultant.open("/console/leads?status=new&q=" + tag);
        List<String> ticks = ticks(inbox);
        // Another consultant assigns the first one after the list was loaded.
        Page other = lead.open("/console/leads/" + ids.get(0));
        redirected(other.post(fields(other, "assignee", "demo-lead")).post("/console/leads/" + ids.get(0) + "/assign"));

        Response partly = bulk(inbox, ticks, tag, "bulk", "disqualify", "why", "out-of-region");
        assertThat(partly.statusCode()).isEqualTo(200);
        assertThat(partly.body().asString()).contains("id=\"bulk-not-done\"",
                load(ids.get(0)).reference + " changed since you loaded the list");
        assertThat(load(ids.get(0)).status).isEqualTo(LeadStatus.NEW);
        assertThat(load(ids.get(1)).status).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(load(ids.get(2)).disqualifyReason).isEqualTo(DisqualifyReason.OUT_OF_REGION);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and targetId in ?2 and details = ?3",
                "lead.status", ids.stream().map(String::valueOf).toList(), "to=disqualified reason=out-of-region")))
                .as("each lead done is audited with its reason, the one refused is not").isEqualTo(2);

        // Counted by reason, for the leads received in the period (the last 90 days unless chosen).
        long outOfRegion = QuarkusTransaction.requiringNew().call(() -> io.harmattan.lead.Lead.count(
                "status = ?1 and disqualifyReason = ?2", LeadStatus.DISQUALIFIED, DisqualifyReason.OUT_OF_REGION));
        assertThat(consultant.get("/console/leads/reasons").body().asString())
                .containsPattern("<tr data-reason=\"out-of-region\"><td>Out of region</td><td class=\"number\">" + outOfRegion
                        + "</td>");
        assertThat(consultant.get("/console/leads/reasons?from=2001-01-01&to=2001-01-31").body().asString())
                .contains("No lead received from 1 January 2001 to 31 January 2001 was disqualified.");
        assertThat(consultant.get("/console/leads/reasons?from=garbage&to=2026-13-45").statusCode()).isEqualTo(200);
    }

    @Test
    void threeLeadsMarkedAsSpamGoToTheQuarantineEachAudited() {
        String tag = word();
        List<Long> ids = three(tag);
        Page inbox = consultant.open("/console/leads?status=new&q=" + tag);
        redirected(bulk(inbox, ticks(inbox), tag, "bulk", "spam"));
        for (long id : ids) {
            assertThat(load(id).status).isEqualTo(LeadStatus.SPAM);
        }
        String quarantine = consultant.get("/console/leads/quarantine?q=" + tag).body().asString();
        assertThat(ids).allSatisfy(id -> assertThat(quarantine).contains("data-id=\"" + id + "\""));
        assertThat(consultant.get("/console/leads?status=new&q=" + tag).body().asString()).doesNotContain("<tr data-id=\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and targetId in ?2 and details = ?3",
                "lead.status", ids.stream().map(String::valueOf).toList(), "to=spam"))).isEqualTo(3);
    }

    @Test
    void aBulkActionWithoutWhatItNeedsIsRefusedAndChangesNothing() {
        String tag = word();
        List<Long> ids = three(tag);
        Page inbox = consultant.open("/console/leads?status=new&q=" + tag);
        List<String> ticks = ticks(inbox);
        Response noWhy = bulk(inbox, ticks, tag, "bulk", "disqualify");
        assertThat(noWhy.statusCode()).isEqualTo(400);
        assertThat(noWhy.body().asString()).contains("id=\"inbox-error\"", "Choose why they are disqualified.");
        assertThat(bulk(inbox, List.of(), tag, "bulk", "spam").body().asString()).contains("Tick at least one lead first.");
        assertThat(bulk(inbox, ticks, tag, "bulk", "disqualify", "why", "other", "reason", " ").body().asString())
                .contains("With Other as the reason, say why in your own words.");
        assertThat(bulk(inbox, ticks, tag, "bulk", "assign").statusCode()).isEqualTo(400);
        assertThat(bulk(inbox, ticks, tag, "bulk", "assign", "assign-to", "nobody-" + tag).statusCode()).isEqualTo(400);
        assertThat(bulk(inbox, ticks, tag, "bulk", "delete-everything").statusCode()).isEqualTo(400);
        // Forged ticks are dropped, never a 500.
        assertThat(bulk(inbox, List.of("x~1", "1~y", "~"), tag, "bulk", "spam").statusCode()).isEqualTo(400);
        for (long id : ids) {
            assertThat(load(id).status).isEqualTo(LeadStatus.NEW);
            assertThat(load(id).assignee).isNull();
        }
    }

    @Test
    void aSavedViewIsTheConsultantsOwnAndOpensTheSameFilters() {
        String name = "Niger energy " + word();
        Page inbox = consultant.open("/console/leads?status=qualified&country=NE&sector=energy&sort=fit");
        Response saved = inbox.post(Map.of("name", name, "status", "qualified", "country", "NE", "sector", "energy",
                "sort", "fit")).post("/console/leads/views");
        redirected(saved);
        assertThat(saved.header("Location")).endsWith("/console/leads?status=qualified&country=NE&sector=energy&sort=fit");
        String page = consultant.get("/console/leads").body().asString();
        assertThat(page).contains("href=\"/console/leads?status=qualified&amp;country=NE&amp;sector=energy&amp;sort=fit\">"
                + name + "</a>");
        assertThat(lead.get("/console/leads").body().asString()).doesNotContain(name);

        SavedView view = QuarkusTransaction.requiringNew().call(() -> SavedView.<SavedView>find("name", name).singleResult());
        // Someone else's delete leaves it alone.
        redirected(lead.open("/console/leads").post(Map.of()).post("/console/leads/views/" + view.id + "/delete"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> SavedView.count("id", view.id))).isEqualTo(1);
        redirected(consultant.open("/console/leads").post(Map.of()).post("/console/leads/views/" + view.id + "/delete"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> SavedView.count("id", view.id))).isZero();

        // A search in another script grows long once written into the view's address: refused, never a 500.
        Response tooLong = consultant.open("/console/leads").post(Map.of("name", "Long " + word(), "status", "new",
                "q", "منجم ".repeat(40))).post("/console/leads/views");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body().asString()).contains("too long to save");

        Response unnamed = consultant.open("/console/leads").post(Map.of("name", " ", "status", "new"))
                .post("/console/leads/views");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body().asString()).contains("Give the view a name.");
    }
}
