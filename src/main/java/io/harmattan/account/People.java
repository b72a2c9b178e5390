package io.harmattan.account;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The people of client organisations: inviting them, suspending, reinstating and removing them.
 * Each change commits in the app first (so that the portal obeys it at once) together with a note
 * that Keycloak's side is due; then Keycloak is brought in line, straight away by the request and
 * again by the clustered "client-accounts" job for whatever failed. Keycloak's side is repeatable,
 * so a job that runs it twice, or after a crash half-way, still ends with one account.
 */
@ApplicationScoped
public class People {

    private static final Logger LOG = Logger.getLogger(People.class);
    private static final int JOB_BATCH = 50;

    /** What became of an invitation. */
    public enum Outcome {
        /** The account exists and Keycloak's set-password mail has gone. */
        INVITED,
        /** An existing account with a password was linked: it can sign in now, no mail was needed. */
        LINKED,
        /** Recorded; Keycloak could not be reached, so the job will finish it. */
        PENDING,
        /** That email is already one of this organisation's people. */
        ALREADY_MEMBER,
        /** That email belongs to another organisation's person, or to a staff account. */
        OTHER_ORGANISATION,
        /** Keycloak refused the person's details; nothing was kept. */
        REFUSED,
    }

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    Memberships memberships;

    @Inject
    HarmattanConfig config;

    /** Invites a person to an organisation; null when the organisation does not exist. */
    public Outcome invite(long organisationId, InviteForm form, String actor) {
        String email = form.email().strip();
        Long[] created = {null};
        Outcome recorded = QuarkusTransaction.requiringNew().call(() -> {
            ClientOrganisation organisation = ClientOrganisation.findById(organisationId);
            if (organisation == null) {
                return null;
            }
            var existing = ClientUser.byEmail(email);
            if (existing.isPresent()) {
                return existing.get().organisation.id == organisationId ? Outcome.ALREADY_MEMBER : Outcome.OTHER_ORGANISATION;
            }
            ClientUser person = ClientUser.invite(organisation, email, form.firstName().strip(), form.lastName().strip(),
                    form.language(), actor, Instant.now());
            AuditEvent.record(actor, "person.invited", "client_user", person.id, "organisation=" + organisationId);
            created[0] = person.id;
            return Outcome.INVITED;
        });
        if (recorded != Outcome.INVITED) {
            return recorded;
        }
        Synced synced = sync(created[0]);
        if (synced.problem() == null) {
            return synced.mailed() ? Outcome.INVITED : Outcome.LINKED;
        }
        if (synced.problem().retried()) {
            return Outcome.PENDING;
        }
        // Refused at once: nothing is kept, the consultant sees why on the form.
        QuarkusTransaction.requiringNew().run(() -> {
            ClientUser.deleteById(created[0]);
            AuditEvent.record(actor, "person.refused", "client_user", created[0], synced.problem().code());
        });
        return synced.problem() == SyncProblem.KEYCLOAK_REFUSED ? Outcome.REFUSED : Outcome.OTHER_ORGANISATION;
    }

    /** What one attempt at a person's Keycloak work left: the problem (null when done), and whether a mail went. */
    record Synced(SyncProblem problem, boolean mailed) {
    }

    private record Account(long id, String subject) {
    }

    /**
     * Suspends, reinstates or removes one of an organisation's people. The portal obeys at once;
     * returns false when the person is not of that organisation (or is being removed already).
     */
    public boolean change(long organisationId, long personId, PersonStatus wanted, String actor) {
        String subject = QuarkusTransaction.requiringNew().call(() -> {
            ClientUser person = ClientUser.findById(personId);
            if (person == null || person.organisation.id != organisationId || person.status == PersonStatus.REMOVED) {
                return null;
            }
            person.changeTo(wanted, Instant.now());
            AuditEvent.record(actor, "person." + wanted.code(), "client_user", personId, "organisation=" + organisationId);
            return person.subject == null ? "" : person.subject;
        });
        if (subject == null) {
            return false;
        }
        memberships.forget(subject);
        sync(personId);
        return true;
    }

