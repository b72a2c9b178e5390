package io.harmattan.proposal;

import io.harmattan.account.ClientOrganisation;
import io.harmattan.account.ClientUser;
import io.harmattan.account.InviteForm;
import io.harmattan.account.People;
import io.harmattan.account.PersonStatus;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadEvent;
import io.harmattan.lead.LeadStatus;
import io.harmattan.lead.LeadTags;
import io.harmattan.reference.AdvisoryService;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * The proposal use cases, one transaction each: start, edit, submit, review, send, revise,
 * withdraw, and the client's answer. The workflow's rules live on {@link Proposal}; this class
 * loads, checks the version the user saw, and does what spans several features (converting the
 * lead, inviting its contact).
 */
@ApplicationScoped
public class Proposals {

    private static final Logger LOG = Logger.getLogger(Proposals.class);

    /** Days a new proposal stays valid unless the consultant sets another date. */
    static final int DEFAULT_VALIDITY_DAYS = 30;

    /** The draft changed since the user loaded it. */
    public static class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }

    /** What became of a client's answer. */
    public record Answer(boolean done, ProposalState state, Acceptance acceptance) {
    }

    @Inject
    People people;

    @Inject
    ProposalMail mail;

    /** The clients' proposal lists (PortalProposalsResource), cleared after every step. */
    @CacheName("client-proposals")
    Cache clientLists;

    /** A proposal for a qualified or converted lead, one scope line per service the prospect asked for. */
    public long startFromLead(long leadId, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Lead lead = Lead.findById(leadId);
            if (lead == null) {
                throw new Refused("gone");
            }
            if (lead.status != LeadStatus.QUALIFIED && lead.status != LeadStatus.CONVERTED) {
                throw new Refused("lead-not-qualified");
            }
            LeadTags tags = LeadTags.of(lead);
            ProposalVersion first = blank(lead.language, lead.organisation);
            for (String service : lead.services) {
                first.lines.add(new ProposalLine(service, new LinkedHashSet<>(tags.countries()),
                        new LinkedHashSet<>(tags.sectors()), serviceLabel(service, first.language), BigDecimal.ONE, "day",
                        BigDecimal.ZERO));
            }
            return Proposal.start(lead.id, lead.clientOrganisationId, actor, first, Instant.now()).id;
        });
    }

    /** A proposal for an existing client organisation, with no line yet. */
    public long startFromOrganisation(long organisationId, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientOrganisation organisation = ClientOrganisation.findById(organisationId);
            if (organisation == null) {
                throw new Refused("gone");
            }
            return Proposal.start(null, organisation.id, actor, blank(organisation.language, organisation.name),
                    Instant.now()).id;
        });
    }

    /** Saves the draft's content, if it is still the draft the user loaded. */
    public void save(long id, long seen, ProposalVersion content, String actor) {
        change(id, seen, proposal -> {
            ProposalVersion draft = proposal.latest();
            if (draft.state != ProposalState.DRAFT) {
                throw new Refused("not-draft");
            }
            draft.title = content.title;
            draft.summary = content.summary;
            draft.language = content.language;
            draft.currency = content.currency;
            draft.discountPercent = content.discountPercent;
            draft.vatPercent = content.vatPercent;
            draft.paymentTerms = content.paymentTerms;
            draft.startDate = content.startDate;
            draft.validUntil = content.validUntil;
            draft.lines.clear();
            draft.lines.addAll(content.lines);
            proposal.edited(actor, Instant.now());
        });
    }

    public void submit(long id, long seen, String actor) {
        change(id, seen, p -> p.submit(actor, Instant.now()));
    }

    public void approve(long id, long seen, String actor) {
        change(id, seen, p -> p.approve(actor, Instant.now()));
    }

    public void requestChanges(long id, long seen, String actor, String comment) {
        if (comment == null || comment.isBlank() || comment.length() > DraftForm.MAX_FIELD) {
            throw new Refused("comment-required");
        }
        change(id, seen, p -> p.requestChanges(actor, comment.strip(), Instant.now()));
    }

    public void revise(long id, long seen, String actor) {
        change(id, seen, p -> p.revise(actor, Instant.now()));
    }

    public void withdraw(long id, long seen, String actor, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > DraftForm.MAX_FIELD) {
            throw new Refused("reason-required");
        }
        change(id, seen, p -> p.withdraw(actor, reason.strip(), Instant.now()));
    }

    /**
     * Sends the approved version. A proposal for a lead not yet converted converts it first; if the
     * organisation has nobody who can sign in, the lead's contact is invited as its first person.
     */
    public void send(long id, long seen, String actor) {
        long[] organisation = {0};
        Lead[] contact = {null};
        change(id, seen, proposal -> {
            if (proposal.organisationId == null) {
                proposal.organisationId = clientOf(Lead.findById(proposal.leadId), actor).id;
            }
            proposal.send(actor, Instant.now());
            mail.sent(proposal, proposal.latest());
            onLead(proposal, LeadEvent.Kind.PROPOSAL_SENT, proposal.latestNumber, actor);
            organisation[0] = proposal.organisationId;
            if (proposal.leadId != null && ClientUser.count("organisation.id", proposal.organisationId) == 0) {
                contact[0] = Lead.findById(proposal.leadId);
            }
        });
        if (contact[0] != null) {
            Lead lead = contact[0];
            String[] names = splitName(lead.name);
            try {
                People.Outcome outcome = people.invite(organisation[0], new InviteForm(names[0], names[1], lead.email,
                        lead.language), actor);
                LOG.infof("Proposal %d sent; its lead's contact: %s", id, outcome);
            } catch (RuntimeException e) {
                // The proposal is sent; the organisation's page shows nobody invited, and a consultant can invite by hand.
                LOG.warnf("Proposal %d sent, but its lead's contact was not invited: %s", id, e.getClass().getSimpleName());
            }
        }
    }

    /** The client opened the proposal; the first time, the live version becomes "viewed". */
    public void viewed(long id, String who) {
        QuarkusTransaction.requiringNew().run(() -> {
            Proposal proposal = Proposal.locked(id);
            if (proposal != null && proposal.viewed(who, Instant.now())) {
                mail.toConsultants(proposal, proposal.live().orElseThrow(), ProposalState.VIEWED);
            }
        });
        forgetLists();
    }

    /**
     * Accepts version {@code number} exactly once. Every answer first locks the proposal's row, so
     * that concurrent answers queue there; the first finds the version still live, awaiting an
     * answer and valid today, and takes it; the others find it answered and get the acceptance back.
     * The acceptance row's primary key would refuse a second one in any case.
     */
    public Answer accept(long id, int number, long organisationId, String subject, String fullName, String address) {
        return answer(id, number, organisationId, (proposal, live) -> {
            Acceptance acceptance = Acceptance.record(id, number, live.contentHash, subject, fullName, organisationId,
                    Instant.now(), address);
            live.state = ProposalState.ACCEPTED;
            proposal.answered(ProposalState.ACCEPTED, subject, fullName, Instant.now());
            engage(proposal, live, subject);
            onLead(proposal, LeadEvent.Kind.PROPOSAL_ACCEPTED, live.number, subject);
            mail.toConsultants(proposal, live, ProposalState.ACCEPTED);
            return new Answer(true, ProposalState.ACCEPTED, acceptance);
        });
    }

    /** Declines the live version, with a reason code and optional text; only while it awaits an answer. */
    public Answer decline(long id, int number, long organisationId, String subject, String reason, String remark) {
        return answer(id, number, organisationId, (proposal, live) -> {
            live.state = ProposalState.DECLINED;
            proposal.answered(ProposalState.DECLINED, subject, reason + (remark == null || remark.isBlank() ? ""
                    : ": " + remark.strip()), Instant.now());
            onLead(proposal, LeadEvent.Kind.PROPOSAL_DECLINED, live.number, subject);
            mail.toConsultants(proposal, live, ProposalState.DECLINED);
            return new Answer(true, ProposalState.DECLINED, null);
        });
    }

    private Answer answer(long id, int number, long organisationId, BiFunction<Proposal, ProposalVersion, Answer> taken) {
        try {
            Answer answer = QuarkusTransaction.requiringNew().call(() -> {
                Proposal proposal = Proposal.locked(id);
                if (proposal == null || proposal.organisationId == null || proposal.organisationId != organisationId
                        || proposal.liveNumber == null || proposal.liveNumber != number) {
                    return refusal(id);
                }
                ProposalVersion live = ProposalVersion.of(id, number).orElseThrow();
                if (!live.state.awaitingClient() || live.validUntil.isBefore(LocalDate.now(ZoneOffset.UTC))) {
                    return refusal(id);
                }
                return taken.apply(proposal, live);
            });
            forgetLists();
            return answer;
        } catch (RuntimeException raced) {
            if (isDuplicate(raced)) {
                return QuarkusTransaction.requiringNew().call(() -> refusal(id));
            }
            throw raced;
        }
    }

    /** Why an answer was not taken: the proposal's state now, and the acceptance if someone accepted. */
    private static Answer refusal(long id) {
        Proposal proposal = Proposal.findById(id);
        ProposalState state = proposal == null ? ProposalState.WITHDRAWN : proposal.state;
        Optional<Acceptance> acceptance = Acceptance.findByIdOptional(id);
        return new Answer(false, acceptance.isPresent() ? ProposalState.ACCEPTED : state, acceptance.orElse(null));
    }

    /**
     * What the client bought becomes what its organisation follows, and a proposal made from a lead
     * converts the lead if it was not yet.
     */
    private static void engage(Proposal proposal, ProposalVersion accepted, String by) {
        if (proposal.leadId != null) {
            Lead lead = Lead.findById(proposal.leadId);
            if (lead.status != LeadStatus.CONVERTED && lead.status.canMoveTo(LeadStatus.CONVERTED)) {
                lead.convertTo(ClientOrganisation.findById(proposal.organisationId), by);
            }
        }
        ClientOrganisation organisation = ClientOrganisation.findById(proposal.organisationId);
        LinkedHashSet<String> sectors = new LinkedHashSet<>(organisation.sectors);
        LinkedHashSet<String> countries = new LinkedHashSet<>(organisation.countries);
        accepted.lines.forEach(line -> {
            sectors.addAll(line.sectors);
            countries.addAll(line.countries);
        });
        organisation.follow(sectors, countries);
        AuditEvent.record(by, "organisation.engaged", "client_organisation", organisation.id,
                "proposal=" + proposal.id + " version=" + accepted.number);
    }

    /** The lead's timeline shows its proposals' steps. */
    private static void onLead(Proposal proposal, LeadEvent.Kind kind, int number, String by) {
        if (proposal.leadId != null) {
            Lead.<Lead>findById(proposal.leadId).proposalStep(kind, proposal.reference + " v" + number, by);
        }
    }

    void forgetLists() {
        clientLists.invalidateAll().await().indefinitely();
    }

    /**
     * The organisation a lead's proposal goes to: the one it was converted into; else, when the
     * prospect is already one of a client's people (a returning client), that client, and the lead
     * is converted into it; else a new client made from the lead.
     */
    private static ClientOrganisation clientOf(Lead lead, String actor) {
        if (lead.status == LeadStatus.CONVERTED) {
            return ClientOrganisation.findById(lead.clientOrganisationId);
        }
        if (lead.status != LeadStatus.QUALIFIED) {
            throw new Refused("lead-not-qualified");
        }
        Optional<ClientUser> known = ClientUser.byEmail(lead.email).filter(person -> person.status == PersonStatus.ACTIVE);
        if (known.isPresent()) {
            ClientOrganisation existing = known.get().organisation;
            lead.convertTo(existing, actor);
            return existing;
        }
        return lead.convertToNewClient(actor);
    }

    private void change(long id, long seen, Consumer<Proposal> action) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // The proposal's row first, as the client's answers take it: one lock order, no deadlock.
                Proposal proposal = Proposal.locked(id);
                if (proposal == null) {
                    throw new Refused("gone");
                }
                if (proposal.version != seen) {
                    throw new Conflict();
                }
                // Every change bumps the proposal's version, even one that only touches a version row or lines.
                Proposal.getEntityManager().lock(proposal, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                action.accept(proposal);
            });
            forgetLists();
        } catch (OptimisticLockException | StaleStateException e) {
            throw new Conflict();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof OptimisticLockException || e.getCause() instanceof StaleStateException) {
                throw new Conflict();
            }
            throw e;
        }
    }

    private static ProposalVersion blank(String language, String organisationName) {
        ProposalMessages messages = MessageBundles.get(ProposalMessages.class, Localized.Literal.of(language));
        ProposalVersion v = new ProposalVersion();
        v.language = "fr".equals(language) ? "fr" : "en";
        v.title = messages.proposal_default_title(organisationName == null ? "" : organisationName);
        v.summary = "";
        v.currency = Currency.XOF;
        v.paymentTerms = messages.proposal_default_terms();
        v.validUntil = LocalDate.now(ZoneOffset.UTC).plusDays(DEFAULT_VALIDITY_DAYS);
        return v;
    }

    private static String serviceLabel(String code, String language) {
        return AdvisoryService.choices().stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.label(
                Locale.forLanguageTag(language))).orElse(code);
    }

    /** First and last name from the form's one name field, without what Keycloak refuses in names, 100 characters each. */
    static String[] splitName(String name) {
        String full = (name == null ? "" : name).replaceAll("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()]", " ").strip()
                .replaceAll("\\s+", " ");
        if (full.isEmpty()) {
            full = "-";
        }
        int space = full.lastIndexOf(' ');
        String first = space < 0 ? full : full.substring(0, space);
        String last = space < 0 ? full : full.substring(space + 1);
        return new String[] {first.substring(0, Math.min(100, first.length())), last.substring(0, Math.min(100, last.length()))};
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException
                    || cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
