package io.harmattan.briefing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harmattan.testing.FormSession;
import io.harmattan.testing.FormSession.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consultant's side: write, publish, version, compare, archive; conflicts; frozen versions. */
@QuarkusTest
class BriefingAuthoringTest {

    private static final Pattern LOCK = Pattern.compile("name=\"lock\" value=\"(\\d*)\"");

    private static String consultant;
    private static String client;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void signIn() throws Exception {
        consultant = FormSession.signIn("/console", "demo-consultant").cookies();
        client = FormSession.signIn("/portal", "demo-client").cookies();
    }

    private static Page open(String path) {
        return new FormSession(consultant).open(path);
    }

    private static RequestSpecification post(Page page, Map<String, ?> fields) {
        return page.post(fields);
    }

    private static Map<String, Object> briefing(String title, String body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("titleEn", title);
        fields.put("summaryEn", "Summary of " + title);
        fields.put("bodyEn", body);
        fields.put("titleFr", "Titre " + title);
        fields.put("summaryFr", "Résumé");
        fields.put("bodyFr", "Corps <script>alert(1)</script>");
        fields.put("countries", java.util.List.of("BF"));
        fields.put("sectors", java.util.List.of("energy"));
        fields.put("securityRisk", "4");
        fields.put("politicalRisk", "3");
        fields.put("operationalRisk", "2");
        fields.put("tlp", "AMBER");
        fields.put("reviewDate", "2027-05-01");
        fields.put("sources", "Source one\nSource two");
        return fields;
    }

    /** A briefing on mining in Mali, which demo-client's organisation follows; {@code lock} when editing. */
    private static Map<String, Object> inMali(String title, String body) {
        Map<String, Object> fields = briefing(title, body);
        fields.put("countries", java.util.List.of("ML"));
        fields.put("sectors", java.util.List.of("mining"));
        return fields;
    }

    /** Publishes the briefing's draft as the console's button does ({@code confirm}: a language is missing or older). */
    private static Response publish(long id, boolean confirm) {
        Page overview = open("/console/briefings/" + id);
        return post(overview, confirm ? Map.of("lock", overview.find(LOCK), "confirm", "yes") : Map.of("lock", overview.find(LOCK)))
                .post("/console/briefings/" + id + "/publish");
    }

