package io.harmattan.triage;

import io.harmattan.briefing.Matches;
import io.harmattan.lead.FitScore;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import io.harmattan.lead.LeadTags;
import io.harmattan.lead.SpamReason;
import io.harmattan.matching.MatchEngine.Analysis;
import io.harmattan.staff.Consultant;
import java.time.Instant;
import java.util.List;

/** Everything the lead page shows, gathered inside one transaction. */
public record LeadView(Detail lead, Analysis analysis, LeadTags tags, FitScore.Breakdown fit, ResponseClock.Reading clock,
        List<Matches.Match> briefings, List<Similar> similar, List<Entry> timeline, List<Consultant.Assignee> consultants,
        String duplicateOfReference, Long duplicateOfId, String mergedIntoReference, String organisationName) {

    /** The lead as the page shows it, copied out of the entity. */
    public record Detail(long id, String reference, long version, LeadStatus status, String statusReason, String assignee,
            String source, String name, String email, String organisation, String jobTitle, String phone, String timeframe,
            String needs, String language, List<String> services, Instant submittedAt, String consentVersion,
            String consentLanguage, Instant consentAt, boolean marketingOptIn, SpamReason spamReason, Integer spamValue,
            Long mergedInto, String tagsReviewedBy, Instant tagsReviewedAt, boolean contactable, String disqualifyReason) {

        static Detail of(Lead l) {
            return new Detail(l.id, l.reference, l.version, l.status, l.statusReason, l.assignee, l.source, l.name, l.email,
                    l.organisation, l.jobTitle, l.phone, l.timeframe, l.needs, l.language, List.copyOf(l.services),
                    l.submittedAt, l.consentVersion, l.consentLanguage, l.consentAt, l.marketingOptIn, l.spamReason,
                    l.spamValue, l.mergedInto, l.tagsReviewedBy, l.tagsReviewedAt, l.canBeContacted(),
                    l.disqualifyReason == null ? null : l.disqualifyReason.code());
        }
    }

    /** Another lead that may be the same prospect, and why it is listed. */
    public record Similar(long id, String reference, String name, String organisation, String email, String status,
            Instant submittedAt, String why) {

        public boolean mergeable() {
            return LeadStatus.ofCode(status).map(s -> s.canMoveTo(LeadStatus.MERGED)).orElse(false);
        }
    }

    /**
     * A line of the timeline: its kind's code, its parameter ({@code detail}), what a person wrote
     * ({@code remark}), a disqualification's listed reason ({@code reason}); {@code from} names the
     * merged lead it came from, if any.
     */
    public record Entry(Instant at, String actor, String kind, String detail, String remark, String reason, String from) {
    }

    /** A consultant's name as people know it, from the directory this page already holds; anyone else as given. */
    public String nameOf(String username) {
        return Consultant.Assignee.nameOf(consultants, username);
    }

    public boolean open() {
        return lead.status().isOpen();
    }

    public boolean canMove(String to) {
        return LeadStatus.ofCode(to).map(lead.status()::canMoveTo).orElse(false);
    }
}
