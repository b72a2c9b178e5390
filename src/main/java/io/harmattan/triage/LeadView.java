package io.harmattan.triage;

import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import io.harmattan.lead.LeadTags;
import io.harmattan.lead.FitScore;
import io.harmattan.briefing.Matches;
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
            return LeadStatus.ofCode(status).map(s -> s.canMoveTo(LeadStatus.MERGED)).orElse(false);
        }
    }

    /**
     * A line of the timeline: its kind's code, its parameter ({@code detail}), what a person wrote
     * ({@code remark}); {@code from} names the merged lead it came from, if any.
     */
    public record Entry(Instant at, String actor, String kind, String detail, String remark, String from) {
    }

    public boolean open() {
        return lead.isOpen();
    }

    public boolean canMove(String to) {
        return LeadStatus.ofCode(to).map(lead.status::canMoveTo).orElse(false);
    }
}
