package io.harmattan.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How well a lead fits the firm, 0 to 100, with the points of each part so that a consultant can
 * see why. Documented in docs/triage.md; the parts and their maxima:
 * <ul>
 * <li>sector (30): one of the firm's core sectors (mining, construction, energy, finance) 30, only
 * other sectors 15, none 0;</li>
 * <li>country (25): at least one of Burkina Faso, Mali, Niger 25, else 0;</li>
 * <li>services (15): 5 per service asked for, at most 15;</li>
 * <li>timeframe (15): now 15, within 3 months 12, 6 months 8, a year 4, just exploring 0;</li>
 * <li>organisation (15): job title 5, phone 5, an email on the organisation's own domain (not a
 * free mail provider) 5;</li>
 * <li>duplicate (-10): the request repeats an earlier one, which carries the relationship.</li>
 * </ul>
 * Sectors and countries are the lead's effective ones: what a consultant settled on, else what was
 * declared plus what the text revealed.
 */
public final class FitScore {

    public static final Set<String> CORE_SECTORS = Set.of("mining", "construction", "energy", "finance");
    public static final Set<String> AES = Set.of("BF", "ML", "NE");
    static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "hotmail.com",
            "hotmail.fr", "outlook.com", "outlook.fr", "live.com", "live.fr", "icloud.com", "me.com", "aol.com",
            "proton.me", "protonmail.com", "gmx.com", "gmx.fr", "orange.fr", "free.fr", "laposte.net", "mail.com",
            "yandex.com", "zoho.com");

    /** One part of the score: its key (for the label), the points earned and the most it could give. */
    public record Part(String key, int points, int max) {
    }

    public record Breakdown(List<Part> parts) {

        public int total() {
            return Math.max(0, Math.min(100, parts.stream().mapToInt(Part::points).sum()));
        }
    }

    /** What the score looks at. */
    public record Facts(Collection<String> sectors, Collection<String> countries, Collection<String> services,
            String timeframe, String jobTitle, String phone, String email, boolean duplicate) {
    }

    private FitScore() {
    }

    public static Breakdown of(Facts facts) {
        List<Part> parts = new ArrayList<>();
        int sector = facts.sectors().stream().anyMatch(CORE_SECTORS::contains) ? 30 : facts.sectors().isEmpty() ? 0 : 15;
        parts.add(new Part("sector", sector, 30));
        parts.add(new Part("country", facts.countries().stream().anyMatch(AES::contains) ? 25 : 0, 25));
        parts.add(new Part("services", Math.min(15, 5 * facts.services().size()), 15));
        parts.add(new Part("timeframe", timeframePoints(facts.timeframe()), 15));
        int organisation = (blank(facts.jobTitle()) ? 0 : 5) + (blank(facts.phone()) ? 0 : 5)
                + (ownDomain(facts.email()) ? 5 : 0);
        parts.add(new Part("organisation", organisation, 15));
        parts.add(new Part("duplicate", facts.duplicate() ? -10 : 0, 0));
        return new Breakdown(List.copyOf(parts));
    }

    static int timeframePoints(String timeframe) {
        if (timeframe == null) {
            return 0;
        }
        switch (timeframe) {
            case "now":
                return 15;
            case "3-months":
                return 12;
            case "6-months":
                return 8;
            case "12-months":
                return 4;
            default:
                return 0;
        }
    }

    static boolean ownDomain(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return false;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return !domain.isEmpty() && !FREE_MAIL.contains(domain);
    }

    /** The part of an address after the @, lower case; null for a free mail provider (shared by strangers). */
    public static String organisationDomain(String email) {
        return ownDomain(email) ? email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT) : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
