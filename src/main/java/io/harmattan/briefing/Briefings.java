package io.harmattan.briefing;

import io.harmattan.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The briefing life cycle: a draft is edited freely; publishing freezes it and makes it what
 * clients read; editing a published briefing starts the next version as a draft; archiving
 * withdraws the briefing from clients. Each step is an audit event. A step taken on a briefing
 * that changed since the consultant loaded it is refused with {@link Conflict}.
 */
@ApplicationScoped
public class Briefings {

    /** A draft marked TLP:RED or rated 5 that no second lead consultant has approved yet. */
    public static class NeedsApproval extends RuntimeException {
        public NeedsApproval() {
            super(null, null, false, false);
        }
    }

    /** A draft with a language missing or older than the other, published without the author saying so is intended. */
    public static class LanguagesUnconfirmed extends RuntimeException {
        public LanguagesUnconfirmed() {
            super(null, null, false, false);
        }
    }

    /** Someone else changed the briefing since this consultant opened it. */
    public static class Conflict extends RuntimeException {
        public Conflict() {
            super(null, null, false, false);
        }
    }

    @Transactional
    public Briefing create(BriefingForm form, String actor, Instant now) {
        Briefing briefing = new Briefing();
        briefing.status = BriefingStatus.DRAFT;
        briefing.draftVersion = 1;
        briefing.createdAt = now;
        briefing.createdBy = actor;
        briefing.updatedAt = now;
        briefing.persistAndFlush();
        BriefingVersion version = new BriefingVersion();
        version.briefingId = briefing.id;
        version.number = 1;
        version.createdAt = now;
        version.createdBy = actor;
        version.savedBy = actor;
        form.applyTo(version, now);
        version.persist();
        AuditEvent.record(actor, "briefing.created", "briefing", briefing.id, "version=1");
        return briefing;
    }

    /** Saves the editor into the draft, starting version n+1 if the briefing has only a published version. */
    @Transactional
    public Briefing save(long id, BriefingForm form, String actor, Instant now) {
        Briefing briefing = locked(id, form.lock);
        BriefingVersion draft = briefing.draft().orElseGet(() -> {
            BriefingVersion next = briefing.published().orElseThrow().nextDraft(actor, now);
            next.number = latestNumber(briefing) + 1;
            next.persist();
            briefing.draftVersion = next.number;
            return next;
        });
        form.applyTo(draft, now);
        // A change after an approval needs approving again.
        draft.savedBy = actor;
        draft.approvedBy = null;
        draft.approvedAt = null;
        briefing.updatedAt = now;
        AuditEvent.record(actor, "briefing.saved", "briefing", briefing.id, "version=" + draft.number);
        return briefing;
    }

    /**
     * Publishes the draft: only once approved if it needs four eyes, and, when one language is
     * missing or older than the other, only if the author confirmed it ({@code languagesConfirmed}).
     */
    @Transactional
    public Briefing publish(long id, Long lock, String actor, Instant now, boolean languagesConfirmed) {
        Briefing briefing = locked(id, lock);
        BriefingVersion draft = briefing.draft().orElseThrow(Conflict::new);
        if (!draft.has("en") && !draft.has("fr")) {
            throw new Conflict();
        }
        if (draft.needsSecondLook() && draft.approvedBy == null) {
            throw new NeedsApproval();
        }
        if (draft.languages().needingWork().isPresent() && !languagesConfirmed) {
            throw new LanguagesUnconfirmed();
        }
        draft.publishedAt = now;
        draft.publishedBy = actor;
        briefing.publishedVersion = draft.number;
        briefing.draftVersion = null;
        briefing.status = BriefingStatus.PUBLISHED;
        briefing.updatedAt = now;
        AuditEvent.record(actor, "briefing.published", "briefing", briefing.id, "version=" + draft.number);
        return briefing;
    }

    /**
     * A lead consultant's approval of a sensitive draft (the caller checks the role): never by its
     * last editor, and only of the draft the approver saw ({@code lock}).
     */
    @Transactional
    public Briefing approve(long id, Long lock, String actor, Instant now) {
        Briefing briefing = locked(id, lock);
        BriefingVersion draft = briefing.draft().orElseThrow(Conflict::new);
        if (!draft.needsSecondLook() || draft.approvedBy != null || editors(id, draft.number).contains(actor)
                || actor.equals(draft.savedBy)) {
            throw new Conflict();
        }
        draft.approvedBy = actor;
        draft.approvedAt = now;
        // The approval moves the briefing's version too: a page loaded before it cannot publish unseen.
        briefing.updatedAt = now;
        Briefing.getEntityManager().lock(briefing, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        AuditEvent.record(actor, "briefing.approved", "briefing", briefing.id, "version=" + draft.number);
        return briefing;
    }

    @Transactional
    public Briefing archive(long id, Long lock, String actor, Instant now) {
        Briefing briefing = locked(id, lock);
        if (briefing.publishedVersion == null) {
            throw new Conflict();
        }
        briefing.status = BriefingStatus.ARCHIVED;
        briefing.updatedAt = now;
        AuditEvent.record(actor, "briefing.archived", "briefing", briefing.id, "version=" + briefing.publishedVersion);
        return briefing;
    }

    /** Everyone who wrote or saved this version: none of them may be its second pair of eyes. */
    @Transactional
    public java.util.Set<String> editors(long briefingId, int number) {
        return new java.util.HashSet<>(AuditEvent.getEntityManager().createQuery("select distinct a.actor from AuditEvent a"
                + " where a.targetType = 'briefing' and a.targetId = ?1 and a.action in ('briefing.created', 'briefing.saved')"
                + " and a.details = ?2", String.class).setParameter(1, Long.toString(briefingId))
                .setParameter(2, "version=" + number).getResultList());
    }

    private static int latestNumber(Briefing briefing) {
        Integer max = BriefingVersion.getEntityManager()
                .createQuery("select max(v.number) from BriefingVersion v where v.briefingId = ?1", Integer.class)
                .setParameter(1, briefing.id).getSingleResult();
        return max == null ? 0 : max;
    }

    /**
     * The briefing, its row locked for this transaction, if it is still the version the consultant
     * saw. (A plain SELECT ... FOR UPDATE: Hibernate's MySQL dialect adds "OF alias", which MariaDB
     * does not accept.)
     */
    private static Briefing locked(long id, Long expectedVersion) {
        boolean exists = !Briefing.getEntityManager().createNativeQuery("SELECT id FROM briefing WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList().isEmpty();
        Briefing briefing = exists ? Briefing.findById(id) : null;
        if (briefing == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (expectedVersion == null || briefing.version != expectedVersion) {
            throw new Conflict();
        }
        return briefing;
    }
}
