package io.harmattan.briefing;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A version as the console lists it: titles, marking, languages, publication and the four-eyes
 * approval (whether any risk is rated 5, who last saved it, who approved it), never the body.
 */
public record VersionHeading(long briefingId, int number, String titleEn, String titleFr, Languages languages, Tlp tlp,
        Instant publishedAt, String publishedBy, boolean topRating, String savedBy, String approvedBy, Instant approvedAt) {

    /** As a query selects it: whether each language is written, computed in SQL so that no body is read. */
    public VersionHeading(long briefingId, int number, String titleEn, String titleFr, boolean english, boolean french,
            Instant enUpdatedAt, Instant frUpdatedAt, Tlp tlp, Instant publishedAt, String publishedBy, boolean topRating,
            String savedBy, String approvedBy, Instant approvedAt) {
        this(briefingId, number, titleEn, titleFr, new Languages(english, french, enUpdatedAt, frUpdatedAt), tlp,
                publishedAt, publishedBy, topRating, savedBy, approvedBy, approvedAt);
    }

    /** TLP:RED or a 5 on any risk: a second lead consultant approves it before it is published. */
    public boolean needsSecondLook() {
        return tlp == Tlp.RED || topRating;
    }

    /**
     * Whether {@code username} may approve this draft as far as the heading tells: not its last
     * editor (roles and earlier editors are checked apart).
     */
    public boolean approvableBy(String username) {
        return publishedAt == null && needsSecondLook() && approvedBy == null && !username.equals(savedBy);
    }

    /** Ready to publish as far as the four eyes go. */
    public boolean clearedToPublish() {
        return !needsSecondLook() || approvedBy != null;
    }

    public String title(Locale locale) {
        return "fr".equals(languages.languageFor(locale.getLanguage())) ? titleFr : titleEn;
    }

    public boolean published() {
        return publishedAt != null;
    }

    public Optional<String> languageNeedingWork() {
        return languages.needingWork();
    }

    public boolean isMissing(String language) {
        return languages.isMissing(language);
    }
}
