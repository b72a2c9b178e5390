package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.FormSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The console's briefing list loads its rows in a fixed number of SQL statements: adding briefings
 * adds rows to the page, never statements (no query per row, none while rendering).
 */
@QuarkusTest
class BriefingListStatementsTest {

    private static final Pattern ROW = Pattern.compile("<tr data-id=\"\\d+\"");
    /** Each measure is taken several times and the least kept: a background job may query meanwhile. */
    private static final int TRIES = 3;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Briefings briefings;

    @Test
    void theBriefingListRunsAsManyStatementsForFiveMoreBriefings() throws Exception {
        FormSession consultant = FormSession.signIn("/console", "demo-consultant");
        Statistics statistics = sessionFactory.getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        page(consultant);
        Measure before = measure(consultant, statistics);

        for (int i = 0; i < 5; i++) {
            briefings.create(draft("Statement count " + i + " " + System.nanoTime()), "statements-test", Instant.now());
        }
        Measure after = measure(consultant, statistics);

        assertThat(after.rows()).as("rows listed").isEqualTo(before.rows() + 5);
        assertThat(after.statements()).as("SQL statements for %d rows, then %d", before.rows(), after.rows())
                .isEqualTo(before.statements());
    }

    private record Measure(long statements, long rows) {
    }

    private static Measure measure(FormSession consultant, Statistics statistics) {
        long least = Long.MAX_VALUE;
        long rows = 0;
        for (int i = 0; i < TRIES; i++) {
            statistics.clear();
            Response page = page(consultant);
            least = Math.min(least, statistics.getPrepareStatementCount());
            rows = ROW.matcher(page.body().asString()).results().count();
        }
        return new Measure(least, rows);
    }

    private static Response page(FormSession consultant) {
        Response page = consultant.get("/console/briefings");
        assertThat(page.statusCode()).isEqualTo(200);
        return page;
    }

    private static BriefingForm draft(String title) {
        BriefingForm form = BriefingForm.empty();
        form.titleEn = title;
        form.summaryEn = "Summary";
        form.bodyEn = "Body";
        form.countries = List.of("ML");
        form.sectors = List.of("mining");
        form.securityRisk = "3";
        form.politicalRisk = "2";
        form.operationalRisk = "4";
        return form;
    }
}
