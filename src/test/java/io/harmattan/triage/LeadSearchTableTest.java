package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code lead_search} (V32): the folded text the app writes is what the database's own folding
 * gives, and the copies of the lead's status, assignee and codes follow the lead whatever changes it.
 */
@QuarkusTest
class LeadSearchTableTest {

    /** Every letter V32's search_fold knows, as its character classes list them. */
    static final String FOLDED_LETTERS = "àáâãäåāăą çćĉċč ďđ èéêëēĕėęě ĝğġģ ĥħ ìíîïĩīĭįı ĵ ķ ĺļľŀł ñńņňŉ òóôõöøōŏő ŕŗř śŝşš"
            + " ţťŧ ùúûüũūŭůűų ŵ ýÿŷ źżž æ œ ß";

    @Inject
    EntityManager entityManager;

    @Test
    void theDatabaseFoldsAsTheAppDoes() {
        List<String> texts = new ArrayList<>(Arrays.asList(FOLDED_LETTERS.split(" ")));
        texts.add(FOLDED_LETTERS.replace("ß", "").replace("ı", "").replace("ŉ", "").toUpperCase(Locale.ROOT));
        texts.addAll(List.of("Aïcha Traoré", "Ouédraogo à Kéniéba", "Faso ÉNERGIE", "Œuvre", "Straße", "Łódź", "Ørsted",
                "Directeur Général", "plain ascii 123"));
        for (String text : texts) {
            String database = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                    .createNativeQuery("SELECT search_fold(?1)").setParameter(1, text).getSingleResult());
            assertThat(database).as(text).isEqualTo(FullText.fold(text));
        }
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
