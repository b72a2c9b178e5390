package io.harmattan.intake;

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
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** A request for interest, as the prospect sent it. */
@Entity
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    public static final String NEW = "new";
    public static final String SPAM = "spam";

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
    public String status;

    @Column(name = "spam_reason", length = 200)
    public String spamReason;

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

    public static Optional<Lead> byFormToken(String tokenId) {
        return find("formToken", tokenId).firstResultOptional();
    }

    public static Optional<Lead> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public static Optional<Lead> byReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** Genuine leads whose acknowledgement or notice has not gone out yet, oldest first. */
    static java.util.List<Long> awaitingMail(int maxAttempts, Instant submittedBefore, int limit) {
        return getEntityManager().createQuery("select l.id from Lead l where l.status = ?1"
                + " and (l.ackSentAt is null or l.triageNotifiedAt is null) and l.mailAttempts < ?2"
                + " and l.submittedAt < ?3 order by l.id", Long.class)
                .setParameter(1, NEW).setParameter(2, maxAttempts).setParameter(3, submittedBefore)
                .setMaxResults(limit).getResultList();
    }

    /** How many leads came from this email, or this client, since the given time, and the oldest of them. */
    record Recent(long count, Instant oldest) {
    }

    static Recent recentFromEmail(String email, Instant since) {
        Object[] row = getEntityManager().createQuery("select count(l), min(l.submittedAt) from Lead l"
                + " where l.email = ?1 and l.submittedAt > ?2", Object[].class)
                .setParameter(1, email).setParameter(2, since).getSingleResult();
        return new Recent((Long) row[0], (Instant) row[1]);
    }

    static Recent recentFromClient(String clientKey, Instant since) {
        Object[] row = getEntityManager().createQuery("select count(l), min(l.submittedAt) from Lead l"
                + " where l.clientKey = ?1 and l.submittedAt > ?2", Object[].class)
                .setParameter(1, clientKey).setParameter(2, since).getSingleResult();
        return new Recent((Long) row[0], (Instant) row[1]);
    }

    /** The earliest lead from this email or organisation, if any. */
    static Optional<Long> firstFrom(String email, String organisationKey) {
        return getEntityManager().createQuery("select min(l.id) from Lead l where l.email = ?1 or l.organisationKey = ?2",
                Long.class).setParameter(1, email).setParameter(2, organisationKey).getResultStream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private static final java.util.regex.Pattern ACCENTS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern LEGAL_FORMS = java.util.regex.Pattern.compile(
            "\\b(s ?a ?r ?l|s ?a ?s|s ?a|ltd|limited|inc|llc|plc|gmbh|corp|corporation|company|co)\\b");

    /** "Société Minière du Liptako S.A." and "societe miniere du liptako" give the same key. */
    static String organisationKey(String organisation) {
        String folded = ACCENTS.matcher(java.text.Normalizer.normalize(organisation, java.text.Normalizer.Form.NFD))
                .replaceAll("").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ");
        String key = LEGAL_FORMS.matcher(folded).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return key.isEmpty() ? folded.strip() : key;
    }

    static String referenceFor(long id, Instant submittedAt) {
        return String.format("RFI-%d-%05d", submittedAt.atZone(ZoneOffset.UTC).getYear(), id);
    }

    /** Quarantines the lead: stored like any other, kept out of the inbox until a consultant releases it. */
    void quarantine(String reason) {
        status = SPAM;
        spamReason = reason;
    }
}
