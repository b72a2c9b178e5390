package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DatesTest {

    private final Dates dates = new Dates();

    @Test
    void frenchWritesTheFirstOfTheMonthAsAnOrdinal() {
        assertThat(Dates.inStyle(LocalDate.of(2026, 12, 1), Locale.FRENCH)).isEqualTo("1er décembre 2026");
        assertThat(Dates.inStyle(LocalDate.of(2026, 12, 2), Locale.FRENCH)).isEqualTo("2 décembre 2026");
        assertThat(Dates.inStyle(LocalDate.of(2027, 5, 31), Locale.FRENCH)).isEqualTo("31 mai 2027");
        Instant first = Instant.parse("2027-05-01T14:05:00Z");
        assertThat(dates.dateTime(first, Locale.FRENCH)).isEqualTo("1er mai 2027 à 14:05 UTC");
        assertThat(dates.shortDateTime(first, Locale.FRENCH)).isEqualTo("1er mai 2027, 14:05");
    }

    @Test
    void englishKeepsTheDayAsANumber() {
        assertThat(Dates.inStyle(LocalDate.of(2026, 12, 1), Locale.ENGLISH)).isEqualTo("1 December 2026");
        assertThat(dates.dateTime(Instant.parse("2027-05-01T14:05:00Z"), Locale.ENGLISH)).isEqualTo("1 May 2027, 14:05 UTC");
    }

    @Test
    void aMatchScoreIsWrittenWithTheLanguagesDecimalMark() {
        assertThat(dates.score(0.75, Locale.ENGLISH)).isEqualTo("0.75");
        assertThat(dates.score(1.0, Locale.ENGLISH)).isEqualTo("1.0");
        assertThat(dates.score(0.75, Locale.FRENCH)).isEqualTo("0,75");
        assertThat(dates.score(1.0, Locale.FRENCH)).isEqualTo("1,0");
        assertThat(dates.score(0.3333, Locale.FRENCH)).isEqualTo("0,33");
    }
}
