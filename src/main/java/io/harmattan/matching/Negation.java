package io.harmattan.matching;

import java.util.Set;

/**
 * Whether the writer denies what a phrase names: "we are not a mining company", "not in Mali or
 * Burkina", "nous ne sommes pas une ONG", "ni Burkina ni Niger". A negation counts when only
 * small words (articles, prepositions, "company", other places or sector words) stand between it
 * and the phrase, within the same clause; "not only" and "pas seulement" deny nothing, and
 * "trucks were not attacked in Mali" denies no Mali.
 */
final class Negation {

    static final int REACH = 6;
    private static final Set<String> NEGATIONS = Set.of("not", "no", "nor", "never", "non", "pas", "ni", "jamais",
            "aucun", "aucune", "neither");
    private static final Set<String> NOT_A_NEGATION_BEFORE = Set.of("only", "just", "merely", "seulement", "uniquement",
            "que", "doubt", "problem", "probleme", "matter");
    private static final Set<String> SMALL = Set.of("a", "an", "the", "in", "into", "to", "or", "and", "of", "at", "for",
            "any", "longer", "active", "present", "based", "operating", "company", "firm", "business", "activity",
            "activities", "operations", "interest", "interested", "le", "la", "les", "l", "un", "une", "des", "de", "du",
            "d", "au", "aux", "en", "ou", "et", "societe", "entreprise", "activite", "activites", "plus", "actifs",
            "actif", "presents", "we", "are", "is", "sommes", "est", "nous", "ne", "n");

    private Negation() {
    }

    /** Whether a negation governs the phrase that starts at word {@code first}; {@code taken}: words of other phrases. */
    static boolean before(Words words, int first, boolean[] taken) {
        for (int i = first - 1; i >= Math.max(0, first - REACH); i--) {
            if (words.clauseEndsAfter(i)) {
                return false;
            }
            String word = words.folded.get(i);
            if (NEGATIONS.contains(word)) {
                return i + 1 >= words.size() || !NOT_A_NEGATION_BEFORE.contains(words.folded.get(i + 1));
            }
            if (!SMALL.contains(word) && !taken[i]) {
                return false;
            }
        }
        return false;
    }
}
