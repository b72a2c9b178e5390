package io.harmattan.matching;

import java.util.Set;

/**
 * Whether a sector word names what the writer carries rather than what they do: "trucks carrying
 * bagged cement", "nous acheminons du ciment", "we haul ore from Houndé". A haulier's cargo is not
 * its industry, so a word a few words after a verb of carrying, in the same clause, tags nothing.
 * Only verbs that mean carrying goods count: "deliver" or "move" are as often said of a service or
 * of staff, and "carry out" is no carrying.
 */
final class Cargo {

    static final int REACH = 7;
    private static final Set<String> CARRYING = Set.of("carry", "carrying", "carries", "carried", "haul", "hauls", "hauling",
            "hauled", "transport", "transports", "transporting", "transported", "convey", "conveys", "conveying", "conveyed",
            "acheminer", "acheminons", "achemine", "acheminent", "acheminez", "transporter", "transportons", "transporte",
            "transportent", "transportez", "convoyer", "convoyons");
    private static final Set<String> NOT_CARRYING_BEFORE = Set.of("out", "on", "through", "company", "companies", "firm",
            "firms", "costs", "services", "sector");

    private Cargo() {
    }

    /** Whether the phrase starting at word {@code first} is the object of a verb of carrying. */
    static boolean carried(Words words, int first) {
        for (int i = first - 1; i >= Math.max(0, first - REACH); i--) {
            if (words.clauseEndsAfter(i)) {
                return false;
            }
            if (CARRYING.contains(words.folded.get(i))) {
                return i + 1 < words.size() && !NOT_CARRYING_BEFORE.contains(words.folded.get(i + 1));
            }
        }
        return false;
    }
}
