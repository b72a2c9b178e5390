package io.harmattan.briefing;

import io.harmattan.briefing.BriefingCatalogue.Entry;
import io.harmattan.matching.MatchEngine;
import io.harmattan.matching.MatchEngine.Analysis;
import io.harmattan.matching.MatchEngine.Ranked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Free text and declared tags in, inferred tags and ranked published briefings out: the API and the explorer. */
@ApplicationScoped
public class Matches {

    /** A ranked briefing with what a page or the API shows of it. */
    public record Match(Entry briefing, double score, List<String> reasons) {
    }

    public record Result(Analysis analysis, List<Match> briefings) {
    }

    @Inject
    BriefingCatalogue catalogue;

    @Inject
    ReasonTexts reasonTexts;

    public Result match(String text, Collection<String> sectors, Collection<String> countries, int limit, Locale locale) {
        return rank(MatchEngine.standard().analyse(text, sectors, countries), limit, locale);
    }

    /** The published briefings for an analysis already made. */
    public Result rank(Analysis analysis, int limit, Locale locale) {
        BriefingCatalogue.Snapshot published = catalogue.snapshot();
        List<Ranked> ranked = MatchEngine.standard().rank(analysis, published.candidates(), limit);
        List<Match> matches = ranked.stream()
                .map(r -> new Match(published.entry(r.id()).orElseThrow(), Math.round(r.score() * 100) / 100.0,
                        reasonTexts.describe(r.reasons(), locale)))
                .toList();
        return new Result(analysis, matches);
    }
}
