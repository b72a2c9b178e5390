package io.harmattan.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harmattan.triage.ResponseClock.Hours;
import io.harmattan.triage.ResponseClock.State;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ResponseClockTest {

    // Niamey is UTC+1 all year: 08:00-17:00 there is 07:00-16:00 UTC.
    private final ResponseClock clock = new ResponseClock(new Hours(ZoneId.of("Africa/Niamey"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0),
            Duration.ofHours(4), Duration.ofHours(8)));

    // 2026-11-20 is a Friday.
    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    @Test
    void countsOnlyWithinTheWorkingDay() {
        assertThat(clock.businessTime(utc("2026-11-20T08:00:00Z"), utc("2026-11-20T10:30:00Z")))
                .isEqualTo(Duration.ofMinutes(150));
        // Arrived before opening: counting starts at 08:00 local (07:00 UTC).
        assertThat(clock.businessTime(utc("2026-11-20T05:00:00Z"), utc("2026-11-20T08:00:00Z")))
                .isEqualTo(Duration.ofHours(1));
        // After closing nothing more is counted.
        assertThat(clock.businessTime(utc("2026-11-20T15:00:00Z"), utc("2026-11-20T22:00:00Z")))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aWeekendDoesNotCount() {
        // Friday 15:00 UTC (16:00 local) to Monday 09:00 UTC (10:00 local): 1 h + 2 h.
        assertThat(clock.businessTime(utc("2026-11-20T15:00:00Z"), utc("2026-11-23T09:00:00Z")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(clock.businessTime(utc("2026-11-21T10:00:00Z"), utc("2026-11-22T18:00:00Z"))).isZero();
    }

    @Test
    void statesFollowTheThresholds() {
        Instant friday = utc("2026-11-20T07:00:00Z");
        assertThat(clock.read(friday, null, utc("2026-11-20T10:59:00Z")).state()).isEqualTo(State.OK);
        assertThat(clock.read(friday, null, utc("2026-11-20T11:00:00Z")).state()).isEqualTo(State.WARNING);
        // Friday 9 h of business time is a breach.
        assertThat(clock.read(friday, null, utc("2026-11-20T16:00:00Z")).state()).isEqualTo(State.BREACH);
        var answered = clock.read(friday, utc("2026-11-20T08:15:00Z"), utc("2026-11-27T00:00:00Z"));
        assertThat(answered.state()).isEqualTo(State.ANSWERED);
        assertThat(answered.minutes()).isEqualTo(75);
    }

    @Test
    void nothingIsCountedBackwardsAndVeryOldLeadsAreBounded() {
        assertThat(clock.businessTime(utc("2026-11-20T12:00:00Z"), utc("2026-11-20T09:00:00Z"))).isZero();
        Duration decade = clock.businessTime(utc("2000-01-03T07:00:00Z"), utc("2026-11-20T16:00:00Z"));
        assertThat(decade).isLessThanOrEqualTo(Duration.ofHours(9L * ResponseClock.MAX_DAYS));
    }

    @Test
    void inconsistentHoursAreRefused() {
        assertThatThrownBy(() -> new Hours(ZoneId.of("Africa/Bamako"), EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(17, 0),
                LocalTime.of(8, 0), Duration.ofHours(1), Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hours(ZoneId.of("Africa/Bamako"), EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0),
                LocalTime.of(17, 0), Duration.ofHours(3), Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
