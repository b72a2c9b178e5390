package io.harmattan.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a prospect's free text for places and sector words of the three AES countries, combines
 * what it finds with what the prospect declared, and ranks briefings. Pure Java, deterministic,
 * no framework: the same input always gives the same tags, scores, order and reasons.
 *
 * <h2>Weights</h2>
 * <ul>
 * <li>A declared sector or country weighs {@value #DECLARED}; one inferred from the text weighs
 * {@value #INFERRED}, or {@value #INFERRED_TWICE} when two or more different words point to it
 * (declared wins when both apply).</li>
 * <li>Country fit C: the weight of the best country the briefing shares with the prospect, times
 * {@value #BROAD} if the briefing covers more than one country (less specific). When the prospect
 * gives no country at all, C = {@value #UNKNOWN} for every briefing.</li>
 * <li>Sector fit S: the weight of the best shared sector; a briefing for all sectors gets
 * {@value #ALL_SECTORS} times the prospect's best sector weight. When the prospect gives no
 * sector, S = {@value #UNKNOWN}.</li>
 * <li>score = (C + S) / 2, between 0 and 1. A briefing that shares no country with a prospect who
 * named countries, or no sector with one who named sectors, is not a match at all; a prospect
 * with neither matches nothing.</li>
 * <li>Order: score, then the newest publication, then the lowest id.</li>
 * </ul>
 */
public final class MatchEngine {

    public static final double DECLARED = 1.0;
    public static final double INFERRED = 0.7;
    public static final double INFERRED_TWICE = 0.8;
    public static final double BROAD = 0.9;
    public static final double ALL_SECTORS = 0.6;
    public static final double UNKNOWN = 0.5;
    /** Reasons given per briefing, best first. */
    static final int MAX_REASONS = 3;

    public static final List<String> COUNTRIES = List.of("BF", "ML", "NE");
    private static final String LOGISTICS = "logistics";

    public static final List<String> SECTORS = List.of("mining", "construction", "energy", "finance", "logistics",
            "telecoms", "agriculture", "humanitarian");

    /** What a known phrase stands for: a place (no countries when outside the three), a sector word, or nothing. */
    sealed interface Term permits Place, SectorWord, Nothing {
    }

    /** A place; {@code countries} is empty for places outside the AES, all three for AES-wide areas. */
    record Place(String name, List<String> countries) implements Term {
    }

    /**
     * A word of a sector. A strong one names the writer's business or project ("gold mine", "bank",
     * "NGO"); a weak one often comes up in passing ("trucks", "fuel", "investors") and counts only
     * when no sector has a strong word and two different weak ones agree.
     */
    record SectorWord(String sector, boolean strong) implements Term {
    }

    /** A phrase that holds sector words but means none: a service wanted ("convoy security") or a figure of speech. */
    record Nothing() implements Term {
    }

    private final PhraseIndex<Term> places;
    private final Map<Words.Language, PhraseIndex<Term>> sectorWords;
    private final int placeCount;

    MatchEngine(PhraseIndex<Term> places, Map<Words.Language, PhraseIndex<Term>> sectorWords, int placeCount) {
        this.places = places;
        this.sectorWords = sectorWords;
        this.placeCount = placeCount;
    }

    private static final class Holder {
        static final MatchEngine STANDARD = Vocabulary.load("/matching/places.tsv", "/matching/sectors.tsv");
    }

    /** The engine with the gazetteer and sector lexicon shipped in the jar, loaded once. */
    public static MatchEngine standard() {
        return Holder.STANDARD;
    }

    /** Number of distinct places of the three countries (names, not spellings) the gazetteer knows. */
    public int placeCount() {
        return placeCount;
    }

    // ---- reading text -----------------------------------------------------------------------

    /** A sector or country with why: declared by the prospect, and/or the words that revealed it. */
    public record Tag(String code, boolean declared, List<String> evidence) {

        double weight() {
            if (declared) {
                return DECLARED;
            }
            return evidence.stream().map(Words::fold).distinct().count() >= 2 ? INFERRED_TWICE : INFERRED;
        }
    }

    /** A place of the three countries named in the text; {@code country} is null for an AES-wide area. */
    public record PlaceMention(String name, String country) {
    }

    public record Analysis(List<Tag> sectors, List<Tag> countries, List<PlaceMention> places) {

        public boolean isEmpty() {
            return sectors.isEmpty() && countries.isEmpty();
        }
    }

    /**
     * Tags from the text combined with the declared ones; unknown declared codes are ignored. Places
     * are read first, on the words as written; sector words then on the words stemmed in the text's
     * language, among those no place took. A place or sector the writer denies ("not a mining
     * company", "pas le Mali") is dropped altogether.
     */
    public Analysis analyse(String text, Collection<String> declaredSectors, Collection<String> declaredCountries) {
        Map<String, TagBuilder> sectors = builders(SECTORS, declaredSectors);
        Map<String, TagBuilder> countries = builders(COUNTRIES, declaredCountries);
        Set<PlaceMention> mentions = new LinkedHashSet<>();
        Words words = new Words(text);
        boolean[] used = new boolean[words.size()];
        List<PhraseIndex.Hit<Term>> hits = places.find(words.folded, used, new ArrayList<>());
        sectorWords.get(words.language).find(words.stemmed, used, hits);
        Set<String> denied = new java.util.HashSet<>();
        Map<String, Set<String>> strong = new LinkedHashMap<>();
        Map<String, Set<String>> weak = new LinkedHashMap<>();
        for (PhraseIndex.Hit<Term> hit : hits) {
            String evidence = words.evidence(hit.first(), hit.words());
            boolean negated = Negation.before(words, hit.first(), used);
            if (hit.value() instanceof SectorWord word) {
                if (!LOGISTICS.equals(word.sector()) && Cargo.carried(words, hit.first())) {
                    continue;
                }
                if (negated) {
                    denied.add(word.sector());
                } else {
                    (word.strong() ? strong : weak).computeIfAbsent(word.sector(), k -> new LinkedHashSet<>()).add(evidence);
                }
            } else if (hit.value() instanceof Place place) {
                for (String country : place.countries()) {
                    if (negated) {
                        denied.add(country);
                    } else {
                        countries.get(country).evidence.add(evidence);
                    }
                }
                if (!negated && place.countries().size() == 1) {
                    mentions.add(new PlaceMention(place.name(), place.countries().get(0)));
                } else if (!negated && place.countries().size() > 1) {
                    mentions.add(new PlaceMention(place.name(), null));
                }
            }
        }
        if (strong.isEmpty()) {
            weak.forEach((sector, evidence) -> {
                if (evidence.stream().map(w -> Words.stem(Words.fold(w), words.language)).distinct().count() >= 2) {
                    strong.put(sector, evidence);
                }
            });
        }
        strong.forEach((sector, evidence) -> sectors.get(sector).evidence.addAll(evidence));
        for (String code : denied) {
            TagBuilder builder = sectors.containsKey(code) ? sectors.get(code) : countries.get(code);
            builder.evidence.clear();
        }
        Set<String> deniedPlaces = new java.util.HashSet<>(denied);
        return new Analysis(tags(sectors), tags(countries),
                mentions.stream().filter(m -> m.country() == null || !deniedPlaces.contains(m.country())).toList());
    }

    private static final class TagBuilder {
        boolean declared;
        final Set<String> evidence = new LinkedHashSet<>();
    }

    private static Map<String, TagBuilder> builders(List<String> codes, Collection<String> declared) {
        Map<String, TagBuilder> builders = new LinkedHashMap<>();
        for (String code : codes) {
            TagBuilder builder = new TagBuilder();
            builder.declared = declared != null && declared.contains(code);
            builders.put(code, builder);
        }
        return builders;
    }

    private static List<Tag> tags(Map<String, TagBuilder> builders) {
        return builders.entrySet().stream().filter(e -> e.getValue().declared || !e.getValue().evidence.isEmpty())
                .map(e -> new Tag(e.getKey(), e.getValue().declared, List.copyOf(e.getValue().evidence))).toList();
    }

    // ---- ranking ----------------------------------------------------------------------------

    /** A published briefing as the ranking sees it. An empty sector set means "all sectors". */
    public record Candidate(long id, int countryBits, int sectorBits, long publishedEpochSecond) {

        public static Candidate of(long id, Collection<String> countries, Collection<String> sectors, Instant published) {
            return new Candidate(id, bits(COUNTRIES, countries), bits(SECTORS, sectors),
                    published == null ? 0 : published.getEpochSecond());
        }

        boolean allSectors() {
            return sectorBits == 0;
        }
    }

    /** Why a briefing matched: a sector (null: the briefing is for all sectors, or none was given) and a country. */
    public record Reason(String sector, String country, List<String> evidence) {
    }

    public record Ranked(long id, double score, List<Reason> reasons) {
    }

    /** The matching candidates, best first (see the class comment for the weights). */
    public List<Ranked> rank(Analysis analysis, Collection<Candidate> candidates) {
        return rank(analysis, candidates, Integer.MAX_VALUE);
    }

    /** The best {@code limit} matching candidates, best first; reasons are worked out for those only. */
    public List<Ranked> rank(Analysis analysis, Collection<Candidate> candidates, int limit) {
        if (analysis.isEmpty() || limit <= 0) {
            return List.of();
        }
        double[] countryWeight = weights(COUNTRIES, analysis.countries());
        double[] sectorWeight = weights(SECTORS, analysis.sectors());
        boolean anyCountry = !analysis.countries().isEmpty();
        boolean anySector = !analysis.sectors().isEmpty();
        double bestSector = max(sectorWeight, -1);
        // A bounded heap whose head is the worst of those kept, dropped when a better one arrives.
        java.util.PriorityQueue<Scored> kept = new java.util.PriorityQueue<>(Math.min(limit, 1024) + 1, ORDER.reversed());
        List<Scored> all = limit == Integer.MAX_VALUE ? new ArrayList<>() : null;
        for (Candidate candidate : candidates) {
            double c = anyCountry ? max(countryWeight, candidate.countryBits) : UNKNOWN;
            if (c == 0) {
                continue;
            }
            if (Integer.bitCount(candidate.countryBits) > 1) {
                c *= BROAD;
            }
            double s;
            if (!anySector) {
                s = UNKNOWN;
            } else if (candidate.allSectors()) {
                s = ALL_SECTORS * bestSector;
            } else {
                s = max(sectorWeight, candidate.sectorBits);
            }
            if (s == 0) {
                continue;
            }
            Scored scored = new Scored(candidate, (c + s) / 2);
            if (all != null) {
                all.add(scored);
            } else {
                kept.add(scored);
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
        }
        List<Scored> best = all != null ? all : new ArrayList<>(kept);
        best.sort(ORDER);
        List<Ranked> ranked = new ArrayList<>(best.size());
        for (Scored each : best) {
            ranked.add(new Ranked(each.candidate.id, each.score, reasons(analysis, each.candidate)));
        }
        return ranked;
    }

    /** Best first: score, then the newest publication, then the lowest id. */
    private static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(Comparator.comparingLong((Scored x) -> x.candidate.publishedEpochSecond).reversed())
            .thenComparingLong(x -> x.candidate.id);

    private record Scored(Candidate candidate, double score) {
    }

    /** Shared sector x country pairs, the heaviest first. */
    private static List<Reason> reasons(Analysis analysis, Candidate candidate) {
        List<Tag> countries = shared(analysis.countries(), COUNTRIES, candidate.countryBits);
        List<Tag> sectors = candidate.allSectors() ? List.of() : shared(analysis.sectors(), SECTORS, candidate.sectorBits);
        List<Tag> countryAxis = countries.isEmpty() ? java.util.Collections.singletonList(null) : countries;
        List<Tag> sectorAxis = sectors.isEmpty() ? java.util.Collections.singletonList(null) : sectors;
        List<Reason> reasons = new ArrayList<>();
        for (Tag sector : sectorAxis) {
            for (Tag country : countryAxis) {
                if (reasons.size() == MAX_REASONS) {
                    return reasons;
                }
                Set<String> evidence = new LinkedHashSet<>();
                if (sector != null) {
                    evidence.addAll(sector.evidence());
                }
                if (country != null) {
                    evidence.addAll(country.evidence());
                }
                reasons.add(new Reason(sector == null ? null : sector.code(), country == null ? null : country.code(),
                        List.copyOf(evidence)));
            }
        }
        return reasons;
    }

    private static List<Tag> shared(List<Tag> tags, List<String> codes, int bits) {
        return tags.stream().filter(tag -> (bits & (1 << codes.indexOf(tag.code()))) != 0)
                .sorted(Comparator.comparingDouble(Tag::weight).reversed().thenComparing(tag -> codes.indexOf(tag.code())))
                .toList();
    }

    private static double[] weights(List<String> codes, List<Tag> tags) {
        double[] weights = new double[codes.size()];
        for (Tag tag : tags) {
            weights[codes.indexOf(tag.code())] = tag.weight();
        }
        return weights;
    }

    /** The heaviest weight among the set bits. */
    private static double max(double[] weights, int bits) {
        double best = 0;
        for (int i = 0; i < weights.length; i++) {
            if ((bits & (1 << i)) != 0 && weights[i] > best) {
                best = weights[i];
            }
        }
        return best;
    }

    static int bits(List<String> codes, Collection<String> values) {
        int bits = 0;
        for (String value : values) {
            int index = codes.indexOf(value);
            if (index >= 0) {
                bits |= 1 << index;
            }
        }
        return bits;
    }
}
