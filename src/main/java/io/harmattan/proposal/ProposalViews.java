package io.harmattan.proposal;

import io.harmattan.account.ClientOrganisation;
import io.harmattan.briefing.LineDiff;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadTags;
import io.harmattan.reference.ReferenceLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            AcceptanceView acceptance, List<LineDiff.Line> changes) {

        public boolean editable() {
            return latest.state() == ProposalState.DRAFT;
        }

        /** The version the diff compares the latest one with. */
        public int previousNumber() {
            return latest.number() - 1;
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
                AcceptanceView.of(Acceptance.<Acceptance>findByIdOptional(id).orElse(null)),
                versions.size() < 2 ? List.of() : LineDiff.between(text(version(versions.get(versions.size() - 2), locale)),
                        text(version(latest, locale)))));
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
     * What the console's list filters by; null or blank fields do not filter. The client's list
     * uses only the organisation, and sees the version it was sent.
     */
    public record Filter(ProposalState state, String author, String client, String country, String sector,
            boolean expiringSoon, Long organisationId, Long leadId, boolean sentOnly) {

        public static Filter forClient(long organisationId) {
            return new Filter(null, null, null, null, null, false, organisationId, null, true);
        }

        public static Filter forLead(long leadId) {
            return new Filter(null, null, null, null, null, false, null, leadId, false);
        }
    }

    /** One state of the pipeline: how many proposals, and their value in each currency. */
    public record Stage(ProposalState state, long count, List<String> totals) {
    }

    /** Proposals newest first, in one query whatever the filter. */
    public List<Row> rows(Filter filter, int max, LocalDate today, Locale locale) {
        Where where = where(filter, today);
        String number = filter.sentOnly() ? "p.live_number" : "p.latest_number";
        var query = Proposal.getEntityManager().createNativeQuery("SELECT p.id, p.reference, v.state, v.number, v.title,"
                + " COALESCE(o.name, l.organisation), v.currency, v.total, v.valid_until, p.author FROM proposal p"
                + " JOIN proposal_version v ON v.proposal_id = p.id AND v.number = " + number
                + " LEFT JOIN client_organisation o ON o.id = p.organisation_id LEFT JOIN lead l ON l.id = p.lead_id"
                + where.sql() + " ORDER BY p.id DESC LIMIT " + max);
        where.bind(query);
        List<Row> rows = new ArrayList<>();
        for (Object r : query.getResultList()) {
            Object[] c = (Object[]) r;
            Currency currency = Currency.ofCode((String) c[6]).orElseThrow();
            rows.add(new Row(((Number) c[0]).longValue(), (String) c[1], ProposalState.ofCode((String) c[2]),
                    ((Number) c[3]).intValue(), (String) c[4], (String) c[5], currency.format((BigDecimal) c[7], locale),
                    (LocalDate) c[8], (String) c[9]));
        }
        return rows;
    }

    /** The pipeline under the same filter: per state, the count and the value per currency. */
    public List<Stage> pipeline(Filter filter, LocalDate today, Locale locale) {
        Where where = where(filter, today);
        var query = Proposal.getEntityManager().createNativeQuery("SELECT v.state, v.currency, COUNT(*), SUM(v.total)"
                + " FROM proposal p JOIN proposal_version v ON v.proposal_id = p.id AND v.number = p.latest_number"
                + " LEFT JOIN client_organisation o ON o.id = p.organisation_id LEFT JOIN lead l ON l.id = p.lead_id"
                + where.sql() + " GROUP BY v.state, v.currency");
        where.bind(query);
        Map<ProposalState, long[]> counts = new EnumMap<>(ProposalState.class);
        Map<ProposalState, List<String>> totals = new EnumMap<>(ProposalState.class);
        for (Object r : query.getResultList()) {
            Object[] c = (Object[]) r;
            ProposalState state = ProposalState.ofCode((String) c[0]);
            counts.computeIfAbsent(state, s -> new long[1])[0] += ((Number) c[2]).longValue();
            totals.computeIfAbsent(state, s -> new ArrayList<>())
                    .add(Currency.ofCode((String) c[1]).orElseThrow().format((BigDecimal) c[3], locale));
        }
        List<Stage> stages = new ArrayList<>();
        for (ProposalState state : ProposalState.values()) {
            if (counts.containsKey(state)) {
                stages.add(new Stage(state, counts.get(state)[0], totals.get(state)));
            }
        }
        return stages;
    }

    private record Where(String sql, List<Object> params) {
        void bind(Query query) {
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
        }
    }

    private static Where where(Filter f, LocalDate today) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.state() != null) {
            params.add(f.state().code());
            sql.append(" AND v.state = ?").append(params.size());
        }
        if (f.author() != null && !f.author().isBlank()) {
            params.add(f.author().strip());
            sql.append(" AND p.author = ?").append(params.size());
        }
        if (f.client() != null && !f.client().isBlank()) {
            params.add("%" + f.client().strip().replaceAll("[%_\\\\]", "") + "%");
            sql.append(" AND COALESCE(o.name, l.organisation) LIKE ?").append(params.size());
        }
        if (f.country() != null && !f.country().isBlank()) {
            params.add("% " + f.country().strip().replaceAll("[%_\\\\ ]", "") + " %");
            sql.append(" AND EXISTS (SELECT 1 FROM proposal_line pl WHERE pl.version_id = v.id"
                    + " AND CONCAT(' ', pl.countries, ' ') LIKE ?").append(params.size()).append(")");
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            params.add("% " + f.sector().strip().replaceAll("[%_\\\\ ]", "") + " %");
            sql.append(" AND EXISTS (SELECT 1 FROM proposal_line pl WHERE pl.version_id = v.id"
                    + " AND CONCAT(' ', pl.sectors, ' ') LIKE ?").append(params.size()).append(")");
        }
        if (f.expiringSoon()) {
            params.add(Date.valueOf(today.plusDays(7)));
            sql.append(" AND v.state IN ('sent', 'viewed') AND v.valid_until <= ?").append(params.size());
        }
        if (f.organisationId() != null) {
            params.add(f.organisationId());
            sql.append(" AND p.organisation_id = ?").append(params.size());
        }
        if (f.leadId() != null) {
            params.add(f.leadId());
            sql.append(" AND p.lead_id = ?").append(params.size());
        }
        if (f.sentOnly()) {
            sql.append(" AND p.live_number IS NOT NULL");
        }
        return new Where(sql.toString(), params);
    }

    /** A version as lines of text, for the diff between two versions. */
    static String text(VersionView v) {
        StringBuilder text = new StringBuilder();
        text.append(v.title()).append('\n').append(v.summary()).append('\n');
        for (LineView line : v.lines()) {
            text.append(line.service()).append(" | ").append(line.countries()).append(" | ").append(line.sectors())
                    .append(" | ").append(line.deliverable().replace('\n', ' ')).append(" | ").append(line.quantity())
                    .append(' ').append(line.unit()).append(" x ").append(line.unitPrice()).append(" = ")
                    .append(line.amount()).append('\n');
        }
        if (!v.discountPercent().isEmpty() || !v.vatPercent().isEmpty()) {
            text.append("- ").append(v.discountPercent()).append(" % | + ").append(v.vatPercent()).append(" %\n");
        }
        text.append("= ").append(v.total()).append('\n').append(v.paymentTerms()).append('\n')
                .append(v.startDate() == null ? "" : v.startDate().toString()).append(" -> ").append(v.validUntil())
                .append('\n');
        return text.toString();
    }

    private static String percent(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
