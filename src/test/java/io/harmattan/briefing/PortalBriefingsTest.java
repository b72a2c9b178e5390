package io.harmattan.briefing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.FormSession;
import io.harmattan.web.Dates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * demo-client's organisation follows mining and energy in Mali and Burkina Faso. The seeds hold
 * matching briefings (1, 2, 3, 5, 6, 12), others that do not match (4, 7, 8, 9, 10, 11), a draft
 * (13) and an archived briefing (14).
 */
@QuarkusTest
class PortalBriefingsTest {

    private static String client;
    private static String consultant;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void signIn() throws Exception {
        client = FormSession.signIn("/portal", "demo-client").cookies();
        consultant = FormSession.signIn("/console", "demo-consultant").cookies();
    }

    private static io.restassured.specification.RequestSpecification as(String cookies) {
        return given().redirects().follow(false).header("Cookie", cookies);
    }

    private static List<Integer> listedIds(Response page) {
        return java.util.regex.Pattern.compile("class=\"briefing-card\" data-id=\"(\\d+)\"").matcher(page.body().asString())
                .results().map(match -> Integer.valueOf(match.group(1))).toList();
    }

    /** A page without its own address (the language switch links back to it). */
    /** The page without what differs by request anyway: its own address and the sign-out form's fresh CSRF values. */
    private static String withoutAddress(Response page) {
        return page.body().asString().replaceAll("return=[^\"]*", "return=")
                .replaceAll("name=\"(csrf-token|csrf-session)\" value=\"[^\"]*\"", "name=\"$1\"");
    }

    @Test
    void myBriefingsListsExactlyThePublishedMatchesNewestFirstWithWhy() {
        Response page = as(client).get("/portal/briefings");
        assertThat(page.statusCode()).isEqualTo(200);
        List<Integer> ids = listedIds(page);
        assertThat(ids).containsSubsequence(12, 2, 5, 1, 6, 3).doesNotContain(4, 7, 8, 9, 10, 11, 13, 14);
        assertThat(page.body().asString())
                .contains("Mining × Mali: your organisation follows this sector and country")
                .contains("TLP:RED").contains("Security risk");
    }

