package io.harmattan.briefing;

import io.harmattan.briefing.BriefingReads.Reader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the briefing pages show, each page read in one transaction and handed over as records:
 * templates render after the transaction, so they must find everything loaded and nothing to
 * query. Every read is a fixed number of statements, whatever the number of briefings or versions.
 */
@ApplicationScoped
public class BriefingPages {

    /** The console's overview of one briefing: its versions, newest first, and who read them. */
    public record Overview(BriefingHeading briefing, List<VersionHeading> versions, List<Reader> readers) {

        public VersionHeading latest() {
            return versions.stream().filter(v -> v.number() == briefing.latestVersion()).findFirst().orElseThrow();
        }
    }

    /** The briefing and its latest version, for the editor. */
    public record Editing(BriefingHeading briefing, VersionContent latest) {
    }

    @Inject
    BriefingReads reads;

    /** A published briefing whose review date has passed or is near, and who wrote that version. */
    public record DueReview(long briefingId, String titleEn, String titleFr, LocalDate reviewDate, String author) {

        public String title(java.util.Locale locale) {
            return "fr".equals(locale.getLanguage()) && titleFr != null ? titleFr : titleEn != null ? titleEn : titleFr;
        }

        public boolean past(LocalDate today) {
            return reviewDate.isBefore(today);
        }
    }

    /** Published briefings to review by {@code horizon}, the most overdue first. */
    @Transactional
    public List<DueReview> dueForReview(LocalDate horizon, int limit) {
        return BriefingVersion.getEntityManager().createQuery("""
                select new io.harmattan.briefing.BriefingPages$DueReview(b.id, v.titleEn, v.titleFr, v.reviewDate, v.createdBy)
                from Briefing b join BriefingVersion v on v.briefingId = b.id and v.number = b.publishedVersion
                where b.status = ?1 and v.reviewDate <= ?2 order by v.reviewDate, b.id
                """, DueReview.class).setParameter(1, BriefingStatus.PUBLISHED).setParameter(2, horizon).setMaxResults(limit)
                .getResultList();
    }

    /** The console's list: one statement. */
    @Transactional
    public List<BriefingRow> list(int limit) {
        return Briefing.rows(limit);
    }

    /** The console's list narrowed to the briefings holding every word: two statements. */
    @Transactional
    public List<BriefingRow> list(int limit, List<String> words) {
        return Briefing.rows(limit, words);
    }

    @Transactional
    public Optional<Overview> overview(long id) {
        return Briefing.heading(id).map(heading -> new Overview(heading, BriefingVersion.headings(id), reads.of(id)));
    }

    @Transactional
    public Optional<BriefingHeading> heading(long id) {
        return Briefing.heading(id);
    }

    @Transactional
    public Optional<Editing> editing(long id) {
        return Briefing.heading(id).flatMap(heading -> versions(id, Set.of(heading.latestVersion())).values().stream()
                .findFirst().map(latest -> new Editing(heading, latest)));
    }

    /** One version, whole. */
    @Transactional
    public Optional<VersionContent> version(long id, int number) {
        return Optional.ofNullable(versions(id, Set.of(number)).get(number));
    }

    /** Some versions of a briefing, whole, by number, in one statement. */
    @Transactional
    public Map<Integer, VersionContent> versions(long id, Set<Integer> numbers) {
        return BriefingVersion.withCodes(id, numbers).stream().map(BriefingVersion::content)
                .collect(Collectors.toMap(VersionContent::number, Function.identity()));
    }
}
