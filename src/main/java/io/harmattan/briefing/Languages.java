package io.harmattan.briefing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which of English and French a briefing version is written in, and when each was last edited:
 * the language a reader gets, and the one a translator should look at. One rule for the entity
 * and for the records pages get, whether they carry the texts or only whether they are written.
 */
public record Languages(boolean english, boolean french, Instant enUpdatedAt, Instant frUpdatedAt) {

    /** Saving both languages in one go is not "one is older than the other". */
    static final Duration SAME_EDIT = Duration.ofMinutes(1);

    /** A language is written when its title, summary and body all are. */
    static boolean written(String title, String summary, String body) {
        return present(title) && present(summary) && present(body);
    }

    public boolean has(String language) {
        return "fr".equals(language) ? french : english;
    }

    public boolean isMissing(String language) {
        return !has(language);
    }

    /** The language to show a reader who prefers {@code language}: theirs if written, else the other. */
    public String languageFor(String language) {
        String other = "fr".equals(language) ? "en" : "fr";
        return has(language) || !has(other) ? language : other;
    }

    /**
     * The language that needs a translator's attention, if any: missing, or last edited more than a
     * minute before the other language was.
     */
    public Optional<String> needingWork() {
        if (!english) {
            return Optional.of("en");
        }
        if (!french) {
            return Optional.of("fr");
        }
        if (enUpdatedAt != null && frUpdatedAt != null) {
            if (frUpdatedAt.isBefore(enUpdatedAt.minus(SAME_EDIT))) {
                return Optional.of("fr");
            }
            if (enUpdatedAt.isBefore(frUpdatedAt.minus(SAME_EDIT))) {
                return Optional.of("en");
            }
        }
        return Optional.empty();
    }

    /**
     * When the other language's text was last edited, if that was more than a minute after this
     * language's: its reader is told the other version is newer (and may say more).
     */
    public Optional<Instant> otherNewerThan(String language) {
        boolean french = "fr".equals(language);
        Instant mine = french ? frUpdatedAt : enUpdatedAt;
        Instant other = french ? enUpdatedAt : frUpdatedAt;
        if (!english || !this.french || mine == null || other == null) {
            return Optional.empty();
        }
        return mine.isBefore(other.minus(SAME_EDIT)) ? Optional.of(other) : Optional.empty();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
