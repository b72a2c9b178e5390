package io.harmattan.triage;

import io.harmattan.lead.LeadStatus;
import io.harmattan.persistence.FullText;
import io.harmattan.persistence.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox's queries. A page is read with a key ("after this row") rather than an offset, so
 * the hundredth page costs what the first does; each order has an index that yields rows in
 * that order (status first), and the country, sector and service filters probe the join
 * tables' primary keys for the rows read. Counts per status come from a table the database keeps.
 */
@ApplicationScoped
public class Inbox {

    public static final int PAGE = 25;

    /** One line of the inbox. */
    public record Row(long id, String reference, String status, String name, String organisation, String email,
            Instant submittedAt, int fitScore, String assignee, Instant firstResponseAt, boolean duplicate,
            List<String> countries, List<String> sectors, long version, String spamReason, Integer spamValue) {
    }

    /** How many leads were disqualified for one reason. */
    public record ReasonCount(String reason, long count) {
    }

    /** Leads received from {@code from} to {@code to} (inclusive) and disqualified, counted by reason, most first. */
    public List<ReasonCount> disqualifiedByReason(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT COALESCE(disqualify_reason, 'other'), COUNT(*)"
                + " FROM lead WHERE status = 'disqualified' AND submitted_at >= ?1 AND submitted_at < ?2"
                + " GROUP BY COALESCE(disqualify_reason, 'other') ORDER BY COUNT(*) DESC, 1")
                .setParameter(1, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .setParameter(2, Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))).getResultList();
        return rows.stream().map(r -> new ReasonCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /** A page: its rows and the position of the next one (null on the last page). */
    public record Page(List<Row> rows, String next) {
    }

    @Inject
    EntityManager em;

    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (LeadStatus status : LeadStatus.values()) {
            counts.put(status.code(), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT status, SUM(n) FROM lead_status_count GROUP BY status")
                .getResultList();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    /**
     * The WHERE clause and its parameters for a filter; shared by the page and the CSV export. The
     * tag filters are scalar subqueries rather than EXISTS on purpose: MariaDB and MySQL turn EXISTS
     * into a semi-join driven by the tag table and then sort hundreds of thousands of rows, where
     * a per-row probe lets them walk the ordered index and stop after one page.
     */
    public record Where(String sql, List<Object> params) {
    }

    public static Where where(InboxFilter f, String viewer) {
        return where(f, viewer, false);
    }

    /**
     * With {@code copies}, the country, sector and service filters read the copies of the codes in
     * the row itself ({@code lead_search}'s, V32) instead of probing the join tables.
     */
    static Where where(InboxFilter f, String viewer, boolean copies) {
        StringBuilder sql = new StringBuilder(" WHERE ");
        List<Object> params = new ArrayList<>();
        if (InboxFilter.ALL.equals(f.status())) {
            sql.append("l.status IN ('new','qualified','disqualified','converted')");
        } else {
            sql.append("l.status = ?");
            params.add(f.status());
        }
        if (f.country() != null) {
            sql.append(copies ? " AND FIND_IN_SET(?, l.country_codes) > 0"
                    : " AND (SELECT 1 FROM lead_country c WHERE c.lead_id = l.id AND c.country_code = ?) IS NOT NULL");
            params.add(f.country());
        }
        if (f.sector() != null) {
            sql.append(copies ? " AND FIND_IN_SET(?, l.sector_codes) > 0"
                    : " AND (SELECT 1 FROM lead_sector s WHERE s.lead_id = l.id AND s.sector_code = ?) IS NOT NULL");
            params.add(f.sector());
        }
        if (f.service() != null) {
            sql.append(copies ? " AND FIND_IN_SET(?, l.service_codes) > 0"
                    : " AND (SELECT 1 FROM lead_service v WHERE v.lead_id = l.id AND v.service_code = ?) IS NOT NULL");
            params.add(f.service());
        }
        if (InboxFilter.UNASSIGNED.equals(f.assignee())) {
            sql.append(" AND l.assignee IS NULL");
        } else if (f.assignee() != null) {
            sql.append(" AND l.assignee = ?");
            params.add("me".equals(f.assignee()) ? viewer : f.assignee());
        }
        if (f.from() != null) {
            sql.append(" AND l.submitted_at >= ?");
            params.add(Timestamp.from(f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            sql.append(" AND l.submitted_at < ?");
            params.add(Timestamp.from(f.to().plusDays(1).atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC)));
        }
        return new Where(sql.toString(), params);
    }

    /** The filter's WHERE clause with its words too, every one required, for the export. */
    public static Where whereWithWords(InboxFilter f, String viewer) {
        Where where = where(f, viewer);
        List<String> words = f.searchWords();
        if (words.isEmpty()) {
            return where;
        }
        List<Object> params = new ArrayList<>(where.params());
        params.add(FullText.allOf(words));
        return new Where(where.sql() + " AND l.id IN (SELECT s.lead_id FROM lead_search s"
                + " WHERE MATCH (s.body) AGAINST (? IN BOOLEAN MODE))", params);
    }

    /** The ORDER BY of a filter's sort. */
    public static String orderBy(InboxFilter f) {
        return orderBy(f.sort());
    }

    static String orderBy(String sort) {
        return orderBy(sort, "l.id");
    }

    /** The ORDER BY of {@code sort} where the lead's id is the column {@code id}. */
    static String orderBy(String sort, String id) {
        switch (sort) {
            case InboxFilter.WAITING:
                return " ORDER BY l.submitted_at, " + id;
            case InboxFilter.FIT:
                return " ORDER BY l.fit_score DESC, " + id + " DESC";
            default:
                return " ORDER BY l.submitted_at DESC, " + id + " DESC";
        }
    }

    /**
     * {@code base} narrowed to the rows that come after the row with sort key {@code value} and
     * {@code id} in {@code sort}'s order, or ({@code after} false) to the rows up to and including it.
     * Either way the database reads the rows as a range of the sort's index. The lead's id is the
     * column {@code idColumn}.
     */
    static Where beyond(Where base, String sort, Object value, long id, boolean after, String idColumn) {
        boolean descending = !InboxFilter.WAITING.equals(sort);
        String column = InboxFilter.FIT.equals(sort) ? "l.fit_score" : "l.submitted_at";
        String op = after == descending ? "<" : ">";
        List<Object> params = new ArrayList<>(base.params());
        params.add(value);
        params.add(value);
        params.add(id);
        return new Where(base.sql() + " AND (" + column + " " + op + " ? OR (" + column + " = ? AND " + idColumn + " " + op
                + (after ? "" : "=") + " ?))", params);
    }

    static final String COLUMNS = "SELECT l.id, l.reference, l.status, l.name, l.organisation, l.email,"
            + " l.submitted_at, COALESCE(l.fit_score, 0), l.assignee, l.first_response_at, l.duplicate_of,"
            + " l.version, l.spam_reason, l.spam_value FROM lead l";

    public Page page(InboxFilter f, String viewer) {
        return page(f, viewer, InboxSearch.Reach.STANDARD);
    }

    /** {@code reach}: how far a text search reads the list in order (see {@link InboxSearch}). */
    Page page(InboxFilter f, String viewer, InboxSearch.Reach reach) {
        List<String> words = f.searchWords();
        List<Object[]> found;
        if (words.isEmpty()) {
            Where positioned = positioned(where(f, viewer), f, "l.id");
            found = rows(em, COLUMNS + positioned.sql() + orderBy(f) + " LIMIT " + (PAGE + 1), positioned.params());
        } else {
            found = InboxSearch.rows(em, f, viewer, words, PAGE + 1, reach);
        }
        boolean more = found.size() > PAGE;
        List<Object[]> shown = more ? found.subList(0, PAGE) : found;
        Map<Long, List<String>> countries = tags("lead_country", "country_code", shown);
        Map<Long, List<String>> sectors = tags("lead_sector", "sector_code", shown);
        List<Row> rows = new ArrayList<>(shown.size());
        for (Object[] r : shown) {
            long id = ((Number) r[0]).longValue();
            rows.add(new Row(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], SqlTime.instant(r[6]),
                    ((Number) r[7]).intValue(), (String) r[8], r[9] == null ? null : SqlTime.instant(r[9]), r[10] != null,
                    countries.getOrDefault(id, List.of()), sectors.getOrDefault(id, List.of()), ((Number) r[11]).longValue(),
                    (String) r[12], r[13] == null ? null : ((Number) r[13]).intValue()));
        }
        String next = null;
        if (more) {
            Row last = rows.get(rows.size() - 1);
            long value = InboxFilter.FIT.equals(f.sort()) ? last.fitScore() : epochMicros(last.submittedAt());
            next = value + "~" + last.id();
        }
        return new Page(rows, next);
    }

    /** {@code where} narrowed to the rows after the filter's page position, if it has one. */
    static Where positioned(Where where, InboxFilter f, String idColumn) {
        if (f.after() == null) {
            return where;
        }
        String[] key = f.after().split("~");
        long value = Long.parseLong(key[0]);
        return beyond(where, f.sort(), InboxFilter.FIT.equals(f.sort()) ? (Object) value : micros(value), Long.parseLong(key[1]),
                true, idColumn);
    }

    /** Runs a native statement with positional parameters. */
    static List<Object[]> rows(EntityManager em, String sql, List<Object> params) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    /** Runs a native statement that selects one column. */
    static List<Object> ids(EntityManager em, String sql, List<Object> params) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> values = query.getResultList();
        return values;
    }

    private Map<Long, List<String>> tags(String table, String column, List<Object[]> rows) {
        Map<Long, List<String>> byLead = new HashMap<>();
        if (rows.isEmpty()) {
            return byLead;
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT lead_id, " + column + " FROM " + table
                + " WHERE lead_id IN (?1) ORDER BY " + column).setParameter(1, ids).getResultList();
        found.forEach(r -> byLead.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]));
        return byLead;
    }

    static long epochMicros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    static Timestamp micros(long value) {
        return Timestamp.from(Instant.EPOCH.plus(value, ChronoUnit.MICROS));
    }
}
