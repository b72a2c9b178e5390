package io.harmattan.report;

import io.harmattan.briefing.BriefingCatalogue;
import io.harmattan.reference.ReferenceLabels;
import io.harmattan.report.ReportData.Count;
import io.harmattan.report.ReportData.Range;
import io.harmattan.report.ReportTable.Row;
import io.harmattan.security.Roles;
import io.harmattan.web.Csv;
import io.harmattan.web.Dates;
import io.harmattan.web.Locales;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The consultancy's figures (`/console/reports`): leads, first response, the funnel, proposals won
 * and briefing readership, for a chosen period, each figure as a bar chart drawn on the server (SVG,
 * no script) with its table below, and the same tables as CSV. Labels and numbers in the reader's
 * language; the CSV keeps plain numbers.
 */
@Path("/console/reports")
@RolesAllowed(Roles.CONSULTANT)
@Produces(MediaType.TEXT_HTML)
public class ReportsResource {

    static final List<String> REPORTS = List.of("leads", "response", "funnel", "proposals", "readership");

    /** A report's page: which one, its period, its figures. */
    /**
     * The period a report covers, and why it is not the one asked for, if it is not: a date that
     * could not be read ({@code unreadable}), dates the wrong way round ({@code swapped}), more than ten
     * years ({@code shortened}); null when it is.
     */
    record Period(Range range, String changed) {
    }

    public record ReportPage(String report, LocalDate from, LocalDate to, String changed, List<ReportTable> tables) {

        public String csvUri() {
            return "/console/reports/" + report + ".csv?from=" + from + "&to=" + to;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<String> reports, LocalDate from, LocalDate to);

        static native TemplateInstance report(ReportPage page);
    }

    @Inject
    ReportQueries queries;

    @Inject
    Locales locales;

    @Inject
    ReferenceLabels labels;

    @Inject
    Dates dates;

    @Inject
    BriefingCatalogue catalogue;

    @GET
    public TemplateInstance index(@QueryParam("from") String from, @QueryParam("to") String to) {
        Range range = period(from, to).range();
        return Templates.index(REPORTS, range.from(), range.to());
    }

    @GET
    @Path("{report:leads|response|funnel|proposals|readership}")
    public TemplateInstance report(@PathParam("report") String report, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Period period = period(from, to);
        Range range = period.range();
        return Templates.report(new ReportPage(report, range.from(), range.to(), period.changed(),
                tables(report, range, locales.current())));
    }

    @GET
    @Path("{report:leads|response|funnel|proposals|readership}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("report") String report, @QueryParam("from") String from, @QueryParam("to") String to) {
        Range range = period(from, to).range();
        StringBuilder csv = new StringBuilder(Csv.BOM);
        for (ReportTable table : tables(report, range, locales.current())) {
            csv.append(Csv.cell(table.title())).append("\r\n");
            csv.append(String.join(",", table.headings().stream().map(Csv::cell).toList())).append("\r\n");
            for (Row row : table.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(Csv.cell(row.label()));
                row.plain().forEach(cell -> cells.add(Csv.cell(cell)));
                csv.append(String.join(",", cells)).append("\r\n");
            }
            csv.append("\r\n");
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"report-" + report + "-" + range.from() + "-" + range.to() + ".csv\"").build();
    }

