package io.harmattan.triage;

import io.harmattan.persistence.FullText;
import io.harmattan.persistence.SqlTime;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The inbox's text search, fast whether a word is in one lead or in every seventh. Each word must
 * begin a word of the lead's search text (name, email, organisation, job title, needs, notes; see
 * {@code LeadSearchText}); case and accents do not matter.
 *
 * <p>There are two ways to find a page of leads holding some words, and each is slow where the
 * other is fast:
 * <ul>
 * <li><b>In order</b>: walk the list through the index it is sorted by and ask each lead's search
 * text whether it holds every word ({@code LIKE '% word%'}, byte by byte on folded text), stopping
 * at a page. About a microsecond a lead when sorted by date ({@link Source#DATED}), so quick when
 * the words are common, but a walk through the whole table when they are rare.</li>
 * <li><b>The full-text index</b>: InnoDB's costs time in proportion to the leads that hold the
 * word it is given (5 to 10 µs each, over a second for a word in a sixth of a million leads), and
 * hands back all of them before the database can sort and keep a page. So it is given only the
 * rarest word; the others are checked on its matches.</li>
 * </ul>
 * A search first reads a small sample, the list's next {@link Reach#sample} leads, and notes
 * which words each holds. A page found there is the answer. Otherwise the sample tells how many
 * leads the walk would need to read and how many the index would have to go through, and the
 * cheaper way is taken; the walk goes at most {@link Reach#window} leads further and hands over to
 * the index if those are not enough. Every way gives the same leads in the same order, so paging
 * can move from one to another.
 */
final class InboxSearch {

    /** The two ways past the sample. */
    enum Way {
        IN_ORDER, INDEX
    }

    /**
     * How far a search reads in order: the sample, then at most {@code window} more leads.
     * {@code forced} makes tests take one way regardless of the estimate.
     */
    record Reach(int sample, int window, Way forced) {

        static final Reach STANDARD = new Reach(500, 4000, null);
    }

    private InboxSearch() {
    }

    /**
     * The way past the sample: the index if it would go through fewer leads than the walk would
     * read (the cost per lead is about the same), else the walk.
     *
     * @param sample leads read in the sample
     * @param matches of those, how many hold every word
     * @param rarest of those, how many hold the word fewest of them hold
     * @param wanted rows still missing from the page
     * @param total leads in the database (the index's reach is all of them)
     */
    static Way choose(int sample, int matches, int rarest, int wanted, long total, int window) {
        double indexLeads = (rarest + 0.5) / sample * total;
        double walkLeads = matches == 0 ? window : Math.min(window, (double) wanted * sample / matches);
        return indexLeads <= walkLeads ? Way.INDEX : Way.IN_ORDER;
    }

    private static String like(String word) {
        return "% " + word + "%";
    }

    /**
     * What a search reads the list from, in the list's order. Newest or oldest first, that is
     * {@code lead_search} alone: it is stored in date order and carries each lead's status, assignee
     * and codes beside its text (V32), so a walk reads one range of one table. Best fit first, the
     * lead's fit index, each lead's text looked up by its id.
     */
    record Source(String from, String id, String key, String body, boolean copies) {

        static final Source DATED = new Source("lead_search l", "l.lead_id", "l.submitted_at", "l.body", true);
        static final Source FIT = new Source("lead l JOIN lead_search s ON s.lead_id = l.id", "l.id", "COALESCE(l.fit_score, 0)",
                "s.body", false);

        static Source of(String sort) {
            return InboxFilter.FIT.equals(sort) ? FIT : DATED;
        }

        /** Whether the text holds the word, compared byte by byte (the text and the words are folded). */
        String holds() {
            return body + " LIKE CAST(? AS BINARY)";
        }
    }

    /**
     * The first {@code limit} rows ({@link Inbox#COLUMNS}) of the list the filter selects, from its
     * page position on, in its order, that hold every word.
     */
    static List<Object[]> rows(EntityManager em, InboxFilter filter, String viewer, List<String> words, int limit, Reach reach) {
        String sort = filter.sort();
        Source source = Source.of(sort);
        Inbox.Where where = Inbox.positioned(Inbox.where(filter, viewer, source.copies()), filter, source.id());
        String orderBy = Inbox.orderBy(sort, source.id());
        StringBuilder held = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            held.append(i == 0 ? "" : " + ").append("(").append(source.holds()).append(") * ").append(1 << i);
            params.add(like(words.get(i)));
        }
        params.addAll(where.params());
        List<Object[]> sample = Inbox.rows(em, "SELECT " + source.id() + ", " + source.key() + ", " + held + " FROM " + source.from()
                + where.sql() + orderBy + " LIMIT " + reach.sample(), params);
        int every = (1 << words.size()) - 1;
        int[] holders = new int[words.size()];
        int matches = 0;
        List<Long> ids = new ArrayList<>();
        for (Object[] row : sample) {
            int mask = ((Number) row[2]).intValue();
            for (int i = 0; i < words.size(); i++) {
                holders[i] += (mask >> i) & 1;
            }
            if (mask == every) {
                matches++;
                if (ids.size() < limit) {
                    ids.add(((Number) row[0]).longValue());
                }
            }
        }
        String leadOrder = Inbox.orderBy(sort);
        if (ids.size() == limit || sample.size() < reach.sample()) {
            return byIds(em, ids, leadOrder);
        }
        int rarest = 0;
        for (int i = 1; i < words.size(); i++) {
            if (holders[i] < holders[rarest] || holders[i] == holders[rarest] && words.get(i).length() > words.get(rarest).length()) {
                rarest = i;
            }
        }
        Way way = reach.forced() != null ? reach.forced()
                : choose(sample.size(), matches, holders[rarest], limit - ids.size(), total(em), reach.window());
        if (way == Way.IN_ORDER) {
            Object[] last = sample.get(sample.size() - 1);
            Inbox.Where next = Inbox.beyond(where, sort, last[1], ((Number) last[0]).longValue(), true, source.id());
            int wanted = limit - ids.size();
            // First a walk over the stretch of dates the sample says should hold the page, twice over,
            // which spares finding the window's end. When that falls short, the walk goes on past the
            // stretch (every lead in it has been read) up to the window's end.
            Object bound = source == Source.FIT || matches == 0 ? null
                    : dateBound(sample, sort, Math.min((double) reach.window(), 2.0 * wanted * sample.size() / matches));
            Inbox.Where rest = next;
            if (bound != null) {
                boolean ascending = InboxFilter.WAITING.equals(sort);
                ids.addAll(walk(em, source, with(next, ascending ? " AND l.submitted_at <= ?" : " AND l.submitted_at >= ?", bound),
                        orderBy, words, wanted));
                if (ids.size() == limit) {
                    return byIds(em, ids, leadOrder);
                }
                rest = with(next, ascending ? " AND l.submitted_at > ?" : " AND l.submitted_at < ?", bound);
            }
            List<Object[]> edge = Inbox.rows(em, "SELECT " + source.id() + ", " + source.key() + " FROM " + source.from() + next.sql()
                    + orderBy + " LIMIT 1 OFFSET " + (reach.window() - 1), next.params());
            Inbox.Where walk = edge.isEmpty() ? rest
                    : Inbox.beyond(rest, sort, edge.get(0)[1], ((Number) edge.get(0)[0]).longValue(), false, source.id());
            ids.addAll(walk(em, source, walk, orderBy, words, limit - ids.size()));
            if (ids.size() == limit || edge.isEmpty()) {
                return byIds(em, ids, leadOrder);
            }
        }
        // The index with the rarest word, the others checked on its matches, and the filters (read from the row's own
        // copies when newest or oldest first) before the database sorts them and keeps a page.
        Inbox.Where matched = with(where, " AND MATCH (" + source.body() + ") AGAINST (? IN BOOLEAN MODE)",
                FullText.allOf(List.of(words.get(rarest))));
        List<String> others = new ArrayList<>(words);
        others.remove(rarest);
        return byIds(em, walk(em, source, matched, orderBy, others, limit), leadOrder);
    }

    /** The ids of the first {@code wanted} leads of {@code walk}, in order, holding every word. */
    private static List<Long> walk(EntityManager em, Source source, Inbox.Where walk, String orderBy, List<String> words, int wanted) {
        StringBuilder sql = new StringBuilder("SELECT ").append(source.id()).append(" FROM ").append(source.from()).append(walk.sql());
        List<Object> params = new ArrayList<>(walk.params());
        for (String word : words) {
            sql.append(" AND ").append(source.holds());
            params.add(like(word));
        }
        sql.append(orderBy).append(" LIMIT ").append(wanted);
        return Inbox.ids(em, sql.toString(), params).stream().map(id -> ((Number) id).longValue()).toList();
    }

    private static Inbox.Where with(Inbox.Where where, String condition, Object value) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(value);
        return new Inbox.Where(where.sql() + condition, params);
    }

    /**
     * The submission time {@code leads} leads past the sample's end, reckoned from the time its
     * leads span (leads come in at a steady pace); null when the sample spans no time.
     */
    private static Timestamp dateBound(List<Object[]> sample, String sort, double leads) {
        long first = Inbox.epochMicros(SqlTime.instant(sample.get(0)[1]));
        long last = Inbox.epochMicros(SqlTime.instant(sample.get(sample.size() - 1)[1]));
        long span = Math.abs(last - first);
        if (span == 0) {
            return null;
        }
        long reach = (long) Math.ceil(span * leads / sample.size());
        return Inbox.micros(InboxFilter.WAITING.equals(sort) ? last + reach : last - reach);
    }

    private static List<Object[]> byIds(EntityManager em, List<Long> ids, String orderBy) {
        return ids.isEmpty() ? List.of()
                : Inbox.rows(em, Inbox.COLUMNS + " WHERE l.id IN (" + ids.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) + ")" + orderBy, List.of());
    }

    /** All leads, whatever their status: what the full-text index goes through. */
    private static long total(EntityManager em) {
        Number total = (Number) em.createNativeQuery("SELECT COALESCE(SUM(n), 0) FROM lead_status_count").getSingleResult();
        return total.longValue();
    }
}
