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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One version of a briefing, in English and French. Published versions are frozen (see V8). */
@Entity
@Table(name = "briefing_version")
public class BriefingVersion extends PanacheEntityBase {

    /** Saving both languages in one go is not "one is older than the other". */
    static final Duration SAME_EDIT = Duration.ofMinutes(1);

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

    public boolean isPublished() {
        return publishedAt != null;
    }

    public boolean has(String language) {
        return "fr".equals(language) ? present(titleFr) && present(summaryFr) && present(bodyFr)
                : present(titleEn) && present(summaryEn) && present(bodyEn);
    }

    /** The language to show a reader who prefers {@code language}: theirs if written, else the other. */
    public String languageFor(String language) {
        String other = "fr".equals(language) ? "en" : "fr";
        return has(language) || !has(other) ? language : other;
    }

    public String title(String language) {
        return "fr".equals(language) ? titleFr : titleEn;
    }

    public String summary(String language) {
        return "fr".equals(language) ? summaryFr : summaryEn;
    }

    public String body(String language) {
        return "fr".equals(language) ? bodyFr : bodyEn;
    }

    public String title(Locale locale) {
        return title(languageFor(locale.getLanguage()));
    }

    public String summary(Locale locale) {
        return summary(languageFor(locale.getLanguage()));
    }

    /**
     * The language that needs a translator's attention, if any: missing, or last edited more than a
     * minute before the other language was.
     */
    public Optional<String> languageNeedingWork() {
        if (!has("en")) {
            return Optional.of("en");
        }
        if (!has("fr")) {
            return Optional.of("fr");
        }
        if (enUpdatedAt != null && frUpdatedAt != null) {
            if (frUpdatedAt.isBefore(enUpdatedAt.minus(SAME_EDIT))) {
                return Optional.of("fr");
            }
            if (enUpdatedAt.isBefore(frUpdatedAt.minus(SAME_EDIT))) {
                return Optional.of("en");
            }
        }
        return Optional.empty();
    }

    public boolean isMissing(String language) {
        return !has(language);
    }

    public List<String> sourceList() {
        return sources == null ? List.of() : Arrays.stream(sources.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
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

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