    /** The period asked for, within reason, and why not, if not; by default the last twelve weeks to today. */
    static Period period(String from, String to) {
        String changed = null;
        LocalDate end = day(to);
        if (end == null) {
            changed = given(to) ? "unreadable" : null;
            end = LocalDate.now(ZoneOffset.UTC);
        }
        LocalDate start = day(from);
        if (start == null) {
            changed = given(from) ? "unreadable" : changed;
            start = end.minusWeeks(12).plusDays(1);
        }
        if (start.isAfter(end)) {
            LocalDate first = end;
            end = start;
            start = first;
            changed = changed == null ? "swapped" : changed;
        }
        // Ten years at most: a week-by-week chart of more says nothing.
        if (start.isBefore(end.minusYears(10))) {
            start = end.minusYears(10);
            changed = changed == null ? "shortened" : changed;
        }
        return new Period(new Range(start, end), changed);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return day.getYear() < 2000 || day.getYear() > 2100 ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    List<ReportTable> tables(String report, Range range, Locale locale) {
        ReportMessages texts = MessageBundles.get(ReportMessages.class, Localized.Literal.of(locale.getLanguage()));
        Figures f = new Figures(texts, locale);
        return switch (report) {
            case "leads" -> {
                ReportData.Leads leads = queries.leads(range);
                yield List.of(
                        f.counts("weeks", "week", leads.weeks(), key -> texts.week_of(dates.day(LocalDate.parse(key), locale))),
                        f.counts("sources", "source", leads.sources(), texts::source),
                        f.counts("countries", "country", leads.countries(), code -> labels.country(code, locale)),
                        f.counts("sectors", "sector", leads.sectors(), code -> labels.sector(code, locale)),
                        f.counts("services", "service", leads.services(), code -> labels.service(code, locale)));
            }
            case "response" -> List.of(f.response(queries.response(range)));
            case "funnel" -> List.of(f.funnel(queries.funnel(range)));
            case "proposals" -> List.of(f.proposals(queries.proposals(range)));
            case "readership" -> {
                ReportData.Readership readership = queries.readership(range);
                BriefingCatalogue.Snapshot published = catalogue.snapshot();
                yield List.of(f.reads("briefings", "briefing", readership.byBriefing(), id -> published
                                .entry(Long.parseLong(id)).map(e -> e.title(locale)).orElse("#" + id)),
                        f.reads("organisations", "organisation", readership.byOrganisation(), Function.identity()));
            }
            default -> throw new jakarta.ws.rs.NotFoundException();
        };
    }

    /** The tables of the figures, in one language. */
    private record Figures(ReportMessages texts, Locale locale) {

        String number(long value) {
            return NumberFormat.getIntegerInstance(locale).format(value);
        }

        String money(BigDecimal value) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(0);
            format.setMaximumFractionDigits(2);
            return format.format(value);
        }

        /** A share as a whole percentage, "fr" with its space; "-" when there is nothing to divide. */
        String percent(long part, long whole) {
            if (whole == 0) {
                return texts.none();
            }
            long value = Math.round(100.0 * part / whole);
            return "fr".equals(locale.getLanguage()) ? value + "\u202F%" : value + "%";
        }

        String plainPercent(long part, long whole) {
            return whole == 0 ? "" : Long.toString(Math.round(100.0 * part / whole));
        }

        String hours(Duration time) {
            if (time == null) {
                return texts.none();
            }
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(1);
            return texts.hours(format.format(time.toMinutes() / 60.0));
        }

        String plainHours(Duration time) {
            return time == null ? "" : String.format(Locale.ROOT, "%.1f", time.toMinutes() / 60.0);
        }

        ReportTable counts(String id, String column, List<Count> counts, Function<String, String> label) {
            List<Row> rows = counts.stream().map(c -> new Row(label.apply(c.key()), List.of(number(c.value())),
                    List.of(Long.toString(c.value())), c.value(), number(c.value()))).toList();
            return new ReportTable(id, texts.table_title(id), List.of(texts.heading(column), texts.heading("leads")), rows,
                    true);
        }

        ReportTable response(ReportData.Response r) {
            long all = r.answered();
            List<Row> rows = List.of(
                    new Row(texts.measure("answered"), List.of(number(r.answered())), List.of(Long.toString(r.answered())),
                            r.answered(), number(r.answered())),
                    new Row(texts.measure("waiting"), List.of(number(r.waiting())), List.of(Long.toString(r.waiting())),
                            r.waiting(), number(r.waiting())),
                    new Row(texts.measure("median"), List.of(hours(r.median())), List.of(plainHours(r.median())), 0, ""),
                    new Row(texts.measure("p90"), List.of(hours(r.p90())), List.of(plainHours(r.p90())), 0, ""),
                    new Row(texts.measure("within-warning") + " (" + hours(r.warning()) + ")",
                            List.of(percent(r.withinWarning(), all)), List.of(plainPercent(r.withinWarning(), all)),
                            r.withinWarning(), number(r.withinWarning()) + " (" + percent(r.withinWarning(), all) + ")"),
                    new Row(texts.measure("within-breach") + " (" + hours(r.breach()) + ")",
                            List.of(percent(r.withinBreach(), all)), List.of(plainPercent(r.withinBreach(), all)),
                            r.withinBreach(), number(r.withinBreach()) + " (" + percent(r.withinBreach(), all) + ")"));
            return new ReportTable("response", texts.table_title("response"),
                    List.of(texts.heading("measure"), texts.heading("value")), rows, true);
        }

        ReportTable funnel(ReportData.Funnel funnel) {
            long[] steps = {funnel.leads(), funnel.qualified(), funnel.proposed(), funnel.accepted()};
            String[] names = {"leads", "qualified", "proposed", "accepted"};
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < steps.length; i++) {
                String rate = i == 0 ? "" : percent(steps[i], steps[i - 1]);
                String plainRate = i == 0 ? "" : plainPercent(steps[i], steps[i - 1]);
                rows.add(new Row(texts.step(names[i]), List.of(number(steps[i]), rate),
                        List.of(Long.toString(steps[i]), plainRate), steps[i], number(steps[i])));
            }
            return new ReportTable("funnel", texts.table_title("funnel"),
                    List.of(texts.heading("step"), texts.heading("count"), texts.heading("rate")), rows, true);
        }

        ReportTable proposals(List<ReportData.ProposalLine> lines) {
            List<Row> rows = lines.stream().map(l -> {
                long decided = l.accepted() + l.declined() + l.expired();
                return new Row(l.currency(), List.of(number(l.sent()), number(l.accepted()), number(l.declined()),
                        number(l.expired()), percent(l.accepted(), decided), money(l.sentValue()), money(l.acceptedValue())),
                        List.of(Long.toString(l.sent()), Long.toString(l.accepted()), Long.toString(l.declined()),
                                Long.toString(l.expired()), plainPercent(l.accepted(), decided), l.sentValue().toPlainString(),
                                l.acceptedValue().toPlainString()),
                        decided == 0 ? 0 : Math.round(100.0 * l.accepted() / decided), percent(l.accepted(), decided));
            }).toList();
            return new ReportTable("currencies", texts.table_title("currencies"), List.of(texts.heading("currency"),
                    texts.heading("sent"), texts.heading("accepted"), texts.heading("declined"), texts.heading("expired"),
                    texts.heading("win"), texts.heading("sent-value"), texts.heading("accepted-value")), rows, true);
        }

        ReportTable reads(String id, String column, List<ReportData.Reads> reads, Function<String, String> label) {
            List<Row> rows = reads.stream().map(r -> new Row(label.apply(r.key()), List.of(number(r.readers()),
                    number(r.reads())), List.of(Long.toString(r.readers()), Long.toString(r.reads())), r.reads(),
                    number(r.reads()))).toList();
            return new ReportTable(id, texts.table_title(id), List.of(texts.heading(column), texts.heading("readers"),
                    texts.heading("reads")), rows, true);
        }
    }
}
