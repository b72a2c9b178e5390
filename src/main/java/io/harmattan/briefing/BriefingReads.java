package io.harmattan.briefing;

import io.harmattan.persistence.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Who read which version of a briefing: one row per reader and version, counted. */
@ApplicationScoped
public class BriefingReads {

    public record Reader(String username, String organisation, int version, Instant firstReadAt, Instant lastReadAt,
            int count) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    public void record(long briefingId, int version, long organisationId, String subject, String username, Instant now) {
        entityManager.createNativeQuery("""
                INSERT INTO briefing_read (briefing_id, version_number, organisation_id, subject, username, first_read_at,
                    last_read_at, read_count)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 1)
                ON DUPLICATE KEY UPDATE last_read_at = ?6, read_count = read_count + 1
                """).setParameter(1, briefingId).setParameter(2, version).setParameter(3, organisationId)
                .setParameter(4, subject).setParameter(5, username).setParameter(6, Timestamp.from(now)).executeUpdate();
    }

    /** The highest version of each briefing this person has read. */
    @Transactional
    public java.util.Map<Long, Integer> readBy(String subject) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT briefing_id, MAX(version_number) FROM briefing_read WHERE subject = ?1 GROUP BY briefing_id",
                Object[].class).setParameter(1, subject).getResultList();
        java.util.Map<Long, Integer> read = new java.util.HashMap<>();
        rows.forEach(row -> read.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
        return read;
    }

    /** The latest 200 reads; runs in the caller's transaction (the overview page's). */
    public List<Reader> of(long briefingId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT r.username, o.name, r.version_number, r.first_read_at, r.last_read_at, r.read_count
                FROM briefing_read r JOIN client_organisation o ON o.id = r.organisation_id
                WHERE r.briefing_id = ?1 ORDER BY r.last_read_at DESC LIMIT 200
                """, Object[].class).setParameter(1, briefingId).getResultList();
        return rows.stream().map(row -> new Reader((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                SqlTime.instant(row[3]), SqlTime.instant(row[4]), ((Number) row[5]).intValue())).toList();
    }
}
