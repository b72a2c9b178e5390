package io.harmattan.proposal;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Demo data for {@code bin/run} only: one proposal in each state, made through the same use cases
 * a consultant and a client go through, so that every hash, timeline and mail is real. Runs once,
 * on a database without proposals.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoProposals {

    private static final Logger LOG = Logger.getLogger(DemoProposals.class);
    /** demo-client's and demo-client2's Keycloak ids (realm-config/dev-overlay.json). */
    private static final String CLAIRE = "0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c11";
    private static final String IBRAHIM = "0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c21";

    @Inject
    Proposals proposals;

    @Inject
    ProposalJobs jobs;

    void onStart(@Observes StartupEvent event) {
        if (QuarkusTransaction.requiringNew().call(() -> Proposal.count()) > 0) {
            return;
        }
        try {
            seed();
        } catch (RuntimeException e) {
            LOG.warnf("Demo proposals not seeded: %s", e.toString());
        }
    }

    private void seed() {
        long draft = proposals.startFromLead(4, "demo-consultant");
        fill(draft, "Due diligence on banking partners", Currency.EUR, "due-diligence", Set.of("ML", "BF"), Set.of("finance"),
                "6", "day", "950");

        long review = submitted(2, "Site security audit, Niamey-Dosso corridor", Currency.XOF, "site-security-audit",
                Set.of("NE"), Set.of("construction"), "4", "day", "450000");

        long approved = submitted(1, "Quarterly risk briefing subscription", Currency.EUR, "briefing-subscription",
                Set.of("ML", "BF"), Set.of("mining", "energy"), "12", "month", "1200");
        proposals.approve(approved, version(approved), "demo-lead");

        sent(2, "Convoy and travel security, Niamey to Arlit", Currency.XOF, "travel-security", Set.of("NE"),
                Set.of("logistics"), "3", "trip", "850000");

        long viewed = sent(1, "Risk assessment, Kayes and Sadiola camps", Currency.EUR, "risk-assessment", Set.of("ML"),
                Set.of("mining"), "8", "day", "1100");
        proposals.viewed(viewed, CLAIRE);

        long accepted = sent(1, "Crisis planning workshop, Ouagadougou", Currency.EUR, "crisis-planning", Set.of("BF"),
                Set.of("mining"), "2", "session", "3500");
        proposals.accept(accepted, 1, 1, CLAIRE, "Claire Dubois", "127.0.0.1");

        long declined = sent(2, "Staff security training, Niamey", Currency.XOF, "training", Set.of("NE"),
                Set.of("construction"), "3", "session", "600000");
        proposals.decline(declined, 1, 2, IBRAHIM, "timing", "Next year.");

        long expiring = proposals.startFromOrganisation(1, "demo-consultant");
        fill(expiring, "Travel security for visiting engineers", Currency.USD, "travel-security", Set.of("ML"),
                Set.of("mining"), "2", "trip", "2400", 0);
        proposals.submit(expiring, version(expiring), "demo-consultant");
        proposals.approve(expiring, version(expiring), "demo-lead");
        proposals.send(expiring, version(expiring), "demo-lead");
        // Valid until today only: the expiry job, run as if it were tomorrow, expires it (and nothing else).
        jobs.expireDue(LocalDate.now(ZoneOffset.UTC).plusDays(1));

        long withdrawn = submitted(2, "Due diligence on a logistics partner", Currency.XOF, "due-diligence", Set.of("NE"),
                Set.of("logistics"), "5", "day", "400000");
        proposals.withdraw(withdrawn, version(withdrawn), "demo-lead", "The client chose to do it in-house.");

        long revised = sent(1, "Energy site security audit, Kita", Currency.EUR, "site-security-audit", Set.of("ML"),
                Set.of("energy"), "5", "day", "1000");
        proposals.revise(revised, version(revised), "demo-consultant");
        fill(revised, "Energy site security audit, Kita (two sites)", Currency.EUR, "site-security-audit", Set.of("ML"),
                Set.of("energy"), "8", "day", "950");
        proposals.submit(revised, version(revised), "demo-consultant");
        proposals.approve(revised, version(revised), "demo-lead");
        proposals.send(revised, version(revised), "demo-lead");
        LOG.info("Demo proposals seeded: one in each state");
    }

    private long submitted(long organisation, String title, Currency currency, String service, Set<String> countries,
            Set<String> sectors, String quantity, String unit, String price) {
        long id = proposals.startFromOrganisation(organisation, "demo-consultant");
        fill(id, title, currency, service, countries, sectors, quantity, unit, price);
        proposals.submit(id, version(id), "demo-consultant");
        return id;
    }

    private long sent(long organisation, String title, Currency currency, String service, Set<String> countries,
            Set<String> sectors, String quantity, String unit, String price) {
        long id = submitted(organisation, title, currency, service, countries, sectors, quantity, unit, price);
        proposals.approve(id, version(id), "demo-lead");
        proposals.send(id, version(id), "demo-lead");
        return id;
    }

    private void fill(long id, String title, Currency currency, String service, Set<String> countries, Set<String> sectors,
            String quantity, String unit, String price) {
        fill(id, title, currency, service, countries, sectors, quantity, unit, price, 30);
    }

    private void fill(long id, String title, Currency currency, String service, Set<String> countries, Set<String> sectors,
            String quantity, String unit, String price, int validDays) {
        ProposalVersion content = new ProposalVersion();
        content.title = title;
        content.summary = "";
        content.language = "en";
        content.currency = currency;
        content.vatPercent = currency == Currency.XOF ? new BigDecimal("18") : null;
        content.paymentTerms = "50 % on signature, the balance on delivery.";
        content.validUntil = LocalDate.now(ZoneOffset.UTC).plusDays(validDays);
        content.lines.add(new ProposalLine(service, countries, sectors, title, new BigDecimal(quantity), unit,
                new BigDecimal(price)));
        proposals.save(id, version(id), content, "demo-consultant");
    }

    private static long version(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).version);
    }
}
