package io.harmattan.proposal;

import io.harmattan.account.ClientOrganisation;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadTags;
import io.harmattan.reference.ReferenceLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Proposals as pages show them: records with every amount already written in the reader's language. */
@ApplicationScoped
public class ProposalViews {

    /** One version, its lines and totals formatted. */
    public record VersionView(int number, ProposalState state, String writtenBy, String language, String title,
            String summary, String currency, List<LineView> lines, String subtotal, String discount, String discountPercent,
            String vat, String vatPercent, String total, String paymentTerms, LocalDate startDate, LocalDate validUntil,
            String reviewComment, String contentHash, Instant sentAt) {
    }

    /** One scope line. */
    public record LineView(String service, String countries, String sectors, String deliverable, String quantity, String unit,
            String unitPrice, String amount) {
    }

    /** A proposal for the console: where it comes from, its versions, what is not covered yet, and its timeline. */
    public record Detail(long id, String reference, ProposalState state, long version, Long leadId, String leadReference,
            String needs, Long organisationId, String organisationName, String author, VersionView latest,
            Integer liveNumber, List<VersionView> versions, List<String> uncovered, List<EventView> events,
            AcceptanceView acceptance) {

        public boolean editable() {
            return latest.state() == ProposalState.DRAFT;
        }
    }

    /** One step of the timeline. */
    public record EventView(Instant occurredAt, String actor, String kind, int version, String remark) {
    }

    /** Who accepted which version, when. */
    public record AcceptanceView(String fullName, Instant acceptedAt, int versionNumber, String contentHash) {

        static AcceptanceView of(Acceptance a) {
            return a == null ? null : new AcceptanceView(a.fullName, a.acceptedAt, a.versionNumber, a.contentHash);
        }
    }

    /** One row of a list. */
    public record Row(long id, String reference, ProposalState state, int latestNumber, String title, String client,
            String total, LocalDate validUntil, String author) {
    }

    @Inject
    ReferenceLabels labels;

    public VersionView version(ProposalVersion v, Locale locale) {
        Totals totals = v.totals();
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < v.lines.size(); i++) {
            ProposalLine line = v.lines.get(i);
            lines.add(new LineView(labels.service(line.service, locale), labels.countries(line.countries, locale),
                    labels.sectors(line.sectors, locale), line.deliverable, line.quantity.stripTrailingZeros().toPlainString(),
                    line.unit, v.currency.format(line.unitPrice, locale), v.currency.format(totals.lines().get(i), locale)));
        }
        return new VersionView(v.number, v.state, v.writtenBy, v.language, v.title, v.summary, v.currency.code(), lines,
                v.currency.format(totals.subtotal(), locale), v.currency.format(totals.discount(), locale),
                percent(v.discountPercent), v.currency.format(totals.vat(), locale), percent(v.vatPercent),
                v.currency.format(totals.total(), locale), v.paymentTerms, v.startDate, v.validUntil, v.reviewComment,
                v.contentHash, v.sentAt);
    }

    /** Everything the console's proposal page shows, read in the caller's transaction. */
    public Optional<Detail> detail(long id, Locale locale) {
        Proposal proposal = Proposal.findById(id);
        if (proposal == null) {
            return Optional.empty();
        }
        List<ProposalVersion> versions = ProposalVersion.allOf(id);
        ProposalVersion latest = versions.get(versions.size() - 1);
        Lead lead = proposal.leadId == null ? null : Lead.findById(proposal.leadId);
        ClientOrganisation organisation = proposal.organisationId == null ? null
                : ClientOrganisation.findById(proposal.organisationId);
        return Optional.of(new Detail(proposal.id, proposal.reference, proposal.state, proposal.version, proposal.leadId,
                lead == null ? null : lead.reference, lead == null ? null : lead.needs, proposal.organisationId,
                organisation != null ? organisation.name : lead != null ? lead.organisation : "", proposal.author,
                version(latest, locale), proposal.liveNumber, versions.stream().map(v -> version(v, locale)).toList(),
                uncovered(lead, latest, locale),
                ProposalEvent.of(id).stream().map(e -> new EventView(e.occurredAt, e.actor, e.kind.code(), e.versionNumber,
                        e.remark)).toList(),
                AcceptanceView.of(Acceptance.<Acceptance>findByIdOptional(id).orElse(null))));
    }

    /** The prospect's stated needs that no line of this version covers, as sentences. */
    public List<String> uncovered(Lead lead, ProposalVersion v, Locale locale) {
        if (lead == null) {
            return List.of();
        }
        LeadTags tags = LeadTags.of(lead);
        return Coverage.uncovered(lead.services, tags.countries(),
                v.lines.stream().map(l -> new Coverage.Offer(l.service, l.countries)).toList()).stream()
                .map(need -> need.country() == null ? labels.service(need.service(), locale)
                        : labels.service(need.service(), locale) + " · " + labels.country(need.country(), locale))
                .toList();
    }

    /**
     * Proposals newest first, one query: optionally only one state, one organisation (the client's
     * own, for the portal, which then sees only what was sent), one lead.
     */
    public List<Row> rows(ProposalState state, Long organisationId, Long leadId, boolean sentOnly, int max, Locale locale) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (state != null) {
            where.append(" and p.state = :state");
        }
        if (organisationId != null) {
            where.append(" and p.organisationId = :organisation");
        }
        if (leadId != null) {
            where.append(" and p.leadId = :lead");
        }
        if (sentOnly) {
            where.append(" and p.liveNumber is not null");
        }
        // The client sees the version it was sent; the console the latest one.
        String number = sentOnly ? "p.liveNumber" : "p.latestNumber";
        var query = Proposal.getEntityManager().createQuery("select p.id, p.reference, v.state, v.number, v.title,"
                + " coalesce(o.name, l.organisation), v.currency, v.total, v.validUntil, p.author from Proposal p"
                + " join ProposalVersion v on v.proposalId = p.id and v.number = " + number
                + " left join ClientOrganisation o on o.id = p.organisationId left join Lead l on l.id = p.leadId"
                + where + " order by p.id desc", Object[].class).setMaxResults(max);
        if (state != null) {
            query.setParameter("state", state);
        }
        if (organisationId != null) {
            query.setParameter("organisation", organisationId);
        }
        if (leadId != null) {
            query.setParameter("lead", leadId);
        }
        List<Row> rows = new ArrayList<>();
        for (Object[] r : query.getResultList()) {
            Currency currency = (Currency) r[6];
            rows.add(new Row((Long) r[0], (String) r[1], (ProposalState) r[2], (Integer) r[3], (String) r[4], (String) r[5],
                    currency.format((BigDecimal) r[7], locale), (LocalDate) r[8], (String) r[9]));
        }
        return rows;
    }

    private static String percent(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
