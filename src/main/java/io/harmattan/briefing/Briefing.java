package io.harmattan.briefing;

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

    public boolean isPublished() {
        return status == BriefingStatus.PUBLISHED;
    }

    public Optional<BriefingVersion> published() {
        return publishedVersion == null ? Optional.empty() : BriefingVersion.of(id, publishedVersion);
    }

    public Optional<BriefingVersion> draft() {
        return draftVersion == null ? Optional.empty() : BriefingVersion.of(id, draftVersion);
    }

    /** The version a consultant works on: the draft if there is one, else the published one. */
    public BriefingVersion latest() {
        return draft().or(this::published).orElseThrow();
    }

    public List<BriefingVersion> versions() {
        return BriefingVersion.list("briefingId = ?1 order by number desc", id);
    }
}