    /**
     * Erases the client accounts of this address: portal access ends at once; the Keycloak account is
     * deleted (now, or by the clustered retry if Keycloak is down) and then the person's row. Returns
     * the Keycloak ids of the accounts, for what else must forget them.
     */
    public List<String> erase(String email, String actor) {
        List<Account> erased = QuarkusTransaction.requiringNew().call(() -> {
            List<Account> people = new ArrayList<>();
            // Exactly this address: the columns' collation would also take "rene@" for "rené@".
            for (ClientUser person : ClientUser.<ClientUser>list("email", email)) {
                if (!person.email.equalsIgnoreCase(email)) {
                    continue;
                }
                person.erase(Instant.now());
                AuditEvent.record(actor, "person.erased", "client_user", person.id, "organisation=" + person.organisation.id);
                people.add(new Account(person.id, person.subject));
            }
            // Who read what stays countable (readership per briefing and organisation), by nobody in particular;
            // the username is the address, so a person removed earlier (row gone) is found by it too.
            ClientUser.getEntityManager().createNativeQuery("UPDATE briefing_read SET subject = CONCAT('erased-', id),"
                    + " username = '-' WHERE username = ?1 OR subject IN (SELECT subject FROM client_user WHERE email = ?1"
                    + " AND subject IS NOT NULL)").setParameter(1, email).executeUpdate();
            return people;
        });
        if (erased.isEmpty()) {
            // Removed earlier: the row is gone but Keycloak kept a disabled account under the address.
            keycloak.deleteClientAccount(email);
        }
        List<String> subjects = new ArrayList<>();
        for (Account person : erased) {
            if (person.subject() != null) {
                subjects.add(person.subject());
                memberships.forget(person.subject());
            }
            sync(person.id());
        }
        return subjects;
    }

