package io.harmattan.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The matcher's word lists, read from the jar: the gazetteer of places and the sector lexicon. */
final class Vocabulary {

    private Vocabulary() {
    }

    /**
     * places.tsv: {@code COUNTRY<TAB>kind<TAB>Name|other spelling; Next place|...} with COUNTRY one of BF, ML, NE,
     * AES (all three) or "--" (outside the three: recognised so that it adds nothing). Places match
     * word for word, case and accents aside, never stemmed: Niger is not Nigeria.
     * sectors.tsv: {@code sector<TAB>strong|weak<TAB>word|phrase|...}, or {@code none<TAB>-<TAB>...} for
     * phrases that mean no sector. Each phrase is stemmed as an English and as a French text would
     * be, except one written "=phrase", matched word for word like a place where two words stem alike
     * but mean different things. Lines starting with # are comments.
     */
    static MatchEngine load(String placesResource, String sectorsResource) {
        PhraseIndex<MatchEngine.Term> places = new PhraseIndex<>((phrase, kept, added) -> {
            throw new IllegalArgumentException("'" + phrase + "' means both " + kept + " and " + added);
        });
        int placeCount = 0;
        for (String[] row : rows(placesResource, 3)) {
            List<String> countries = switch (row[0]) {
                case "AES" -> MatchEngine.COUNTRIES;
                case "--" -> List.of();
                default -> {
                    if (!MatchEngine.COUNTRIES.contains(row[0])) {
                        throw new IllegalArgumentException("Unknown country " + row[0] + " in " + placesResource);
                    }
                    yield List.of(row[0]);
                }
            };
            for (String entry : row[2].split(";")) {
                String[] spellings = entry.split("\\|");
                MatchEngine.Place place = new MatchEngine.Place(spellings[0].strip(), countries);
                for (String spelling : spellings) {
                    places.add(Words.phrase(spelling, null), place);
                }
                if (!countries.isEmpty()) {
                    placeCount++;
                }
            }
        }
        Map<Words.Language, PhraseIndex<MatchEngine.Term>> sectorWords = new EnumMap<>(Words.Language.class);
        for (Words.Language language : Words.Language.values()) {
            // Two phrases that stem alike: the first one listed wins within a sector (strong lines come
            // first), but two sectors never share one.
            sectorWords.put(language, new PhraseIndex<>((phrase, kept, added) -> {
                if (kept instanceof MatchEngine.SectorWord a && added instanceof MatchEngine.SectorWord b
                        && !a.sector().equals(b.sector())) {
                    throw new IllegalArgumentException("'" + phrase + "' means both " + kept + " and " + added);
                }
                return kept;
            }));
        }
        for (String[] row : rows(sectorsResource, 3)) {
            MatchEngine.Term term;
            if (row[0].equals("none")) {
                term = new MatchEngine.Nothing();
            } else if (MatchEngine.SECTORS.contains(row[0]) && (row[1].equals("strong") || row[1].equals("weak"))) {
                term = new MatchEngine.SectorWord(row[0], row[1].equals("strong"));
            } else {
                throw new IllegalArgumentException("Unknown sector or strength " + row[0] + " " + row[1] + " in " + sectorsResource);
            }
            for (String phrase : row[2].split("\\|")) {
                if (phrase.startsWith("=")) {
                    // Read like a place, before any stemming: "déplacés" (displaced) but not "déplacements" (trips).
                    places.add(Words.phrase(phrase.substring(1), null), term);
                } else {
                    sectorWords.forEach((language, index) -> index.add(Words.phrase(phrase, language), term));
                }
            }
        }
        return new MatchEngine(places, sectorWords, placeCount);
    }

    private static List<String[]> rows(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                if (row.length != columns) {
                    throw new IllegalArgumentException("Expected " + columns + " tab-separated columns in " + resource
                            + ": " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
