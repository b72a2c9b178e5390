package io.harmattan.lead;

import io.harmattan.account.ClientOrganisation;
import io.harmattan.audit.AuditEvent;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A request for interest, as the prospect sent it, and its life cycle ({@link LeadStatus}). Every
 * state change is a method here that refuses an illegal move and records the timeline event and
 * the audit event in the caller's transaction.
 */
@Entity
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Human-friendly, e.g. RFI-2026-00042; set from the id once the row exists. */
    @Column(length = 20)
    public String reference;

    /** The id of the one-time form token: a second submission of the same form finds this lead. */
    @Column(name = "form_token", length = 64)
    public String formToken;

    /** The API caller's Idempotency-Key, prefixed with the caller's key name. */
    @Column(name = "idempotency_key", length = 150)
    public String idempotencyKey;

    @Column(nullable = false, length = 16)
    public LeadStatus status;

    @Column(name = "spam_reason", length = 200)
    public SpamReason spamReason;

    /** The number that goes with the spam reason: the fill time in ms, the count of links. */
    @Column(name = "spam_value")
    public Integer spamValue;

    @Column(nullable = false, length = 8)
    public String source;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(nullable = false, length = 200)
    public String organisation;

    @Column(name = "job_title", nullable = false, length = 120)
    public String jobTitle;

    @Column(length = 40)
    public String phone;

    @Column(nullable = false, length = 16)
    public String timeframe;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String needs;

    @Column(nullable = false, length = 2)
    public String language;

    @Column(name = "consent_version", nullable = false, length = 16)
    public String consentVersion;

    @Column(name = "consent_language", nullable = false, length = 2)
    public String consentLanguage;

    @Column(name = "consent_at", nullable = false)
    public Instant consentAt;

    @Column(name = "marketing_opt_in", nullable = false)
    public boolean marketingOptIn;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** The organisation's name reduced to what identifies it, for finding repeat requests. */
    @Column(name = "organisation_key", length = 200)
    public String organisationKey;

    /** The first lead from the same email or organisation, when this one repeats it. */
    @Column(name = "duplicate_of")
    public Long duplicateOf;

    /** A keyed hash of the sender's address, for rate limits; the address itself is not kept. */
    @Column(name = "client_key", length = 32)
    public String clientKey;

    @Column(name = "ack_sent_at")
    public Instant ackSentAt;

    @Column(name = "triage_notified_at")
    public Instant triageNotifiedAt;

    @Column(name = "mail_attempts", nullable = false)
    public int mailAttempts;

    /** A sender owns this lead's pending mail until then (see {@link #claimMail}). */
    @Column(name = "mail_claimed_until")
    public Instant mailClaimedUntil;

    /** The consultant (username) handling it. */
    @Column(length = 120)
    public String assignee;

    /** Why it was disqualified. */
    @Column(name = "status_reason", length = 500)
    public String statusReason;

    /** The first triage decision (assignment or status change): stops the response clock. */
    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    /** 0-100, see FitScore; kept on the row so that the inbox can sort by it. */
    @Column(name = "fit_score")
    public Integer fitScore;

    @Column(name = "tags_reviewed_by", length = 120)
    public String tagsReviewedBy;

    @Column(name = "tags_reviewed_at")
    public Instant tagsReviewedAt;

    /** The lead this one was merged into; its own record and timeline are kept. */
    @Column(name = "merged_into")
    public Long mergedInto;

    /** The client organisation it became. */
    @Column(name = "client_organisation_id")
    public Long clientOrganisationId;

    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "lead_sector", joinColumns = @JoinColumn(name = "lead_id"))
    @Column(name = "sector_code")
    public Set<String> sectors = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "lead_country", joinColumns = @JoinColumn(name = "lead_id"))
    @Column(name = "country_code")
    public Set<String> countries = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "lead_service", joinColumns = @JoinColumn(name = "lead_id"))
    @Column(name = "service_code")
    public Set<String> services = new LinkedHashSet<>();

    /** The sectors a consultant settled on; empty until the tags are reviewed. */
    @ElementCollection
    @CollectionTable(name = "lead_reviewed_sector", joinColumns = @JoinColumn(name = "lead_id"))
    @Column(name = "sector_code")
    public Set<String> reviewedSectors = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "lead_reviewed_country", joinColumns = @JoinColumn(name = "lead_id"))
    @Column(name = "country_code")
    public Set<String> reviewedCountries = new LinkedHashSet<>();

    public boolean tagsReviewed() {
        return tagsReviewedAt != null;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    // --- The life cycle ---------------------------------------------------------------------------

    /** Held back as suspected spam at intake: stored like any other, kept out of the inbox until released. */
    public void quarantine(SpamReason.Signal signal) {
        status = LeadStatus.SPAM;
        spamReason = signal.reason();
        spamValue = signal.value();
    }

    /** To a consultant (username), or to nobody when {@code assignee} is null. */
    public void assignTo(String assignee, String by) {
        require(isOpen());
        this.assignee = assignee;
        record(by, LeadEvent.Kind.ASSIGNED, assignee, null, "lead.assigned", "to=" + assignee);
    }

    public void qualify(String by) {
        moveTo(LeadStatus.QUALIFIED, by, null);
    }

    public void disqualify(String reason, String by) {
        moveTo(LeadStatus.DISQUALIFIED, by, Objects.requireNonNull(reason));
    }

    public void markSpam(String by) {
        moveTo(LeadStatus.SPAM, by, null);
        spamReason = SpamReason.CONSULTANT;
        spamValue = null;
    }

    /** Out of the quarantine, into the inbox: its acknowledgement and notice are now due. */
    public void release(String by) {
        require(status == LeadStatus.SPAM);
        moveTo(LeadStatus.NEW, by, null);
    }

    /** A disqualified lead back to new. */
    public void reopen(String by) {
        require(status == LeadStatus.DISQUALIFIED);
        moveTo(LeadStatus.NEW, by, null);
    }

    /** The consultants' own sectors and countries, which from now on stand for the declared and inferred ones. */
    public void correctTags(Collection<String> newSectors, Collection<String> newCountries, String by) {
        reviewedSectors.clear();
        reviewedSectors.addAll(newSectors);
        reviewedCountries.clear();
        reviewedCountries.addAll(newCountries);
        tagsReviewedBy = by;
        tagsReviewedAt = Instant.now();
        LeadTags tags = LeadTags.of(this, null);
        fitScore = tags.fit(this).total();
        record(by, LeadEvent.Kind.TAGS, String.join(",", tags.sectors()) + ";" + String.join(",", tags.countries()), null,
                "lead.tags-corrected", null);
    }

    /** Folds this lead into {@code survivor}; this one keeps its record and timeline, marked merged. */
    public void mergeInto(Lead survivor, String by) {
        require(!id.equals(survivor.id) && status.canMoveTo(LeadStatus.MERGED)
                && survivor.status != LeadStatus.MERGED && survivor.status != LeadStatus.SPAM);
        status = LeadStatus.MERGED;
        mergedInto = survivor.id;
        // Leads already folded into this one follow it.
        update("mergedInto = ?1 where mergedInto = ?2", survivor.id, id);
        LeadEvent.record(id, Instant.now(), by, LeadEvent.Kind.MERGED_INTO, survivor.reference, null);
        survivor.record(by, LeadEvent.Kind.MERGED_IN, reference, null, "lead.merged", "from=" + id);
    }

    /** A qualified lead has become this client organisation. */
    public void convertTo(ClientOrganisation organisation, String by) {
        require(status.canMoveTo(LeadStatus.CONVERTED));
        status = LeadStatus.CONVERTED;
        clientOrganisationId = organisation.id;
        respond();
        record(by, LeadEvent.Kind.CONVERTED, organisation.name, null, "lead.converted", "organisation=" + organisation.id);
    }

    /** A note on the timeline; it changes nothing else. */
    public void annotate(String text, String by) {
        LeadEvent.record(id, Instant.now(), by, LeadEvent.Kind.NOTE, null, text);
        AuditEvent.record(by, "lead.note", "lead", id, null);
    }

    private void moveTo(LeadStatus to, String by, String reason) {
        require(status.canMoveTo(to));
        status = to;
        statusReason = reason;
        respond();
        record(by, LeadEvent.Kind.STATUS, to.code(), reason, "lead.status", "to=" + to.code());
    }

    /** The first triage decision stops the response clock. */
    private void respond() {
        if (firstResponseAt == null) {
            firstResponseAt = Instant.now();
        }
    }

    private void record(String by, LeadEvent.Kind kind, String detail, String remark, String action, String auditDetail) {
        if (kind == LeadEvent.Kind.ASSIGNED) {
            respond();
        }
        LeadEvent.record(id, Instant.now(), by, kind, detail, remark);
        AuditEvent.record(by, action, "lead", id, auditDetail);
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new IllegalMove();
        }
    }

    /** The action does not apply to the lead as it is now. */
    public static final class IllegalMove extends RuntimeException {
        IllegalMove() {
            super("illegal lead move", null, false, false);
        }
    }

    // --- Queries ----------------------------------------------------------------------------------

    public static Optional<Lead> byFormToken(String tokenId) {
        return find("formToken", tokenId).firstResultOptional();
    }

    public static Optional<Lead> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public static Optional<Lead> byReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** Genuine leads whose acknowledgement or notice has not gone out yet and that no sender holds, oldest first. */
    public static List<Long> awaitingMail(int maxAttempts, Instant submittedBefore, Instant now, int limit) {
        return getEntityManager().createQuery("select l.id from Lead l where l.status = ?1"
                + " and (l.ackSentAt is null or l.triageNotifiedAt is null) and l.mailAttempts < ?2"
                + " and l.submittedAt < ?3 and (l.mailClaimedUntil is null or l.mailClaimedUntil < ?4) order by l.id",
                Long.class).setParameter(1, LeadStatus.NEW).setParameter(2, maxAttempts).setParameter(3, submittedBefore)
                .setParameter(4, now).setMaxResults(limit).getResultList();
    }

    /**
     * Claims the lead's pending mail for one sender until {@code until}, in one conditional update:
     * of two senders racing for the same row, the database lets exactly one match. False when there
     * is nothing to send or another sender holds it. A bulk update, so the lead's version (what a
     * consultant's open page saw) stays as it is.
     */
    public static boolean claimMail(long id, Instant now, Instant until) {
        return update("mailClaimedUntil = ?1 where id = ?2 and status = ?3"
                + " and (ackSentAt is null or triageNotifiedAt is null)"
                + " and (mailClaimedUntil is null or mailClaimedUntil < ?4)", until, id, LeadStatus.NEW, now) == 1;
    }

    public static void releaseMail(long id) {
        update("mailClaimedUntil = null where id = ?1", id);
    }

    /** How many leads came from this email, or this client, since the given time, and the oldest of them. */
    public record Recent(long count, Instant oldest) {
    }

    public static Recent recentFromEmail(String email, Instant since) {
        return recent("l.email = ?1", email, since);
    }

    public static Recent recentFromClient(String clientKey, Instant since) {
        return recent("l.clientKey = ?1", clientKey, since);
    }

    private static Recent recent(String who, String value, Instant since) {
        Object[] row = getEntityManager().createQuery("select count(l), min(l.submittedAt) from Lead l where " + who
                + " and l.submittedAt > ?2", Object[].class).setParameter(1, value).setParameter(2, since).getSingleResult();
        return new Recent((Long) row[0], (Instant) row[1]);
    }

    /** The earliest lead from this email or organisation, if any. */
    public static Optional<Long> firstFrom(String email, String organisationKey) {
        return getEntityManager().createQuery("select min(l.id) from Lead l where l.email = ?1 or l.organisationKey = ?2",
                Long.class).setParameter(1, email).setParameter(2, organisationKey).getResultStream()
                .filter(Objects::nonNull).findFirst();
    }

    public static String referenceFor(long id, Instant submittedAt) {
        return String.format("RFI-%d-%05d", submittedAt.atZone(ZoneOffset.UTC).getYear(), id);
    }
}
