package io.harmattan.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.FormSession.Page;
import io.harmattan.testing.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who reaches the triage console and its CSV export: consultants, lead consultants, clients, anonymous visitors. */
@QuarkusTest
class LeadAccessTest {

    static DemoSessions as;

    @BeforeAll
    static void signIn() throws Exception {
        as = DemoSessions.signIn();
    }

    @Test
    void csvExportNamesTheLeadAMergedOneWentIntoAndTheClientAConvertedOneBecame() {
        String tag = LeadTriageTest.word();
        long kept = Submissions.idOf(Submissions.byApi(tag + "@kept.test", "organisation", "Kept " + tag, "needs", "Kept " + tag));
        long folded = Submissions.idOf(Submissions.byApi(tag + "@folded.test", "organisation", "Folded " + tag, "needs", "Folded " + tag));
        String organisation = QuarkusTransaction.requiringNew().call(() -> {
            Lead survivor = Lead.findById(kept);
            Lead.<Lead>findById(folded).mergeInto(survivor, "demo-lead");
            survivor.qualify("demo-lead");
            return survivor.convertToNewClient("demo-lead").name;
        });
        String keptReference = LeadTriageTest.load(kept).reference;
        // "All" is every lead still in the story (not the merged nor the spam); the merged ones have their own filter.
        Map<String, List<String>> rows = new java.util.HashMap<>();
        List<String> header = List.of();
        for (String status : List.of("all", "merged")) {
            List<List<String>> table = csv(new String(as.lead().get("/console/leads/export.csv?status=" + status + "&q=" + tag)
                    .asByteArray(), StandardCharsets.UTF_8).substring(1));
            header = table.get(0);
            assertThat(table).as(status).hasSize(2);
            rows.put(table.get(1).get(0), table.get(1));
        }
        int mergedInto = header.indexOf("Merged into");
        int client = header.indexOf("Client organisation");
        assertThat(mergedInto).as("columns: " + header).isPositive();
        assertThat(client).isPositive();
        String foldedReference = LeadTriageTest.load(folded).reference;
        assertThat(rows.get(foldedReference).get(mergedInto)).isEqualTo(keptReference);
        assertThat(rows.get(foldedReference).get(2)).isEqualTo("Merged");
        assertThat(rows.get(keptReference).get(client)).isEqualTo(organisation);
        assertThat(rows.get(keptReference).get(2)).isEqualTo("Converted");
        assertThat(rows.get(keptReference).get(mergedInto)).isEmpty();
    }

    /** The rows of a CSV text (RFC 4180: quoted cells may hold commas, quotes doubled and line breaks). */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void csvExportIsUtf8WithBomGuardedAndFollowsTheRuleForViewingLeads() {
        String tag = LeadTriageTest.word();
        Submissions.idOf(Submissions.byApi(tag + "@csv.test", "name", "=HYPERLINK(\"http://evil.test\")", "organisation",
                "Société Énergie, \"Niamey\" " + tag, "jobTitle", "Security manager", "phone", "+226 70 12 34 56",
                "sectors", List.of("energy"), "countries", List.of("NE"), "services", List.of("risk-assessment"),
                "needs", "-2+3 needs\nover two lines " + tag));
        Response csv = as.lead().get("/console/leads/export.csv?q=" + tag);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"leads-");
        byte[] bytes = csv.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n", -1);
        assertThat(lines[0]).startsWith("Reference,Submitted (UTC),Status,Disqualified because,In the consultant's words,Name,Organisation");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.test\"\")\"", "\"Société Énergie, \"\"Niamey\"\" " + tag + "\"",
                "\"'-2+3 needs\nover two lines " + tag + "\"");
        // Labels rather than codes, dates a spreadsheet reads as dates, a phone number as typed.
        assertThat(lines[1]).contains(",New,", ",Niger,", ",Energy,", ",Risk assessment,", ", +226 70 12 34 56,")
                .containsPattern(",\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},").doesNotContain("'+226");
        String french = new String(given().header("Cookie", as.lead().cookies() + "; lang=fr").get("/console/leads/export.csv?q=" + tag).asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(french).contains("Référence,Reçue le (UTC),Statut", ",Nouvelle,", ",Énergie,");
        assertThat(lines).hasSize(3); // header, one lead, and the empty string after the last CRLF

        // Whoever may view the inbox may download it, and nobody else: an administrator sees no lead.
        for (var viewer : List.of(as.consultant(), as.lead())) {
            assertThat(viewer.get("/console/leads").statusCode()).isEqualTo(200);
            assertThat(viewer.get("/console/leads/export.csv").statusCode()).isEqualTo(200);
        }
        for (var other : List.of(as.admin(), as.client())) {
            assertThat(other.get("/console/leads").statusCode()).isEqualTo(403);
            assertThat(other.get("/console/leads/export.csv").statusCode()).isEqualTo(403);
        }
        assertThat(given().redirects().follow(false).get("/console/leads/export.csv").statusCode()).isEqualTo(302);
        long exports = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and actor = ?2 and details like ?3",
                "lead.exported", "demo-lead", "rows=1 %"));
        assertThat(exports).isPositive();
    }

    @Test
    void theLeadsAddressIsAnEncodedMailtoLink() {
        assertThat(as.consultant().get("/console/leads/1").body().asString())
                .contains("href=\"mailto:g.mensah%40volta-drilling.test\"");
    }

    @Test
    void clientsAndAnonymousReachNoneOfIt() {
        long id = LeadTriageTest.submit("Private Person", LeadTriageTest.word() + "@private.test", "Private " + LeadTriageTest.word(), "Needs", List.of("energy"),
                List.of("ML"));
        for (String path : List.of("/console/leads", "/console/leads/quarantine", "/console/leads/" + id)) {
            assertThat(as.client().get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(given().redirects().follow(false).get(path).statusCode()).as(path).isEqualTo(302);
        }
        // With a valid CSRF token (any page's will do), so that only the role check can refuse.
        Page form = as.client().open("/interest");
        long version = LeadTriageTest.load(id).version;
        for (String action : List.of("assign", "status", "tags", "notes", "merge", "convert", "delete", "reply", "contacts")) {
            Response response = form.post(Map.of("version", version, "action", "qualify", "text", "x", "other", id,
                    "subject", "s", "body", "b", "minutes", "5", "outcome", "o"))
                    .post("/console/leads/" + id + "/" + action);
            assertThat(response.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(LeadTriageTest.load(id).status.code()).isEqualTo("new");
        assertThat(as.consultant().get("/console/leads/999999999").statusCode()).isEqualTo(404);
    }
}
