package io.harmattan.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One version of a briefing, whole, as the preview, the comparison, the editor and the client's
 * page show it: copied out of the entity inside the read transaction, codes sorted.
 */
public record VersionContent(long briefingId, int number, String titleEn, String titleFr, String summaryEn,
        String summaryFr, String bodyEn, String bodyFr, Instant enUpdatedAt, Instant frUpdatedAt,
        List<String> countries, List<String> sectors, boolean allSectors, int securityRisk, int politicalRisk,
        int operationalRisk, String sources, LocalDate reviewDate, Tlp tlp) {

    public Languages languages() {
        return new Languages(Languages.written(titleEn, summaryEn, bodyEn), Languages.written(titleFr, summaryFr, bodyFr),
                enUpdatedAt, frUpdatedAt);
    }

    /** When the other language's text was updated after this one's, if it was (see {@link Languages#otherNewerThan}). */
    public Optional<Instant> otherNewerThan(String language) {
        return languages().otherNewerThan(language);
    }

    /** The language to show a reader who prefers {@code language}: theirs if written, else the other. */
    public String languageFor(String language) {
        return languages().languageFor(language);
    }

    public String title(String language) {
        return "fr".equals(language) ? titleFr : titleEn;
    }

    public String summary(String language) {
        return "fr".equals(language) ? summaryFr : summaryEn;
    }

    public String body(String language) {
        return "fr".equals(language) ? bodyFr : bodyEn;
    }

    public List<String> sourceList() {
        return sources == null ? List.of() : Arrays.stream(sources.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }
}
