package io.harmattan.proposal;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientUser;
import io.harmattan.account.PersonStatus;
import io.harmattan.lead.Lead;
import io.harmattan.mail.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import io.harmattan.web.Dates;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The mail a proposal's steps owe, written to the outbox in the step's own transaction: to the
 * client's people when it is sent and before it expires (a link, never its content), and to its
 * author and the lead consultant who sent it when the client opens, accepts or declines it, or it
 * expires. Each in the recipient's language.
 */
@ApplicationScoped
public class ProposalMail {

    @Inject
    Outbox outbox;

    @Inject
    HarmattanConfig config;

    /** Sent: every active person of the organisation, or the lead's contact when it has nobody yet. */
    void sent(Proposal proposal, ProposalVersion version) {
        String link = config.publicUrl() + "/portal/proposals/" + proposal.id;
        forClient(proposal, (email, language) -> {
            ProposalMessages texts = texts(language);
            outbox.enqueue(email, texts.mail_proposal_sent_subject(config.firmName(), proposal.reference),
                    texts.mail_proposal_sent_body(config.firmName(), proposal.reference, version.number, link,
                            Dates.inStyle(version.validUntil, Locale.forLanguageTag(language))), topic(proposal, "sent"));
        });
    }

    void reminder(Proposal proposal, ProposalVersion version) {
        String link = config.publicUrl() + "/portal/proposals/" + proposal.id;
        forClient(proposal, (email, language) -> {
            ProposalMessages texts = texts(language);
            outbox.enqueue(email, texts.mail_proposal_reminder_subject(proposal.reference),
                    texts.mail_proposal_reminder_body(config.firmName(), proposal.reference,
                            Dates.inStyle(version.validUntil, Locale.forLanguageTag(language)),
                            link), topic(proposal, "reminder"));
        });
    }

    /** The client opened, accepted or declined it, or it expired: its author and whoever sent it. */
    void toConsultants(Proposal proposal, ProposalVersion version, ProposalState what) {
        Set<String> usernames = new LinkedHashSet<>(List.of(version.writtenBy, proposal.author));
        if (version.sentBy != null) {
            usernames.add(version.sentBy);
        }
        String link = config.publicUrl() + "/console/proposals/" + proposal.id;
        ProposalMessages texts = texts("en");
        for (String email : consultantEmails(usernames)) {
            outbox.enqueue(email, texts.mail_proposal_news_subject(proposal.reference, texts.proposal_state(what.code())),
                    texts.mail_proposal_news_body(proposal.reference, version.number, texts.proposal_state(what.code()), link),
                    topic(proposal, what.code()));
        }
    }

    static String topic(Proposal proposal, String what) {
        return "proposal:" + proposal.id + ":" + what;
    }

    private interface Recipient {
        void mail(String email, String language);
    }

    private static void forClient(Proposal proposal, Recipient recipient) {
        List<ClientUser> people = proposal.organisationId == null ? List.of()
                : ClientUser.<ClientUser>list("organisation.id = ?1 and status = ?2", proposal.organisationId,
                        PersonStatus.ACTIVE);
        if (!people.isEmpty()) {
            people.forEach(person -> recipient.mail(person.email, person.language));
        } else if (proposal.leadId != null) {
            Lead lead = Lead.findById(proposal.leadId);
            recipient.mail(lead.email, lead.language);
        }
    }

    /**
     * The consultants' addresses, from the console's directory (the consultant table, which
     * triage fills from each consultant's sign-in); read in SQL so that proposals need no triage code.
     */
    @SuppressWarnings("unchecked")
    private static List<String> consultantEmails(Set<String> usernames) {
        return Panache.getEntityManager().createNativeQuery(
                "SELECT email FROM consultant WHERE username IN (?1) AND email IS NOT NULL AND email <> ''")
                .setParameter(1, usernames).getResultList();
    }

    private static ProposalMessages texts(String language) {
        return MessageBundles.get(ProposalMessages.class, Localized.Literal.of("fr".equals(language) ? "fr" : "en"));
    }
}
