package io.harmattan.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates for pages, in the reader's language; times are UTC and say so. */
@ApplicationScoped
@Named("formats")
public class Dates {

    public String date(Instant instant, Locale locale) {
        return instant == null ? "" : day(LocalDate.ofInstant(instant, ZoneOffset.UTC), locale);
    }

    private final java.util.Map<Locale, DateTimeFormatter> dayFormats = new java.util.concurrent.ConcurrentHashMap<>();

    public String day(LocalDate day, Locale locale) {
        return day == null ? "" : dayFormats.computeIfAbsent(locale,
                l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l)).format(day);
    }

    public String dateTime(Instant instant, Locale locale) {
        return instant == null ? ""
                : DateTimeFormatter.ofPattern("fr".equals(locale.getLanguage()) ? "d MMM yyyy HH:mm 'UTC'" : "d MMM yyyy, HH:mm 'UTC'", locale)
                        .format(instant.atOffset(ZoneOffset.UTC));
    }
}
