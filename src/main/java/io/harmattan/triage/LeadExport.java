package io.harmattan.triage;

import io.agroal.api.AgroalDataSource;
import io.harmattan.audit.AuditEvent;
import io.harmattan.reference.ReferenceLabels;
import io.harmattan.web.Csv;
import io.harmattan.web.ListMessages;
import io.harmattan.web.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filtered inbox as CSV, streamed: rows go from the database cursor to the response a few
 * kilobytes at a time, so 100,000 leads take no more memory than 100.
 */
@ApplicationScoped
public class LeadExport {

    /** The columns, each headed in the exporter's language (list:export_column). */
    static final List<String> COLUMNS = List.of("reference", "submitted", "status", "disqualify_reason", "reason", "name", "organisation",
            "job_title", "email", "phone", "countries", "sectors", "services", "timeframe", "fit_score", "assignee",
            "first_response", "language", "marketing_opt_in", "merged_into", "client_organisation", "needs");
    /** As spreadsheet programs read a date and time (UTC). */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferenceLabels labels;

    /**
     * Writes every lead of the filter (no paging), in the inbox's order, with labels in {@code locale}
     * rather than codes; returns the row count.
     */
    public long write(InboxFilter filter, String viewer, Locale locale, OutputStream out) {
        Inbox.Where where = Inbox.whereWithWords(filter.withAfter(null), viewer);
        String sql = "SELECT l.reference, l.submitted_at, l.status, l.disqualify_reason, l.status_reason, l.name, l.organisation, l.job_title,"
                + " l.email, l.phone,"
                + " (SELECT GROUP_CONCAT(country_code ORDER BY country_code SEPARATOR ' ') FROM lead_country c WHERE c.lead_id = l.id),"
                + " (SELECT GROUP_CONCAT(sector_code ORDER BY sector_code SEPARATOR ' ') FROM lead_sector s WHERE s.lead_id = l.id),"
                + " (SELECT GROUP_CONCAT(service_code ORDER BY service_code SEPARATOR ' ') FROM lead_service v WHERE v.lead_id = l.id),"
                + " l.timeframe, l.fit_score, l.assignee, l.first_response_at, l.language, l.marketing_opt_in,"
                + " (SELECT m.reference FROM lead m WHERE m.id = l.merged_into),"
                + " (SELECT o.name FROM client_organisation o WHERE o.id = l.client_organisation_id), l.needs"
                + " FROM lead l" + where.sql() + Inbox.orderBy(filter);
        Messages texts = MessageBundles.get(Messages.class, Localized.Literal.of(locale.getLanguage()));
        ListMessages columns = MessageBundles.get(ListMessages.class, Localized.Literal.of(locale.getLanguage()));
        WorkMessages work = MessageBundles.get(WorkMessages.class, Localized.Literal.of(locale.getLanguage()));
        long rows = 0;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
            // Connector/J streams the result row by row instead of loading it whole.
            statement.setFetchSize(Integer.MIN_VALUE);
            List<Object> params = where.params();
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            StringBuilder line = new StringBuilder(512);
            writer.write(Csv.BOM);
            Csv.line(line, COLUMNS.stream().map(columns::export_column).toArray(String[]::new));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(4);
                    String timeframe = rs.getString(14);
                    String language = rs.getString(18);
                    Csv.line(line, rs.getString(1), when(rs.getTimestamp(2)), texts.lead_status(rs.getString(3)),
                            reason == null ? null : work.disqualify_reason(reason), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), named(rs.getString(11), code -> labels.country(code, locale)),
                            named(rs.getString(12), code -> labels.sector(code, locale)),
                            named(rs.getString(13), code -> labels.service(code, locale)),
                            timeframe == null ? null : texts.timeframe_label(timeframe), rs.getString(15), rs.getString(16),
                            when(rs.getTimestamp(17)), language == null ? null : texts.language_name(language),
                            rs.getBoolean(19) ? texts.yes() : texts.no(), rs.getString(20), rs.getString(21), rs.getString(22));
                    rows++;
                    if (line.length() > 8192) {
                        writer.write(line.toString());
                        line.setLength(0);
                    }
                }
            }
            writer.write(line.toString());
            writer.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("export failed after " + rows + " rows", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Space-separated codes as their labels, separated by semicolons. */
    private static String named(String codes, Function<String, String> label) {
        return codes == null ? null : Arrays.stream(codes.split(" ")).map(label).collect(Collectors.joining("; "));
    }

    public void audit(String actor, InboxFilter filter, long rows) {
        // The filters, but not the words searched for: those may be a person's name or address.
        InboxFilter logged = new InboxFilter(filter.status(), filter.country(), filter.sector(), filter.service(),
                filter.assignee(), filter.from(), filter.to(), null, filter.sort(), null);
        QuarkusTransaction.requiringNew().run(() -> AuditEvent.record(actor, "lead.exported", "lead", null,
                "rows=" + rows + " filter=" + logged.query() + (filter.text() == null ? "" : " text=yes")));
    }

    private static String when(Timestamp at) {
        return at == null ? null : WHEN.format(at.toInstant());
    }
}
