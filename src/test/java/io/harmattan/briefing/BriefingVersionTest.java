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
        assertThat(both(T, T).languageNeedingWork()).isEmpty();
        assertThat(both(T, T.plusSeconds(30)).languageNeedingWork()).as("saved together").isEmpty();
        assertThat(both(T.plusSeconds(3600), T).languageNeedingWork()).isEqualTo(Optional.of("fr"));
        assertThat(both(T, T.plusSeconds(3600)).languageNeedingWork()).isEqualTo(Optional.of("en"));
    }

    @Test
    void aMissingLanguageIsFlaggedAndReadersFallBackToTheOther() {
        BriefingVersion englishOnly = both(T, null);
        englishOnly.bodyFr = " ";
        assertThat(englishOnly.languageNeedingWork()).isEqualTo(Optional.of("fr"));
        assertThat(englishOnly.languageFor("fr")).isEqualTo("en");
        assertThat(englishOnly.languageFor("en")).isEqualTo("en");
        assertThat(both(T, T).languageFor("fr")).isEqualTo("fr");
    }

    @Test
    void sourcesAreOnePerLine() {
        BriefingVersion version = both(T, T);
        version.sources = "One\r\n\n  Two  \n";
        assertThat(version.sourceList()).containsExactly("One", "Two");
    }
}
