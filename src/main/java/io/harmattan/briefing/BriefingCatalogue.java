package io.harmattan.briefing;

import io.harmattan.matching.MatchEngine;
import io.harmattan.matching.MatchEngine.Candidate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The published briefings as the matcher and the portal's lists need them, kept in memory and
 * reloaded when any briefing changed: this instance reloads at once after its own publications,
 * and every instance asks the database (one indexed query) at most every half second, so a
 * publication elsewhere shows within that. Bodies stay in the database; their words are kept, for
 * the portal's search ({@link PublishedWords}).
 */
@ApplicationScoped
public class BriefingCatalogue {

    /** What a list shows of a published briefing: never its body. */
    public record Entry(long id, int number, String titleEn, String titleFr, String summaryEn, String summaryFr,
            List<String> countries, List<String> sectors, int securityRisk, int politicalRisk, int operationalRisk,
            Tlp tlp, Instant publishedAt, Candidate candidate) {

        public String title(Locale locale) {
            return pick(locale, titleEn, titleFr);
        }

        public String summary(Locale locale) {
            return pick(locale, summaryEn, summaryFr);
        }

        public boolean allSectors() {
            return sectors.isEmpty();
        }

        private static String pick(Locale locale, String en, String fr) {
            boolean french = locale != null && "fr".equals(locale.getLanguage());
            String preferred = french ? fr : en;
            return preferred == null || preferred.isBlank() ? (french ? en : fr) : preferred;
        }
    }

    record Stamp(Instant lastChange, long count) {
    }

    /** One consistent view of the published briefings; take it once per request and read from it. */
    public record Snapshot(Stamp stamp, List<Entry> entries, Map<Long, Entry> byId, List<Candidate> candidates,
            PublishedWords words, long checkedAt) {

        public Optional<Entry> entry(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        /**
         * The ids of the published briefings whose title, summary or body (either language) holds
         * every word, each as the beginning of one of its words, whatever the case and accents.
         */
        public Set<Long> holdingAll(List<String> words) {
            return this.words.holdingAll(words);
        }

        Snapshot checked(long at) {
            return new Snapshot(stamp, entries, byId, candidates, words, at);
        }
    }

    /** How long a snapshot is used before the database is asked whether anything changed. */
    static final long RECHECK_MILLIS = 500;

    @Inject
    EntityManager entityManager;

    private volatile Snapshot snapshot = new Snapshot(new Stamp(null, -1), List.of(), Map.of(), List.of(), PublishedWords.EMPTY, 0);

    /** The words of each published version read so far: a published version never changes. */
    private final Map<Long, String[]> wordsByVersion = new ConcurrentHashMap<>();

    public Collection<Candidate> candidates() {
        return snapshot().candidates;
    }

    public Optional<Entry> entry(long id) {
        return snapshot().entry(id);
    }

    /**
     * The current snapshot. The database is asked at most every {@value #RECHECK_MILLIS} ms whether
     * any briefing changed (one indexed query), so a publication reaches every instance within that.
     */
    public Snapshot snapshot() {
        Snapshot known = snapshot;
        long now = System.currentTimeMillis();
        if (now - known.checkedAt < RECHECK_MILLIS) {
            return known;
        }
        Stamp stamp = QuarkusTransaction.joiningExisting().call(() -> {
            Object[] row = entityManager.createQuery("select max(b.updatedAt), count(b) from Briefing b", Object[].class)
                    .getSingleResult();
            return new Stamp((Instant) row[0], (Long) row[1]);
        });
        synchronized (this) {
            Snapshot current = snapshot;
            snapshot = stamp.equals(current.stamp) ? current.checked(now)
                    : QuarkusTransaction.joiningExisting().call(() -> load(stamp, now));
            return snapshot;
        }
    }

    /** After a change committed here: the next request reloads instead of waiting for the recheck. */
    public void invalidate() {
        snapshot = snapshot.checked(0);
    }

    private Snapshot load(Stamp stamp, long now) {
        List<BriefingVersion> versions = entityManager.createQuery("""
                select distinct v from BriefingVersion v, Briefing b
                left join fetch v.countries left join fetch v.sectors
                where b.id = v.briefingId and b.status = :published and v.number = b.publishedVersion
                """, BriefingVersion.class).setParameter("published", BriefingStatus.PUBLISHED).getResultList();
        List<Entry> entries = new ArrayList<>(versions.size());
        Map<Long, Entry> byId = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>(versions.size());
        Map<Long, String[]> words = new HashMap<>();
        for (BriefingVersion v : versions) {
            words.put(v.briefingId, wordsByVersion.computeIfAbsent(v.id, id -> PublishedWords.wordsOf(v.titleEn, v.titleFr,
                    v.summaryEn, v.summaryFr, v.bodyEn, v.bodyFr)));
            List<String> countries = MatchEngine.COUNTRIES.stream().filter(v.countries::contains).toList();
            List<String> sectors = v.allSectors ? List.of() : MatchEngine.SECTORS.stream().filter(v.sectors::contains).toList();
            Candidate candidate = Candidate.of(v.briefingId, countries, sectors, v.publishedAt);
            Entry entry = new Entry(v.briefingId, v.number, v.titleEn, v.titleFr, v.summaryEn, v.summaryFr, countries,
                    sectors, v.securityRisk, v.politicalRisk, v.operationalRisk, v.tlp, v.publishedAt, candidate);
            entries.add(entry);
            byId.put(entry.id(), entry);
            candidates.add(candidate);
        }
        entries.sort(java.util.Comparator.comparing(Entry::publishedAt).reversed().thenComparing(Entry::id));
        wordsByVersion.keySet().retainAll(versions.stream().map(v -> v.id).collect(Collectors.toSet()));
        return new Snapshot(stamp, List.copyOf(entries), Map.copyOf(byId), List.copyOf(candidates), PublishedWords.of(words), now);
    }
}
