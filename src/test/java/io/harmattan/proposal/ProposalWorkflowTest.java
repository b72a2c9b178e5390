package io.harmattan.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harmattan.testing.FormSession;
import io.harmattan.testing.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proposal workflow over HTTP, against the real database and Keycloak. */
@QuarkusTest
public class ProposalWorkflowTest {

    static FormSession consultant;
    static FormSession lead;
    static FormSession lead2;
    static FormSession client;
    static FormSession colleague;
    static ExecutorService pool;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void signIn() throws Exception {
        consultant = FormSession.signIn("/console", "demo-consultant");
        lead = FormSession.signIn("/console", "demo-lead");
        lead2 = FormSession.signIn("/console", "demo-lead2");
        client = FormSession.signIn("/portal", "demo-client");
        colleague = FormSession.signIn("/portal", "amadou.diarra");
        pool = Executors.newFixedThreadPool(20);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** A proposal for demo-client's organisation (id 1), written by {@code author}, with one line. */
    static long draftForOrganisation(FormSession author) {
        Response started = author.open("/console/clients/1").post(Map.of("organisation", "1")).post("/console/proposals/new");
        assertThat(started.statusCode()).isEqualTo(303);
        long id = Long.parseLong(started.header("Location").replaceAll(".*/proposals/(\\d+)/edit", "$1"));
        edit(author, id, "EUR", "1.5", "1234.57", LocalDate.now(ZoneOffset.UTC).plusDays(30)).then().statusCode(303);
        return id;
    }

    static Response edit(FormSession author, long id, String currency, String quantity, String price, LocalDate validUntil) {
        FormSession.Page editor = author.open("/console/proposals/" + id + "/edit");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("version", editor.find(java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")));
        form.put("title", "Security review of the Sadiola road");
        form.put("summary", "Road and camp risk assessment.");
        form.put("language", "en");
        form.put("currency", currency);
        form.put("discount", "10");
        form.put("vat", "20");
        form.put("paymentTerms", "Half on signature.");
        form.put("validUntil", validUntil.toString());
        form.put("service.0", "risk-assessment");
        form.put("countries.0", List.of("ML"));
        form.put("sectors.0", List.of("mining"));
        form.put("deliverable.0", "A written assessment of the roads between camps");
        form.put("quantity.0", quantity);
        form.put("unit.0", "day");
        form.put("price.0", price);
        return editor.post(form).post("/console/proposals/" + id + "/edit");
    }

    static Response step(FormSession who, long id, String action, Map<String, String> extra) {
        FormSession.Page page = who.open("/console/proposals/" + id);
        Map<String, Object> form = new LinkedHashMap<>(extra);
        form.put("version", page.find(java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")));
        return page.post(form).post("/console/proposals/" + id + "/" + action);
    }

    /** A sent proposal for demo-client's organisation, for the tests of other features. */
    public static long aSentProposal() throws Exception {
        signedIn();
        return sent();
    }

    /** A draft proposal for demo-client's organisation, by demo-consultant, for the tests of other features. */
    public static long aDraftProposal() throws Exception {
        signedIn();
        return draftForOrganisation(consultant);
    }

    private static void signedIn() throws Exception {
        if (consultant == null) {
            signIn();
        }
    }

    /** Drafted by the consultant, approved by demo-lead, sent. */
    static long sent() {
        long id = draftForOrganisation(consultant);
        step(consultant, id, "submit", Map.of()).then().statusCode(303);
        step(lead, id, "approve", Map.of()).then().statusCode(303);
        step(lead, id, "send", Map.of()).then().statusCode(303);
        return id;
    }

    static Response accept(FormSession who, long id, int number) {
        return accept(who.open("/portal/proposals/" + id), id, number);
    }

    /** With the CSRF token of a page that has a form (one that cannot be answered any more has none). */
    static Response accept(FormSession.Page tokens, long id, int number) {
        return tokens.post(Map.of("number", Integer.toString(number), "fullName", "Claire Dubois", "authorised", "yes"))
                .post("/portal/proposals/" + id + "/accept");
    }

    @Test
    void theAuthorOfAVersionCanNeverApproveIt() {
        long id = draftForOrganisation(lead);
        step(lead, id, "submit", Map.of()).then().statusCode(303);

        Response own = step(lead, id, "approve", Map.of());
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(own.body().asString()).contains("another lead consultant must review it");
        assertThat(step(lead, id, "changes", Map.of("comment", "mine")).statusCode()).isEqualTo(400);
        // A consultant is not a reviewer at all (the page offers no button; the POST is refused).
        FormSession.Page leads = lead2.open("/console/proposals/" + id);
        assertThat(new FormSession.Page(leads.response(), leads.csrfCookie(), leads.csrfField(), consultant.cookies())
                .post(Map.of("version", "0")).post("/console/proposals/" + id + "/approve").statusCode()).isEqualTo(403);

        assertThat(step(lead2, id, "changes", Map.of("comment", "Add a line for Burkina Faso")).statusCode()).isEqualTo(303);
        assertThat(lead.get("/console/proposals/" + id).body().asString()).contains("Changes requested: Add a line for Burkina Faso");
        step(lead, id, "submit", Map.of()).then().statusCode(303);
        assertThat(step(lead2, id, "approve", Map.of()).statusCode()).isEqualTo(303);
        assertThat(state(id)).isEqualTo(ProposalState.APPROVED);
    }

    @Test
    void editingSomeoneElsesDraftMakesItYoursToReviewNoMore() {
        long id = draftForOrganisation(consultant);
        // The lead consultant rewrites the consultant's draft, then tries to approve it.
        edit(lead, id, "EUR", "3", "999", LocalDate.now(ZoneOffset.UTC).plusDays(20)).then().statusCode(303);
        step(consultant, id, "submit", Map.of()).then().statusCode(303);
        Response own = step(lead, id, "approve", Map.of());
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(own.body().asString()).contains("another lead consultant must review it");
        assertThat(step(lead2, id, "approve", Map.of()).statusCode()).isEqualTo(303);
        // An approved version can still go back to draft with a comment (its date passed, say).
        assertThat(step(lead, id, "changes", Map.of("comment", "Move the start date")).statusCode()).isEqualTo(303);
        assertThat(state(id)).isEqualTo(ProposalState.DRAFT);
    }

    @Test
    void aDeclineLeavesARevisionInProgressToCarryOn() {
        long id = sent();
        step(consultant, id, "revise", Map.of()).then().statusCode(303);
        FormSession.Page page = client.open("/portal/proposals/" + id);
        assertThat(page.post(Map.of("number", "1", "reason", "price", "remark", "Too dear"))
                .post("/portal/proposals/" + id + "/decline").statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProposalVersion.of(id, 2).orElseThrow().state))
                .isEqualTo(ProposalState.DRAFT);
        assertThat(state(id)).isEqualTo(ProposalState.DRAFT);
        edit(consultant, id, "EUR", "1", "900", LocalDate.now(ZoneOffset.UTC).plusDays(20)).then().statusCode(303);
        // A decline without a reason is a clear 400, not an error page.
        assertThat(page.post(Map.of("number", "1")).post("/portal/proposals/" + id + "/decline").statusCode()).isEqualTo(400);
    }

    @Test
    void sendingFreezesTheVersionEvenAgainstSql() {
        long id = sent();
        ProposalVersion v = QuarkusTransaction.requiringNew().call(() -> ProposalVersion.of(id, 1).orElseThrow());
        assertThat(v.contentHash).hasSize(64).isEqualTo(QuarkusTransaction.requiringNew()
                .call(() -> ProposalVersion.of(id, 1).orElseThrow().canonicalHash()));
        // 1.5 x 1234.57 = 1851.855 -> 1851.86; less 10 % (185.19) = 1666.67; plus 20 % VAT (333.33) = 2000.00
        assertThat(v.total).isEqualByComparingTo("2000.00");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE proposal_version SET title = 'changed' WHERE id = ?1").setParameter(1, v.id)
                .executeUpdate())).hasStackTraceContaining("A sent proposal version cannot change");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE proposal_line SET unit_price = 1 WHERE version_id = ?1").setParameter(1, v.id)
                .executeUpdate())).hasStackTraceContaining("A sent proposal version cannot change");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM proposal_line WHERE version_id = ?1").setParameter(1, v.id)
                .executeUpdate())).hasStackTraceContaining("A sent proposal version cannot change");
        // The editor is closed: it sends back to the proposal's page.
        Response editor = consultant.get("/console/proposals/" + id + "/edit");
        assertThat(editor.statusCode()).isEqualTo(303);
        assertThat(editor.header("Location")).endsWith("/console/proposals/" + id);
    }

    @Test
    void twentyConcurrentAcceptsFromTwoPeopleGiveOneAcceptance() throws Exception {
        long id = sent();
        FormSession.Page mine = client.open("/portal/proposals/" + id);
        FormSession.Page theirs = colleague.open("/portal/proposals/" + id);
        List<Callable<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            FormSession.Page page = i % 2 == 0 ? mine : theirs;
            clicks.add(() -> page.post(Map.of("number", "1", "fullName", "Person " + page.cookies().hashCode(),
                    "authorised", "yes")).post("/portal/proposals/" + id + "/accept").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> click : pool.invokeAll(clicks)) {
            statuses.add(click.get());
        }
        assertThat(statuses).containsOnly(303, 409);
        assertThat(statuses.stream().filter(s -> s == 303)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Acceptance.count("proposalId", id))).isEqualTo(1);
        assertThat(state(id)).isEqualTo(ProposalState.ACCEPTED);
        String after = colleague.get("/portal/proposals/" + id).body().asString();
        assertThat(after).contains("id=\"acceptance\"").doesNotContain("id=\"accept-form\"");
    }

    @Test
    void aSupersededOrExpiredVersionRefusesAcceptance() {
        long id = sent();
        step(consultant, id, "revise", Map.of()).then().statusCode(303);
        edit(consultant, id, "EUR", "2", "1000", LocalDate.now(ZoneOffset.UTC).plusDays(20)).then().statusCode(303);
        step(consultant, id, "submit", Map.of()).then().statusCode(303);
        step(lead, id, "approve", Map.of()).then().statusCode(303);
        // Version 1 is still the client's until version 2 is sent.
        assertThat(QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).liveNumber)).isEqualTo(1);
        step(lead, id, "send", Map.of()).then().statusCode(303);

        Response stale = accept(client, id, 1);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProposalVersion.of(id, 1).orElseThrow().state))
                .isEqualTo(ProposalState.SUPERSEDED);

        long expiring = sent();
        FormSession.Page stillOpen = client.open("/portal/proposals/" + expiring);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE proposal_version SET state = 'expired' WHERE proposal_id = ?1").setParameter(1, expiring).executeUpdate());
        // The client's page still shows the form, but the server refuses.
        assertThat(accept(stillOpen, expiring, 1).statusCode()).isEqualTo(409);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Acceptance.count("proposalId", expiring))).isZero();

        assertThat(accept(client, id, 2).statusCode()).isEqualTo(303);
        // The console shows what changed between the two versions.
        String page = consultant.get("/console/proposals/" + id).body().asString();
        assertThat(page).contains("id=\"changes\"").contains("<del>- Risk assessment").contains("<ins>+ Risk assessment");
    }

    @Test
    void otherOrganisationsPeopleGetTheSame404AsForAnUnknownId() throws Exception {
        long id = sent();
        FormSession other = FormSession.signIn("/portal", "demo-client2");
        assertThat(other.get("/portal/proposals/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get("/portal/proposals/99999999").statusCode()).isEqualTo(404);
        assertThat(other.get("/portal/proposals").body().asString()).doesNotContain("data-id=\"" + id + "\"");
        assertThat(client.get("/portal/proposals").body().asString()).contains("data-id=\"" + id + "\"");
        // A draft is never shown to the client.
        long draft = draftForOrganisation(consultant);
        assertThat(client.get("/portal/proposals/" + draft).statusCode()).isEqualTo(404);
    }

    @Test
    void aProposalFromALeadIsPrefilledAndShowsWhatIsNotCovered() {
        long leadId = Submissions.idOf(Submissions.byApi("kadi." + System.nanoTime() + "@cover.test", "name", "Kadi Ouattara",
                "organisation", "Faso Routes " + System.nanoTime(), "sectors", List.of("construction"), "countries",
                List.of("BF", "ML"), "services", List.of("risk-assessment", "travel-security"), "needs",
                "Roads near Bobo-Dioulasso and travel to Bamako."));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE lead SET status = 'qualified' WHERE id = ?1").setParameter(1, leadId).executeUpdate());
        Response started = consultant.open("/console/leads/" + leadId).post(Map.of("lead", Long.toString(leadId)))
                .post("/console/proposals/new");
        assertThat(started.statusCode()).isEqualTo(303);
        String editor = consultant.get(started.header("Location")).body().asString();
        assertThat(editor).contains("Roads near Bobo-Dioulasso").contains("value=\"risk-assessment\" selected")
                .contains("value=\"travel-security\" selected");
        assertThat(editor).doesNotContain("not covered");
        long id = Long.parseLong(started.header("Location").replaceAll(".*/proposals/(\\d+)/edit", "$1"));
        // Keep only risk assessment for Mali: travel security and Burkina Faso are then missing.
        edit(consultant, id, "XOF", "3", "250000", LocalDate.now(ZoneOffset.UTC).plusDays(30)).then().statusCode(303);
        assertThat(consultant.get("/console/proposals/" + id).body().asString())
                .contains("Risk assessment · Burkina Faso: not covered").contains("Travel security · Mali: not covered")
                .contains("750,000\u00A0FCFA").contains("810,000\u00A0FCFA");
        assertThat(consultant.get("/console/leads/" + leadId).body().asString()).contains("id=\"lead-proposals\"")
                .contains("href=\"/console/proposals/" + id + "\"");
    }

    @Test
    void badEditorInputComesBackWithItsErrorsAndNothingIsSaved() {
        long id = draftForOrganisation(consultant);
        Response bad = edit(consultant, id, "XOF", "-3", "12.5", LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("Out of range").contains("FCFA has no cents").contains("This date has passed")
                .contains("value=\"-3\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProposalVersion.of(id, 1).orElseThrow().currency))
                .isEqualTo(Currency.EUR);
    }

    @Test
    void theListFiltersAndSumsThePipelineAndTheLeadPageListsItsProposals() {
        long id = sent();
        String reference = QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).reference);
        String all = consultant.get("/console/proposals").body().asString();
        assertThat(all).contains("data-id=\"" + id + "\"").contains("id=\"pipeline\"").contains("data-state=\"sent\"");
        assertThat(consultant.get("/console/proposals?state=sent&country=ML&sector=mining&client=Sahel&author=demo-consultant")
                .body().asString()).contains("data-id=\"" + id + "\"");
        assertThat(consultant.get("/console/proposals?country=NE").body().asString()).doesNotContain("data-id=\"" + id + "\"");
        assertThat(consultant.get("/console/proposals?state=draft").body().asString()).doesNotContain("data-id=\"" + id + "\"");
        // 30 days of validity: not expiring within 7.
        assertThat(consultant.get("/console/proposals?expiring=yes").body().asString())
                .doesNotContain("data-id=\"" + id + "\"");
        assertThat(reference).startsWith("PRO-");
    }

    @Test
    void aStaleDraftEditIsRefusedWithATypedInputKept() {
        long id = draftForOrganisation(consultant);
        FormSession.Page mine = consultant.open("/console/proposals/" + id + "/edit");
        FormSession.Page theirs = lead.open("/console/proposals/" + id + "/edit");
        String version = mine.find(java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\""));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("version", version);
        form.put("title", "Mine");
        form.put("language", "en");
        form.put("currency", "EUR");
        form.put("paymentTerms", "");
        form.put("validUntil", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString());
        form.put("service.0", "training");
        form.put("deliverable.0", "Two sessions");
        form.put("quantity.0", "2");
        form.put("unit.0", "session");
        form.put("price.0", "900");
        assertThat(mine.post(form).post("/console/proposals/" + id + "/edit").statusCode()).isEqualTo(303);
        form.put("title", "Theirs, typed on a stale page");
        Response stale = theirs.post(form).post("/console/proposals/" + id + "/edit");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body().asString()).contains("id=\"conflict\"").contains("value=\"Theirs, typed on a stale page\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProposalVersion.of(id, 1).orElseThrow().title)).isEqualTo("Mine");
    }

    private static ProposalState state(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).state);
    }
}
