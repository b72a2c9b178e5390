package io.harmattan.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The matcher's word lists, read from the jar: the gazetteer of places and the sector lexicon. */
final class Vocabulary {

    private Vocabulary() {
    }

    /**
     * places.tsv: {@code COUNTRY<TAB>kind<TAB>Name|other spelling; Next place|...} with COUNTRY one of BF, ML, NE,
     * AES (all three) or "--" (outside the three: recognised so that it adds nothing).
     * sectors.tsv: {@code sector<TAB>word|phrase|...}. Lines starting with # are comments.
     */
    static MatchEngine load(String placesResource, String sectorsResource) {
        PhraseIndex<MatchEngine.Term> index = new PhraseIndex<>();
        int places = 0;
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
                    index.add(spelling, place);
                }
                if (!countries.isEmpty()) {
                    places++;
                }
            }
        }
        for (String[] row : rows(sectorsResource, 2)) {
            if (!MatchEngine.SECTORS.contains(row[0])) {
                throw new IllegalArgumentException("Unknown sector " + row[0] + " in " + sectorsResource);
            }
            for (String phrase : row[1].split("\\|")) {
                index.add(phrase, new MatchEngine.SectorWord(row[0]));
            }
        }
        return new MatchEngine(index, places);
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
