package io.harmattan.triage;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The inbox's text search, fast whether a word is in one lead or in every seventh. Each word must
 * begin a word of the lead's search text (name, email, organisation, job title, needs, notes; see
 * {@code LeadSearchText}); case and accents do not matter.
 *
 * <p>InnoDB's full-text index costs time in proportion to the leads that hold the searched words
 * (about 3 µs each: half a second for a word in 140,000 leads of a million), and hands back all
 * of them before the database can sort and keep a page. So the search goes two ways:
 * <ol>
 * <li>First it reads the list's next {@value #WINDOW} leads in the list's own order, through the
 * index the list uses anyway, and asks each lead's search text whether it holds each word
 * ({@code LIKE '% word%'}). Common words fill the page from there, in a few milliseconds. When
 * those leads are all the list has, the answer is complete as well.</li>
 * <li>Otherwise the matches are rare, and the full-text index finds them: with the word fewest of
 * those leads held (the others are checked on its matches), since the index's cost is that of the
 * commonest word it is given.</li>
 * </ol>
 * Both ways give the same leads in the same order, so paging can move from one to the other.
 */
final class InboxSearch {

    static final int WINDOW = 4000;

    private InboxSearch() {
    }

    /** The full-text index's query for leads holding every word, each as the beginning of a word. */
    static String allOf(List<String> words) {
        return words.stream().map(w -> "+" + w + "*").collect(Collectors.joining(" "));
    }

    private static String like(String word) {
        return "% " + word + "%";
    }

    /**
     * The first {@code limit} rows ({@link Inbox#COLUMNS}) of the list {@code where} selects, in
     * {@code orderBy}'s order, that hold every word; {@code window}: how many leads to read in order
     * before turning to the full-text index ({@value #WINDOW} but in tests).
     */
    static List<Object[]> rows(EntityManager em, Inbox.Where where, String orderBy, List<String> words, int limit,
            int window) {
        StringBuilder held = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            held.append(i == 0 ? "" : " + ").append("(COALESCE(s.body, '') LIKE ?) * ").append(1 << i);
            params.add(like(words.get(i)));
        }
        params.addAll(where.params());
        // The derived table is named l too, so that the list's ORDER BY applies inside and out.
        List<Object[]> read = Inbox.rows(em, "SELECT l.id, " + held + " FROM (SELECT l.id, l.submitted_at, l.fit_score"
                + " FROM lead l" + where.sql() + orderBy + " LIMIT " + window + ") l"
                + " LEFT JOIN lead_search s ON s.lead_id = l.id" + orderBy, params);
        int every = (1 << words.size()) - 1;
        int[] holders = new int[words.size()];
        List<Long> ids = new ArrayList<>();
        for (Object[] row : read) {
            int mask = ((Number) row[1]).intValue();
            for (int i = 0; i < words.size(); i++) {
                holders[i] += (mask >> i) & 1;
            }
            if (mask == every && ids.size() < limit) {
                ids.add(((Number) row[0]).longValue());
            }
        }
        if (ids.size() == limit || read.size() < window) {
            return ids.isEmpty() ? List.of()
                    : Inbox.rows(em, Inbox.COLUMNS + " WHERE l.id IN (" + ids.stream().map(String::valueOf)
                            .collect(Collectors.joining(",")) + ")" + orderBy, List.of());
        }
        int rarest = 0;
        for (int i = 1; i < words.size(); i++) {
            if (holders[i] < holders[rarest] || holders[i] == holders[rarest] && words.get(i).length() > words.get(rarest).length()) {
                rarest = i;
            }
        }
        StringBuilder sql = new StringBuilder(Inbox.COLUMNS + " JOIN lead_search s ON s.lead_id = l.id")
                .append(where.sql()).append(" AND MATCH (s.body) AGAINST (? IN BOOLEAN MODE)");
        List<Object> search = new ArrayList<>(where.params());
        search.add(allOf(List.of(words.get(rarest))));
        for (int i = 0; i < words.size(); i++) {
            if (i != rarest) {
                sql.append(" AND s.body LIKE ?");
                search.add(like(words.get(i)));
            }
        }
        return Inbox.rows(em, sql.append(orderBy).append(" LIMIT ").append(limit).toString(), search);
    }
}
