package io.harmattan.report;

import io.harmattan.HarmattanConfig;
import io.harmattan.report.ReportData.Count;
import io.harmattan.report.ReportData.Funnel;
import io.harmattan.report.ReportData.Leads;
import io.harmattan.report.ReportData.ProposalLine;
import io.harmattan.report.ReportData.Range;
import io.harmattan.report.ReportData.Readership;
import io.harmattan.report.ReportData.Reads;
import io.harmattan.report.ReportData.Response;
import io.harmattan.triage.ResponseClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reports' figures, each one or a few grouped queries over the leads of the range. Spam is left
 * out everywhere. The leads are read through the (status, submitted_at) index, one range per
 * status, so a quarter at a million leads reads its own rows only.
 */
@ApplicationScoped
public class ReportQueries {

    /** Every status but spam, spelled out so that the (status, submitted_at) index serves the range. */
    private static final String NOT_SPAM = "l.status IN ('new', 'qualified', 'disqualified', 'converted', 'merged')";

    @Inject
    EntityManager entityManager;

    @Inject
    HarmattanConfig config;

    public Leads leads(Range range) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<LocalDate, Long> weeks = new TreeMap<>();
            for (LocalDate monday = monday(range.from()); !monday.isAfter(range.to()); monday = monday.plusWeeks(1)) {
                weeks.put(monday, 0L);
            }
            Map<String, Long> sources = new TreeMap<>();
            long total = 0;
            for (Object[] row : rows("SELECT DATE(l.submitted_at), l.source, COUNT(*) FROM lead l WHERE " + NOT_SPAM
                    + " AND l.submitted_at >= ?1 AND l.submitted_at < ?2 GROUP BY DATE(l.submitted_at), l.source", range)) {
                long count = ((Number) row[2]).longValue();
                weeks.merge(monday(day(row[0])), count, Long::sum);
                sources.merge((String) row[1], count, Long::sum);
                total += count;
            }
            List<Count> byWeek = weeks.entrySet().stream().map(e -> new Count(e.getKey().toString(), e.getValue())).toList();
            // Each lead row carries a copy of its codes ("BF,ML", V31): one pass over the report index, grouped by the
            // combinations, which are few; a lead with two countries counts once for each.
            Map<String, Long> countries = new TreeMap<>();
            Map<String, Long> sectors = new TreeMap<>();
            Map<String, Long> services = new TreeMap<>();
            for (Object[] row : rows("SELECT l.country_codes, l.sector_codes, l.service_codes, COUNT(*) FROM lead l WHERE "
                    + NOT_SPAM + " AND l.submitted_at >= ?1 AND l.submitted_at < ?2"
                    + " GROUP BY l.country_codes, l.sector_codes, l.service_codes", range)) {
                long count = ((Number) row[3]).longValue();
                addEach((String) row[0], count, countries);
                addEach((String) row[1], count, sectors);
                addEach((String) row[2], count, services);
            }
            return new Leads(total, byWeek, counts(sources), counts(countries), counts(sectors), counts(services));
        });
    }

    private static void addEach(String codes, long count, Map<String, Long> counts) {
        for (String code : codes.split(",")) {
            if (!code.isEmpty()) {
                counts.merge(code, count, Long::sum);
            }
        }
    }

    public Response response(Range range) {
        HarmattanConfig.TriageHours h = config.triage();
        ResponseClock clock = new ResponseClock(new ResponseClock.Hours(h.zone(), h.days(), h.opens(), h.closes(), h.warning(),
                h.breach()));
        // Instants as microseconds since 1970 (the columns hold UTC): numbers, cheaper to read than timestamps by the
        // tens of thousands.
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> rows("SELECT"
                + " TIMESTAMPDIFF(MICROSECOND, '1970-01-01', l.submitted_at), TIMESTAMPDIFF(MICROSECOND, '1970-01-01', l.first_response_at)"
                + " FROM lead l WHERE " + NOT_SPAM + " AND l.submitted_at >= ?1 AND l.submitted_at < ?2", range));
        List<Duration> times = new ArrayList<>(rows.size());
        long waiting = 0;
        for (Object[] row : rows) {
            if (row[1] == null) {
                waiting++;
            } else {
                times.add(clock.businessTime(micros(row[0]), micros(row[1])));
            }
        }
        times.sort(Comparator.naturalOrder());
        long withinWarning = times.stream().filter(t -> t.compareTo(h.warning()) <= 0).count();
        long withinBreach = times.stream().filter(t -> t.compareTo(h.breach()) <= 0).count();
        return new Response(times.size(), waiting, Percentiles.of(times, 50), Percentiles.of(times, 90), withinWarning,
                withinBreach, h.warning(), h.breach());
    }

    public Funnel funnel(Range range) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> rows("SELECT COUNT(*),"
                + " SUM(l.status IN ('qualified', 'converted') OR EXISTS (SELECT 1 FROM lead_event e WHERE e.lead_id = l.id"
                + "   AND e.kind = 'status' AND e.detail = 'qualified')),"
                + " SUM(EXISTS (SELECT 1 FROM proposal p JOIN proposal_version v ON v.proposal_id = p.id"
                + "   WHERE p.lead_id = l.id AND v.sent_at IS NOT NULL)),"
                + " SUM(EXISTS (SELECT 1 FROM proposal p WHERE p.lead_id = l.id AND p.state = 'accepted'))"
                + " FROM lead l WHERE " + NOT_SPAM + " AND l.submitted_at >= ?1 AND l.submitted_at < ?2", range).get(0));
        return new Funnel(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
    }

    /** Proposals whose first version went out in the range, by the currency of the version the client had. */
    public List<ProposalLine> proposals(Range range) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> rows("SELECT p.state, v.currency, v.total"
                + " FROM proposal p JOIN proposal_version v ON v.proposal_id = p.id"
                + "  AND v.number = COALESCE(p.live_number, p.latest_number)"
                + " WHERE (SELECT MIN(s.sent_at) FROM proposal_version s WHERE s.proposal_id = p.id) >= ?1"
                + " AND (SELECT MIN(s.sent_at) FROM proposal_version s WHERE s.proposal_id = p.id) < ?2", range));
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> values = new TreeMap<>();
        for (Object[] row : rows) {
            String state = (String) row[0];
            String currency = (String) row[1];
            BigDecimal total = row[2] == null ? BigDecimal.ZERO : new BigDecimal(row[2].toString());
            long[] c = counts.computeIfAbsent(currency, k -> new long[4]);
            BigDecimal[] v = values.computeIfAbsent(currency, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            c[0]++;
            v[0] = v[0].add(total);
            switch (state) {
                case "accepted" -> {
                    c[1]++;
                    v[1] = v[1].add(total);
                }
                case "declined" -> c[2]++;
                case "expired" -> c[3]++;
                default -> {
                    // still open, withdrawn or replaced: sent, not decided
                }
            }
        }
        return counts.entrySet().stream().map(e -> new ProposalLine(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], values.get(e.getKey())[0], values.get(e.getKey())[1])).toList();
    }

    /** Reads whose last reading fell in the range, per briefing (key: its id) and per organisation (key: its name). */
    public Readership readership(Range range) {
        return QuarkusTransaction.requiringNew().call(() -> new Readership(
                rows("SELECT r.briefing_id, COUNT(DISTINCT r.subject), SUM(r.read_count) FROM briefing_read r"
                        + " WHERE r.last_read_at >= ?1 AND r.last_read_at < ?2 GROUP BY r.briefing_id"
                        + " ORDER BY 3 DESC, 1", range).stream().map(ReportQueries::reads).toList(),
                rows("SELECT o.name, COUNT(DISTINCT r.subject), SUM(r.read_count) FROM briefing_read r"
                        + " JOIN client_organisation o ON o.id = r.organisation_id"
                        + " WHERE r.last_read_at >= ?1 AND r.last_read_at < ?2 GROUP BY o.id, o.name"
                        + " ORDER BY 3 DESC, 1", range).stream().map(ReportQueries::reads).toList()));
    }

    /** Most first, then by code. */
    private static List<Count> counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Count::value).reversed().thenComparing(Count::key)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Range range) {
        return entityManager.createNativeQuery(sql, Object[].class)
                .setParameter(1, Timestamp.from(range.from().atStartOfDay().toInstant(ZoneOffset.UTC)))
                .setParameter(2, Timestamp.from(range.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .getResultList();
    }

    private static Reads reads(Object[] row) {
        return new Reads(row[0].toString(), number(row[1]), number(row[2]));
    }

    private static java.time.Instant micros(Object value) {
        long micros = ((Number) value).longValue();
        return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
