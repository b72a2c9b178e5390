package io.harmattan.triage;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.LeadMail;
import io.harmattan.lead.IllegalMove;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadEvent;
import io.harmattan.lead.LeadStatus;
import io.harmattan.persistence.CodedEnum;
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
import java.util.Optional;
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

    /** What a status button of the lead page asks for. */
    public enum Move {
        QUALIFY, DISQUALIFY, SPAM, RELEASE, REOPEN;

        public static Optional<Move> of(String action) {
            return CodedEnum.of(Move.class, action);
        }
    }

    public void assign(long id, long seen, String actor, String assignee) {
        String target = assignee == null || assignee.isBlank() ? null : assignee.strip();
        Lead lead = change(id, seen, l -> {
            if (!l.status.isOpen()) {
                throw new Refused("closed");
            }
            if (target != null && Consultant.findById(target) == null) {
                throw new Refused("unknown-assignee");
            }
            l.assignTo(target, actor);
        });
        if (target != null && !target.equals(actor)) {
            Consultant consultant = QuarkusTransaction.requiringNew().call(() -> Consultant.findById(target));
            if (consultant != null && consultant.email != null) {
                leadMail.later(() -> tellAssignee(consultant, lead));
            }
        }
    }

    public void move(long id, long seen, String actor, Move move, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (move == Move.DISQUALIFY && why.isEmpty()) {
            throw new Refused("reason-required");
        }
        if (why.length() > MAX_REASON) {
            throw new Refused("reason-too-long");
        }
        change(id, seen, l -> {
            switch (move) {
                case QUALIFY -> l.qualify(actor);
                case DISQUALIFY -> l.disqualify(why, actor);
                case SPAM -> l.markSpam(actor);
                case RELEASE -> l.release(actor);
                case REOPEN -> l.reopen(actor);
            }
        });
        if (move == Move.RELEASE) {
            // Released from quarantine: the acknowledgement and the notice it never got go out now.
            leadMail.enqueue(id);
        }
    }

    public void correctTags(long id, long seen, String actor, Collection<String> sectors, Collection<String> countries) {
        change(id, seen, l -> l.correctTags(sectors, countries, actor));
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
            lead.annotate(body, actor);
        });
    }

    /** Folds {@code otherId} into {@code id}: the other lead is kept, marked merged, and its timeline shows on this one. */
    public void merge(long id, long seen, String actor, long otherId) {
        change(id, seen, survivor -> {
            Lead other = Lead.findById(otherId);
            if (other == null) {
                throw new Refused("not-now");
            }
            other.mergeInto(survivor, actor);
        });
    }

    /** A qualified lead becomes a client organisation with the lead's sectors and countries. */
    public long convert(long id, long seen, String actor) {
        long[] created = {0};
        change(id, seen, l -> {
            if (!l.status.canMoveTo(LeadStatus.CONVERTED)) {
                throw new Refused("not-now");
            }
            created[0] = l.convertToNewClient(actor).id;
        });
        return created[0];
    }

    /** Deletes a quarantined lead for good (spam only); what pointed at it as a duplicate forgets it. */
    public void delete(long id, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            if (lead == null || lead.status != LeadStatus.SPAM) {
                throw new Refused("not-now");
            }
            Lead.update("duplicateOf = null where duplicateOf = ?1", id);
            LeadEvent.delete("leadId", id);
            lead.delete();
            AuditEvent.record(actor, "lead.deleted", "lead", id, "quarantined spam");
        });
    }

    /** Loads, checks the version, applies, flushes: a concurrent commit surfaces here as a conflict. */
    private Lead change(long id, long seen, Consumer<Lead> action) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Lead lead = Lead.findById(id);
                if (lead == null) {
                    throw new Refused("gone");
                }
                if (lead.version != seen) {
                    throw new Conflict();
                }
                try {
                    action.accept(lead);
                } catch (IllegalMove e) {
                    throw new Refused("not-now");
                }
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
}
