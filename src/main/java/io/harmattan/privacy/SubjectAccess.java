package io.harmattan.privacy;

import io.harmattan.account.ClientUser;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadEvent;
import io.harmattan.mail.OutboxMessage;
import io.harmattan.persistence.SqlTime;
import io.harmattan.proposal.Proposal;
import io.harmattan.proposal.ProposalVersion;
import io.harmattan.task.LeadTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the firm holds about one email address, as the person may ask for it: their requests
 * with the timeline, follow-ups and proposals made for them, the mails written to them, and their
 * client account with what they read and accepted. Read in one transaction, as records that
 * become the JSON file a lead consultant hands over.
 */
@ApplicationScoped
public class SubjectAccess {

    public record Report(String email, Instant generatedAt, List<LeadRecord> requests, List<MailRecord> mails,
            List<AccountRecord> clientAccounts) {

        public boolean isEmpty() {
            return requests.isEmpty() && mails.isEmpty() && clientAccounts.isEmpty();
        }

        public int proposals() {
            return requests.stream().mapToInt(r -> r.proposals().size()).sum();
        }
    }

    public record LeadRecord(long id, String reference, String status, String source, Instant submittedAt, String name,
            String email, String organisation, String jobTitle, String phone, String timeframe, String needs,
            String language, List<String> sectors, List<String> countries, List<String> services, Consent consent,
            boolean marketingOptIn, String assignee, String disqualifyReason, String statusReason, Instant acknowledgedAt,
            Integer fitScore, List<String> sectorsAsReviewed, List<String> countriesAsReviewed, Instant erasedAt,
            List<EventRecord> timeline, List<TaskRecord> followUps, List<ProposalRecord> proposals) {
    }

    public record Consent(String textVersion, String language, Instant givenAt) {
    }

    public record EventRecord(Instant at, String by, String kind, String detail, String text) {
    }

    public record TaskRecord(String title, LocalDate dueOn, Instant doneAt) {
    }

    public record ProposalRecord(String reference, String state, Instant createdAt, List<ProposalVersionRecord> versions,
            List<EventRecord> history) {
    }

    public record ProposalVersionRecord(int number, String state, String title, String summary, String currency,
            BigDecimal total, LocalDate validUntil, Instant sentAt) {
    }

    public record MailRecord(Instant queuedAt, Instant sentAt, String subject, String body) {
    }

    public record AccountRecord(String organisation, String firstName, String lastName, String email, String language,
            String status, Instant invitedAt, Instant lastSignInAt, String digest, boolean versionAlerts,
            List<String> countriesLeftOutOfDigest, List<String> sectorsLeftOutOfDigest, long digestsSent, long alertsSent,
            List<Long> namedRecipientOf, List<ReadRecord> briefingsRead, List<AcceptanceRecord> acceptances) {
    }

    public record ReadRecord(long briefing, int version, Instant firstReadAt, Instant lastReadAt, int times) {
    }

    public record AcceptanceRecord(long proposal, int version, String fullName, Instant acceptedAt, String fromAddress) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * What is held about exactly {@code email}, letter case aside (the columns' collation would also
     * match "rene@" for "rené@", so their answers are filtered again).
     */
    public Report of(String email) {
        return QuarkusTransaction.requiringNew().call(() -> new Report(email, Instant.now(),
                Lead.<Lead>list("email = ?1 order by submittedAt, id", email).stream()
                        .filter(l -> l.email.equalsIgnoreCase(email)).map(this::lead).toList(),
                OutboxMessage.<OutboxMessage>list("recipient = ?1 order by id", email).stream()
                        .filter(m -> m.recipient.equalsIgnoreCase(email))
                        .map(m -> new MailRecord(m.createdAt, m.sentAt, m.subject, m.body)).toList(),
                ClientUser.<ClientUser>list("email", email).stream().filter(u -> u.email.equalsIgnoreCase(email))
                        .map(this::account).toList()));
    }

