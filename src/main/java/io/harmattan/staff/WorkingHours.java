package io.harmattan.staff;

import io.harmattan.HarmattanConfig;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Whether the consultants' working day has begun: the daily mails to them (overdue follow-ups,
 * briefings due for review) go out from the firm's opening time on a working day, not at night.
 */
public final class WorkingHours {

    private WorkingHours() {
    }

    public static boolean dayHasBegun(HarmattanConfig.TriageHours hours, Instant now) {
        ZonedDateTime local = now.atZone(hours.zone());
        return hours.days().contains(local.getDayOfWeek()) && !local.toLocalTime().isBefore(hours.opens());
    }
}
