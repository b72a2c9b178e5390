package io.harmattan.privacy;

import jakarta.persistence.EntityManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A consultant's saved inbox view may hold a search for a person ({@code ?status=new&q=Aminata+Traoré}).
 * When that person is erased, the view keeps its filters and loses its search text, so their name or
 * address is not left behind in the console.
 */
final class SavedSearches {

    /** Shorter words would match too much (a search for "ba" names nobody). */
    private static final int SHORTEST = 3;

    private SavedSearches() {
    }

    /** Takes the search text out of every saved view whose search mentions one of {@code words}; returns how many. */
    static int forget(EntityManager entityManager, Collection<String> words) {
        Set<String> wanted = words.stream().filter(word -> word != null && word.strip().length() >= SHORTEST)
                .map(word -> word.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> views = entityManager.createNativeQuery("SELECT id, query FROM saved_view WHERE query LIKE '%q=%'",
                Object[].class).getResultList();
        int changed = 0;
        for (Object[] view : views) {
            String query = (String) view[1];
            String kept = withoutSearch(query, wanted);
            if (!kept.equals(query)) {
                entityManager.createNativeQuery("UPDATE saved_view SET query = ?1 WHERE id = ?2").setParameter(1, kept)
                        .setParameter(2, view[0]).executeUpdate();
                changed++;
            }
        }
        return changed;
    }

    /** The query string without its {@code q} parameter if that search mentions one of {@code words} (lower case). */
    static String withoutSearch(String query, Set<String> words) {
        String body = query.startsWith("?") ? query.substring(1) : query;
        StringBuilder kept = new StringBuilder();
        for (String parameter : body.split("&")) {
            if (parameter.startsWith("q=") && mentions(decode(parameter.substring(2)), words)) {
                continue;
            }
            if (!parameter.isEmpty()) {
                kept.append(kept.length() == 0 ? "?" : "&").append(parameter);
            }
        }
        return kept.toString();
    }

    /**
     * The search holds an address or a name whole, or is itself part of a name ("traoré" for Aminata
     * Traoré); never part of an address ("gmail" names nobody).
     */
    private static boolean mentions(String search, Set<String> words) {
        String lower = search.strip().toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(word -> lower.contains(word)
                || !word.contains("@") && lower.length() >= SHORTEST && word.contains(lower));
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
