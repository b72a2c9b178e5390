package io.harmattan.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.account.ClientOrganisation;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.FormSession.Page;
import io.harmattan.testing.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Triage over HTTP against the real stack: inbox, lead page, actions, conflicts, merge, quarantine. */
@QuarkusTest
class LeadTriageTest {

    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    static FormSession consultant;
    static FormSession lead;
    static FormSession client;

    @BeforeAll
    static void signIn() throws Exception {
        DemoSessions sessions = DemoSessions.signIn();
        consultant = sessions.consultant();
        lead = sessions.lead();
        client = sessions.client();
    }

    /** A lead through the web-to-lead API; returns its id. */
    static long submit(String name, String email, String organisation, String needs, List<String> sectors,
            List<String> countries) {
        return Submissions.idOf(Submissions.byApi(email, "name", name, "organisation", organisation, "jobTitle",
                "Security manager", "sectors", sectors, "countries", countries, "services", List.of("risk-assessment"),
                "needs", needs));
    }

    static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static Lead load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Lead l = Lead.findById(id);
            l.reviewedSectors.size();
            l.reviewedCountries.size();
            return l;
        });
    }

    static Map<String, Object> fields(Page page, Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", page.find(VERSION));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    static void redirected(Response response) {
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(303);
    }

    @Test
    void inboxCountsFiltersAndSearches() {
        String tag = word();
        long mali = submit("Awa Coulibaly", tag + "@mali-gold.test", "Mali Gold " + tag, "Gold mine near Sadiola " + tag,
                List.of("mining"), List.of("ML"));
        long niger = submit("Yacouba Moussa", tag + "@niger-energy.test", "Niger Energy " + tag,
                "Power plant at Niamey " + tag, List.of("energy"), List.of("NE"));

        String inbox = consultant.get("/console/leads?q=" + tag).body().asString();
        assertThat(inbox).contains("data-id=\"" + mali + "\"", "data-id=\"" + niger + "\"");
        assertThat(inbox).containsPattern("data-status=\"new\"[^>]*>New <span class=\"count\">\\d+</span>");
        assertThat(consultant.get("/console/leads?q=" + tag + "&country=NE").body().asString())
                .contains("data-id=\"" + niger + "\"").doesNotContain("data-id=\"" + mali + "\"");
        assertThat(consultant.get("/console/leads?q=" + tag + "&sector=mining").body().asString())
                .contains("data-id=\"" + mali + "\"").doesNotContain("data-id=\"" + niger + "\"");
        // Email and organisation are searched too; other statuses do not show under "new".
        assertThat(consultant.get("/console/leads?q=niger-energy.test " + tag).body().asString())
                .contains("data-id=\"" + niger + "\"").doesNotContain("data-id=\"" + mali + "\"");
        assertThat(consultant.get("/console/leads?status=qualified&q=" + tag).body().asString()).contains("id=\"no-leads\"");
        // Nonsense parameters give the default list, never an error.
        assertThat(consultant.get("/console/leads?status=drop&country=XX&from=yesterday&after=abc&sort=evil").statusCode())
                .isEqualTo(200);
        assertThat(consultant.get("/console/leads?q=ab").body().asString()).contains("id=\"text-too-short\"");
    }

    @Test
    void countsFollowEveryStatusChange() {
        Map<String, Long> before = counts();
        long id = submit("Kadi Sawadogo", word() + "@faso-build.test", "Faso Build " + word(), "Roads in Bobo-Dioulasso",
                List.of("construction"), List.of("BF"));
        Page page = consultant.open("/console/leads/" + id);
        redirected(page.post(fields(page, "action", "spam")).post("/console/leads/" + id + "/status"));
        Map<String, Long> after = counts();
        assertThat(after.get("spam")).isEqualTo(before.get("spam") + 1);
        assertThat(after.get("new")).isEqualTo(before.get("new"));
        long real = QuarkusTransaction.requiringNew().call(() -> Lead.count("status", LeadStatus.SPAM));
        assertThat(after.get("spam")).isEqualTo(real);
    }

    private static Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> io.quarkus.arc.Arc.container().instance(Inbox.class).get().counts());
    }

    @Test
    void assignQualifyConvertWithTimelineAuditAndEmail() throws Exception {
        String tag = word();
        long id = submit("Ousmane Diarra", tag + "@sahel-mines.test", "Sahel Mines " + tag,
                "Exploration permits near Kéniéba, gold " + tag, List.of("mining"), List.of("ML"));
        Page page = consultant.open("/console/leads/" + id);
        assertThat(page.body()).contains("Sahel Mines " + tag, "id=\"fit\"", "data-part=\"sector\"", "id=\"clock\"",
                "data-sector=\"mining\"", "data-country=\"ML\"");

        redirected(page.post(fields(page, "assignee", "demo-lead")).post("/console/leads/" + id + "/assign"));
        MimeMessage mail = Eventually.until(() -> messagesTo("demo-lead@harmattan.test").stream()
                .filter(m -> subject(m).contains(load(id).reference)).findFirst().orElse(null), Objects::nonNull);
        assertThat(mail).as("email to the assignee").isNotNull();
        assertThat(load(id).assignee).isEqualTo("demo-lead");
        assertThat(load(id).firstResponseAt).as("an assignment is no answer to the prospect").isNull();

        page = consultant.open("/console/leads/" + id);
        redirected(page.post(fields(page, "action", "qualify")).post("/console/leads/" + id + "/status"));
        page = consultant.open("/console/leads/" + id);
        assertThat(page.body()).contains("id=\"convert\"");
        redirected(page.post(fields(page)).post("/console/leads/" + id + "/convert"));

        Lead converted = load(id);
        assertThat(converted.status.code()).isEqualTo("converted");
        ClientOrganisation organisation = QuarkusTransaction.requiringNew().call(() -> {
            ClientOrganisation o = ClientOrganisation.findById(converted.clientOrganisationId);
            o.sectors.size();
            o.countries.size();
            return o;
        });
        assertThat(organisation.name).isEqualTo("Sahel Mines " + tag);
        assertThat(organisation.sectors).containsExactly("mining");
        assertThat(organisation.countries).containsExactly("ML");

        String timeline = consultant.get("/console/leads/" + id).body().asString();
        assertThat(timeline).contains("data-kind=\"submitted\"", "data-kind=\"assigned\"", "data-kind=\"status\"",
                "data-kind=\"converted\"", "Assigned to Moussa Keita", "Converted: client organisation Sahel Mines " + tag);
        List<String> audited = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.forTarget("lead", id).stream().map(e -> e.action).toList());
        assertThat(audited).contains("lead.assigned", "lead.status", "lead.converted");
        // A converted lead can no longer be assigned or qualified.
        Page fresh = consultant.open("/console/leads/" + id);
        Response again = fresh.post(fields(fresh, "action", "qualify")).post("/console/leads/" + id + "/status");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(load(id).status).isEqualTo(LeadStatus.CONVERTED);
    }

    @Test
    void disqualifyingNeedsAReasonFromTheListAndAStalePageGetsTheConflictPage() {
        String tag = word();
        long id = submit("Mariam Keita", word() + "@bamako-fin.test", "Bamako Finance " + tag, "Bank partners in Bamako",
                List.of("finance"), List.of("ML"));
        Page first = consultant.open("/console/leads/" + id);
        assertThat(first.body()).contains("<option value=\"out-of-region\">Out of region</option>",
                "<option value=\"competitor\">Competitor</option>");
        Response missing = first.post(fields(first, "action", "disqualify", "reason", "Too far")).post("/console/leads/" + id + "/status");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body().asString()).contains("id=\"action-error\"", "Choose why", "value=\"Too far\"");
        Response other = first.post(fields(first, "action", "disqualify", "why", "other", "reason", "  "))
                .post("/console/leads/" + id + "/status");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body().asString()).contains("With Other as the reason", "<option value=\"other\" selected>");
        assertThat(load(id).status.code()).isEqualTo("new");

        // Another consultant assigns the lead in the meantime; the first one's page is now stale.
        Page second = lead.open("/console/leads/" + id);
        redirected(second.post(fields(second, "assignee", "demo-consultant")).post("/console/leads/" + id + "/assign"));
        Response stale = first.post(fields(first, "action", "disqualify", "why", "not-a-fit", "reason", "Out of scope <b>really</b>"))
                .post("/console/leads/" + id + "/status");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body().asString()).contains("id=\"conflict\"", "Out of scope &lt;b&gt;really&lt;/b&gt;",
                "demo-consultant");
        assertThat(load(id).status.code()).isEqualTo("new");
        assertThat(load(id).assignee).isEqualTo("demo-consultant");

        // On a fresh page: a listed reason, no words needed; the page and the timeline say which.
        Page fresh = consultant.open("/console/leads/" + id);
        redirected(fresh.post(fields(fresh, "action", "disqualify", "why", "competitor")).post("/console/leads/" + id + "/status"));
        Lead out = load(id);
        assertThat(out.status).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(out.disqualifyReason).isEqualTo(io.harmattan.lead.DisqualifyReason.COMPETITOR);
        assertThat(out.statusReason).isNull();
        assertThat(out.firstResponseAt).as("closing the lead stops its clock").isNotNull();
        assertThat(consultant.get("/console/leads/" + id).body().asString())
                .contains("data-reason=\"competitor\">Competitor</span>", "Status changed to Disqualified (Competitor)");
        assertThat(consultant.get("/console/leads/export.csv?status=disqualified&q=" + tag).body().asString())
                .contains(",Disqualified,Competitor,,Mariam Keita,");
    }

    @Test
    void correctingTagsChangesMatchingAndFitAndIsRecorded() {
        long id = submit("Paul Zongo", word() + "@gmail.com", "Zongo Trading " + word(), "General enquiry " + word(),
                List.of("telecoms"), List.of("BF"));
        int before = load(id).fitScore;
        Page page = consultant.open("/console/leads/" + id);
        redirected(page.post(fields(page, "sectors", List.of("mining", "bogus"), "countries", List.of("NE")))
                .post("/console/leads/" + id + "/tags"));
        Lead corrected = load(id);
        assertThat(corrected.reviewedSectors).containsExactly("mining");
        assertThat(corrected.reviewedCountries).containsExactly("NE");
        assertThat(corrected.tagsReviewedBy).isEqualTo("demo-consultant");
        assertThat(corrected.fitScore).isEqualTo(before + 15);
        String body = consultant.get("/console/leads/" + id).body().asString();
        assertThat(body).contains("id=\"tags-reviewed\"", "data-kind=\"tags\"");
        // Niger mining now leads the matched briefings: the first card is matched on exactly that.
        Matcher first = Pattern.compile("(?s)id=\"briefings\".*?class=\"briefing-card\"[^>]*>(.*?)</ul></li>").matcher(body);
        assertThat(first.find()).isTrue();
        assertThat(first.group(1)).contains("Mining × Niger, as declared");
        // The JSON view carries the correction too.
        given().auth().oauth2(io.harmattan.testing.Tokens.accessToken("demo-consultant"))
                .get("/api/v1/leads/" + corrected.reference).then().statusCode(200)
                .body("reviewed.sectors", org.hamcrest.Matchers.contains("mining"))
                .body("reviewed.countries", org.hamcrest.Matchers.contains("NE"))
                .body("briefings[0].countries", org.hamcrest.Matchers.hasItem("NE"));
    }

    @Test
    void mergeKeepsBothHistories() {
        String email = word() + "@repeat.test";
        long first = submit("Hawa Cissé", email, "Repeat Co " + word(), "First request", List.of("energy"), List.of("ML"));
        long second = submit("Hawa Cissé", email, "Repeat Co", "Second request", List.of("energy"), List.of("ML"));
        assertThat(load(second).duplicateOf).isEqualTo(first);

        Page page = consultant.open("/console/leads/" + first);
        assertThat(page.body()).contains("data-id=\"" + second + "\"", "same email");
        Page other = consultant.open("/console/leads/" + second);
        redirected(other.post(Map.of("text", "Spoke to her on the phone.")).post("/console/leads/" + second + "/notes"));
        assertThat(load(second).firstResponseAt).as("a note is no answer: the repeat still waits").isNull();
        redirected(page.post(fields(page, "other", second)).post("/console/leads/" + first + "/merge"));

        assertThat(load(second).status.code()).isEqualTo("merged");
        assertThat(load(second).mergedInto).isEqualTo(first);
        assertThat(load(second).firstResponseAt).as("a merged lead's clock stops: it is answered through its survivor")
                .isNotNull();
        String survivor = consultant.get("/console/leads/" + first).body().asString();
        String secondReference = load(second).reference;
        assertThat(survivor).contains("data-kind=\"merged-in\"", "Spoke to her on the phone.", secondReference);
        // The merged lead keeps its own page and story, with a link to where it went.
        String merged = consultant.get("/console/leads/" + second).body().asString();
        assertThat(merged).contains("id=\"merged-into\"", "data-kind=\"merged-into\"", "Spoke to her on the phone.");
        // Merging again, or merging a lead into itself, is refused.
        page = consultant.open("/console/leads/" + first);
        assertThat(page.post(fields(page, "other", second)).post("/console/leads/" + first + "/merge").statusCode())
                .isEqualTo(400);
        assertThat(page.post(fields(page, "other", first)).post("/console/leads/" + first + "/merge").statusCode())
                .isEqualTo(400);
    }

    @Test
    void quarantineReleaseAcknowledgesAndDeleteRemoves() throws Exception {
        String email = word() + "@held.test";
        long held = submit("Held Back", email, "Held " + word(), "Cheap offers http://a.test http://b.test http://c.test http://d.test",
                List.of("energy"), List.of("ML"));
        assertThat(load(held).status.code()).isEqualTo("spam");
        assertThat(consultant.get("/console/leads/quarantine").body().asString()).contains("data-id=\"" + held + "\"");
        assertThat(consultant.get("/console/leads?status=all").body().asString()).doesNotContain("data-id=\"" + held + "\"");
        assertThat(messagesTo(email)).isEmpty();

        // Released straight from the quarantine list, which it returns to.
        Page quarantine = consultant.open("/console/leads/quarantine");
        assertThat(quarantine.body()).contains("class=\"link release\"", "4 links in the text");
        Response released = quarantine.post(Map.of("version", load(held).version, "action", "release", "back", "quarantine"))
                .post("/console/leads/" + held + "/status");
        redirected(released);
        assertThat(released.header("Location")).endsWith("/console/leads/quarantine");
        Page page = consultant.open("/console/leads/" + held);
        assertThat(load(held).status.code()).isEqualTo("new");
        assertThat(Eventually.until(() -> messagesTo(email), list -> !list.isEmpty())).hasSize(1);

        long junk = submit("Junk", word() + "@junk.test", "Junk " + word(),
                "Buy now http://a.test http://b.test http://c.test http://d.test", List.of("energy"), List.of("ML"));
        Page junkPage = consultant.open("/console/leads/" + junk);
        // Only quarantined leads can be deleted.
        assertThat(page.post(Map.of()).post("/console/leads/" + held + "/delete").statusCode()).isEqualTo(400);
        Response deleted = junkPage.post(Map.of()).post("/console/leads/" + junk + "/delete");
        assertThat(deleted.statusCode()).isEqualTo(303);
        Object gone = QuarkusTransaction.requiringNew().call(() -> Lead.findById(junk));
        assertThat(gone).isNull();
        assertThat(consultant.get("/console/leads/" + junk).statusCode()).isEqualTo(404);
        boolean audited = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.forTarget("lead", junk).stream().anyMatch(e -> e.action.equals("lead.deleted")));
        assertThat(audited).isTrue();
    }

    private static List<MimeMessage> messagesTo(String address) {
        return io.harmattan.testing.Mailbox.to(address);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