    private static long idFrom(Response redirect) {
        assertThat(redirect.statusCode()).isEqualTo(303);
        String location = redirect.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void draftPublishVersionTwoCompareAndArchive() {
        String title = "Burkina Faso: grid test " + System.nanoTime();
        long id = idFrom(post(open("/console/briefings/new"), briefing(title, "Line one\nLine two")).post("/console/briefings"));

        // A draft: consultants see it, the client does not.
        Page overview = open("/console/briefings/" + id);
        assertThat(overview.response().body().asString()).contains(title, "id=\"publish\"");
        assertThat(given().header("Cookie", client).redirects().follow(false).get("/portal/briefings/" + id).statusCode())
                .isEqualTo(404);

        assertThat(post(overview, Map.of("lock", overview.find(LOCK))).post("/console/briefings/" + id + "/publish")
                .statusCode()).isEqualTo(303);
        String read = given().header("Cookie", client).get("/portal/briefings/" + id).body().asString();
        assertThat(read).contains(title, "Line one", "TLP:AMBER");

        // Editing the published briefing starts version 2; clients keep reading version 1 until it is published.
        Page editor = open("/console/briefings/" + id + "/edit");
        Map<String, Object> changed = briefing(title + " (updated)", "Line one\nLine 2, corrected");
        changed.put("lock", editor.find(LOCK));
        assertThat(post(editor, changed).post("/console/briefings/" + id + "/edit").statusCode()).isEqualTo(303);
        assertThat(given().header("Cookie", client).get("/portal/briefings/" + id).body().asString())
                .doesNotContain("(updated)");
        overview = open("/console/briefings/" + id);
        assertThat(overview.response().body().asString()).contains("draft: version 2");
        post(overview, Map.of("lock", overview.find(LOCK))).post("/console/briefings/" + id + "/publish");
        assertThat(given().header("Cookie", client).get("/portal/briefings/" + id).body().asString())
                .contains("(updated)", "Line 2, corrected", "version 2");

        String compare = given().header("Cookie", consultant).get("/console/briefings/" + id + "/compare?from=1&to=2")
                .body().asString();
        assertThat(compare).contains("<del>- Line two</del>", "<ins>+ Line 2, corrected</ins>", "data-field=\"titleEn\"");
        // Labels, dates and markings as a reader reads them, never codes or "null".
        assertThat(compare).contains("<td>Burkina Faso</td>", "<td>TLP:AMBER</td>")
                .doesNotContain(">BF<", ">null<", ">energy<", ">2027-05-01<");
        assertThat(given().header("Cookie", consultant).get("/console/briefings/" + id + "/versions/1?in=fr").body()
                .asString()).contains("Titre " + title, "Corps &lt;script&gt;").doesNotContain("<script>alert");

        overview = open("/console/briefings/" + id);
        post(overview, Map.of("lock", overview.find(LOCK))).post("/console/briefings/" + id + "/archive");
        assertThat(given().header("Cookie", client).get("/portal/briefings/" + id).statusCode()).isEqualTo(404);
        assertThat(audit(id)).containsExactly("briefing.created", "briefing.published", "briefing.saved",
                "briefing.published", "briefing.archived");
    }

    /** Consultants search the version they work on; clients the version they read, once published. */
    @Test
    void searchFollowsTheTextEachSideReads() {
        String first = "firstzq" + Long.toString(System.nanoTime(), 36);
        String second = "secondzq" + Long.toString(System.nanoTime(), 36);
        long id = idFrom(post(open("/console/briefings/new"), briefing("Burkina Faso: search test", "Notes on " + first))
                .post("/console/briefings"));
        String row = "data-id=\"" + id + "\"";
        assertThat(consoleSearch(first)).contains(row);
        assertThat(portalSearch(first)).doesNotContain(row);

        Page overview = open("/console/briefings/" + id);
        post(overview, Map.of("lock", overview.find(LOCK))).post("/console/briefings/" + id + "/publish");
        assertThat(portalSearch(first.toUpperCase())).contains(row);

        Page editor = open("/console/briefings/" + id + "/edit");
        Map<String, Object> changed = briefing("Burkina Faso: search test", "Notes on " + second);
        changed.put("lock", editor.find(LOCK));
        post(editor, changed).post("/console/briefings/" + id + "/edit");
        assertThat(consoleSearch(second)).contains(row);
        assertThat(consoleSearch(first)).doesNotContain(row);
        assertThat(portalSearch(second)).doesNotContain(row);
        assertThat(portalSearch(first)).contains(row);
        assertThat(consoleSearch("Titre " + second.substring(0, 12))).contains(row).contains("id=\"search-count\"");
    }

    private static String consoleSearch(String q) {
        Response list = given().header("Cookie", consultant).queryParam("q", q).get("/console/briefings");
        assertThat(list.statusCode()).isEqualTo(200);
        return list.body().asString();
    }

    private static String portalSearch(String q) {
        Response list = given().header("Cookie", client).queryParam("q", q).get("/portal/briefings");
        assertThat(list.statusCode()).isEqualTo(200);
        return list.body().asString();
    }

    @Test
    void statusAndMarkingAreStoredAsTheCodesTheColumnsAlwaysHeld() {
        long id = idFrom(post(open("/console/briefings/new"), briefing("Stored codes", "Body")).post("/console/briefings"));
        assertThat(column("SELECT status FROM briefing WHERE id = ?1", id)).isEqualTo("draft");
        assertThat(column("SELECT tlp FROM briefing_version WHERE briefing_id = ?1", id)).isEqualTo("AMBER");
        Page overview = open("/console/briefings/" + id);
        post(overview, Map.of("lock", overview.find(LOCK))).post("/console/briefings/" + id + "/publish");
        assertThat(column("SELECT status FROM briefing WHERE id = ?1", id)).isEqualTo("published");
    }

    @Test
    void theSecondOfTwoEditorsGetsAConflictAndKeepsTheirText() {
        long id = idFrom(post(open("/console/briefings/new"), briefing("Conflict test", "Body")).post("/console/briefings"));
        Page first = open("/console/briefings/" + id + "/edit");
        Page second = open("/console/briefings/" + id + "/edit");
        Map<String, Object> mine = briefing("Conflict test, first", "First body");
        mine.put("lock", first.find(LOCK));
        assertThat(post(first, mine).post("/console/briefings/" + id + "/edit").statusCode()).isEqualTo(303);

        Map<String, Object> theirs = briefing("Conflict test, second", "Second body that must not be lost");
        theirs.put("lock", second.find(LOCK));
        Response conflict = post(second, theirs).post("/console/briefings/" + id + "/edit");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body().asString()).contains("id=\"conflict\"", "Second body that must not be lost");
        assertThat(given().header("Cookie", consultant).get("/console/briefings/" + id).body().asString())
                .contains("Conflict test, first");
    }

