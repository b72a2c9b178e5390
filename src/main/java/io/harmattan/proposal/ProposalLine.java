package io.harmattan.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/** One line of a proposal's scope: a service, where and for which sectors, what is delivered, and its price. */
@Embeddable
public class ProposalLine {

    @Column(name = "service_code", nullable = false, length = 32)
    public String service;

    @Convert(converter = CodeSet.class)
    @Column(nullable = false, length = 40)
    public Set<String> countries = new LinkedHashSet<>();

    @Convert(converter = CodeSet.class)
    @Column(nullable = false, length = 200)
    public Set<String> sectors = new LinkedHashSet<>();

    @Column(nullable = false, length = 2000)
    public String deliverable;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal quantity;

    @Column(nullable = false, length = 16)
    public String unit;

    @Column(name = "unit_price", nullable = false, precision = 18, scale = 2)
    public BigDecimal unitPrice;

    public ProposalLine() {
    }

    public ProposalLine(String service, Set<String> countries, Set<String> sectors, String deliverable, BigDecimal quantity,
            String unit, BigDecimal unitPrice) {
        this.service = service;
        this.countries = new LinkedHashSet<>(countries);
        this.sectors = new LinkedHashSet<>(sectors);
        this.deliverable = deliverable;
        this.quantity = quantity;
        this.unit = unit;
        this.unitPrice = unitPrice;
    }

    ProposalLine copy() {
        return new ProposalLine(service, countries, sectors, deliverable, quantity, unit, unitPrice);
    }
}
