package io.harmattan.briefing;

import io.harmattan.persistence.FullText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A country briefing: a series of versions. {@code publishedVersion} is what clients read;
 * {@code draftVersion}, when set, is the next version being written.
 */
@Entity
@Table(name = "briefing")
public class Briefing extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public BriefingStatus status;

    @Column(name = "published_version")
    public Integer publishedVersion;

    @Column(name = "draft_version")
    public Integer draftVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock: two consultants saving the same briefing cannot overwrite each other. */
    @Version
    public long version;

    private static final String ROWS = """
            select new io.harmattan.briefing.BriefingRow(b.id, b.status, b.publishedVersion, b.draftVersion, b.version,
                v.number, v.titleEn, v.titleFr,
                case when length(trim(v.titleEn)) > 0 and length(trim(v.summaryEn)) > 0
                    and length(trim(v.bodyEn)) > 0 then true else false end,
                case when length(trim(v.titleFr)) > 0 and length(trim(v.summaryFr)) > 0
                    and length(trim(v.bodyFr)) > 0 then true else false end,
                v.enUpdatedAt, v.frUpdatedAt, v.tlp, v.publishedAt, v.publishedBy)
            from Briefing b join BriefingVersion v on v.briefingId = b.id
                and v.number = coalesce(b.draftVersion, b.publishedVersion)
            """;

    public Optional<BriefingVersion> published() {
        return publishedVersion == null ? Optional.empty() : BriefingVersion.of(id, publishedVersion);
    }

    public Optional<BriefingVersion> draft() {
        return draftVersion == null ? Optional.empty() : BriefingVersion.of(id, draftVersion);
    }

    /**
     * The briefings last changed first, each with the version a consultant works on: the page's ids
     * first (only the briefing table is sorted), then their rows. Whether a language is written is
     * decided as in {@link BriefingVersion#headings}, for those rows only.
     */
    public static List<BriefingRow> rows(int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery(
                "SELECT id FROM briefing ORDER BY updated_at DESC, id DESC LIMIT ?1").setParameter(1, limit).getResultList();
        return rows(ids);
    }

    private static List<BriefingRow> rows(List<Number> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(ROWS + " where b.id in ?1 order by b.updatedAt desc, b.id desc", BriefingRow.class)
                .setParameter(1, ids.stream().map(Number::longValue).toList()).getResultList();
    }

    /**
     * The console's list narrowed to the briefings whose version a consultant works on holds every
     * word (title, summary or body, either language; see {@link FullText}), last changed first.
     */
    public static List<BriefingRow> rows(int limit, List<String> words) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("""
                SELECT b.id FROM briefing b JOIN briefing_version v ON v.briefing_id = b.id
                    AND v.number = COALESCE(b.draft_version, b.published_version)
                WHERE MATCH (v.title_en, v.title_fr, v.summary_en, v.summary_fr, v.body_en, v.body_fr)
                    AGAINST (?1 IN BOOLEAN MODE)
                ORDER BY b.updated_at DESC, b.id DESC LIMIT ?2
                """).setParameter(1, FullText.allOf(words)).setParameter(2, limit).getResultList();
        return rows(ids);
    }

    public static Optional<BriefingHeading> heading(long id) {
        return getEntityManager().createQuery("""
                select new io.harmattan.briefing.BriefingHeading(b.id, b.status, b.publishedVersion, b.draftVersion,
                    b.version)
                from Briefing b where b.id = ?1
                """, BriefingHeading.class).setParameter(1, id).getResultStream().findFirst();
    }
}
