package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.Lead;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** The inbox and a lead's page are read into records up front: their statements do not grow with what they show. */
@QuarkusTest
class InboxStatementsTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void theInboxRunsTheSameStatementsForTwoRowsAsForFourteen() throws Exception {
        FormSession consultant = FormSession.signIn("/console", "demo-consultant");
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String page = "/console/leads?status=new&q=" + marker;
        submit(marker, 2);
        long few = statements(consultant, page, 2);
        submit(marker, 12);
        long many = statements(consultant, page, 14);
        assertThat(many).as("statements for 14 rows vs 2 rows").isEqualTo(few);
    }

    @Test
    void aLeadPageRunsTheSameStatementsWhateverItsTimelineHolds() throws Exception {
        FormSession consultant = FormSession.signIn("/console", "demo-consultant");
        long id = Submissions.idOf(Submissions.byApi("timeline+" + UUID.randomUUID() + "@example.test"));
        settled(List.of(id));
        long before = statements(consultant, "/console/leads/" + id, -1);
        for (int i = 0; i < 6; i++) {
            consultant.open("/console/leads/" + id).post(java.util.Map.of("text", "Note " + i)).post("/console/leads/" + id + "/notes");
        }
        long after = statements(consultant, "/console/leads/" + id, -1);
        assertThat(after).as("statements with 6 more notes").isEqualTo(before);
    }

    private void submit(String marker, int count) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Submissions.idOf(Submissions.byApi("inbox+" + UUID.randomUUID() + "@example.test", "organisation",
                    "Statements " + marker + " " + i)));
        }
        settled(ids);
    }

    /** Each lead's mail has gone out, so that no sender thread adds statements while a page is measured. */
    private static void settled(List<Long> ids) throws InterruptedException {
        for (long id : ids) {
            Eventually.until(() -> QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(id)),
                    lead -> lead.ackSentAt != null && lead.triageNotifiedAt != null && lead.mailClaimedUntil == null);
        }
    }

    /**
     * The prepared statements of one request for the page; the least of three tries, since a
     * background job's statements can only add to the count.
     */
    private long statements(FormSession consultant, String path, int expectedRows) {
        Statistics statistics = sessionFactory.getStatistics();
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            statistics.clear();
            String body = consultant.get(path).then().statusCode(200).extract().body().asString();
            least = Math.min(least, statistics.getPrepareStatementCount());
            if (expectedRows >= 0) {
                assertThat(body.split("<tr data-id=", -1).length - 1).as("rows on " + path).isEqualTo(expectedRows);
            }
        }
        return least;
    }
}
