package io.harmattan.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;

/**
 * A text cut into words, each folded (lower case, no accents: "Ségou" and "SEGOU" are one word)
 * and stemmed in the text's language by Lucene's light stemmers ("minières" and "minier" meet at
 * "minier", "banks" and "bank" at "bank"). Apostrophes cut words: "d'or" is "d" then "or".
 */
final class Words {

    enum Language {
        EN, FR
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CLAUSE_END = Pattern.compile("[.;:!?()]");
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "nous", "est", "et", "pour", "une",
            "dans", "sur", "avec", "notre", "nos", "vous", "pas", "au", "aux", "qui", "que", "un", "de", "sont", "ou");
    private static final Set<String> ENGLISH = Set.of("the", "and", "we", "our", "is", "for", "in", "of", "to", "with",
            "are", "a", "an", "on", "you", "us", "need", "not", "have", "or", "be", "from");

    private static final FrenchLightStemmer FRENCH_STEMMER = new FrenchLightStemmer();
    private static final EnglishMinimalStemmer ENGLISH_STEMMER = new EnglishMinimalStemmer();

    final String text;
    final List<int[]> spans = new ArrayList<>();
    final List<String> folded = new ArrayList<>();
    final List<String> stemmed = new ArrayList<>();
    final Language language;

    Words(String text) {
        this.text = text == null ? "" : text;
        Matcher word = WORD.matcher(this.text);
        int french = 0;
        int english = 0;
        while (word.find()) {
            spans.add(new int[] {word.start(), word.end()});
            String f = fold(word.group());
            folded.add(f);
            french += FRENCH.contains(f) ? 1 : 0;
            english += ENGLISH.contains(f) ? 1 : 0;
        }
        language = french > english ? Language.FR : Language.EN;
        for (String f : folded) {
            stemmed.add(stem(f, language));
        }
    }

    int size() {
        return folded.size();
    }

    /** The words from {@code first} on, as the writer spelled them. */
    String evidence(int first, int count) {
        return text.substring(spans.get(first)[0], spans.get(first + count - 1)[1]);
    }

    /** Whether a sentence or clause ends between word {@code i} and the next one. */
    boolean clauseEndsAfter(int i) {
        return CLAUSE_END.matcher(text.substring(spans.get(i)[1], spans.get(i + 1)[0])).find();
    }

    /** Lower case, accents removed. */
    static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A phrase of the vocabulary as words, folded, and stemmed as a text in {@code language} would be. */
    static List<String> phrase(String phrase, Language language) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(phrase);
        while (word.find()) {
            words.add(language == null ? fold(word.group()) : stem(fold(word.group()), language));
        }
        return words;
    }

    static String stem(String folded, Language language) {
        char[] buffer = folded.toCharArray();
        int length = language == Language.FR ? FRENCH_STEMMER.stem(buffer, buffer.length)
                : ENGLISH_STEMMER.stem(buffer, buffer.length);
        return new String(buffer, 0, length);
    }
}
