package io.harmattan.triage;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The first-response clock: how long a lead has waited, counted in business hours only (a lead
 * that arrives on Friday evening has not waited all weekend), and whether that is fine, worth a
 * warning, or a breach of the promise to prospects.
 */
public final class ResponseClock {

    public enum State {
        OK, WARNING, BREACH, ANSWERED
    }

    /** Where and when the consultants work, and the two thresholds, in business time. */
    public record Hours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes, Duration warning,
            Duration breach) {

        public Hours {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("business hours must close after they open");
            }
            if (breach.compareTo(warning) < 0) {
                throw new IllegalArgumentException("the breach threshold comes after the warning");
            }
        }
    }

    /** A lead's clock: the business time it waited (until answered, else until now) and its state. */
    public record Reading(Duration waited, State state) {

        public long minutes() {
            return waited.toMinutes();
        }

        public long hours() {
            return minutes() / 60;
        }

        /** ok, warning, breach or answered: for labels and styles. */
        public String code() {
            return state.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Minutes past the whole hours. */
        public long rest() {
            return minutes() % 60;
        }
    }

    /** Never counts more than this many calendar days, so a very old lead costs no more than a recent one. */
    static final int MAX_DAYS = 3660;

    private final Hours hours;

    public ResponseClock(Hours hours) {
        this.hours = hours;
    }

    public Reading read(Instant submitted, Instant answered, Instant now) {
        Instant end = answered != null ? answered : now;
        Duration waited = businessTime(submitted, end);
        State state = answered != null ? State.ANSWERED
                : waited.compareTo(hours.breach()) >= 0 ? State.BREACH
                : waited.compareTo(hours.warning()) >= 0 ? State.WARNING : State.OK;
        return new Reading(waited, state);
    }

    /** Business time between two instants: the overlap of [from, to) with the working windows. */
    public Duration businessTime(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        ZonedDateTime start = from.atZone(hours.zone());
        ZonedDateTime end = to.atZone(hours.zone());
        Duration total = Duration.ZERO;
        LocalDate day = start.toLocalDate();
        LocalDate last = end.toLocalDate();
        for (int i = 0; !day.isAfter(last) && i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime open = day.atTime(hours.opens()).atZone(hours.zone());
            ZonedDateTime close = day.atTime(hours.closes()).atZone(hours.zone());
            ZonedDateTime a = start.isAfter(open) ? start : open;
            ZonedDateTime b = end.isBefore(close) ? end : close;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }
}
