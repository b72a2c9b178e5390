package io.harmattan.proposal;

import io.harmattan.HarmattanConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The proposals' scheduled work, clustered through Quartz: a reminder to the client some days
 * before a sent proposal expires, and the expiry itself. Each version is claimed with a
 * conditional update (the reminder's timestamp, the state under the proposal's row lock), so a
 * run repeated, or two schedulers at once, still remind and expire each version once.
 */
@ApplicationScoped
public class ProposalJobs {

    private static final Logger LOG = Logger.getLogger(ProposalJobs.class);
    private static final List<ProposalState> OPEN = List.of(ProposalState.SENT, ProposalState.VIEWED);

    @Inject
    ProposalMail mail;

    @Inject
    HarmattanConfig config;

    @Inject
    Proposals proposals;

    @Scheduled(identity = "proposal-reminders", every = "1h", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remind() {
        remindDue(LocalDate.now(ZoneOffset.UTC));
    }

    @Scheduled(identity = "proposal-expiry", every = "1h", delayed = "90s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        expireDue(LocalDate.now(ZoneOffset.UTC));
    }

    /** Reminds every open version that expires within the configured days and was not reminded; returns how many. */
    int remindDue(LocalDate today) {
        LocalDate horizon = today.plusDays(config.proposals().reminderDaysBeforeExpiry());
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> ProposalVersion.find(
                "select v.id from ProposalVersion v where v.state in ?1 and v.remindedAt is null and v.validUntil >= ?2"
                        + " and v.validUntil <= ?3", OPEN, today, horizon).project(Long.class).list());
        int reminded = 0;
        for (long id : due) {
            try {
                reminded += QuarkusTransaction.requiringNew().call(() -> {
                    // The version number moves too, so that a page's stale copy of the row cannot write the reminder away.
                    if (ProposalVersion.update("remindedAt = ?1, version = version + 1 where id = ?2 and remindedAt is null"
                            + " and state in ?3",
                            Instant.now(), id, OPEN) == 0) {
                        return 0;
                    }
                    ProposalVersion version = ProposalVersion.findById(id);
                    Proposal proposal = Proposal.findById(version.proposalId);
                    mail.reminder(proposal, version);
                    ProposalEvent.record(proposal.id, version.number, "system", ProposalEvent.Kind.REMINDED, null,
                            Instant.now());
                    return 1;
                });
            } catch (RuntimeException e) {
                LOG.warnf("Reminder for proposal version %d not sent this round: %s", id, e.getClass().getSimpleName());
            }
        }
        return reminded;
    }

    /** Expires every open version whose validity ended before today; returns how many. */
    int expireDue(LocalDate today) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> ProposalVersion.find(
                "select distinct v.proposalId from ProposalVersion v where v.state in ?1 and v.validUntil < ?2", OPEN, today)
                .project(Long.class).list());
        int expired = 0;
        for (long proposalId : due) {
            try {
                expired += QuarkusTransaction.requiringNew().call(() -> {
                    Proposal proposal = Proposal.locked(proposalId);
                    ProposalVersion live = proposal == null ? null : proposal.live().orElse(null);
                    if (live == null || !live.state.awaitingClient() || !live.validUntil.isBefore(today)) {
                        return 0;
                    }
                    live.state = ProposalState.EXPIRED;
                    proposal.answered(ProposalState.EXPIRED, "system", null, Instant.now());
                    mail.toConsultants(proposal, live, ProposalState.EXPIRED);
                    return 1;
                });
            } catch (RuntimeException e) {
                LOG.warnf("Expiry of proposal %d not done this round: %s", proposalId, e.getClass().getSimpleName());
            }
        }
        if (expired > 0) {
            proposals.forgetLists();
        }
        return expired;
    }
}
