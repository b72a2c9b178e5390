package io.harmattan.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds known phrases in free text, accent- and case-insensitively, longest phrase first: once
 * "Office du Niger" has matched, its "Niger" is spent and cannot also count as the country.
 *
 * @param <T> what a phrase stands for (a place, a sector)
 */
final class PhraseIndex<T> {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** A phrase found in the text: what it stands for, and the words as the writer spelled them. */
    record Hit<T>(T value, String evidence, int firstWord, int words) {
    }

    private final Map<String, T> phrases = new HashMap<>();
    private int longest = 1;

    void add(String phrase, T value) {
        String folded = String.join(" ", words(phrase));
        if (folded.isEmpty()) {
            throw new IllegalArgumentException("Empty phrase for " + value);
        }
        T previous = phrases.putIfAbsent(folded, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalArgumentException("'" + phrase + "' means both " + previous + " and " + value);
        }
        longest = Math.max(longest, folded.split(" ").length);
    }

    int size() {
        return phrases.size();
    }

    /** The hits in reading order; each word belongs to at most one hit. */
    List<Hit<T>> find(String text) {
        List<Hit<T>> hits = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return hits;
        }
        List<int[]> spans = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            spans.add(new int[] {word.start(), word.end()});
            folded.add(fold(word.group()));
        }
        int i = 0;
        while (i < folded.size()) {
            int matched = 0;
            for (int length = Math.min(longest, folded.size() - i); length >= 1 && matched == 0; length--) {
                T value = phrases.get(String.join(" ", folded.subList(i, i + length)));
                if (value != null) {
                    hits.add(new Hit<>(value, text.substring(spans.get(i)[0], spans.get(i + length - 1)[1]), i, length));
                    matched = length;
                }
            }
            i += Math.max(matched, 1);
        }
        return hits;
    }

    /** Lower case, accents removed: "Ségou" and "SEGOU" are the same word. */
    static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static List<String> words(String phrase) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(phrase);
        while (word.find()) {
            words.add(fold(word.group()));
        }
        return words;
    }
}
