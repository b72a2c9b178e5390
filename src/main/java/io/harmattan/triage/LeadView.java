package io.harmattan.triage;

import io.harmattan.briefing.Matches;
import io.harmattan.intake.Lead;
import io.harmattan.matching.MatchEngine.Analysis;
import java.time.Instant;
import java.util.List;

/** Everything the lead page shows, gathered inside one transaction. */
public record LeadView(Lead lead, Analysis analysis, LeadTags tags, FitScore.Breakdown fit, ResponseClock.Reading clock,
        List<Matches.Match> briefings, List<Similar> similar, List<Entry> timeline, List<Consultant> consultants,
        String duplicateOfReference, Long duplicateOfId, String mergedIntoReference, String organisationName) {

    /** Another lead that may be the same prospect, and why it is listed. */
    public record Similar(long id, String reference, String name, String organisation, String email, String status,
            Instant submittedAt, String why) {

        public boolean mergeable() {
            return LeadStatus.canMove(status, LeadStatus.MERGED);
        }
    }

    /** A line of the timeline; {@code from} names the merged lead it came from, if any. */
    public record Entry(Instant at, String actor, String kind, String detail, String from) {

        /** For status entries: the status, before any reason. */
        public String status() {
            int colon = detail == null ? -1 : detail.indexOf(':');
            return colon < 0 ? detail : detail.substring(0, colon);
        }

        public String reason() {
            int colon = detail == null ? -1 : detail.indexOf(':');
            return colon < 0 ? null : detail.substring(colon + 1);
        }
    }

    public boolean open() {
        return LeadStatus.isOpen(lead.status);
    }

    public boolean canMove(String to) {
        return LeadStatus.canMove(lead.status, to);
    }
}
