package io.harmattan.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** The figures of the reports, as the database gives them: codes and numbers, no labels. */
public final class ReportData {

    private ReportData() {
    }

    /** A date range, both days included, read as UTC days like the inbox's filters. */
    public record Range(LocalDate from, LocalDate to) {
    }

    /** How many for one code (a country, a sector, a week's Monday as yyyy-mm-dd). */
    public record Count(String key, long value) {
    }

    public record Leads(long total, List<Count> weeks, List<Count> sources, List<Count> countries, List<Count> sectors,
            List<Count> services) {
    }

    /**
     * First responses to the leads that arrived in the range, in business hours: how many were
     * answered, how many wait still, the median and 90th percentile, and how many were answered
     * within the warning and the breach limits.
     */
    public record Response(long answered, long waiting, Duration median, Duration p90, long withinWarning, long withinBreach,
            Duration warning, Duration breach) {
    }

    /** Of the leads that arrived in the range: all, those qualified (or converted), with a proposal sent, accepted. */
    public record Funnel(long leads, long qualified, long proposed, long accepted) {
    }

    /** Proposals first sent in the range, per currency: how many, how they ended, what they were worth. */
    public record ProposalLine(String currency, long sent, long accepted, long declined, long expired, BigDecimal sentValue,
            BigDecimal acceptedValue) {

        /** Accepted out of those decided (accepted, declined, expired); null when none is decided yet. */
        public Double winRate() {
            long decided = accepted + declined + expired;
            return decided == 0 ? null : (double) accepted / decided;
        }
    }

    /** Reads in the range of one briefing or by one organisation: distinct readers, and reads in all. */
    public record Reads(String key, long readers, long reads) {
    }

    public record Readership(List<Reads> byBriefing, List<Reads> byOrganisation) {
    }
}
