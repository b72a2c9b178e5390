package io.harmattan.triage;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientOrganisation;
import io.harmattan.briefing.Matches;
import io.harmattan.lead.FitScore;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadEvent;
import io.harmattan.lead.LeadTags;
import io.harmattan.matching.MatchEngine.Analysis;
import io.harmattan.persistence.SqlTime;
import io.harmattan.staff.Consultant;
import io.harmattan.triage.LeadView.Entry;
import io.harmattan.triage.LeadView.Similar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the lead page's view: the lead, what its text reveals, its briefings, its look-alikes, its story. */
@ApplicationScoped
public class LeadViews {

    static final int MAX_BRIEFINGS = 10;
    static final int MAX_SIMILAR = 20;

    @Inject
    Matches matches;

    @Inject
    HarmattanConfig config;

    public ResponseClock clock() {
        HarmattanConfig.TriageHours h = config.triage();
        return new ResponseClock(new ResponseClock.Hours(h.zone(), h.days(), h.opens(), h.closes(), h.warning(), h.breach()));
    }

    /** In the caller's read transaction: the page is built from records, and the needs text is analysed once. */
    public Optional<LeadView> of(long id, Locale locale) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(Lead.<Lead>findById(id)).map(lead -> {
            Analysis analysis = LeadTags.analyse(lead);
            LeadTags tags = LeadTags.of(lead, analysis);
            Matches.Result matched = tags.reviewed()
                    ? matches.match("", tags.sectors(), tags.countries(), MAX_BRIEFINGS, locale)
                    : matches.rank(analysis, MAX_BRIEFINGS, locale);
            String first = lead.duplicateOf == null ? null : Lead.<Lead>findById(lead.duplicateOf).reference;
            String survivor = lead.mergedInto == null ? null : Lead.<Lead>findById(lead.mergedInto).reference;
            ClientOrganisation organisation = lead.clientOrganisationId == null ? null
                    : ClientOrganisation.findById(lead.clientOrganisationId);
            return new LeadView(LeadView.Detail.of(lead), analysis, tags, tags.fit(lead),
                    clock().read(lead.submittedAt, lead.firstResponseAt, Instant.now()), matched.briefings(), similar(lead),
                    timeline(lead), Consultant.assignees(), first, lead.duplicateOf, survivor,
                    organisation == null ? null : organisation.name);
        }));
    }

    /** Same email, same organisation (however written), or the same organisation's email domain. */
    static List<Similar> similar(Lead lead) {
        String domain = FitScore.organisationDomain(lead.email);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Lead.getEntityManager().createNativeQuery("SELECT id, reference, name, organisation, email,"
                + " status, submitted_at, organisation_key, email_domain FROM lead WHERE id <> ?1 AND status <> 'spam'"
                + " AND (email = ?2 OR organisation_key = ?3 OR email_domain = ?4) ORDER BY submitted_at DESC, id DESC")
                .setParameter(1, lead.id).setParameter(2, lead.email).setParameter(3, lead.organisationKey)
                .setParameter(4, domain == null ? "\u0000" : domain).setMaxResults(MAX_SIMILAR).getResultList();
        List<Similar> similar = new ArrayList<>();
        for (Object[] r : rows) {
            String why = lead.email.equals(r[4]) ? "email"
                    : lead.organisationKey != null && lead.organisationKey.equals(r[7]) ? "organisation" : "domain";
            similar.add(new Similar(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], SqlTime.instant(r[6]), why));
        }
        return similar;
    }

    /** The lead's own story (submission, emails, events) and that of every lead merged into it. */
    static List<Entry> timeline(Lead lead) {
        List<Lead> merged = Lead.list("mergedInto", lead.id);
        Map<Long, String> references = new HashMap<>();
        references.put(lead.id, null);
        merged.forEach(m -> references.put(m.id, m.reference));
        List<Entry> entries = new ArrayList<>();
        for (Lead l : prepend(lead, merged)) {
            String from = references.get(l.id);
            entries.add(new Entry(l.submittedAt, "prospect", "submitted", l.source, null, null, from));
            if (l.ackSentAt != null) {
                entries.add(new Entry(l.ackSentAt, "system", "acknowledged", l.email, null, null, from));
            }
            if (l.triageNotifiedAt != null) {
                entries.add(new Entry(l.triageNotifiedAt, "system", "notified", null, null, null, from));
            }
        }
        for (LeadEvent e : LeadEvent.of(references.keySet())) {
            entries.add(new Entry(e.occurredAt, e.actor, e.kind.code(), e.detail, e.remark,
                    e.reason == null ? null : e.reason.code(), references.get(e.leadId)));
        }
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private static List<Lead> prepend(Lead lead, List<Lead> others) {
        List<Lead> all = new ArrayList<>(others.size() + 1);
        all.add(lead);
        all.addAll(others);
        return all;
    }
}