    @Test
    void aClientReadsABriefingInTheirLanguageAndTheReadIsRecorded() {
        long before = reads(2);
        Response page = as(client).get("/portal/briefings/2");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body().asString();
        assertThat(html).contains("Mali: gold and lithium under the 2023 mining code", "<h2>Sites to watch</h2>",
                "<strong>Loulo-Gounkoto</strong>", "id=\"export\"");
        assertThat(reads(2)).isEqualTo(before + 1);

        String french = as(client + "; lang=fr").get("/portal/briefings/2").body().asString();
        assertThat(french).contains("le lithium sous le code minier de 2023", "<h2>Sites à suivre</h2>")
                .doesNotContain("id=\"language-fallback\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "8", "11", "13", "14", "99999", "abc", "-1"})
    void anythingNotForThisClientIsTheSame404AsAMissingOne(String id) {
        Response missing = as(client).get("/portal/briefings/99999");
        Response probed = as(client).get("/portal/briefings/" + id);
        assertThat(probed.statusCode()).isEqualTo(404);
        assertThat(withoutAddress(probed)).isEqualTo(withoutAddress(missing));
        assertThat(as(client).get("/portal/briefings/" + id + "/pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void thePdfHoldsTitleRatingsSourcesAndPreparedForOnEveryPageButNeverForTlpRed() throws Exception {
        Response pdf = as(client).get("/portal/briefings/2/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("attachment; filename=\"briefing-2-v1.pdf\"");
        String today = Dates.inStyle(LocalDate.now(ZoneId.of("Africa/Bamako")), Locale.ENGLISH);
        // Kept for a person to look at, as the browser tests keep their screenshots.
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/briefing-2.pdf"), pdf.body().asByteArray());
        try (PDDocument document = Loader.loadPDF(pdf.body().asByteArray())) {
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(document);
            assertThat(text).contains("Mali: gold and lithium under the 2023 mining code", "Security risk", "Sources",
                    "TLP:GREEN", "African Security Analysis");
            assertThat(text).as("the seeded ratings, each with its word").containsPattern("Security risk\\s+4/5 high")
                    .containsPattern("Political risk\\s+5/5 critical").containsPattern("Operational risk\\s+4/5 high");
            assertThat(text).contains("published " + Dates.inStyle(LocalDate.of(2026, 10, 2), Locale.ENGLISH),
                    "next review " + Dates.inStyle(LocalDate.of(2027, 1, 15), Locale.ENGLISH));
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page %d", page)
                        .contains("Prepared for Claire Dubois, Sahel Gold Resources, " + today);
            }
        }
        try (PDDocument french = Loader.loadPDF(as(client + "; lang=fr").get("/portal/briefings/2/pdf").body().asByteArray())) {
            assertThat(new PDFTextStripper().getText(french)).contains("Préparé pour Claire Dubois, Sahel Gold Resources",
                    "Risque sécuritaire", "le lithium sous le code minier de 2023");
        }

        assertThat(as(client).get("/portal/briefings/12").statusCode()).isEqualTo(200);
        assertThat(as(client).get("/portal/briefings/12").body().asString()).doesNotContain("id=\"export\"");
        Response red = as(client).get("/portal/briefings/12/pdf");
        assertThat(red.statusCode()).isEqualTo(404);
        assertThat(withoutAddress(red)).isEqualTo(withoutAddress(as(client).get("/portal/briefings/99999/pdf")));
    }

    @Test
    void consultantsSeeWhoReadWhichVersion() {
        as(client).get("/portal/briefings/5");
        String overview = as(consultant).get("/console/briefings/5").body().asString();
        assertThat(overview).contains("id=\"readers\"", "demo-client", "Sahel Gold Resources", "v1");
    }

    @Test
    void theReadingPagesAreForClientsOnly() {
        assertThat(as(consultant).get("/portal/briefings").statusCode()).isEqualTo(403);
        assertThat(as(consultant).get("/portal/briefings/2").statusCode()).isEqualTo(403);
        assertThat(as(client).get("/console/briefings").statusCode()).isEqualTo(403);
        assertThat(as(client).get("/console/briefings/2").statusCode()).isEqualTo(403);
        assertThat(given().redirects().follow(false).get("/portal/briefings/2").statusCode()).isEqualTo(302);
    }

    @Test
    void searchFindsAFrenchWordTypedWithoutItsAccents() {
        Response found = as(client).queryParam("q", "DELESTAGES").get("/portal/briefings");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(listedIds(found)).containsExactly(3);
        assertThat(found.body().asString()).contains("id=\"search-count\"", "value=\"DELESTAGES\"");
        assertThat(listedIds(as(client).queryParam("q", "délest bamak").get("/portal/briefings"))).containsExactly(3);
    }

    @Test
    void searchNeverShowsWhatTheClientMayNotRead() {
        // Briefing 10 (Niger) holds "Kandadji"; 13 is a draft and 14 archived, both about gold.
        Response niger = as(client).queryParam("q", "Kandadji").get("/portal/briefings");
        assertThat(listedIds(niger)).isEmpty();
        assertThat(niger.body().asString()).contains("id=\"no-briefings\"");
        assertThat(listedIds(as(client).queryParam("q", "gold").get("/portal/briefings"))).contains(2, 5, 12)
                .doesNotContain(4, 7, 8, 9, 10, 11, 13, 14);
    }

    @Test
    void searchWordsUnderThreeLettersAreExplainedAndOddInputIsHarmless() {
        Response tooShort = as(client).queryParam("q", "or").get("/portal/briefings");
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(tooShort.body().asString()).contains("id=\"too-short\"");
        assertThat(listedIds(tooShort)).isEmpty();
        for (String odd : List.of("+gold -mali", "\"gold", "gold*)", "<script>alert(1)</script>", "' OR 1=1 --", "x".repeat(1000))) {
            Response page = as(client).queryParam("q", odd).get("/portal/briefings");
            assertThat(page.statusCode()).as(odd.substring(0, Math.min(40, odd.length()))).isEqualTo(200);
            assertThat(page.body().asString()).doesNotContain("<script>alert");
        }
        assertThat(listedIds(as(client).queryParam("page", "abc").get("/portal/briefings")))
                .isEqualTo(listedIds(as(client).get("/portal/briefings")));
        assertThat(listedIds(as(client).queryParam("page", "999999999999").get("/portal/briefings")))
                .isEqualTo(listedIds(as(client).get("/portal/briefings")));
    }

    private long reads(long briefingId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT COALESCE(SUM(read_count), 0) FROM briefing_read WHERE briefing_id = ?1")
                .setParameter(1, briefingId).getSingleResult()).longValue());
    }
}