    private LeadRecord lead(Lead lead) {
        List<EventRecord> timeline = LeadEvent.<LeadEvent>list("leadId = ?1 order by occurredAt, id", lead.id).stream()
                .map(e -> new EventRecord(e.occurredAt, e.actor, e.kind.code(), e.detail, e.remark)).toList();
        List<TaskRecord> tasks = LeadTask.<LeadTask>list("leadId = ?1 order by id", lead.id).stream()
                .map(t -> new TaskRecord(t.title, t.dueOn, t.doneAt)).toList();
        List<ProposalRecord> proposals = Proposal.<Proposal>list("leadId = ?1 order by id", lead.id).stream()
                .map(p -> new ProposalRecord(p.reference, p.state.code(), p.createdAt,
                        ProposalVersion.<ProposalVersion>list("proposalId = ?1 order by number", p.id).stream()
                                .map(v -> new ProposalVersionRecord(v.number, v.state.code(), v.title, v.summary,
                                        v.currency == null ? null : v.currency.name(), v.total, v.validUntil, v.sentAt))
                                .toList(), proposalHistory(p.id)))
                .toList();
        return new LeadRecord(lead.id, lead.reference, lead.status.code(), lead.source, lead.submittedAt, lead.name,
                lead.email, lead.organisation, lead.jobTitle, lead.phone, lead.timeframe, lead.needs, lead.language,
                List.copyOf(lead.sectors), List.copyOf(lead.countries), List.copyOf(lead.services),
                new Consent(lead.consentVersion, lead.consentLanguage, lead.consentAt), lead.marketingOptIn, lead.assignee,
                lead.disqualifyReason == null ? null : lead.disqualifyReason.code(), lead.statusReason, lead.ackSentAt,
                lead.fitScore, List.copyOf(lead.reviewedSectors), List.copyOf(lead.reviewedCountries), lead.erasedAt, timeline,
                tasks, proposals);
    }

    /** A proposal's steps, with what was written at each (a client's reason for declining). */
    @SuppressWarnings("unchecked")
    private List<EventRecord> proposalHistory(long proposalId) {
        return ((List<Object[]>) entityManager.createNativeQuery("SELECT occurred_at, actor, kind, version_number, remark"
                + " FROM proposal_event WHERE proposal_id = ?1 ORDER BY id", Object[].class).setParameter(1, proposalId)
                .getResultList()).stream().map(r -> new EventRecord(SqlTime.instant(r[0]), (String) r[1], (String) r[2],
                        "v" + r[3], (String) r[4])).toList();
    }

    @SuppressWarnings("unchecked")
    private AccountRecord account(ClientUser person) {
        List<ReadRecord> reads = person.subject == null ? List.of() : ((List<Object[]>) entityManager.createNativeQuery(
                "SELECT briefing_id, version_number, first_read_at, last_read_at, read_count FROM briefing_read"
                        + " WHERE subject = ?1 ORDER BY first_read_at, id", Object[].class)
                .setParameter(1, person.subject).getResultList()).stream()
                .map(r -> new ReadRecord(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), SqlTime.instant(r[2]),
                        SqlTime.instant(r[3]), ((Number) r[4]).intValue())).toList();
        List<AcceptanceRecord> acceptances = person.subject == null ? List.of() : ((List<Object[]>) entityManager
                .createNativeQuery("SELECT proposal_id, version_number, full_name, accepted_at, client_address"
                        + " FROM proposal_acceptance WHERE subject = ?1 ORDER BY accepted_at", Object[].class)
                .setParameter(1, person.subject).getResultList()).stream()
                .map(r -> new AcceptanceRecord(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                        SqlTime.instant(r[3]), (String) r[4])).toList();
        return new AccountRecord(person.organisation.name, person.firstName, person.lastName, person.email, person.language,
                person.status.code(), person.createdAt, person.lastSignInAt, person.digest.code(), person.versionAlerts,
                List.copyOf(person.mutedCountries), List.copyOf(person.mutedSectors),
                count("SELECT COUNT(*) FROM client_digest WHERE client_user_id = ?1 AND briefings > 0", person.id),
                count("SELECT COUNT(*) FROM briefing_alert WHERE client_user_id = ?1", person.id),
                ((List<Number>) entityManager.createNativeQuery("SELECT briefing_id FROM briefing_recipient"
                        + " WHERE client_user_id = ?1 ORDER BY briefing_id").setParameter(1, person.id).getResultList())
                        .stream().map(Number::longValue).toList(),
                reads, acceptances);
    }

    private long count(String sql, long id) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }
}
