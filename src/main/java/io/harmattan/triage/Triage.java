package io.harmattan.triage;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.DisqualifyReason;
import io.harmattan.lead.IllegalMove;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadEvent;
import io.harmattan.lead.LeadMail;
import io.harmattan.lead.LeadStatus;
import io.harmattan.mail.Outbox;
import io.harmattan.mail.Smtp;
import io.harmattan.persistence.CodedEnum;
import io.harmattan.staff.Consultant;
import io.harmattan.web.EmailAddress;
import io.harmattan.web.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_MAIL = 10_000;
    public static final int MAX_OUTCOME = 2000;
    /** A call or meeting longer than a working day is a typing mistake. */
    public static final int MAX_MINUTES = 600;
    /** How far back a call or meeting may be logged: it stops the clock at its own time, so not at any time. */
    public static final Duration MAX_BACKDATE = Duration.ofDays(7);

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

    @Inject
    Outbox outbox;

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

    /**
     * A status button. Disqualifying needs a reason from the list ({@code why}); the consultant's
     * words ({@code reason}) are optional except for "other".
     */
    public void move(long id, long seen, String actor, Move move, DisqualifyReason why, String reason) {
        String words = reason == null ? "" : reason.strip();
        if (move == Move.DISQUALIFY && why == null) {
            throw new Refused("why-required");
        }
        if (move == Move.DISQUALIFY && why == DisqualifyReason.OTHER && words.isEmpty()) {
            throw new Refused("reason-required");
        }
        if (words.length() > MAX_REASON) {
            throw new Refused("reason-too-long");
        }
        change(id, seen, l -> {
            switch (move) {
                case QUALIFY -> l.qualify(actor);
                case DISQUALIFY -> l.disqualify(why, words.isEmpty() ? null : words, actor);
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

    /** What the inbox's bulk form can do to the selected leads. */
    public enum Bulk {
        ASSIGN, SPAM, DISQUALIFY;

        public static Optional<Bulk> of(String action) {
            return CodedEnum.of(Bulk.class, action);
        }
    }

    /** A lead ticked in the inbox, with the version the consultant saw. */
    public record Selected(long id, long version) {
    }

    /** What became of one selected lead: done, changed since the page was loaded (conflict), or refused (a code). */
    public record Outcome(long id, String reference, String result) {

        public boolean done() {
            return "done".equals(result);
        }
    }

    /** The most leads one bulk action takes: a page of the inbox, with room to spare. */
    public static final int MAX_BULK = 100;

    /**
     * The same action on every selected lead, each in its own transaction as if done from its page:
     * its version checked, its timeline and audit written. One lead's conflict or refusal does not
     * stop the others; each outcome is returned.
     */
    public List<Outcome> bulk(List<Selected> leads, String actor, Bulk action, String assignee, DisqualifyReason why,
            String words) {
        if (leads.isEmpty()) {
            throw new Refused("none-selected");
        }
        if (leads.size() > MAX_BULK) {
            throw new Refused("too-many-selected");
        }
        if (action == Bulk.ASSIGN && (assignee == null || assignee.isBlank())) {
            throw new Refused("assignee-required");
        }
        if (action == Bulk.ASSIGN && QuarkusTransaction.requiringNew().call(() -> Consultant.findById(assignee.strip())) == null) {
            throw new Refused("unknown-assignee");
        }
        if (action == Bulk.DISQUALIFY && why == null) {
            throw new Refused("why-required");
        }
        if (action == Bulk.DISQUALIFY && why == DisqualifyReason.OTHER && (words == null || words.isBlank())) {
            throw new Refused("reason-required");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Selected lead : leads) {
            String result;
            try {
                switch (action) {
                    case ASSIGN -> assign(lead.id(), lead.version(), actor, assignee);
                    case SPAM -> move(lead.id(), lead.version(), actor, Move.SPAM, null, null);
                    case DISQUALIFY -> move(lead.id(), lead.version(), actor, Move.DISQUALIFY, why, words);
                }
                result = "done";
            } catch (Conflict e) {
                result = "conflict";
            } catch (Refused e) {
                result = e.code;
            }
            String reference = QuarkusTransaction.requiringNew().call(() -> {
                Lead l = Lead.findById(lead.id());
                return l == null ? "#" + lead.id() : l.reference;
            });
            outcomes.add(new Outcome(lead.id(), reference, result));
        }
        return outcomes;
    }

    /** Saves the filter under a name for the consultant; the same name again replaces it. */
    public void saveView(String owner, String name, InboxFilter filter) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty()) {
            throw new Refused("view-name-required");
        }
        if (title.length() > SavedView.MAX_NAME) {
            throw new Refused("view-name-too-long");
        }
        try {
            store(owner, title, filter);
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            // The same name saved at the same moment (a double click): the other request's view stands; this one replaces it.
            store(owner, title, filter);
        }
    }

    private static void store(String owner, String title, InboxFilter filter) {
        QuarkusTransaction.requiringNew().run(() -> {
            SavedView view = SavedView.find("owner = ?1 and name = ?2", owner, title).firstResult();
            if (view == null) {
                if (SavedView.count("owner", owner) >= SavedView.MAX_PER_CONSULTANT) {
                    throw new Refused("too-many-views");
                }
                view = new SavedView();
                view.owner = owner;
                view.name = title;
                view.createdAt = Instant.now();
            }
            view.query = filter.withAfter(null).query();
            if (view.query.length() > SavedView.MAX_QUERY) {
                throw new Refused("view-too-long");
            }
            view.persist();
        });
    }

    /** Deletes one of the consultant's own views; someone else's is left alone (as if it did not exist). */
    public void deleteView(String owner, long id) {
        QuarkusTransaction.requiringNew().run(() -> SavedView.delete("id = ?1 and owner = ?2", id, owner));
    }

    /**
     * Writes to the prospect: the mail goes through the outbox from the firm's address, with the
     * consultant's own address for the answer, and stays on the timeline; it stops the response clock.
     */
    public void reply(long id, String actor, String subject, String text) {
        // One line, whatever was posted: a subject header never carries a line break.
        String title = subject == null ? "" : subject.replaceAll("[\\r\\n]+", " ").strip();
        String body = text == null ? "" : text.strip();
        if (title.isEmpty()) {
            throw new Refused("subject-required");
        }
        if (title.length() > MAX_SUBJECT) {
            throw new Refused("subject-too-long");
        }
        if (body.isEmpty()) {
            throw new Refused("mail-required");
        }
        if (body.length() > MAX_MAIL) {
            throw new Refused("mail-too-long");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            if (lead == null) {
                throw new Refused("gone");
            }
            if (!lead.canBeContacted()) {
                throw new Refused("not-now");
            }
            Consultant me = Consultant.findById(actor);
            // An address the relay would refuse would hold the reply back for good: the firm's address then.
            String replyTo = me == null || !EmailAddress.isValid(me.email) ? null : me.email;
            lead.emailed(title, body, actor);
            outbox.enqueue(lead.email, replyTo, title, body, "lead:" + id + ":reply");
        });
    }

    /** A call or a meeting with the prospect, logged on the timeline; the clock stops at its time. */
    public void logContact(long id, String actor, LeadEvent.Kind kind, Instant at, Integer minutes, String outcome) {
        String what = outcome == null ? "" : outcome.strip();
        if (at == null || at.isAfter(Instant.now()) || at.isBefore(Instant.now().minus(MAX_BACKDATE))) {
            throw new Refused("when-invalid");
        }
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            throw new Refused("minutes-invalid");
        }
        if (what.isEmpty()) {
            throw new Refused("outcome-required");
        }
        if (what.length() > MAX_OUTCOME) {
            throw new Refused("outcome-too-long");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(id);
            if (lead == null) {
                throw new Refused("gone");
            }
            // The form gives minutes: a call in the request's own minute is taken as right after it.
            if (at.isBefore(lead.submittedAt.truncatedTo(ChronoUnit.MINUTES))) {
                throw new Refused("when-invalid");
            }
            Instant when = at.isBefore(lead.submittedAt) ? lead.submittedAt : at;
            try {
                lead.contacted(kind, when, minutes, what, actor);
            } catch (IllegalMove e) {
                throw new Refused("not-now");
            }
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
            lead.deleteSpam(actor, "quarantined spam");
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
