package io.harmattan.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known phrases in a text's words (already normalised by {@link Words}), longest phrase
 * first: once "Office du Niger" has matched, its "Niger" is spent and cannot also count as the
 * country.
 *
 * @param <T> what a phrase stands for (a place, a sector word)
 */
final class PhraseIndex<T> {

    /** A phrase found in the text: what it stands for, and its words' positions. */
    record Hit<T>(T value, int first, int words) {
    }

    /** What to do when a phrase is added twice with different meanings. */
    interface Clash<T> {
        /** The meaning to keep; may throw to refuse the vocabulary. */
        T resolve(String phrase, T kept, T added);
    }

    private final Map<String, T> phrases = new HashMap<>();
    private final Clash<T> clash;
    private int longest = 1;

    PhraseIndex(Clash<T> clash) {
        this.clash = clash;
    }

    void add(List<String> words, T value) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("Empty phrase for " + value);
        }
        String key = String.join(" ", words);
        T previous = phrases.putIfAbsent(key, value);
        if (previous != null && !previous.equals(value)) {
            phrases.put(key, clash.resolve(key, previous, value));
        }
        longest = Math.max(longest, words.size());
    }

    int size() {
        return phrases.size();
    }

    /** The hits in reading order among the words not yet {@code used}; marks the words of each hit used. */
    List<Hit<T>> find(List<String> words, boolean[] used, List<Hit<T>> hits) {
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int length = Math.min(longest, words.size() - i); length >= 1 && matched == 0; length--) {
                if (free(used, i, length)) {
                    T value = phrases.get(String.join(" ", words.subList(i, i + length)));
                    if (value != null) {
                        hits.add(new Hit<>(value, i, length));
                        java.util.Arrays.fill(used, i, i + length, true);
                        matched = length;
                    }
                }
            }
            i += Math.max(matched, 1);
        }
        return hits;
    }

    private static boolean free(boolean[] used, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }
}
