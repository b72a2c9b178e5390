package io.harmattan.briefing;

import java.time.Instant;

/**
 * A line of the console's list: the briefing and the version a consultant would work on (without
 * its approval, which only the briefing's own page shows).
 */
public record BriefingRow(BriefingHeading briefing, VersionHeading latest) {

    /** As the list's one query selects it, briefing and latest version side by side. */
    public BriefingRow(long id, BriefingStatus status, Integer publishedVersion, Integer draftVersion, long lock,
            int number, String titleEn, String titleFr, boolean english, boolean french, Instant enUpdatedAt,
            Instant frUpdatedAt, Tlp tlp, Instant publishedAt, String publishedBy) {
        this(new BriefingHeading(id, status, publishedVersion, draftVersion, lock), new VersionHeading(id, number,
                titleEn, titleFr, english, french, enUpdatedAt, frUpdatedAt, tlp, publishedAt, publishedBy, false, null, null, null));
    }

    /** Published, with the next version being written. */
    public boolean draftPending() {
        return briefing.draftVersion() != null && briefing.publishedVersion() != null;
    }
}
