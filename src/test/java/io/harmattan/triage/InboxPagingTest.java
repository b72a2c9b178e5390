package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.harmattan.bench.LeadGenerator;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keyset pages: walking every page gives every matching lead exactly once, in the promised order. */
@QuarkusTest
class InboxPagingTest {

    static final String MARKER = "pgx" + Long.toString(System.nanoTime() % 100_000, 36);
    static final int COUNT = 180;

    @Inject
    Inbox inbox;

    @Inject
    AgroalDataSource dataSource;

    static boolean generated;

    private void generate() throws Exception {
        if (!generated) {
            try (Connection connection = dataSource.getConnection()) {
                LeadGenerator.generate(connection, COUNT, MARKER);
            }
            generated = true;
        }
    }

    private List<Inbox.Row> walk(InboxFilter filter) {
        List<Inbox.Row> all = new ArrayList<>();
        InboxFilter page = filter;
        for (int guard = 0; guard < 100; guard++) {
            InboxFilter current = page;
            Inbox.Page found = QuarkusTransaction.requiringNew().call(() -> inbox.page(current, "demo-consultant"));
            assertThat(found.rows().size()).isLessThanOrEqualTo(Inbox.PAGE);
            all.addAll(found.rows());
            if (found.next() == null) {
                return all;
            }
            page = page.withAfter(found.next());
        }
        throw new AssertionError("no last page");
    }

    private List<Lead> mine(Set<String> statuses) {
        return QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>list("reference like ?1", "G" + MARKER + "-%").stream()
                .filter(l -> statuses.contains(l.status.code())).toList());
    }

    private static InboxFilter filter(String status, String country, String sort) {
        return InboxFilter.of(status, country, null, null, null, null, null, MARKER, sort, null, false);
    }

    @Test
    void newestFirstCoversEveryLeadOnce() throws Exception {
        generate();
        List<Inbox.Row> rows = walk(filter("all", null, "newest"));
        List<Lead> expected = new ArrayList<>(mine(Set.of("new", "qualified", "disqualified", "converted")));
        expected.sort(Comparator.comparing((Lead l) -> l.submittedAt).thenComparing(l -> l.id).reversed());
        assertThat(rows).extracting(Inbox.Row::id).containsExactlyElementsOf(expected.stream().map(l -> l.id).toList());
        assertThat(rows.size()).isGreaterThan(3 * Inbox.PAGE);
    }

    @Test
    void bestFitBreaksTiesById() throws Exception {
        generate();
        List<Inbox.Row> rows = walk(filter("new", null, "fit"));
        List<Lead> expected = new ArrayList<>(mine(Set.of("new")));
        expected.sort(Comparator.comparing((Lead l) -> l.fitScore).thenComparing(l -> l.id).reversed());
        assertThat(rows).extracting(Inbox.Row::id).containsExactlyElementsOf(expected.stream().map(l -> l.id).toList());
    }

    @Test
    void aTextSearchPagesThroughEveryMatch() throws Exception {
        generate();
        InboxFilter search = InboxFilter.of("all", null, null, null, null, null, null, MARKER + " Liptako", "newest", null,
                false);
        List<Lead> expected = new ArrayList<>(mine(Set.of("new", "qualified", "disqualified", "converted")).stream()
                .filter(l -> l.organisation.startsWith("Liptako")).toList());
        expected.sort(Comparator.comparing((Lead l) -> l.submittedAt).thenComparing(l -> l.id).reversed());
        assertThat(walk(search)).extracting(Inbox.Row::id).isNotEmpty()
                .containsExactlyElementsOf(expected.stream().map(l -> l.id).toList());
    }

    @Test
    void waitingLongestWithACountryFilter() throws Exception {
        generate();
        List<Inbox.Row> rows = walk(filter("new", "NE", "waiting"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.countries()).contains("NE"));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).submittedAt()).isAfterOrEqualTo(rows.get(i - 1).submittedAt());
        }
        long expected = QuarkusTransaction.requiringNew().call(() -> Lead.count(
                "reference like ?1 and status = ?2 and 'NE' member of countries", "G" + MARKER + "-%", LeadStatus.NEW));
        assertThat(rows).hasSize((int) expected);
    }
}
