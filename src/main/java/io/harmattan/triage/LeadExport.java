package io.harmattan.triage;

import io.agroal.api.AgroalDataSource;
import io.harmattan.audit.AuditEvent;
import io.harmattan.web.Csv;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.List;

/**
 * The filtered inbox as CSV, streamed: rows go from the database cursor to the response a few
 * kilobytes at a time, so 100,000 leads take no more memory than 100.
 */
@ApplicationScoped
public class LeadExport {

    static final String[] HEADER = {"reference", "submitted_at_utc", "status", "name", "organisation", "job_title", "email",
        "phone", "countries", "sectors", "services", "timeframe", "fit_score", "assignee", "first_response_at_utc",
        "language", "marketing_opt_in", "needs"};

    @Inject
    AgroalDataSource dataSource;

    /** Writes every lead of the filter (no paging), newest first as the inbox orders them; returns the row count. */
    public long write(InboxFilter filter, String viewer, OutputStream out) {
        Inbox.Where where = Inbox.whereWithWords(filter.withAfter(null), viewer);
        String sql = "SELECT l.reference, l.submitted_at, l.status, l.name, l.organisation, l.job_title, l.email, l.phone,"
                + " (SELECT GROUP_CONCAT(country_code ORDER BY country_code SEPARATOR ' ') FROM lead_country c WHERE c.lead_id = l.id),"
                + " (SELECT GROUP_CONCAT(sector_code ORDER BY sector_code SEPARATOR ' ') FROM lead_sector s WHERE s.lead_id = l.id),"
                + " (SELECT GROUP_CONCAT(service_code ORDER BY service_code SEPARATOR ' ') FROM lead_service v WHERE v.lead_id = l.id),"
                + " l.timeframe, l.fit_score, l.assignee, l.first_response_at, l.language, l.marketing_opt_in, l.needs"
                + " FROM lead l" + where.sql() + Inbox.orderBy(filter);
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
            Csv.line(line, HEADER);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Csv.line(line, rs.getString(1), utc(rs.getTimestamp(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                            utc(rs.getTimestamp(15)), rs.getString(16), rs.getBoolean(17) ? "yes" : "no", rs.getString(18));
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

    public void audit(String actor, InboxFilter filter, long rows) {
        QuarkusTransaction.requiringNew().run(() -> AuditEvent.record(actor, "lead.exported", "lead", null,
                "rows=" + rows + " filter=" + filter.query()));
    }

    private static String utc(Timestamp at) {
        return at == null ? null : at.toInstant().toString();
    }
}
