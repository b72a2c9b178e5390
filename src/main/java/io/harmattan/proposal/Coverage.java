package io.harmattan.proposal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which of the prospect's stated needs no scope line covers yet. A need is a service they asked
 * for in one of the countries they named (or the service alone when they named none); a line
 * covers it when it offers that service in that country, or in every country when it names none.
 */
public final class Coverage {

    /** A service asked for, in a country (null: anywhere). */
    public record Need(String service, String country) {
    }

    /** What one scope line offers. */
    public record Offer(String service, Set<String> countries) {
    }

    private Coverage() {
    }

    public static List<Need> uncovered(Collection<String> services, Collection<String> countries, List<Offer> lines) {
        List<Need> missing = new ArrayList<>();
        for (String service : services) {
            if (countries.isEmpty()) {
                if (lines.stream().noneMatch(line -> line.service().equals(service))) {
                    missing.add(new Need(service, null));
                }
                continue;
            }
            for (String country : countries) {
                boolean covered = lines.stream().anyMatch(line -> line.service().equals(service)
                        && (line.countries().isEmpty() || line.countries().contains(country)));
                if (!covered) {
                    missing.add(new Need(service, country));
                }
            }
        }
        return missing;
    }
}
