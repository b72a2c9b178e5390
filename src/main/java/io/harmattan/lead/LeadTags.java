package io.harmattan.lead;

import io.harmattan.matching.MatchEngine;
import io.harmattan.matching.MatchEngine.Analysis;
import io.harmattan.matching.MatchEngine.Tag;
import java.util.List;

/**
 * A lead's sectors and countries as triage uses them: what a consultant settled on once they
 * reviewed them, else what the prospect declared plus what the needs text revealed.
 */
public record LeadTags(List<String> sectors, List<String> countries, boolean reviewed) {

    public static Analysis analyse(Lead lead) {
        return MatchEngine.standard().analyse(lead.needs, lead.sectors, lead.countries);
    }

    public static LeadTags of(Lead lead) {
        return of(lead, lead.tagsReviewed() ? null : analyse(lead));
    }

    /** With the analysis already at hand (null when the tags were reviewed). */
    public static LeadTags of(Lead lead, Analysis analysis) {
        if (lead.tagsReviewed()) {
            return new LeadTags(sorted(lead.reviewedSectors, MatchEngine.SECTORS),
                    sorted(lead.reviewedCountries, MatchEngine.COUNTRIES), true);
        }
        return new LeadTags(analysis.sectors().stream().map(Tag::code).toList(),
                analysis.countries().stream().map(Tag::code).toList(), false);
    }

    private static List<String> sorted(java.util.Collection<String> codes, List<String> order) {
        return order.stream().filter(codes::contains).toList();
    }

    public FitScore.Breakdown fit(Lead lead) {
        return FitScore.of(new FitScore.Facts(sectors, countries, lead.services, lead.timeframe, lead.jobTitle, lead.phone,
                lead.email, lead.duplicateOf != null));
    }
}
