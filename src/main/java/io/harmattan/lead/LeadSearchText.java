package io.harmattan.lead;

import io.harmattan.persistence.FullText;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The words the inbox's search reads for a lead (table {@code lead_search}): its name, email,
 * organisation, job title, needs and notes, folded ({@link FullText#fold}: lower case, no accents),
 * punctuation turned into single spaces, with a space at each end so that {@code LIKE '% word%'}
 * finds a word's beginning as the full-text index does. Kept in the transaction that changes any of
 * them; beside it, a copy of the lead's status, assignee and codes, which the database keeps (V32).
 */
public final class LeadSearchText {

    /** Enough for every note a lead could sensibly gather; beyond it, the oldest words stay searchable. */
    static final int MAX_CHARS = 200_000;
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private LeadSearchText() {
    }

    /** The search text of the lead as it now stands in this transaction. */
    public static void refresh(long leadId) {
        EntityManager em = Lead.getEntityManager();
        em.flush();
        Object[] lead = (Object[]) em.createNativeQuery(
                "SELECT name, email, organisation, job_title, needs FROM lead WHERE id = ?1").setParameter(1, leadId)
                .getSingleResult();
        List<String> parts = new ArrayList<>();
        for (Object field : lead) {
            parts.add((String) field);
        }
        @SuppressWarnings("unchecked")
        List<String> notes = em.createNativeQuery("SELECT remark FROM lead_event WHERE lead_id = ?1 AND kind = ?2 ORDER BY id")
                .setParameter(1, leadId).setParameter(2, LeadEvent.Kind.NOTE.code()).getResultList();
        parts.addAll(notes);
        // The row is there from the lead's insert on (V32); it copies what the inbox filters on again with the text.
        int updated = em.createNativeQuery("UPDATE lead_search s JOIN lead l ON l.id = s.lead_id SET s.body = ?2,"
                + " s.submitted_at = l.submitted_at, s.status = l.status, s.assignee = l.assignee, s.country_codes = l.country_codes,"
                + " s.sector_codes = l.sector_codes, s.service_codes = l.service_codes WHERE s.lead_id = ?1")
                .setParameter(1, leadId).setParameter(2, body(parts)).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO lead_search (submitted_at, lead_id, status, assignee, country_codes, sector_codes,"
                    + " service_codes, body) SELECT submitted_at, id, status, assignee, country_codes, sector_codes, service_codes, ?2"
                    + " FROM lead WHERE id = ?1").setParameter(1, leadId).setParameter(2, body(parts)).executeUpdate();
        }
    }

    static String body(List<String> parts) {
        String words = NOT_A_WORD.matcher(FullText.fold(String.join(" ", parts.stream().filter(Objects::nonNull).toList())))
                .replaceAll(" ").strip();
        if (words.length() > MAX_CHARS) {
            words = words.substring(0, words.lastIndexOf(' ', MAX_CHARS));
        }
        return " " + words + " ";
    }
}