    @Test
    void invalidInputKeepsWhatWasTypedAndSavesNothing() {
        long before = count();
        Map<String, Object> fields = briefing("", "Only a body");
        fields.put("countries", java.util.List.of());
        fields.put("securityRisk", "9");
        fields.put("tlp", "PURPLE");
        Response response = post(open("/console/briefings/new"), fields).post("/console/briefings");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().asString()).contains("Only a body", "Choose at least one country.",
                "Choose a rating from 1 to 5.", "Choose a TLP marking.", "id=\"form-errors\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aConsultantReadingInFrenchGetsTheFieldErrorsInFrench() {
        Page page = new FormSession(consultant + "; lang=fr").open("/console/briefings/new");
        Map<String, Object> fields = briefing("", "Seulement un corps");
        fields.put("countries", java.util.List.of());
        fields.put("securityRisk", "9");
        Response response = post(page, fields).header("Accept-Language", "en").post("/console/briefings");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().asString()).contains("Choisissez au moins un pays.", "Choisissez une note de 1 à 5.")
                .doesNotContain("Choose at least one country.");
    }

    @Test
    void aClientWithAValidCsrfTokenIsStillRefusedEveryAuthoringAction() {
        // The token comes from a page the client may open, so that only the role check can refuse.
        Page form = new FormSession(client).open("/interest");
        long before = count();
        assertThat(form.post(briefing("Client draft", "Body")).post("/console/briefings").statusCode()).isEqualTo(403);
        for (String action : List.of("edit", "publish", "archive")) {
            assertThat(form.post(Map.of("version", "0")).post("/console/briefings/2/" + action).statusCode()).as(action)
                    .isEqualTo(403);
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void withoutTheCsrfTokenNothingIsSaved() {
        long before = count();
        Response response = given().redirects().follow(false).header("Cookie", consultant)
                .contentType("application/x-www-form-urlencoded").formParams(briefing("No token", "Body"))
                .post("/console/briefings");
        assertThat(response.statusCode()).isIn(400, 403);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPublishedVersionIsFrozenInTheDatabaseItself() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE briefing_version SET title_en = 'tampered' WHERE briefing_id = 2").executeUpdate()))
                .hasStackTraceContaining("A published briefing version cannot change");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM briefing_version_country WHERE version_id = (SELECT id FROM briefing_version"
                        + " WHERE briefing_id = 2 AND number = 1)").executeUpdate()))
                .hasStackTraceContaining("A published briefing version cannot change");
    }

    @Test
    void consoleFlagsAMissingOrOlderLanguage() {
        Map<String, Object> fields = briefing("English only", "Body");
        fields.put("titleFr", "");
        fields.put("summaryFr", "");
        fields.put("bodyFr", "");
        long id = idFrom(post(open("/console/briefings/new"), fields).post("/console/briefings"));
        assertThat(given().header("Cookie", consultant).get("/console/briefings/" + id).body().asString())
                .contains("id=\"language-flag\"", "The French text is missing.");
    }

    @Test
    void aClientReadingInFrenchGetsTheEnglishTextWithANoticeWhenFrenchIsMissing() {
        Map<String, Object> fields = briefing("Mali: English-only note " + System.nanoTime(), "Only in English");
        fields.put("titleFr", "");
        fields.put("summaryFr", "");
        fields.put("bodyFr", "");
        fields.put("countries", java.util.List.of("ML"));
        fields.put("sectors", java.util.List.of("mining"));
        long id = idFrom(post(open("/console/briefings/new"), fields).post("/console/briefings"));
        Page overview = open("/console/briefings/" + id);
        // One language missing: publishing needs the author's word for it.
        Response unconfirmed = post(overview, Map.of("lock", overview.find(LOCK))).post("/console/briefings/" + id + "/publish");
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(unconfirmed.body().asString()).contains("id=\"step-error\"", "Tick the box", "Publish without the French text");
        assertThat(post(overview, Map.of("lock", overview.find(LOCK), "confirm", "yes")).post("/console/briefings/" + id
                + "/publish").statusCode()).isEqualTo(303);
        String french = given().header("Cookie", client + "; lang=fr").get("/portal/briefings/" + id).body().asString();
        assertThat(french).contains("id=\"language-fallback\"", "pas encore disponible en français", "Only in English",
                "<article class=\"briefing\" lang=\"en\">");
    }

    @Test
    void aReaderOfTheOlderLanguageIsToldTheOtherWasUpdatedSince() {
        String title = "Mali: bilingual note " + System.nanoTime();
        long id = idFrom(post(open("/console/briefings/new"), inMali(title, "First English text")).post("/console/briefings"));
        assertThat(publish(id, false).statusCode()).as("both languages written together: nothing to confirm").isEqualTo(303);
        String before = given().header("Cookie", client + "; lang=fr").get("/portal/briefings/" + id).body().asString();
        assertThat(before).doesNotContain("id=\"language-stale\"");

        // An incident added to the English only; the French was last touched an hour before (as if written earlier).
        Page editor = open("/console/briefings/" + id + "/edit");
        Map<String, Object> changed = inMali(title, "First English text\n\nNew incident near Sadiola.");
        changed.put("lock", editor.find(LOCK));
        assertThat(post(editor, changed).post("/console/briefings/" + id + "/edit").statusCode()).isEqualTo(303);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("UPDATE briefing_version SET fr_updated_at"
                + " = fr_updated_at - INTERVAL 1 HOUR WHERE briefing_id = ?1 AND published_at IS NULL").setParameter(1, id)
                .executeUpdate());
        // The French is now older than the English: publishing needs the author's word for it.
        Response unconfirmed = publish(id, false);
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(unconfirmed.body().asString()).contains("id=\"step-error\"", "older than the other",
                "Publish with the French text older than the other");
        assertThat(publish(id, true).statusCode()).isEqualTo(303);

        String french = given().header("Cookie", client + "; lang=fr").get("/portal/briefings/" + id).body().asString();
        assertThat(french).contains("id=\"language-stale\"", "La version anglaise a été mise à jour le");
        String english = given().header("Cookie", client + "; lang=en").get("/portal/briefings/" + id).body().asString();
        assertThat(english).doesNotContain("id=\"language-stale\"").contains("New incident near Sadiola.");
    }

    @Test
    void aClientSeesWhatIsNewAndWhatChangedSinceTheyRead() {
        String title = "Mali: reread test " + System.nanoTime();
        Map<String, Object> first = inMali(title, "Line one\nLine two");
        first.put("bodyFr", "Ligne un\nLigne deux");
        long id = idFrom(post(open("/console/briefings/new"), first).post("/console/briefings"));
        assertThat(publish(id, false).statusCode()).isEqualTo(303);
        String card = "data-id=\"" + id + "\"";

        String list = given().header("Cookie", client).get("/portal/briefings").body().asString();
        assertThat(list.substring(list.indexOf(card))).startsWith(card).contains("data-read=\"new\"");
        String firstRead = given().header("Cookie", client).get("/portal/briefings/" + id).body().asString();
        assertThat(firstRead).doesNotContain("id=\"since-read\"");
        list = given().header("Cookie", client).get("/portal/briefings").body().asString();
        String mine = list.substring(list.indexOf(card), list.indexOf("</h2>", list.indexOf(card)));
        assertThat(mine).doesNotContain("data-read=");

        Page editor = open("/console/briefings/" + id + "/edit");
        Map<String, Object> changed = inMali(title, "Line one\nLine 2, corrected");
        changed.put("bodyFr", "Ligne un\nLigne 2, corrigée");
        changed.put("securityRisk", "2");
        changed.put("lock", editor.find(LOCK));
        post(editor, changed).post("/console/briefings/" + id + "/edit");
        assertThat(publish(id, true).statusCode()).isEqualTo(303);

        list = given().header("Cookie", client).get("/portal/briefings").body().asString();
        mine = list.substring(list.indexOf(card), list.indexOf("</h2>", list.indexOf(card)));
        assertThat(mine).contains("data-read=\"updated\"", "Updated since you read it");
        // In French first: the same changes, the French lines. That read is then forgotten, to read it in English.
        String secondFr = given().header("Cookie", client + "; lang=fr").get("/portal/briefings/" + id).body().asString();
        assertThat(secondFr).contains("id=\"since-read\"", "Ce qui a changé depuis votre lecture de la version 1",
                "4/5 → 2/5", "<del>- Ligne deux</del>", "<ins>+ Ligne 2, corrigée</ins>").doesNotContain("Line 2, corrected");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM briefing_read WHERE briefing_id = ?1 AND version_number = 2").setParameter(1, id).executeUpdate());
        String second = given().header("Cookie", client).get("/portal/briefings/" + id).body().asString();
        assertThat(second).contains("id=\"since-read\"", "What changed since you read version 1", "4/5 → 2/5",
                "<del>- Line two</del>", "<ins>+ Line 2, corrected</ins>");
        // Read now: the next visit has nothing new to say.
        assertThat(given().header("Cookie", client).get("/portal/briefings/" + id).body().asString())
                .doesNotContain("id=\"since-read\"");
    }

    @Test
    void theMatchExplorerShowsTagsEvidenceAndRankedBriefings() {
        Response page = post(open("/console/match"), Map.of("text", "Centrale solaire près de Tillabéri; convoys from Niamey",
                "sectors", java.util.List.of("construction"))).post("/console/match");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body().asString();
        assertThat(html).contains("data-sector=\"energy\"", "‘Centrale solaire’", "data-sector=\"construction\"",
                "data-country=\"NE\"", "‘Tillabéri’", "Tillabéri (Niger)", "data-id=\"9\"", "data-id=\"10\"");
        // Declared construction (1.0) beats inferred energy (0.7) in the same country.
        assertThat(html.indexOf("data-id=\"10\"")).isLessThan(html.indexOf("data-id=\"9\""));
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> Briefing.count());
    }

    private String column(String sql, long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(sql, String.class)
                .setParameter(1, id).getSingleResult());
    }

    private java.util.List<String> audit(long id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT action FROM audit_event WHERE target_type = 'briefing' AND target_id = ?1 ORDER BY id", String.class)
                .setParameter(1, Long.toString(id)).getResultList());
    }
}
