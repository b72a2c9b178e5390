package io.harmattan.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.matching.MatchEngine.Analysis;
import io.harmattan.matching.MatchEngine.Candidate;
import io.harmattan.matching.MatchEngine.PlaceMention;
import io.harmattan.matching.MatchEngine.Ranked;
import io.harmattan.matching.MatchEngine.Reason;
import io.harmattan.matching.MatchEngine.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gazetteer, the sector lexicon and the ranking: plain Java, no Quarkus. */
class MatchEngineTest {

    private final MatchEngine engine = MatchEngine.standard();

    private Analysis read(String text) {
        return engine.analyse(text, List.of(), List.of());
    }

    private static List<String> codes(List<Tag> tags) {
        return tags.stream().map(Tag::code).toList();
    }

    private static Tag tag(List<Tag> tags, String code) {
        return tags.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theGazetteerCoversTheThreeCountriesInDepth() {
        assertThat(engine.placeCount()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void aMineSiteAndASectorWordGiveSectorCountryAndPlaceWithTheirEvidence() {
        Analysis analysis = read("We are looking at the Sadiola gold project.");
        assertThat(codes(analysis.countries())).containsExactly("ML");
        assertThat(tag(analysis.countries(), "ML").evidence()).containsExactly("Sadiola");
        assertThat(codes(analysis.sectors())).containsExactly("mining");
        assertThat(tag(analysis.sectors(), "mining").evidence()).containsExactly("gold project");
        assertThat(analysis.places()).containsExactly(new PlaceMention("Sadiola", "ML"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "Convois entre Ségou et Mopti; ML",
            "convois entre SEGOU et mopti; ML",
            "A plant near Tillabéri; NE",
            "a plant near Tillaberi; NE",
            "Notre site à Fada N'Gourma; BF",
            "our site at Fada Ngourma; BF",
            "Bureau à Bobo-Dioulasso; BF",
            "Raffinerie de Zinder; NE",
            "Le barrage de Kandadji; NE",
            "Mines d'Essakane et de Houndé; BF",
            "the uranium mines around Arlit; NE",
            "N'Guigmi and Diffa; NE",
            "La Société nigérienne; NE",
            "Burkinabè partners; BF",
            "Tombouctou, Timbuktu; ML"})
    void placesAreFoundWhateverTheAccentsCaseOrSpelling(String text, String country) {
        assertThat(codes(read(text).countries())).containsExactly(country);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Barges on the Niger river near Mopti; ML",
            "Le fleuve Niger traverse Bamako; ML",
            "Rice schemes of the Office du Niger; ML",
            "Irrigation in the Office du Niger around Niono; ML",
            "Oil in the Niger Delta and Lagos; ''",
            "Ports of Dakar and Abidjan; ''",
            "Offices in Dakar, Abidjan, Accra and Lomé; ''",
            "Niger State in Nigeria; ''"})
    void nigerTheRiverTheDeltaAndForeignPlacesAddNoCountryOfTheirOwn(String text, String countries) {
        List<String> expected = countries == null || countries.isBlank() ? List.of() : List.of(countries.split(","));
        assertThat(codes(read(text).countries())).containsExactlyElementsOf(expected);
    }

    @Test
    void nigerAloneIsTheCountry() {
        assertThat(codes(read("A solar plant in Niger").countries())).containsExactly("NE");
        assertThat(codes(read("au Niger et au Mali").countries())).containsExactly("ML", "NE");
    }

    @Test
    void aRegionSpanningTheThreeCountriesAddsAllThree() {
        Analysis analysis = read("Convoys across the Liptako-Gourma");
        assertThat(codes(analysis.countries())).containsExactly("BF", "ML", "NE");
        assertThat(analysis.places()).containsExactly(new PlaceMention("Liptako-Gourma", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "exploitation minière artisanale; mining",
            "orpaillage; mining",
            "Centrale solaire photovoltaïque; energy",
            "an oil refinery; energy",
            "travaux publics et génie civil; construction",
            "road construction contractor; construction",
            "banque et assurance; finance",
            "private equity investors; finance",
            "convois de camions; logistics",
            "supply chain and warehousing; logistics",
            "chemin de fer; logistics",
            "réseau mobile et pylônes; telecoms",
            "coton et élevage; agriculture",
            "ONG humanitaire; humanitarian",
            "aid workers and displaced people; humanitarian"})
    void sectorWordsInEnglishAndFrench(String text, String sector) {
        assertThat(codes(read(text).sectors())).containsExactly(sector);
    }

    @Test
    void commonWordsThatLookLikeSectorWordsDoNotCount() {
        // "or" is French for gold, and English for or; "Afrique centrale" is no power plant.
        assertThat(read("gold or silver").sectors()).extracting(Tag::evidence).containsExactly(List.of("gold"));
        assertThat(read("Afrique centrale, capacity building").sectors()).isEmpty();
    }

    @Test
    void mixedLanguageTextCombinesBothVocabularies() {
        Analysis analysis = read("Projet minier near Kayes, plus a solar plant à Dosso and bank branches in Ouaga");
        assertThat(codes(analysis.countries())).containsExactly("BF", "ML", "NE");
        assertThat(codes(analysis.sectors())).containsExactly("mining", "energy", "finance");
    }

    @Test
    void declaredAndInferredTagsCombineAndInferredOnesKeepTheirEvidence() {
        Analysis analysis = engine.analyse("gold near Kayes", List.of("energy"), List.of("NE"));
        assertThat(analysis.sectors()).containsExactly(new Tag("mining", false, List.of("gold")),
                new Tag("energy", true, List.of()));
        assertThat(analysis.countries()).containsExactly(new Tag("ML", false, List.of("Kayes")),
                new Tag("NE", true, List.of()));
    }

    @Test
    void unknownDeclaredCodesAndEmptyTextGiveNothing() {
        assertThat(engine.analyse(null, List.of("weapons"), List.of("SN")).isEmpty()).isTrue();
        assertThat(engine.rank(read(""), List.of(candidate(1, "ML", "mining")))).isEmpty();
    }

    // ---- ranking ------------------------------------------------------------------------

    private static final Instant JAN = Instant.parse("2026-01-15T00:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-15T00:00:00Z");

    private static Candidate candidate(long id, String countries, String sectors) {
        return candidate(id, countries, sectors, JAN);
    }

    private static Candidate candidate(long id, String countries, String sectors, Instant published) {
        return Candidate.of(id, Set.of(countries.split(",")),
                sectors.isEmpty() ? Set.of() : Set.of(sectors.split(",")), published);
    }

    @Test
    void rankingFollowsTheDocumentedWeights() {
        Analysis analysis = engine.analyse("gold at Sadiola", List.of(), List.of());
        List<Ranked> ranked = engine.rank(analysis, List.of(
                candidate(1, "ML", "mining"),            // (0.7 + 0.7) / 2
                candidate(2, "BF,ML,NE", "mining"),      // (0.7 * 0.9 + 0.7) / 2
                candidate(3, "ML", ""),                  // (0.7 + 0.6 * 0.7) / 2
                candidate(4, "ML", "energy"),            // no shared sector
                candidate(5, "NE", "mining")));          // no shared country
        assertThat(ranked).extracting(Ranked::id).containsExactly(1L, 2L, 3L);
        assertThat(ranked).extracting(Ranked::score).containsExactly(0.7, (0.7 * 0.9 + 0.7) / 2, (0.7 + 0.6 * 0.7) / 2);
    }

    @Test
    void declaredBeatsInferredAndTwoWordsBeatOne() {
        Analysis declared = engine.analyse("", List.of("mining"), List.of("ML"));
        Analysis twice = engine.analyse("gold and a new mine at Loulo, Kayes", List.of(), List.of());
        Analysis once = engine.analyse("gold at Kayes", List.of(), List.of());
        Candidate mali = candidate(1, "ML", "mining");
        assertThat(engine.rank(declared, List.of(mali)).get(0).score()).isEqualTo(1.0);
        assertThat(engine.rank(twice, List.of(mali)).get(0).score()).isEqualTo(0.8);
        assertThat(engine.rank(once, List.of(mali)).get(0).score()).isEqualTo(0.7);
    }

    @Test
    void tiesGoToTheNewestThenTheLowestId() {
        Analysis analysis = engine.analyse("", List.of("mining"), List.of("ML"));
        List<Ranked> ranked = engine.rank(analysis, List.of(candidate(7, "ML", "mining", JAN),
                candidate(9, "ML", "mining", JUN), candidate(3, "ML", "mining", JAN)));
        assertThat(ranked).extracting(Ranked::id).containsExactly(9L, 3L, 7L);
    }

    @Test
    void onlyCountriesOrOnlySectorsStillRank() {
        Analysis countryOnly = engine.analyse("", List.of(), List.of("BF"));
        assertThat(engine.rank(countryOnly, List.of(candidate(1, "BF", "energy"), candidate(2, "ML", "energy"))))
                .extracting(Ranked::id, Ranked::score).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0.75));
        Analysis sectorOnly = engine.analyse("", List.of("energy"), List.of());
        assertThat(engine.rank(sectorOnly, List.of(candidate(1, "BF", "energy"), candidate(2, "ML", "mining"))))
                .extracting(Ranked::id).containsExactly(1L);
    }

    @Test
    void eachMatchSaysWhyWithTheWordsThatRevealedIt() {
        Analysis analysis = engine.analyse("gold at Sadiola", List.of("energy"), List.of());
        Ranked mining = engine.rank(analysis, List.of(candidate(1, "ML", "mining"))).get(0);
        assertThat(mining.reasons()).containsExactly(new Reason("mining", "ML", List.of("gold", "Sadiola")));
        Ranked general = engine.rank(analysis, List.of(candidate(2, "BF,ML,NE", ""))).get(0);
        assertThat(general.reasons()).containsExactly(new Reason(null, "ML", List.of("Sadiola")));
    }

    @Test
    void theSameInputAlwaysGivesTheSameAnswer() {
        List<Candidate> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            candidates.add(candidate(i, List.of("BF", "ML", "NE", "BF,ML,NE").get(i % 4),
                    List.of("mining", "energy", "", "mining,construction").get(i % 4), JAN.plusSeconds(i % 7)));
        }
        Analysis analysis = engine.analyse("mine d'or à Kéniéba, centrale solaire à Zagtouli", List.of(), List.of("NE"));
        List<Ranked> first = engine.rank(analysis, candidates);
        java.util.Collections.shuffle(candidates, new java.util.Random(42));
        assertThat(engine.rank(analysis, candidates)).isEqualTo(first);
    }

    @Test
    void aLimitKeepsTheSameBestFirstOrder() {
        List<Candidate> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            candidates.add(candidate(i, List.of("BF", "ML", "NE", "BF,ML,NE").get(i % 4),
                    List.of("mining", "energy", "", "mining,construction").get(i % 4), JAN.plusSeconds(i % 13)));
        }
        Analysis analysis = engine.analyse("or à Kéniéba, gold near Kayes, solar at Zagtouli", List.of("energy"), List.of());
        List<Ranked> all = engine.rank(analysis, candidates);
        assertThat(engine.rank(analysis, candidates, 7)).isEqualTo(all.subList(0, 7));
        assertThat(engine.rank(analysis, candidates, 10_000)).isEqualTo(all);
    }
}
