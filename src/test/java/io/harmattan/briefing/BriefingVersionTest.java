package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which language needs a translator, and which one a reader gets. */
class BriefingVersionTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private static BriefingVersion both(Instant english, Instant french) {
        BriefingVersion version = new BriefingVersion();
        version.briefingId = 1L;
        version.titleEn = "Title";
        version.summaryEn = "Summary";
        version.bodyEn = "Body";
        version.titleFr = "Titre";
        version.summaryFr = "Résumé";
        version.bodyFr = "Corps";
        version.enUpdatedAt = english;
        version.frUpdatedAt = french;
        return version;
    }

    @Test
    void aLanguageEditedLaterLeavesTheOtherFlaggedAsOlder() {
        assertThat(both(T, T).languages().needingWork()).isEmpty();
        assertThat(both(T, T.plusSeconds(30)).languages().needingWork()).as("saved together").isEmpty();
        assertThat(both(T.plusSeconds(3600), T).languages().needingWork()).isEqualTo(Optional.of("fr"));
        assertThat(both(T, T.plusSeconds(3600)).languages().needingWork()).isEqualTo(Optional.of("en"));
    }

    @Test
    void aMissingLanguageIsFlaggedAndReadersFallBackToTheOther() {
        BriefingVersion englishOnly = both(T, null);
        englishOnly.bodyFr = " ";
        assertThat(englishOnly.languages().needingWork()).isEqualTo(Optional.of("fr"));
        assertThat(englishOnly.languages().languageFor("fr")).isEqualTo("en");
        assertThat(englishOnly.languages().languageFor("en")).isEqualTo("en");
        assertThat(both(T, T).languages().languageFor("fr")).isEqualTo("fr");
    }

    @Test
    void sourcesAreOnePerLine() {
        BriefingVersion version = both(T, T);
        version.sources = "One\r\n\n  Two  \n";
        assertThat(version.content().sourceList()).containsExactly("One", "Two");
    }
}
