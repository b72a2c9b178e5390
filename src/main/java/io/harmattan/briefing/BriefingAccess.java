package io.harmattan.briefing;

import io.harmattan.matching.MatchEngine;
import io.harmattan.matching.MatchEngine.Ranked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which published briefings a client's person may read: those that match the sectors and countries
 * followed, less the TLP:RED ones the person is not named for. One rule for the portal's pages, the
 * digest and the new-version alerts, so a mail never names a briefing its reader could not open.
 */
@ApplicationScoped
public class BriefingAccess {

    @Inject
    BriefingRecipients recipients;

    /** Best match first, each with why it matches; the recipients are asked only when a TLP:RED briefing matches. */
    public Map<Long, Ranked> readable(Collection<String> sectors, Collection<String> countries, long personId,
            BriefingCatalogue.Snapshot published) {
        Map<Long, Ranked> readable = new LinkedHashMap<>();
        if (sectors.isEmpty() || countries.isEmpty()) {
            return readable;
        }
        MatchEngine engine = MatchEngine.standard();
        List<Ranked> matching = engine.rank(engine.analyse(null, sectors, countries), published.candidates());
        Set<Long> named = matching.stream().anyMatch(m -> red(published, m.id())) ? recipients.namedFor(personId) : Set.of();
        matching.stream().filter(m -> !red(published, m.id()) || named.contains(m.id()))
                .forEach(m -> readable.put(m.id(), m));
        return readable;
    }

    private static boolean red(BriefingCatalogue.Snapshot published, long id) {
        return published.entry(id).map(e -> e.tlp() == Tlp.RED).orElse(false);
    }
}
