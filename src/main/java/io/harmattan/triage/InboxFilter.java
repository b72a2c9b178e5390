package io.harmattan.triage;

import io.harmattan.lead.LeadStatus;
import io.harmattan.matching.MatchEngine;
import io.harmattan.persistence.FullText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the inbox shows: a status (or every working status), optional filters, an order and a
 * position. Built from query parameters; anything unknown is dropped rather than refused, so an
 * edited address shows a broader list instead of an error.
 */
public record InboxFilter(String status, String country, String sector, String service, String assignee, LocalDate from,
        LocalDate to, String text, String sort, String after) {

    public static final String ALL = "all";
    public static final String NEWEST = "newest";
    public static final String WAITING = "waiting";
    public static final String FIT = "fit";
    public static final List<String> SORTS = List.of(NEWEST, WAITING, FIT);
    public static final List<String> STATUSES = List.of(LeadStatus.NEW.code(), LeadStatus.QUALIFIED.code(),
            LeadStatus.DISQUALIFIED.code(), LeadStatus.CONVERTED.code(), LeadStatus.MERGED.code(), ALL);
    /** "none" finds unassigned leads. */
    public static final String UNASSIGNED = "none";
    private static final Pattern USERNAME = Pattern.compile("[\\w.@-]{1,120}");

    public static InboxFilter of(String status, String country, String sector, String service, String assignee, String from,
            String to, String text, String sort, String after, boolean quarantine) {
        String s = quarantine ? LeadStatus.SPAM.code() : in(STATUSES, status) ? status : LeadStatus.NEW.code();
        return new InboxFilter(s, in(MatchEngine.COUNTRIES, country) ? country : null,
                in(MatchEngine.SECTORS, sector) ? sector : null,
                service != null && service.matches("[a-z-]{1,32}") ? service : null,
                assignee != null && USERNAME.matcher(assignee).matches() ? assignee : null, date(from), date(to),
                FullText.typed(text), in(SORTS, sort) ? sort : NEWEST,
                after != null && after.matches("-?\\d{1,18}~\\d{1,18}") ? after : null);
    }

    /** List.of(...).contains(null) throws; a missing parameter is simply not in the list. */
    private static boolean in(List<String> values, String value) {
        return value != null && values.contains(value);
    }

    /** A day typed in a date field; null when it is none, or so far off (year 10000, year 1) that nothing could be on it. */
    private static LocalDate date(String value) {
        try {
            LocalDate day = value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
            return day == null || day.getYear() < 1900 || day.getYear() > 9999 ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<String> statuses() {
        return STATUSES;
    }

    public List<String> sorts() {
        return SORTS;
    }

    public boolean quarantine() {
        return LeadStatus.SPAM.code().equals(status);
    }

    /**
     * The words searched for, each as the beginning of a word of the lead: lower case, at least 3
     * letters (shorter ones are not in the full-text index), at most 10, without repeats; folded
     * as the lead search's text is ({@link FullText#fold}).
     */
    public List<String> searchWords() {
        return text == null ? List.of() : FullText.words(FullText.fold(text));
    }

    /** Whether some text was typed that the index cannot search (only words under 3 letters). */
    public boolean textTooShort() {
        return text != null && searchWords().isEmpty();
    }

    public InboxFilter withAfter(String position) {
        return new InboxFilter(status, country, sector, service, assignee, from, to, text, sort, position);
    }

    public InboxFilter withSort(String order) {
        return new InboxFilter(status, country, sector, service, assignee, from, to, text, order, null);
    }

    public InboxFilter withStatus(String s) {
        return new InboxFilter(s, country, sector, service, assignee, from, to, text, sort, null);
    }

    /** The query string that shows this list again (without the base path). */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        if (!quarantine()) {
            params.put("status", status);
        }
        params.put("country", country);
        params.put("sector", sector);
        params.put("service", service);
        params.put("assignee", assignee);
        params.put("from", from == null ? null : from.toString());
        params.put("to", to == null ? null : to.toString());
        params.put("q", text);
        params.put("sort", NEWEST.equals(sort) ? null : sort);
        params.put("after", after);
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                out.append(out.length() == 0 ? "?" : "&").append(k).append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
