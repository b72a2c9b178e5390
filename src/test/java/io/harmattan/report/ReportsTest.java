package io.harmattan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.report.ReportData.Count;
import io.harmattan.report.ReportData.Range;
import io.harmattan.testing.Browser;
import io.harmattan.testing.Clients;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.Submissions;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every report figure against numbers worked out by hand from a known fortnight, 4 to 17 March
 * 2019 (Monday to Sunday, business hours Monday to Friday 08:00 to 17:00 UTC), which no other test
 * touches:
 *
 * <pre>
 * lead  arrived (UTC)     source  countries  sectors         services                      status        first contact      business time
 * L1    Mon 4  09:00      form    ML         mining          due-diligence                 qualified     Mon 4  11:00       2 h
 * L2    Tue 5  16:00      api     ML BF      mining energy   risk-assessment training      converted     Wed 6  10:00       1 + 2 = 3 h
 * L3    Fri 8  15:00      form    NE         finance         due-diligence                 disqualified  Mon 11 14:00       2 + 6 = 8 h
 * L4    Tue 12 08:00      form    BF         energy          training                      new           (waiting)
 * L5    Thu 14 10:00      api     ML         mining          due-diligence                 new           Fri 15 17:00       7 + 9 = 16 h
 * S1    Wed 6  12:00      spam, left out of every figure
 *
 * proposal  lead  first sent   currency  total       state
 * P1        L2    Thu 7        XOF       1,000,000   accepted
 * P2        L1    Sun 10       EUR       5,000.50    declined
 * P3        -     Fri 15       EUR       2,000       sent
 * P4        -     Sat 16       XOF       500,000     expired
 * P5        -     20 February  EUR       1,000       accepted (before the period)
 *
 * reads of briefing 2 (Sahel Gold Resources): one reader 3 times, another once, last on the 5th;
 * of briefing 5 (Niger Infrastructure Partners) one reader once on the 9th; a reading of briefing
 * 5 last on the 20th is after the period.
 * </pre>
 */
@QuarkusTest
class ReportsTest {

    private static final Range FORTNIGHT = new Range(LocalDate.of(2019, 3, 4), LocalDate.of(2019, 3, 17));
    private static FormSession consultant;
    private static boolean seeded;

    @Inject
    ReportQueries queries;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void signIn() throws Exception {
        consultant = FormSession.signIn("/console", "demo-consultant");
    }

    private synchronized void seed() {
        if (seeded) {
            return;
        }
        long l1 = lead("2019-03-04 09:00:00", "form", "qualified", "2019-03-04 11:00:00", List.of("ML"), List.of("mining"),
                List.of("due-diligence"));
        long l2 = lead("2019-03-05 16:00:00", "api", "converted", "2019-03-06 10:00:00", List.of("ML", "BF"),
                List.of("mining", "energy"), List.of("risk-assessment", "training"));
        lead("2019-03-08 15:00:00", "form", "disqualified", "2019-03-11 14:00:00", List.of("NE"), List.of("finance"),
                List.of("due-diligence"));
        lead("2019-03-12 08:00:00", "form", "new", null, List.of("BF"), List.of("energy"), List.of("training"));
        lead("2019-03-14 10:00:00", "api", "new", "2019-03-15 17:00:00", List.of("ML"), List.of("mining"),
                List.of("due-diligence"));
        lead("2019-03-06 12:00:00", "form", "spam", null, List.of("ML"), List.of("mining"), List.of("due-diligence"));
        proposal(l2, "accepted", "XOF", "1000000", "2019-03-07 09:00:00");
        proposal(l1, "declined", "EUR", "5000.50", "2019-03-10 09:00:00");
        proposal(null, "sent", "EUR", "2000", "2019-03-15 09:00:00");
        proposal(null, "expired", "XOF", "500000", "2019-03-16 09:00:00");
        proposal(null, "accepted", "EUR", "1000", "2019-02-20 09:00:00");
        String reader = "report-" + UUID.randomUUID();
        read(2, 1, reader + "-a", 3, "2019-03-05 10:00:00");
        read(2, 1, reader + "-b", 1, "2019-03-05 11:00:00");
        read(5, 2, reader + "-c", 1, "2019-03-09 10:00:00");
        read(5, 1, reader + "-a", 2, "2019-03-20 10:00:00");
        seeded = true;
    }

    private long lead(String at, String source, String status, String answered, List<String> countries, List<String> sectors,
            List<String> services) {
        long id = Submissions.idOf(Submissions.byApi(Clients.email("report"), "countries", countries, "sectors", sectors,
                "services", services, "needs", "A known request for the report test."));
        sql("UPDATE lead SET submitted_at = ?1, source = ?2, status = ?3, first_response_at = ?4 WHERE id = ?5", at, source,
                status, answered, id);
        return id;
    }

