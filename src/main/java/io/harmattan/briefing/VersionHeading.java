package io.harmattan.briefing;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A version as the console lists it: titles, marking, languages and publication, never the body. */
public record VersionHeading(long briefingId, int number, String titleEn, String titleFr, Languages languages, Tlp tlp,
        Instant publishedAt, String publishedBy) {

    /** As a query selects it: whether each language is written, computed in SQL so that no body is read. */
    public VersionHeading(long briefingId, int number, String titleEn, String titleFr, boolean english, boolean french,
            Instant enUpdatedAt, Instant frUpdatedAt, Tlp tlp, Instant publishedAt, String publishedBy) {
        this(briefingId, number, titleEn, titleFr, new Languages(english, french, enUpdatedAt, frUpdatedAt), tlp,
                publishedAt, publishedBy);
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
