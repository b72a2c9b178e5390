package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.lead.Lead;
import io.harmattan.persistence.FullText;
import io.harmattan.testing.Clients;
import io.harmattan.testing.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code lead_search} (V32): the folded text the app writes is what the database's own folding
 * gives, and the copies of the lead's status, assignee and codes follow the lead whatever changes it.
 */
@QuarkusTest
class LeadSearchTableTest {

    @Inject
    EntityManager entityManager;

    @Inject
    Inbox inbox;

    @Test
    void theDatabaseFoldsEveryLatinLetterAsTheAppDoes() {
        // Latin-1, Latin Extended-A and -B, Latin Extended Additional: every letter, either case.
        List<String> letters = IntStream.concat(IntStream.range(0xC0, 0x250), IntStream.range(0x1E00, 0x1F00))
                .filter(Character::isLetter).mapToObj(Character::toString).toList();
        List<String> texts = new ArrayList<>(letters);
        texts.addAll(List.of("Aïcha Traoré", "Ouédraogo à Kéniéba", "Faso ÉNERGIE", "Œuvre", "Straße", "Łódź", "Ørsted",
                "Directeur Général", "Ștefan Țepeș", "Adébáyọ̀ Ọjọ́", "Nguyễn Văn Đức", "plain ascii 123"));
        String database = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT search_fold(?1)").setParameter(1, String.join("\n", texts)).getSingleResult());
        List<String> folded = List.of(database.split("\n"));
        assertThat(folded).hasSameSizeAs(texts);
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!folded.get(i).equals(FullText.fold(texts.get(i)))) {
                differ.add(texts.get(i) + " -> " + folded.get(i) + " / " + FullText.fold(texts.get(i)));
            }
        }
        assertThat(differ).isEmpty();
        assertThat(FullText.fold("Aïcha TRAORÉ, Œuvre")).isEqualTo("aicha traore, oeuvre");
    }

    @Test
    void theSearchRowCopiesItsLeadWhateverChangesIt() {
        long id = Submissions.idOf(Submissions.byApi(Clients.email("folded"), "countries", List.of("ML"), "sectors",
                List.of("mining"), "services", List.of("training"), "needs", "Convoi vers Kéniéba pour Aïcha Traoré."));
        assertThat(row(id)).containsExactly("new", null, "ML", "mining", "training", true);
        assertThat(body(id)).contains(" kenieba pour aicha traore ");
        sql("UPDATE lead SET status = 'qualified', assignee = 'demo-consultant' WHERE id = ?1", id);
        sql("INSERT INTO lead_country (lead_id, country_code) VALUES (?1, 'NE')", id);
        sql("DELETE FROM lead_sector WHERE lead_id = ?1", id);
        sql("INSERT INTO lead_sector (lead_id, sector_code) VALUES (?1, 'energy')", id);
        assertThat(row(id)).containsExactly("qualified", "demo-consultant", "ML,NE", "energy", "training", true);
    }

    /**
     * Assigned, qualified and given a second country through the app after it came in, a lead is found
     * by its word under its new status, assignee and country, and no longer under the old ones, whichever
     * way the search goes (the sample alone, the walk in date order, the full-text index).
     */
    @Test
    void aLeadChangedThroughTheAppIsFoundUnderItsNewFiltersOnly() {
        String word = "qz" + Long.toString(System.nanoTime() % 10_000_000, 36);
        long id = Submissions.idOf(Submissions.byApi(Clients.email("refiled"), "countries", List.of("ML"), "needs",
                "Convoy planning for the " + word + " camp."));
        List<InboxSearch.Reach> ways = List.of(InboxSearch.Reach.STANDARD, new InboxSearch.Reach(5, 20, InboxSearch.Way.IN_ORDER),
                new InboxSearch.Reach(5, 20, InboxSearch.Way.INDEX));
        for (InboxSearch.Reach way : ways) {
            assertThat(found("new", "ML", InboxFilter.UNASSIGNED, word, way)).containsExactly(id);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            lead.assignTo("demo-consultant", "demo-lead");
            lead.qualify("demo-lead");
            lead.countries.add("NE");
        });
        for (InboxSearch.Reach way : ways) {
            assertThat(found("qualified", "NE", "me", word, way)).as(way.toString()).containsExactly(id);
            assertThat(found("qualified", "ML", "demo-consultant", word, way)).as(way.toString()).containsExactly(id);
            assertThat(found("new", null, null, word, way)).as(way.toString()).isEmpty();
            assertThat(found("qualified", null, InboxFilter.UNASSIGNED, word, way)).as(way.toString()).isEmpty();
            assertThat(found("qualified", "BF", null, word, way)).as(way.toString()).isEmpty();
        }
    }

    private List<Long> found(String status, String country, String assignee, String word, InboxSearch.Reach way) {
        InboxFilter filter = InboxFilter.of(status, country, null, null, assignee, null, null, word, "newest", null, false);
        return QuarkusTransaction.requiringNew().call(() -> inbox.page(filter, "demo-consultant", way)).rows().stream()
                .map(Inbox.Row::id).toList();
    }

    /** The copies, and whether the row sits where the lead's submission time puts it. */
    private List<Object> row(long id) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT s.status, s.assignee, s.country_codes, s.sector_codes, s.service_codes, s.submitted_at = l.submitted_at"
                        + " FROM lead_search s JOIN lead l ON l.id = s.lead_id WHERE s.lead_id = ?1").setParameter(1, id)
                .getSingleResult());
        List<Object> values = new ArrayList<>(Arrays.asList(row).subList(0, 5));
        values.add(((Number) row[5]).intValue() == 1);
        return values;
    }

    private String body(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT body FROM lead_search WHERE lead_id = ?1").setParameter(1, id).getSingleResult());
    }

    private void sql(String statement, Object parameter) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).setParameter(1, parameter)
                .executeUpdate());
    }
}
