package io.harmattan.briefing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which published briefings hold which words, in memory beside the catalogue: the portal's search
 * answers from here in well under a millisecond, where InnoDB's full-text index costs some 3 µs
 * per briefing holding a word (30 ms and more for a word in every one of 10,000). Each typed word
 * must begin a word of the title, summary or body in either language, whatever the case and
 * accents, as the inbox's and the console's searches read them.
 *
 * <p>Built once per catalogue snapshot from the published versions' words; a published version
 * never changes, so {@link #wordsOf} is cached by version id across snapshots.
 */
final class PublishedWords {

    static final PublishedWords EMPTY = new PublishedWords(new String[0], new int[0][], new long[0]);

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Every word, sorted, so that the words beginning with a prefix stand together. */
    private final String[] words;
    /** For each word, the positions (in {@link #ids}) of the briefings holding it, ascending. */
    private final int[][] holders;
    /** The briefing id at each position. */
    private final long[] ids;

    private PublishedWords(String[] words, int[][] holders, long[] ids) {
        this.words = words;
        this.holders = holders;
        this.ids = ids;
    }

    /** The index of these briefings, given each one's distinct words. */
    static PublishedWords of(Map<Long, String[]> wordsByBriefing) {
        long[] ids = wordsByBriefing.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int position = 0; position < ids.length; position++) {
            for (String word : wordsByBriefing.get(ids[position])) {
                postings.computeIfAbsent(word, w -> new ArrayList<>()).add(position);
            }
        }
        String[] words = postings.keySet().toArray(String[]::new);
        Arrays.sort(words);
        int[][] holders = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            holders[i] = postings.get(words[i]).stream().mapToInt(Integer::intValue).toArray();
        }
        return new PublishedWords(words, holders, ids);
    }

    /** The distinct words of some texts, folded (lower case, no accents), each once. */
    static String[] wordsOf(String... texts) {
        TreeSet<String> found = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                for (String word : NOT_A_WORD.split(fold(text))) {
                    if (!word.isEmpty()) {
                        found.add(word.intern());
                    }
                }
            }
        }
        return found.toArray(String[]::new);
    }

    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    /** The ids of the briefings holding every word, each as the beginning of one of theirs. */
    java.util.Set<Long> holdingAll(List<String> typed) {
        BitSet all = null;
        for (String word : typed) {
            BitSet some = holdingPrefix(fold(word));
            if (all == null) {
                all = some;
            } else {
                all.and(some);
            }
            if (all.isEmpty()) {
                return java.util.Set.of();
            }
        }
        java.util.Set<Long> found = new java.util.HashSet<>();
        if (all != null) {
            all.stream().forEach(position -> found.add(ids[position]));
        }
        return found;
    }

    private BitSet holdingPrefix(String prefix) {
        BitSet some = new BitSet(ids.length);
        int from = Arrays.binarySearch(words, prefix);
        for (int i = from >= 0 ? from : -from - 1; i < words.length && words[i].startsWith(prefix); i++) {
            for (int position : holders[i]) {
                some.set(position);
            }
        }
        return some;
    }
}
