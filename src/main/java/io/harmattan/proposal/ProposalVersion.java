package io.harmattan.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One version of a proposal: what the client is offered, in one language and one currency. Its
 * state moves as {@link ProposalState} allows; once sent its content is frozen (the database's
 * triggers refuse any change) and {@link #contentHash} fingerprints it.
 */
@Entity
@Table(name = "proposal_version")
public class ProposalVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public long proposalId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false, length = 16)
    public ProposalState state = ProposalState.DRAFT;

    @Column(name = "written_by", nullable = false, length = 100)
    public String writtenBy;

    @Column(nullable = false, length = 2)
    public String language;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String summary;

    @Column(nullable = false, length = 3)
    public Currency currency;

    @Column(name = "discount_percent", precision = 5, scale = 2)
    public BigDecimal discountPercent;

    @Column(name = "vat_percent", precision = 5, scale = 2)
    public BigDecimal vatPercent;

    @Column(name = "payment_terms", nullable = false, length = 2000)
    public String paymentTerms;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    /** Kept in step with the lines by {@link #recompute()}, for lists and the pipeline. */
    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal total = BigDecimal.ZERO;

    @Column(name = "review_comment", length = 2000)
    public String reviewComment;

    @Column(name = "content_hash", length = 64)
    public String contentHash;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "sent_by", length = 100)
    public String sentBy;

    @Column(name = "reminded_at")
    public Instant remindedAt;

    @ElementCollection
    @CollectionTable(name = "proposal_line", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    public List<ProposalLine> lines = new ArrayList<>();

    @Version
    public long version;

    public Totals totals() {
        return Totals.of(currency, lines.stream().map(l -> new Totals.Line(l.quantity, l.unitPrice)).toList(),
                discountPercent, vatPercent);
    }

    void recompute() {
        total = totals().total();
    }

    /** The next version: the same content, a draft again, written by whoever revises it. */
    ProposalVersion revision(String by) {
        ProposalVersion next = new ProposalVersion();
        next.proposalId = proposalId;
        next.number = number + 1;
        next.writtenBy = by;
        next.language = language;
        next.title = title;
        next.summary = summary;
        next.currency = currency;
        next.discountPercent = discountPercent;
        next.vatPercent = vatPercent;
        next.paymentTerms = paymentTerms;
        next.startDate = startDate;
        next.validUntil = validUntil;
        lines.forEach(line -> next.lines.add(line.copy()));
        next.recompute();
        return next;
    }

    /**
     * SHA-256 over a canonical form of what the client is offered: one field per line in a fixed
     * order, amounts at the currency's scale, codes sorted. The same content always hashes the same.
     */
    public String canonicalHash() {
        StringBuilder text = new StringBuilder();
        text.append("proposal=").append(proposalId).append('\n').append("version=").append(number).append('\n')
                .append("language=").append(language).append('\n').append("title=").append(title).append('\n')
                .append("summary=").append(summary).append('\n').append("currency=").append(currency.code()).append('\n')
                .append("discount=").append(plain(discountPercent)).append('\n').append("vat=").append(plain(vatPercent))
                .append('\n').append("terms=").append(paymentTerms).append('\n').append("start=").append(startDate)
                .append('\n').append("valid-until=").append(validUntil).append('\n');
        Totals totals = totals();
        for (int i = 0; i < lines.size(); i++) {
            ProposalLine line = lines.get(i);
            text.append("line=").append(i).append('|').append(line.service).append('|')
                    .append(String.join(" ", line.countries.stream().sorted().toList())).append('|')
                    .append(String.join(" ", line.sectors.stream().sorted().toList())).append('|').append(line.deliverable)
                    .append('|').append(plain(line.quantity)).append('|').append(line.unit).append('|')
                    .append(currency.round(line.unitPrice).toPlainString()).append('|')
                    .append(totals.lines().get(i).toPlainString()).append('\n');
        }
        text.append("total=").append(totals.total().toPlainString()).append('\n');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public static Optional<ProposalVersion> of(long proposalId, int number) {
        return find("proposalId = ?1 and number = ?2", proposalId, number).firstResultOptional();
    }

    public static List<ProposalVersion> allOf(long proposalId) {
        return list("proposalId = ?1 order by number", proposalId);
    }
}