    private void proposal(Long lead, String state, String currency, String total, String sentAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO proposal (lead_id, author, created_at, latest_number, state,"
                    + " live_number) VALUES (?1, 'demo-consultant', ?2, 1, ?3, 1)").setParameter(1, lead).setParameter(2, sentAt)
                    .setParameter(3, state).executeUpdate();
            Number id = (Number) entityManager.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult();
            entityManager.createNativeQuery("INSERT INTO proposal_version (proposal_id, number, state, written_by, language,"
                    + " title, summary, currency, payment_terms, valid_until, total, sent_at, sent_by) VALUES (?1, 1, ?2,"
                    + " 'demo-consultant', 'en', 'Report test', 'Known proposal', ?3, 'On signature', '2019-06-30', ?4, ?5,"
                    + " 'demo-lead')").setParameter(1, id.longValue()).setParameter(2, state).setParameter(3, currency)
                    .setParameter(4, new BigDecimal(total)).setParameter(5, sentAt).executeUpdate();
        });
    }

    private void read(long briefing, long organisation, String subject, int times, String at) {
        sql("INSERT INTO briefing_read (briefing_id, version_number, organisation_id, subject, username, first_read_at,"
                + " last_read_at, read_count) VALUES (?1, 1, ?2, ?3, 'reader', ?4, ?4, ?5)", briefing, organisation, subject, at,
                times);
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = entityManager.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    @Test
    void leadsByWeekSourceCountrySectorAndService() {
        seed();
        ReportData.Leads leads = queries.leads(FORTNIGHT);
        assertThat(leads.total()).isEqualTo(5);
        assertThat(leads.weeks()).containsExactly(new Count("2019-03-04", 3), new Count("2019-03-11", 2));
        assertThat(leads.sources()).containsExactly(new Count("form", 3), new Count("api", 2));
        assertThat(leads.countries()).containsExactly(new Count("ML", 3), new Count("BF", 2), new Count("NE", 1));
        assertThat(leads.sectors()).containsExactly(new Count("mining", 3), new Count("energy", 2), new Count("finance", 1));
        assertThat(leads.services()).containsExactly(new Count("due-diligence", 3), new Count("training", 2),
                new Count("risk-assessment", 1));
    }

    @Test
    void eachLeadRowCopiesItsCodesWhateverWritesTheJoinTables() {
        long id = Submissions.idOf(Submissions.byApi(Clients.email("copies"), "countries", List.of("ML", "BF"), "sectors",
                List.of("mining"), "services", List.of("training", "due-diligence"), "needs", "Codes copied for the report."));
        assertThat(copies(id)).containsExactly(Set.of("BF", "ML"), Set.of("mining"), Set.of("due-diligence", "training"));
        sql("DELETE FROM lead_country WHERE lead_id = ?1 AND country_code = 'ML'", id);
        sql("INSERT INTO lead_sector (lead_id, sector_code) VALUES (?1, 'energy')", id);
        sql("DELETE FROM lead_service WHERE lead_id = ?1", id);
        assertThat(copies(id)).containsExactly(Set.of("BF"), Set.of("energy", "mining"), Set.of());
    }

    private List<Set<String>> copies(long id) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT country_codes, sector_codes, service_codes FROM lead WHERE id = ?1").setParameter(1, id).getSingleResult());
        return java.util.Arrays.stream(row).map(codes -> ((String) codes).isEmpty() ? Set.<String>of()
                : Set.of(((String) codes).split(","))).toList();
    }

    @Test
    void firstResponseInBusinessHours() {
        seed();
        ReportData.Response response = queries.response(FORTNIGHT);
        assertThat(response.answered()).isEqualTo(4);
        assertThat(response.waiting()).isEqualTo(1);
        assertThat(response.median()).isEqualTo(Duration.ofHours(3));
        assertThat(response.p90()).isEqualTo(Duration.ofHours(16));
        assertThat(response.withinWarning()).isEqualTo(2);
        assertThat(response.withinBreach()).isEqualTo(3);
    }

    @Test
    void funnelAndProposalsWon() {
        seed();
        assertThat(queries.funnel(FORTNIGHT)).isEqualTo(new ReportData.Funnel(5, 2, 2, 1));
        List<ReportData.ProposalLine> lines = queries.proposals(FORTNIGHT);
        assertThat(lines).hasSize(2);
        ReportData.ProposalLine eur = lines.get(0);
        ReportData.ProposalLine xof = lines.get(1);
        assertThat(eur.currency()).isEqualTo("EUR");
        assertThat(List.of(eur.sent(), eur.accepted(), eur.declined(), eur.expired())).containsExactly(2L, 0L, 1L, 0L);
        assertThat(eur.sentValue()).isEqualByComparingTo("7000.50");
        assertThat(eur.acceptedValue()).isEqualByComparingTo("0");
        assertThat(eur.winRate()).isEqualTo(0.0);
        assertThat(xof.currency()).isEqualTo("XOF");
        assertThat(List.of(xof.sent(), xof.accepted(), xof.declined(), xof.expired())).containsExactly(2L, 1L, 0L, 1L);
        assertThat(xof.sentValue()).isEqualByComparingTo("1500000");
        assertThat(xof.acceptedValue()).isEqualByComparingTo("1000000");
        assertThat(xof.winRate()).isEqualTo(0.5);
    }

    @Test
    void readershipPerBriefingAndOrganisation() {
        seed();
        ReportData.Readership readership = queries.readership(FORTNIGHT);
        assertThat(readership.byBriefing()).containsExactly(new ReportData.Reads("2", 2, 4), new ReportData.Reads("5", 1, 1));
        assertThat(readership.byOrganisation()).containsExactly(new ReportData.Reads("Sahel Gold Resources", 2, 4),
                new ReportData.Reads("Niger Infrastructure Partners", 1, 1));
    }

    @Test
    void thePagesShowEachFigureAsAChartAndATableInTheReadersLanguageAndAsCsv() {
        seed();
        String leads = consultant.get("/console/reports/leads?from=2019-03-04&to=2019-03-17").body().asString();
        assertThat(leads).contains("<svg class=\"chart\" id=\"chart-countries\"", "<th scope=\"row\">Mali</th><td class=\"number\">3</td>",
                "<th scope=\"row\">Web form</th><td class=\"number\">3</td>", "Week of 4 March 2019");
        String french = io.restassured.RestAssured.given().header("Cookie", consultant.cookies() + "; lang=fr")
                .get("/console/reports/response?from=2019-03-04&to=2019-03-17").body().asString();
        assertThat(french).contains("Médiane</th><td class=\"number\">3 h", "90e centile</th><td class=\"number\">16 h",
                "50\u202F%", "75\u202F%");
        String proposals = consultant.get("/console/reports/proposals?from=2019-03-04&to=2019-03-17").body().asString();
        assertThat(proposals).contains("<th scope=\"row\">XOF</th><td class=\"number\">2</td><td class=\"number\">1</td>"
                + "<td class=\"number\">0</td><td class=\"number\">1</td><td class=\"number\">50%</td>"
                + "<td class=\"number\">1,500,000</td><td class=\"number\">1,000,000</td>");
        String funnel = consultant.get("/console/reports/funnel?from=2019-03-04&to=2019-03-17").body().asString();
        assertThat(funnel).contains("Qualified</th><td class=\"number\">2</td><td class=\"number\">40%</td>",
                "Proposal accepted</th><td class=\"number\">1</td><td class=\"number\">50%</td>");

        // The first-response chart draws counts of requests only; the durations stay in its table.
        String response = consultant.get("/console/reports/response?from=2019-03-04&to=2019-03-17").body().asString();
        String chart = response.substring(response.indexOf("<svg"), response.indexOf("</svg>"));
        assertThat(chart).contains(">2 (50%)<", ">3 (75%)<").doesNotContain("Median");
        assertThat(response.substring(response.indexOf("</svg>"))).contains("Median");

        Response csv = consultant.get("/console/reports/readership.csv?from=2019-03-04&to=2019-03-17");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("report-readership-2019-03-04-2019-03-17.csv");
        assertThat(csv.body().asString()).contains("Sahel Gold Resources,2,4\r\n", "Niger Infrastructure Partners,1,1\r\n");
        // A period that makes no sense is read sensibly, never a 500, and the page says what it did instead.
        Response unreadable = consultant.get("/console/reports/leads?from=2019-13-45&to=yesterday");
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body().asString()).contains("A date could not be read, so the report uses the period below.");
        Response swapped = consultant.get("/console/reports/leads?from=2019-03-17&to=2019-03-04");
        assertThat(swapped.body().asString()).contains("the report shows them swapped", "value=\"2019-03-04\"",
                "value=\"2019-03-17\"", "From 4 March 2019 to 17 March 2019");
        assertThat(consultant.get("/console/reports/leads?from=2005-01-01&to=2019-01-01").body().asString())
                .contains("starts ten years before its last day", "value=\"2009-01-01\"");
        assertThat(consultant.get("/console/reports/leads?from=2019-03-04&to=2019-03-17").body().asString())
                .doesNotContain("period-changed");
    }

    @Test
    void aConsultantReadsTheChartsOnAPhoneInFrenchAndOnADesktop() {
        seed();
        try (Browser phone = Browser.open(TestStack.get().appUrl(), "fr", 360)) {
            phone.signIn("demo-consultant", "demo").waitForPath("/console");
            phone.clickAndWait("#reports-link");
            phone.clickAndWait("#report-leads");
            phone.go("/console/reports/leads?from=2019-03-04&to=2019-03-17");
            assertThat(phone.find("#chart-countries").isDisplayed()).isTrue();
            assertThat(phone.text("#countries-table")).contains("Mali 3");
            Browser.fullPage(phone.driver, "report-leads-fr-360.png");
        }
        try (Browser desktop = Browser.open(TestStack.get().appUrl(), "en", 1280)) {
            desktop.signIn("demo-consultant", "demo").waitForPath("/console");
            desktop.go("/console/reports/proposals?from=2019-03-04&to=2019-03-17");
            assertThat(desktop.text("#currencies-table")).contains("XOF 2 1 0 1 50% 1,500,000 1,000,000");
            Browser.fullPage(desktop.driver, "report-proposals-en-1280.png");
        }
    }
}
