package io.harmattan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.HarmattanConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The daily mails wait for the working day: from opening time, on working days, in the firm's zone. */
class WorkingHoursTest {

    private static final HarmattanConfig.TriageHours NIAMEY = new HarmattanConfig.TriageHours() {
        public ZoneId zone() {
            return ZoneId.of("Africa/Niamey");
        }

        public Set<DayOfWeek> days() {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }

        public LocalTime opens() {
            return LocalTime.of(8, 0);
        }

        public LocalTime closes() {
            return LocalTime.of(17, 0);
        }

        public Duration warning() {
            return Duration.ofHours(4);
        }

        public Duration breach() {
            return Duration.ofHours(8);
        }
    };

    @Test
    void theDayBeginsAtOpeningTimeOnAWorkingDayInTheFirmsZone() {
        // Niamey is UTC+1: 07:00 UTC is opening time there.
        assertThat(WorkingHours.dayHasBegun(NIAMEY, Instant.parse("2026-12-04T06:59:00Z"))).isFalse();
        assertThat(WorkingHours.dayHasBegun(NIAMEY, Instant.parse("2026-12-04T07:00:00Z"))).isTrue();
        assertThat(WorkingHours.dayHasBegun(NIAMEY, Instant.parse("2026-12-04T22:00:00Z"))).isTrue();
        assertThat(WorkingHours.dayHasBegun(NIAMEY, Instant.parse("2026-12-05T10:00:00Z"))).as("a Saturday").isFalse();
    }
}
