package io.harmattan.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Dates for pages and mails, in one style per language ("1 May 2027", "1er mai 2027"; with the
 * time, "1 May 2027, 14:05 UTC" and "1er mai 2027 à 14:05 UTC"). Times are UTC and say so. Lists
 * short of room use the same style with the month cut short and UTC said in the column's heading
 * ("1 May 2027, 14:05", "1er mai 2027, 14:05").
 */
@ApplicationScoped
@Named("formats")
public class Dates {

    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_FR = french(" MMMM yyyy");
    private static final DateTimeFormatter TIME_EN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_FR = french(" MMMM yyyy 'à' HH:mm 'UTC'");
    private static final DateTimeFormatter SHORT_EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_FR = french(" MMM yyyy, HH:mm");

    /** French writes the first day of a month as an ordinal: "1er mai", "2 mai". */
    private static DateTimeFormatter french(String afterTheDay) {
        Map<Long, String> days = LongStream.rangeClosed(1, 31).boxed()
                .collect(Collectors.toMap(d -> d, d -> d == 1 ? "1er" : Long.toString(d)));
        return new DateTimeFormatterBuilder().appendText(ChronoField.DAY_OF_MONTH, days).appendPattern(afterTheDay)
                .toFormatter(Locale.FRENCH);
    }

    public String date(Instant instant, Locale locale) {
        return instant == null ? "" : day(LocalDate.ofInstant(instant, ZoneOffset.UTC), locale);
    }

    public String day(LocalDate day, Locale locale) {
        return inStyle(day, locale);
    }

    public String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : (french(locale) ? TIME_FR : TIME_EN).format(instant.atOffset(ZoneOffset.UTC));
    }

    /** A match score (0 to 1) with two decimals at most, as the reader's language writes them: 0.75, 0,75. */
    public String score(double score, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(french(locale) ? Locale.FRENCH : Locale.ENGLISH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(2);
        return format.format(score);
    }

    /** The same, shorter, for a list's column whose heading says UTC. */
    public String shortDateTime(Instant instant, Locale locale) {
        return instant == null ? "" : (french(locale) ? SHORT_FR : SHORT_EN).format(instant.atOffset(ZoneOffset.UTC));
    }

    /** A day in the language's style, for code that is no template (mails). */
    public static String inStyle(LocalDate day, Locale locale) {
        return day == null ? "" : (french(locale) ? DAY_FR : DAY_EN).format(day);
    }

    private static boolean french(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage());
    }
}
