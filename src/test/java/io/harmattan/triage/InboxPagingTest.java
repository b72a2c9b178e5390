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
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        return walk(filter, InboxSearch.Reach.STANDARD);
    }

    private List<Inbox.Row> walk(InboxFilter filter, InboxSearch.Reach reach) {
        List<Inbox.Row> all = new ArrayList<>();
        InboxFilter page = filter;
        for (int guard = 0; guard < 100; guard++) {
            InboxFilter current = page;
            Inbox.Page found = QuarkusTransaction.requiringNew().call(() -> inbox.page(current, "demo-consultant", reach));
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

    /**
     * Every way of searching (from the sample alone; walking the list in order, handing over to the
     * full-text index when the walk's window is too short; the index at once) finds exactly what a
     * word-by-word reading of each lead finds:
     * every word the beginning of a word of its name, email, organisation, job title or needs,
     * whatever the case and accents.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"koudou, newest", "OUEDRAOGO, waiting", "grace laurent, fit", "bamako, newest", "bamako Due, waiting",
            "sahel-gold.test, newest", "Directeur Général, fit", "manager liptako, newest"})
    void bothWaysOfSearchingFindWhatReadingEachLeadFinds(String words, String sort) throws Exception {
        generate();
        InboxFilter search = InboxFilter.of("all", null, null, null, null, null, null, MARKER + " " + words, sort, null, false);
        List<String> wanted = InboxFilter.of("all", null, null, null, null, null, null, MARKER + " " + words, sort, null, false)
                .searchWords();
        Comparator<Lead> order = switch (sort) {
            case "waiting" -> Comparator.comparing((Lead l) -> l.submittedAt).thenComparing(l -> l.id);
            case "fit" -> Comparator.comparing((Lead l) -> l.fitScore).thenComparing(l -> l.id).reversed();
            default -> Comparator.comparing((Lead l) -> l.submittedAt).thenComparing(l -> l.id).reversed();
        };
        List<Long> expected = mine(Set.of("new", "qualified", "disqualified", "converted")).stream()
                .filter(l -> holdsAll(List.of(l.name, l.email, l.organisation, l.jobTitle, l.needs), wanted)).sorted(order)
                .map(l -> l.id).toList();
        everyWayFinds(search, expected);
    }

    /**
     * Words with a status and a country: walked newest first, the filters read lead_search's copies of
     * the lead's status and codes (V32); every way finds what the lead rows say.
     */
    @ParameterizedTest(name = "{0}, {1}, {2}")
    @CsvSource({"new, BF, koudou", "qualified, NE, Niamey", "new, ML, grace"})
    void wordsWithFiltersFindWhatTheLeadRowsSay(String status, String country, String words) throws Exception {
        generate();
        InboxFilter search = InboxFilter.of(status, country, null, null, null, null, null, MARKER + " " + words, "newest", null,
                false);
        List<String> wanted = search.searchWords();
        List<Long> expected = QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>list("reference like ?1", "G" + MARKER + "-%")
                .stream().filter(l -> l.status.code().equals(status) && l.countries.contains(country))
                .filter(l -> holdsAll(List.of(l.name, l.email, l.organisation, l.jobTitle, l.needs), wanted))
                .sorted(Comparator.comparing((Lead l) -> l.submittedAt).thenComparing(l -> l.id).reversed()).map(l -> l.id).toList());
        everyWayFinds(search, expected);
    }

    /** The standard search, the walk in order and the full-text index each find exactly {@code expected}, in order. */
    private void everyWayFinds(InboxFilter search, List<Long> expected) {
        assertThat(expected).isNotEmpty();
        assertThat(walk(search)).extracting(Inbox.Row::id).containsExactlyElementsOf(expected);
        assertThat(walk(search, new InboxSearch.Reach(5, 20, InboxSearch.Way.IN_ORDER))).extracting(Inbox.Row::id)
                .containsExactlyElementsOf(expected);
        assertThat(walk(search, new InboxSearch.Reach(5, 20, InboxSearch.Way.INDEX))).extracting(Inbox.Row::id)
                .containsExactlyElementsOf(expected);
    }

    private static boolean holdsAll(List<String> fields, List<String> wanted) {
        List<String> words = List.of(Normalizer.normalize(String.join(" ", fields), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        return wanted.stream().allMatch(w -> {
            String plain = Normalizer.normalize(w, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            return words.stream().anyMatch(word -> word.startsWith(plain));
        });
    }
}
