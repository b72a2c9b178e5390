package io.harmattan.privacy;

import jakarta.persistence.EntityManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A consultant's saved inbox view may hold a search for a person ({@code ?status=new&q=Aminata+Traoré})
 * or be named after them. When that person is erased, such a view keeps its filters and loses its
 * search text, and is renamed by its number, so their name or address is not left in the console.
 *
 * <p>A search mentions the person when it holds their address whole, or one of its words is a word of
 * their name, as the inbox compares words: in any order, without case or accents. A word that merely
 * begins or contains theirs ("mali" for Kamali), or a part of an address ("contact", "gmail"), does
 * not count, so that one erasure does not empty everyone's searches.
 */
final class SavedSearches {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Shorter words name nobody ("de", "al"). */
    private static final int SHORTEST = 3;

    /** What identifies one person: the words of their names, and their addresses whole; all folded. */
    record Person(Set<String> words, Set<String> addresses) {

        static Person of(Collection<String> names, Collection<String> addresses) {
            Set<String> words = new HashSet<>();
            Set<String> whole = new HashSet<>();
            names.forEach(name -> words.addAll(wordsOf(name)));
            for (String address : addresses) {
                if (address != null && !address.isBlank()) {
                    whole.add(fold(address.strip()));
                }
            }
            return new Person(Set.copyOf(words), Set.copyOf(whole));
        }

        boolean mentionedIn(String text) {
            String folded = fold(text);
            return addresses.stream().anyMatch(folded::contains) || wordsOf(text).stream().anyMatch(words::contains);
        }
    }

    private SavedSearches() {
    }

    /** Cleans every saved view that mentions the person, in its search or its name; returns how many. */
    static int forget(EntityManager entityManager, Person person) {
        if (person.words().isEmpty() && person.addresses().isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> views = entityManager.createNativeQuery("SELECT id, name, query FROM saved_view", Object[].class)
                .getResultList();
        int changed = 0;
        for (Object[] view : views) {
            long id = ((Number) view[0]).longValue();
            String name = person.mentionedIn((String) view[1]) ? "#" + id : (String) view[1];
            String query = withoutSearch((String) view[2], person);
            if (!name.equals(view[1]) || !query.equals(view[2])) {
                entityManager.createNativeQuery("UPDATE saved_view SET name = ?1, query = ?2 WHERE id = ?3").setParameter(1, name)
                        .setParameter(2, query).setParameter(3, id).executeUpdate();
                changed++;
            }
        }
        return changed;
    }

    /** The query string without its {@code q} parameter if that search mentions the person. */
    static String withoutSearch(String query, Person person) {
        String body = query.startsWith("?") ? query.substring(1) : query;
        StringBuilder kept = new StringBuilder();
        for (String parameter : body.split("&")) {
            if (parameter.startsWith("q=") && person.mentionedIn(decode(parameter.substring(2)))) {
                continue;
            }
            if (!parameter.isEmpty()) {
                kept.append(kept.length() == 0 ? "?" : "&").append(parameter);
            }
        }
        return kept.toString();
    }

    private static List<String> wordsOf(String text) {
        return text == null ? List.of()
                : Arrays.stream(NOT_A_WORD.split(fold(text))).filter(word -> word.length() >= SHORTEST).toList();
    }

    private static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
