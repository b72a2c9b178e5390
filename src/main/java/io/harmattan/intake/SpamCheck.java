package io.harmattan.intake;

import io.harmattan.lead.SpamReason;
import io.harmattan.lead.SpamReason.Signal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layered guesses that a submission is spam. A suspect submission is still stored (in
 * quarantine, where a consultant can release it) and its sender sees the normal thank-you page,
 * so a false alarm never loses a genuine request.
 */
public final class SpamCheck {

    /** Faster than a person can read and fill in the form. */
    public static final Duration MINIMUM_FILL_TIME = Duration.ofSeconds(3);
    static final int MAXIMUM_LINKS = 3;
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|\\[url|<a\\s)");
    /** Tags that run code or load content (svg and math included), event-handler attributes, javascript: links, BBCode. */
    private static final Pattern MARKUP = Pattern.compile(
            "(?i)<\\s*(script|iframe|a|img|svg|math|object|embed|style|link|meta|form|video|audio|source|base)\\b"
                    + "|<[^>]*\\son[a-z]+\\s*=|javascript\\s*:|\\[/?url");

    private SpamCheck() {
    }

    /** Why the submission looks like spam, or empty when it does not; a null fill time was not measured (an API call). */
    public static Optional<Signal> reason(String honeypot, Duration fillTime, String... texts) {
        if (honeypot != null && !honeypot.isBlank()) {
            return Optional.of(Signal.of(SpamReason.HONEYPOT));
        }
        if (fillTime != null && fillTime.compareTo(MINIMUM_FILL_TIME) < 0) {
            return Optional.of(new Signal(SpamReason.FAST, (int) fillTime.toMillis()));
        }
        int links = 0;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links++;
            }
            if (MARKUP.matcher(text).find()) {
                return Optional.of(Signal.of(SpamReason.MARKUP));
            }
        }
        return links > MAXIMUM_LINKS ? Optional.of(new Signal(SpamReason.LINKS, links)) : Optional.empty();
    }
}
