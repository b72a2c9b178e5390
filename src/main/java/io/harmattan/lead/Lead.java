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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A request for interest, as the prospect sent it, and its life cycle ({@link LeadStatus}). Every
 * state change is a method here that refuses an illegal move and records the timeline event and
 * the audit event in the caller's transaction.
 */
@Entity
@Table(name = "lead")
// Only changed columns are written: an edit never writes back the outbox columns a sender just set.
@DynamicUpdate
public class Lead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    // Its reference (e.g. RFI-2026-00042, set from the id once the row exists), and what makes a
    // resubmission find it: the one-time form token's id, or the API caller's key name and Idempotency-Key.
    @Column(length = 20)
    public String reference;
    @Column(name = "form_token", length = 64)
    public String formToken;
    @Column(name = "idempotency_key", length = 150)
    public String idempotencyKey;

    @Column(nullable = false, length = 16)
    public LeadStatus status;

    @Column(name = "spam_reason", length = 200)
    public SpamReason spamReason;

    /** The number that goes with the spam reason: the fill time in ms, the count of links. */
    @Column(name = "spam_value")
    public Integer spamValue;

    // What the prospect sent, and the consent they gave with it.
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

    /** When the lead went into the quarantine; the retention job deletes spam 30 days after. */
    @Column(name = "quarantined_at")
    public Instant quarantinedAt;

    /** When the personal data was erased (on request, or at the end of the retention period); null while it is held. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** A keyed hash of the sender's address, for rate limits; the address itself is not kept. */
    @Column(name = "client_key", length = 32)
    public String clientKey;

    // The mail outbox (LeadMail): what went out, failed attempts, and which sender holds the rest.
    @Column(name = "ack_sent_at")
    public Instant ackSentAt;
    @Column(name = "triage_notified_at")
    public Instant triageNotifiedAt;
    @Column(name = "mail_attempts", nullable = false)
    public int mailAttempts;
    @Column(name = "mail_claimed_until")
    public Instant mailClaimedUntil;

    // What triage recorded: the assignee (a username), why it was disqualified, the first real
    // contact with the prospect (it stops the response clock), the fit score (0-100, on the row so that the inbox can sort by
    // it), who reviewed the tags, the lead it was merged into and the client organisation it became.
    @Column(length = 120)
    public String assignee;
    @Column(name = "status_reason", length = 500)
    public String statusReason;
    @Column(name = "disqualify_reason", length = 20)
    public DisqualifyReason disqualifyReason;
    @Column(name = "first_response_at")
    public Instant firstResponseAt;
    @Column(name = "fit_score")
    public Integer fitScore;
    @Column(name = "tags_reviewed_by", length = 120)
    public String tagsReviewedBy;
    @Column(name = "tags_reviewed_at")
    public Instant tagsReviewedAt;
    @Column(name = "merged_into")
    public Long mergedInto;
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

    // --- The life cycle ---------------------------------------------------------------------------

    /** Held back as suspected spam at intake: stored like any other, kept out of the inbox until released. */
    public void quarantine(SpamReason.Signal signal) {
        status = LeadStatus.SPAM;
        quarantinedAt = Instant.now();
        spamReason = signal.reason();
        spamValue = signal.value();
    }

    /** To a consultant (username), or to nobody when {@code assignee} is null. */
    public void assignTo(String assignee, String by) {
        require(status.isOpen());
        this.assignee = assignee;
        record(by, LeadEvent.Kind.ASSIGNED, assignee, null, "lead.assigned", "to=" + assignee);
    }

    public void qualify(String by) {
        moveTo(LeadStatus.QUALIFIED, by, null, null);
    }

    /** Out, for one of the listed reasons; {@code words} say more (required for "other", else may be null). */
    public void disqualify(DisqualifyReason why, String words, String by) {
        require(why != DisqualifyReason.OTHER || words != null && !words.isBlank());
        require(status.canMoveTo(LeadStatus.DISQUALIFIED));
        disqualifyReason = Objects.requireNonNull(why);
        moveTo(LeadStatus.DISQUALIFIED, by, words, why);
    }

    public void markSpam(String by) {
        moveTo(LeadStatus.SPAM, by, null, null);
        quarantinedAt = Instant.now();
        spamReason = SpamReason.CONSULTANT;
        spamValue = null;
    }

    /** Out of the quarantine, into the inbox: its acknowledgement and notice are now due. */
    public void release(String by) {
        require(status == LeadStatus.SPAM);
        moveTo(LeadStatus.NEW, by, null, null);
        restartClock();
    }

    /** A disqualified lead back to new. */
    public void reopen(String by) {
        require(status == LeadStatus.DISQUALIFIED);
        disqualifyReason = null;
        moveTo(LeadStatus.NEW, by, null, null);
        restartClock();
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
        respond(Instant.now());
        // Leads already folded into this one follow it.
        update("mergedInto = ?1 where mergedInto = ?2", survivor.id, id);
        LeadEvent.record(id, Instant.now(), by, LeadEvent.Kind.MERGED_INTO, survivor.reference, null);
        survivor.record(by, LeadEvent.Kind.MERGED_IN, reference, null, "lead.merged", "from=" + id);
    }

    /** A qualified lead has become this client organisation. */
    /**
     * A qualified lead becomes a new client organisation with the lead's sectors and countries (as
     * corrected, AES countries only); returns it. Used by triage's "convert" and by a proposal sent
     * or accepted for a lead not yet converted.
     */
    public ClientOrganisation convertToNewClient(String by) {
        require(status.canMoveTo(LeadStatus.CONVERTED) && erasedAt == null);
        LeadTags tags = LeadTags.of(this);
        ClientOrganisation client = new ClientOrganisation();
        client.name = organisation;
        client.language = language;
        client.createdAt = Instant.now();
        client.sectors.addAll(tags.sectors());
        client.countries.addAll(tags.countries().stream().filter(FitScore.AES::contains).toList());
        client.persistAndFlush();
        AuditEvent.record(by, "organisation.created", "client_organisation", client.id, "from-lead=" + id);
        convertTo(client, by);
        return client;
    }

    public void convertTo(ClientOrganisation organisation, String by) {
        require(status.canMoveTo(LeadStatus.CONVERTED));
        status = LeadStatus.CONVERTED;
        clientOrganisationId = organisation.id;
        respond(Instant.now());
        record(by, LeadEvent.Kind.CONVERTED, organisation.name, null, "lead.converted", "organisation=" + organisation.id);
    }

    /** A proposal made for this lead was sent, accepted or declined: its reference and version on the timeline. */
    public void proposalStep(LeadEvent.Kind kind, String proposal, String by) {
        if (kind != LeadEvent.Kind.PROPOSAL_SENT && kind != LeadEvent.Kind.PROPOSAL_ACCEPTED
                && kind != LeadEvent.Kind.PROPOSAL_DECLINED) {
            throw new IllegalArgumentException("not a proposal step: " + kind);
        }
        LeadEvent.record(id, Instant.now(), by, kind, proposal, null);
    }

    /** What stands in for a person's details once they are erased: no name, and an address nobody can receive. */
    public static final String ERASED = "-";

    /**
     * Erases the person's data from this lead and its timeline: name, address, organisation, job,
     * phone, needs, notes, the texts of mails and calls, the titles of follow-ups. What reports count
     * stays: status, source, dates, sectors, countries, services, assignee, the events' kinds and
     * times. The mails written to the prospect go too: replies carry the address and the whole text.
     * The audit log records it, without the data. Returns how many mails were deleted.
     */
    public int erase(Instant now, String by, String why) {
        // Exactly this address: the collation alone would also take "rene@" for "rené@".
        int mails = getEntityManager().createNativeQuery("DELETE FROM mail_outbox WHERE LOWER(recipient) COLLATE utf8mb4_bin"
                + " = LOWER(?1) OR topic LIKE ?2").setParameter(1, email).setParameter(2, "lead:" + id + ":%").executeUpdate();
        name = ERASED;
        email = "erased-" + id + "@erased.invalid";
        organisation = ERASED;
        organisationKey = null;
        jobTitle = ERASED;
        phone = null;
        needs = "";
        statusReason = null;
        idempotencyKey = null;
        clientKey = null;
        marketingOptIn = false;
        erasedAt = now;
        flush();
        LeadEvent.update("remark = null, detail = case when kind = ?1 then null else detail end where leadId = ?2",
                LeadEvent.Kind.EMAILED, id);
        getEntityManager().createNativeQuery("UPDATE lead_task SET title = ?1 WHERE lead_id = ?2")
                .setParameter(1, ERASED).setParameter(2, id).executeUpdate();
        // What the prospect wrote when declining a proposal made for this request (an acceptance stays: a contract).
        getEntityManager().createNativeQuery("UPDATE proposal_event SET remark = NULL WHERE kind = 'declined'"
                + " AND proposal_id IN (SELECT p.id FROM proposal p WHERE p.lead_id = ?1)").setParameter(1, id).executeUpdate();
        LeadSearchText.refresh(id);
        AuditEvent.record(by, "lead.erased", "lead", id, why);
        return mails;
    }

    /** Deletes a quarantined lead for good (spam only); what pointed at it as a duplicate forgets it. */
    public void deleteSpam(String by, String why) {
        if (status != LeadStatus.SPAM) {
            throw new IllegalMove();
        }
        update("duplicateOf = null where duplicateOf = ?1", id);
        update("mergedInto = null where mergedInto = ?1", id);
        LeadEvent.delete("leadId", id);
        delete();
        AuditEvent.record(by, "lead.deleted", "lead", id, why);
    }

    /** A note on the timeline; it changes nothing else. */
    public void annotate(String text, String by) {
        require(erasedAt == null);
        LeadEvent.record(id, Instant.now(), by, LeadEvent.Kind.NOTE, null, text);
        LeadSearchText.refresh(id);
        AuditEvent.record(by, "lead.note", "lead", id, null);
    }

    /** A mail written to the prospect, on its way through the outbox: a real contact. */
    public void emailed(String subject, String body, String by) {
        require(erasedAt == null);
        require(canBeContacted());
        respond(Instant.now());
        record(by, LeadEvent.Kind.EMAILED, subject, body, "lead.emailed", null);
    }

    /**
     * A call or a meeting with the prospect ({@code kind}), when it took place, how many minutes it
     * lasted and what came of it: a real contact, so the clock stops at that time if none came earlier.
     */
    public void contacted(LeadEvent.Kind kind, Instant at, int minutes, String outcome, String by) {
        require(erasedAt == null);
        if (kind != LeadEvent.Kind.CALL && kind != LeadEvent.Kind.MEETING) {
            throw new IllegalArgumentException("not a call or meeting: " + kind);
        }
        require(canBeContacted() && !at.isBefore(submittedAt));
        respond(at);
        LeadEvent.record(id, at, by, kind, Integer.toString(minutes), outcome);
        AuditEvent.record(by, "lead." + kind.code(), "lead", id, null);
    }

    /** A follow-up task for {@code assignee} on the timeline (the task itself lives in the task feature). */
    public void taskAdded(String title, String assignee, String by) {
        require(erasedAt == null);
        require(canBeContacted());
        LeadEvent.record(id, Instant.now(), by, LeadEvent.Kind.TASK_ADDED, assignee, title);
    }

    /** A follow-up task done, on the timeline. */
    public void taskDone(String title, String by) {
        LeadEvent.record(id, Instant.now(), by, LeadEvent.Kind.TASK_DONE, null, title);
    }

    /** Quarantined and merged leads are not written to nor called from their own record. */
    public boolean canBeContacted() {
        return status != LeadStatus.SPAM && status != LeadStatus.MERGED;
    }

    private void moveTo(LeadStatus to, String by, String words, DisqualifyReason why) {
        require(status.canMoveTo(to));
        status = to;
        statusReason = words;
        if (!to.isOpen()) {
            // Closed without a word to the prospect (spam, out of scope): nobody is waiting any more.
            respond(Instant.now());
        }
        LeadEvent.record(id, Instant.now(), by, LeadEvent.Kind.STATUS, to.code(), words, why);
        AuditEvent.record(by, "lead.status", "lead", id, "to=" + to.code() + (why == null ? "" : " reason=" + why.code()));
    }

    /**
     * Back in the inbox: if only closing the lead had stopped its clock, the prospect is still
     * waiting since they wrote; a real contact made before still counts.
     */
    private void restartClock() {
        firstResponseAt = LeadEvent.firstContact(id).orElse(null);
    }

    /**
     * The first real contact (a reply, a call, a meeting) stops the response clock, as does closing
     * the lead; an assignment or a qualification does not, since the prospect still waits.
     */
    private void respond(Instant at) {
        if (firstResponseAt == null || at.isBefore(firstResponseAt)) {
            firstResponseAt = at;
        }
    }

    private void record(String by, LeadEvent.Kind kind, String detail, String remark, String action, String auditDetail) {
        LeadEvent.record(id, Instant.now(), by, kind, detail, remark);
        AuditEvent.record(by, action, "lead", id, auditDetail);
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new IllegalMove();
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
