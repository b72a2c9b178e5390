package io.harmattan.triage;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientOrganisation;
import io.harmattan.audit.AuditEvent;
import io.harmattan.intake.Lead;
import io.harmattan.intake.LeadMail;
import io.harmattan.mail.Smtp;
import io.harmattan.web.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * What consultants do to a lead. Each action checks the version the consultant saw (someone else's
 * change in between is a {@link Conflict}, never silently overwritten), checks the life cycle,
 * and writes a timeline event and an audit event in the same transaction.
 */
@ApplicationScoped
public class Triage {

    private static final Logger LOG = Logger.getLogger(Triage.class);
    public static final int MAX_NOTE = 4000;
    public static final int MAX_REASON = 500;

    /** The lead changed since the consultant loaded it. */
    public static class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }

    /** The action does not apply to the lead as it is (wrong status, unknown assignee, empty note...). */
    public static class Refused extends RuntimeException {
        public final String code;

        Refused(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    @Inject
    HarmattanConfig config;

    @Inject
    LeadMail leadMail;

    @Inject
    Smtp smtp;

    public void assign(long id, long seen, String actor, String assignee) {
        String target = assignee == null || assignee.isBlank() ? null : assignee.strip();
        Lead lead = change(id, seen, actor, l -> {
            if (!LeadStatus.isOpen(l.status)) {
                throw new Refused("closed");
            }
            if (target != null && Consultant.findById(target) == null) {
                throw new Refused("unknown-assignee");
            }
            l.assignee = target;
            respond(l);
            event(l, actor, LeadEvent.ASSIGNED, target, "lead.assigned", "to=" + target);
        });
        if (target != null && !target.equals(actor)) {
            Consultant consultant = QuarkusTransaction.requiringNew().call(() -> Consultant.findById(target));
            if (consultant != null && consultant.email != null) {
                leadMail.later(() -> tellAssignee(consultant, lead));
            }
        }
    }

    /** qualified, disqualified (with a reason), spam, or back to new (release, reopen). */
    public void move(long id, long seen, String actor, String to, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (LeadStatus.DISQUALIFIED.equals(to) && why.isEmpty()) {
            throw new Refused("reason-required");
        }
        if (why.length() > MAX_REASON) {
            throw new Refused("reason-too-long");
        }
        boolean[] released = {false};
        change(id, seen, actor, l -> {
            if (!LeadStatus.canMove(l.status, to) || LeadStatus.MERGED.equals(to) || LeadStatus.CONVERTED.equals(to)) {
                throw new Refused("not-now");
            }
            released[0] = LeadStatus.SPAM.equals(l.status);
            l.status = to;
            l.statusReason = LeadStatus.DISQUALIFIED.equals(to) ? why : null;
            if (LeadStatus.SPAM.equals(to)) {
                l.spamReason = "consultant";
            }
            respond(l);
            event(l, actor, LeadEvent.STATUS, why.isEmpty() ? to : to + ":" + why, "lead.status", "to=" + to);
        });
        if (released[0]) {
            // Released from quarantine: the acknowledgement and the notice it never got go out now.
            leadMail.enqueue(id);
        }
    }

    public void correctTags(long id, long seen, String actor, Collection<String> sectors, Collection<String> countries) {
        change(id, seen, actor, l -> {
            l.reviewedSectors.clear();
            l.reviewedSectors.addAll(sectors);
            l.reviewedCountries.clear();
            l.reviewedCountries.addAll(countries);
            l.tagsReviewedBy = actor;
            l.tagsReviewedAt = Instant.now();
            LeadTags tags = LeadTags.of(l, null);
            l.fitScore = tags.fit(l).total();
            event(l, actor, LeadEvent.TAGS, String.join(",", tags.sectors()) + ";" + String.join(",", tags.countries()),
                    "lead.tags-corrected", null);
        });
    }

    public void note(long id, String actor, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new Refused("note-required");
        }
        if (body.length() > MAX_NOTE) {
            throw new Refused("note-too-long");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            if (lead == null) {
                throw new Refused("gone");
            }
            LeadEvent.record(id, Instant.now(), actor, LeadEvent.NOTE, body);
            AuditEvent.record(actor, "lead.note", "lead", id, null);
        });
    }

    /** Folds {@code otherId} into {@code id}: the other lead is kept, marked merged, and its timeline shows on this one. */
    public void merge(long id, long seen, String actor, long otherId) {
        if (id == otherId) {
            throw new Refused("not-now");
        }
        change(id, seen, actor, survivor -> {
            if (LeadStatus.MERGED.equals(survivor.status) || LeadStatus.SPAM.equals(survivor.status)) {
                throw new Refused("not-now");
            }
            Lead other = Lead.findById(otherId);
            if (other == null || !LeadStatus.canMove(other.status, LeadStatus.MERGED)) {
                throw new Refused("not-now");
            }
            other.status = LeadStatus.MERGED;
            other.mergedInto = survivor.id;
            // Leads already folded into the other one follow it.
            Lead.update("mergedInto = ?1 where mergedInto = ?2", survivor.id, other.id);
            Instant now = Instant.now();
            LeadEvent.record(other.id, now, actor, LeadEvent.MERGED_INTO, survivor.reference);
            event(survivor, actor, LeadEvent.MERGED_IN, other.reference, "lead.merged", "from=" + other.id);
        });
    }

    /** A qualified lead becomes a client organisation with the lead's sectors and countries. */
    public long convert(long id, long seen, String actor) {
        long[] created = {0};
        change(id, seen, actor, l -> {
            if (!LeadStatus.canMove(l.status, LeadStatus.CONVERTED)) {
                throw new Refused("not-now");
            }
            LeadTags tags = LeadTags.of(l);
            ClientOrganisation organisation = new ClientOrganisation();
            organisation.name = l.organisation;
            organisation.language = l.language;
            organisation.createdAt = Instant.now();
            organisation.sectors.addAll(tags.sectors());
            organisation.countries.addAll(tags.countries().stream().filter(FitScore.AES::contains).toList());
            organisation.persistAndFlush();
            l.status = LeadStatus.CONVERTED;
            l.clientOrganisationId = organisation.id;
            respond(l);
            created[0] = organisation.id;
            event(l, actor, LeadEvent.CONVERTED, organisation.name, "lead.converted", "organisation=" + organisation.id);
            AuditEvent.record(actor, "organisation.created", "client_organisation", organisation.id, "from-lead=" + l.id);
        });
        return created[0];
    }

    /** Deletes a quarantined lead for good (spam only); what pointed at it as a duplicate forgets it. */
    public void delete(long id, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            if (lead == null || !LeadStatus.SPAM.equals(lead.status)) {
                throw new Refused("not-now");
            }
            Lead.update("duplicateOf = null where duplicateOf = ?1", id);
            LeadEvent.delete("leadId", id);
            lead.delete();
            AuditEvent.record(actor, "lead.deleted", "lead", id, "quarantined spam");
        });
    }

    /** Loads, checks the version, applies, flushes: a concurrent commit surfaces here as a conflict. */
    private Lead change(long id, long seen, String actor, Consumer<Lead> action) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Lead lead = Lead.findById(id);
                if (lead == null) {
                    throw new Refused("gone");
                }
                if (lead.version != seen) {
                    throw new Conflict();
                }
                action.accept(lead);
                Lead.getEntityManager().flush();
                return lead;
            });
        } catch (Refused | Conflict e) {
            throw e;
        } catch (RuntimeException e) {
            if (stale(e)) {
                throw new Conflict();
            }
            throw e;
        }
    }

    private static boolean stale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static void respond(Lead lead) {
        if (lead.firstResponseAt == null) {
            lead.firstResponseAt = Instant.now();
        }
    }

    private static void event(Lead lead, String actor, String kind, String detail, String action, String auditDetail) {
        LeadEvent.record(lead.id, Instant.now(), actor, kind, detail);
        AuditEvent.record(actor, action, "lead", lead.id, auditDetail);
    }

    private void tellAssignee(Consultant consultant, Lead lead) {
        try {
            Messages texts = MessageBundles.get(Messages.class, Localized.Literal.of("en"));
            smtp.send(consultant.email, texts.mail_assigned_subject(lead.reference),
                    texts.mail_assigned_body(consultant.displayName, lead.reference, lead.organisation,
                            config.publicUrl() + "/console/leads/" + lead.id));
            QuarkusTransaction.requiringNew().run(() -> AuditEvent.record("system", "lead.assignee-notified", "lead", lead.id,
                    "to=" + consultant.username));
        } catch (RuntimeException e) {
            LOG.warnf("Assignment mail for lead %d not sent: %s", lead.id, e.getClass().getSimpleName());
        }
    }

    /** The status a button of the lead page moves to. */
    public static String target(String action) {
        switch (action == null ? "" : action) {
            case "qualify":
                return LeadStatus.QUALIFIED;
            case "disqualify":
                return LeadStatus.DISQUALIFIED;
            case "spam":
                return LeadStatus.SPAM;
            case "release":
            case "reopen":
                return LeadStatus.NEW;
            default:
                return null;
        }
    }
}
