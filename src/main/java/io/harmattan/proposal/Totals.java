package io.harmattan.proposal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A proposal's money, computed exactly. Each line is quantity x unit price rounded half-up to the
 * currency's minor unit; the discount (a percentage of the sum of lines) and the VAT (a percentage
 * of what remains) are each rounded once the same way; the total is their exact sum.
 */
public record Totals(Currency currency, List<BigDecimal> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal net,
        BigDecimal vat, BigDecimal total) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One line's quantity and unit price. */
    public record Line(BigDecimal quantity, BigDecimal unitPrice) {
    }

    public static Totals of(Currency currency, List<Line> lines, BigDecimal discountPercent, BigDecimal vatPercent) {
        List<BigDecimal> amounts = lines.stream().map(line -> currency.round(line.quantity().multiply(line.unitPrice())))
                .toList();
        BigDecimal subtotal = amounts.stream().reduce(currency.round(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal discount = currency.round(subtotal.multiply(orZero(discountPercent)).divide(HUNDRED));
        BigDecimal net = subtotal.subtract(discount);
        BigDecimal vat = currency.round(net.multiply(orZero(vatPercent)).divide(HUNDRED));
        return new Totals(currency, amounts, subtotal, discount, net, vat, net.add(vat));
    }

    private static BigDecimal orZero(BigDecimal percent) {
        return percent == null ? BigDecimal.ZERO : percent;
    }
}
