package io.harmattan.persistence;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a search box's text becomes for the database's full-text indexes (InnoDB {@code FULLTEXT},
 * boolean mode): its words, each to begin a word of the text searched. Words under three letters
 * are left out because the index does not hold them (MySQL's and MariaDB's default minimum), and
 * nothing typed can reach the index's operators.
 */
public final class FullText {

    /** The index's smallest word (innodb_ft_min_token_size). */
    public static final int MIN_LETTERS = 3;
    /** Enough for any real search; more words only slow the index down. */
    static final int MAX_WORDS = 10;
    /** A search box's longest text (the forms say so too). */
    public static final int MAX_TYPED = 200;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARK = Pattern.compile("\\p{M}+");
    /** Letters that carry no separable accent, and what they fold to (as the unicode_ci collation compares them). */
    private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('ø', "o"), Map.entry('đ', "d"),
            Map.entry('ħ', "h"), Map.entry('ı', "i"), Map.entry('ł', "l"), Map.entry('ŀ', "l"), Map.entry('ŉ', "n"),
            Map.entry('ŧ', "t"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ß', "ss"));

    private FullText() {
    }

    /** What was typed in a search box, trimmed and cut to {@value #MAX_TYPED} characters; null if nothing was. */
    public static String typed(String q) {
        String typed = q == null ? "" : q.strip();
        if (typed.length() > MAX_TYPED) {
            typed = typed.substring(0, MAX_TYPED);
        }
        return typed.isEmpty() ? null : typed;
    }

    /** The searchable words of what was typed, lower case, each once, in order; empty for none. */
    public static List<String> words(String typed) {
        if (typed == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(typed.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            if (m.group().length() >= MIN_LETTERS) {
                words.add(m.group());
            }
        }
        return List.copyOf(words);
    }

    /**
     * {@code text} folded for a binary comparison: lower case, accents taken off, "œ" as "oe" and
     * the like, so that "Aïcha Traoré" and "aicha traore" become the same. The lead search's text
     * is stored folded and its words are folded so (SQL: V32's {@code search_fold}).
     */
    public static String fold(String text) {
        String bare = MARK.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        StringBuilder folded = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            String letter = LETTERS.get(c);
            if (letter == null) {
                folded.append(c);
            } else {
                folded.append(letter);
            }
        }
        return folded.toString();
    }

    /** The boolean-mode query for texts holding every word, each as the beginning of a word. */
    public static String allOf(List<String> words) {
        return words.stream().map(w -> "+" + w + "*").collect(Collectors.joining(" "));
    }
}