    /** Suspends or reactivates an organisation: its people's portal access follows at once. */
    public boolean setOrganisationStatus(long organisationId, OrganisationStatus status, String actor) {
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            ClientOrganisation organisation = ClientOrganisation.findById(organisationId);
            if (organisation == null) {
                return false;
            }
            if (organisation.status == status) {
                return true;
            }
            organisation.status = status;
            AuditEvent.record(actor, "organisation." + status.code(), "client_organisation", organisationId, null);
            return true;
        });
        if (changed) {
            memberships.forgetAll();
        }
        return changed;
    }

    /** Retries the Keycloak work that failed, on one instance at a time; each person's work is claimed too. */
    @Scheduled(identity = "client-accounts", every = "30s", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        for (Long id : QuarkusTransaction.requiringNew().call(() -> ClientUser.syncDue(Instant.now(), JOB_BATCH))) {
            try {
                sync(id);
            } catch (RuntimeException e) {
                // One person's trouble must not hold up the others.
                LOG.warnf("client account %d: %s", id, e.getClass().getSimpleName());
            }
        }
    }

    /** Records when a client signs in, for the consultants' list of people. */
    void signedIn(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN || event.getSecurityIdentity() == null
                || !event.getSecurityIdentity().hasRole(Roles.CLIENT)
                || !(event.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> ClientUser.signedIn(token.getSubject(), Instant.now()));
    }

    /**
     * Brings Keycloak in line with one person, if their work is due and nobody else is on it.
     * Returns the problem left, or null when Keycloak now agrees (or there was nothing to do).
     */
    Synced sync(long personId) {
        Instant now = Instant.now();
        Work work = QuarkusTransaction.requiringNew().call(() -> {
            if (!ClientUser.claim(personId, now)) {
                return null;
            }
            ClientUser person = ClientUser.findById(personId);
            return new Work(person.id, person.organisation.id, person.status, person.eraseAccount, person.subject,
                    new KeycloakAccounts.Invitee(person.email, person.firstName, person.lastName, person.language),
                    person.syncAttempts);
        });
        if (work == null) {
            return new Synced(null, false);
        }
        String subject = work.subject();
        boolean[] mailed = {false};
        try {
            subject = apply(work, mailed);
        } catch (KeycloakAccounts.Refused refused) {
            record(work, subject, refused.problem, now);
            return new Synced(refused.problem, false);
        } catch (RuntimeException failed) {
            SyncProblem problem = badRequest(failed) ? SyncProblem.KEYCLOAK_REFUSED : SyncProblem.KEYCLOAK_UNAVAILABLE;
            LOG.warnf("Keycloak work for client person %d failed (%s)%s", personId, describe(failed),
                    problem.retried() ? "; retried later" : "; not retried");
            record(work, subject, problem, now);
            return new Synced(problem, false);
        }
        record(work, subject, null, now);
        return new Synced(null, mailed[0]);
    }

    private static boolean badRequest(RuntimeException failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 400;
    }

    private record Work(long personId, long organisationId, PersonStatus status, boolean erase, String subject,
            KeycloakAccounts.Invitee invitee, int attempts) {
    }

    /** Keycloak's side of the person's status; returns the account's subject (null if there is none). */
    private String apply(Work work, boolean[] mailed) {
        String subject = work.subject();
        switch (work.status()) {
            case ACTIVE -> {
                if (subject == null) {
                    KeycloakAccounts.Provisioned account = keycloak.provision(work.organisationId(), work.invitee());
                    subject = account.subject();
                    mailed[0] = account.mailed();
                } else {
                    keycloak.reinstate(subject);
                }
            }
            case SUSPENDED -> {
                if (subject != null) {
                    keycloak.suspend(subject);
                }
            }
            case REMOVED -> {
                if (subject != null && work.erase()) {
                    keycloak.delete(subject);
                } else if (subject != null) {
                    keycloak.remove(subject, work.organisationId());
                }
            }
        }
        return subject;
    }

    /**
     * Notes the outcome. If the person's status changed meanwhile, the work stays due for the new
     * status; a removed person whose account is dealt with is deleted (the audit log keeps the trace).
     */
    private void record(Work work, String subject, SyncProblem problem, Instant started) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ClientUser person = ClientUser.findById(work.personId());
                if (person == null) {
                    return;
                }
                person.subject = subject;
                if (person.status != work.status() || person.eraseAccount != work.erase()) {
                    person.syncDueAt = Instant.now();
                    return;
                }
                if (problem == null) {
                    if (person.status == PersonStatus.REMOVED) {
                        AuditEvent.record("system", "person.account-removed", "client_user", person.id,
                                "organisation=" + work.organisationId());
                        person.delete();
                        return;
                    }
                    person.syncDueAt = null;
                    person.syncAttempts = 0;
                    person.syncProblem = null;
                    return;
                }
                person.syncProblem = problem;
                person.syncAttempts = work.attempts() + 1;
                person.syncDueAt = problem.retried() ? started.plus(backOff(person.syncAttempts)) : null;
            });
        } catch (OptimisticLockException changedMeanwhile) {
            // A consultant changed the person while Keycloak worked: their change left the work due.
        }
        if (subject != null) {
            memberships.forget(subject);
        }
    }

    /** The failure without personal data: its kind, and Keycloak's HTTP status if it answered. */
    static String describe(RuntimeException failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            return failure.getClass().getSimpleName() + " HTTP " + web.getResponse().getStatus();
        }
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return failure.getClass().getSimpleName() + " (" + cause.getClass().getSimpleName() + ")";
    }

    /** 30 s, 1 min, 2 min ... up to the configured ceiling. */
    Duration backOff(int attempts) {
        Duration delay = Duration.ofSeconds(30).multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(config.accounts().maxRetryDelay()) > 0 ? config.accounts().maxRetryDelay() : delay;
    }
}
