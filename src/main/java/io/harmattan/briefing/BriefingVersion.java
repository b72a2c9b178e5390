package io.harmattan.briefing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One version of a briefing, in English and French. Published versions are frozen (see V8). */
@Entity
@Table(name = "briefing_version")
public class BriefingVersion extends PanacheEntityBase {


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "briefing_id", nullable = false)
    public Long briefingId;

    @Column(nullable = false)
    public int number;

    @Column(name = "title_en", length = 200)
    public String titleEn;

    @Column(name = "title_fr", length = 200)
    public String titleFr;

    @Column(name = "summary_en", length = 1000)
    public String summaryEn;

    @Column(name = "summary_fr", length = 1000)
    public String summaryFr;

    @Column(name = "body_en", columnDefinition = "MEDIUMTEXT")
    public String bodyEn;

    @Column(name = "body_fr", columnDefinition = "MEDIUMTEXT")
    public String bodyFr;

    @Column(name = "en_updated_at")
    public Instant enUpdatedAt;

    @Column(name = "fr_updated_at")
    public Instant frUpdatedAt;

    @Column(name = "all_sectors", nullable = false)
    public boolean allSectors;

    @Column(name = "security_risk", nullable = false)
    public int securityRisk;

    @Column(name = "political_risk", nullable = false)
    public int politicalRisk;

    @Column(name = "operational_risk", nullable = false)
    public int operationalRisk;

    @Column(columnDefinition = "TEXT")
    public String sources;

    @Column(name = "review_date")
    public LocalDate reviewDate;

    @Column(nullable = false, length = 8)
    public Tlp tlp;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    /** Who last saved this draft: the one person who may not approve it. */
    @Column(name = "saved_by", length = 100)
    public String savedBy;

    /** The lead consultant who approved this draft for publication, when it needed a second look. */
    @Column(name = "approved_by", length = 100)
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by", length = 100)
    public String publishedBy;

    @ElementCollection
    @CollectionTable(name = "briefing_version_country", joinColumns = @JoinColumn(name = "version_id"))
    @Column(name = "country_code")
    public Set<String> countries = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "briefing_version_sector", joinColumns = @JoinColumn(name = "version_id"))
    @Column(name = "sector_code")
    public Set<String> sectors = new TreeSet<>();

    public static Optional<BriefingVersion> of(long briefingId, int number) {
        return find("briefingId = ?1 and number = ?2", briefingId, number).firstResultOptional();
    }

    /** The given versions of a briefing with their countries and sectors, in one query. */
    public static List<BriefingVersion> withCodes(long briefingId, Collection<Integer> numbers) {
        return list("""
                select distinct v from BriefingVersion v left join fetch v.countries left join fetch v.sectors
                where v.briefingId = ?1 and v.number in ?2
                """, briefingId, numbers);
    }

    /**
     * Every version of a briefing, newest first, as the console lists them. Whether a language is
     * written is decided in SQL, so that no body is read: stored texts are stripped and blank ones
     * stored as null (BriefingForm), so TRIM's spaces agree with {@link String#isBlank()}.
     */
    public static List<VersionHeading> headings(long briefingId) {
        return getEntityManager().createQuery("""
                select new io.harmattan.briefing.VersionHeading(v.briefingId, v.number, v.titleEn, v.titleFr,
                    case when length(trim(v.titleEn)) > 0 and length(trim(v.summaryEn)) > 0
                        and length(trim(v.bodyEn)) > 0 then true else false end,
                    case when length(trim(v.titleFr)) > 0 and length(trim(v.summaryFr)) > 0
                        and length(trim(v.bodyFr)) > 0 then true else false end,
                    v.enUpdatedAt, v.frUpdatedAt, v.tlp, v.publishedAt, v.publishedBy,
                    case when v.securityRisk = 5 or v.politicalRisk = 5 or v.operationalRisk = 5 then true else false end,
                    v.savedBy, v.approvedBy, v.approvedAt)
                from BriefingVersion v where v.briefingId = ?1 order by v.number desc
                """, VersionHeading.class).setParameter(1, briefingId).getResultList();
    }

    /** TLP:RED, or a 5 on any risk: published only after a second lead consultant's approval. */
    public boolean needsSecondLook() {
        return tlp == Tlp.RED || securityRisk == 5 || politicalRisk == 5 || operationalRisk == 5;
    }

    public Languages languages() {
        return new Languages(Languages.written(titleEn, summaryEn, bodyEn), Languages.written(titleFr, summaryFr, bodyFr),
                enUpdatedAt, frUpdatedAt);
    }

    public boolean has(String language) {
        return languages().has(language);
    }

    /** A copy for a page; the collections must have been fetched ({@link #withCodes}). */
    VersionContent content() {
        return new VersionContent(briefingId, number, titleEn, titleFr, summaryEn, summaryFr, bodyEn, bodyFr,
                enUpdatedAt, frUpdatedAt, List.copyOf(new TreeSet<>(countries)), List.copyOf(new TreeSet<>(sectors)),
                allSectors, securityRisk, politicalRisk, operationalRisk, sources, reviewDate, tlp);
    }

    /** A new draft with the same content, the next number, and the language dates carried over. */
    BriefingVersion nextDraft(String actor, Instant now) {
        BriefingVersion next = new BriefingVersion();
        next.briefingId = briefingId;
        next.number = number + 1;
        next.titleEn = titleEn;
        next.titleFr = titleFr;
        next.summaryEn = summaryEn;
        next.summaryFr = summaryFr;
        next.bodyEn = bodyEn;
        next.bodyFr = bodyFr;
        next.enUpdatedAt = enUpdatedAt;
        next.frUpdatedAt = frUpdatedAt;
        next.allSectors = allSectors;
        next.securityRisk = securityRisk;
        next.politicalRisk = politicalRisk;
        next.operationalRisk = operationalRisk;
        next.sources = sources;
        next.reviewDate = reviewDate;
        next.tlp = tlp;
        next.createdAt = now;
        next.createdBy = actor;
        next.countries.addAll(countries);
        next.sectors.addAll(sectors);
        return next;
    }
}
