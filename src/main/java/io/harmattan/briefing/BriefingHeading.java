package io.harmattan.briefing;

/**
 * What the console shows of a briefing itself, above its versions. {@code lock} is the optimistic
 * lock version its forms post back, so that a step taken on a briefing that moved on is refused.
 */
public record BriefingHeading(long id, BriefingStatus status, Integer publishedVersion, Integer draftVersion, long lock) {

    public boolean published() {
        return status == BriefingStatus.PUBLISHED;
    }

    /** The version a consultant works on: the draft if there is one, else the published one. */
    public int latestVersion() {
        return draftVersion != null ? draftVersion : publishedVersion;
    }
}
