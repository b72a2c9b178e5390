package io.harmattan.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Money is exact: worked out by hand for each case below. */
class TotalsTest {

    private static Totals.Line line(String quantity, String price) {
        return new Totals.Line(new BigDecimal(quantity), new BigDecimal(price));
    }

    @Test
    void xofHasNoMinorUnitSoEveryStepRoundsToWholeFrancs() {
        // 2.5 days x 333 333 = 833 332.5 -> 833 333; 3 reports x 150 000 = 450 000; sum 1 283 333.
        // Discount 7.5 % = 96 249.975 -> 96 250; net 1 187 083. VAT 18 % = 213 674.94 -> 213 675; total 1 400 758.
        Totals totals = Totals.of(Currency.XOF, List.of(line("2.5", "333333"), line("3", "150000")),
                new BigDecimal("7.5"), new BigDecimal("18"));
        assertThat(totals.lines()).containsExactly(new BigDecimal("833333"), new BigDecimal("450000"));
        assertThat(totals.subtotal()).isEqualTo(new BigDecimal("1283333"));
        assertThat(totals.discount()).isEqualTo(new BigDecimal("96250"));
        assertThat(totals.net()).isEqualTo(new BigDecimal("1187083"));
        assertThat(totals.vat()).isEqualTo(new BigDecimal("213675"));
        assertThat(totals.total()).isEqualTo(new BigDecimal("1400758"));
    }

    @Test
    void euroKeepsCentsWithDiscountAndVat() {
        // 1.5 x 1 234.57 = 1 851.855 -> 1 851.86; 4 x 99.99 = 399.96; sum 2 251.82.
        // Discount 10 % = 225.182 -> 225.18; net 2 026.64. VAT 20 % = 405.328 -> 405.33; total 2 431.97.
        Totals totals = Totals.of(Currency.EUR, List.of(line("1.5", "1234.57"), line("4", "99.99")),
                new BigDecimal("10"), new BigDecimal("20"));
        assertThat(totals.lines()).containsExactly(new BigDecimal("1851.86"), new BigDecimal("399.96"));
        assertThat(totals.subtotal()).isEqualTo(new BigDecimal("2251.82"));
        assertThat(totals.discount()).isEqualTo(new BigDecimal("225.18"));
        assertThat(totals.net()).isEqualTo(new BigDecimal("2026.64"));
        assertThat(totals.vat()).isEqualTo(new BigDecimal("405.33"));
        assertThat(totals.total()).isEqualTo(new BigDecimal("2431.97"));
    }

    @Test
    void noDiscountNoVatAndNoLinesAreZero() {
        Totals empty = Totals.of(Currency.USD, List.of(), null, null);
        assertThat(empty.total()).isEqualTo(new BigDecimal("0.00"));
        Totals plain = Totals.of(Currency.USD, List.of(line("1", "12500")), null, null);
        assertThat(plain.total()).isEqualTo(new BigDecimal("12500.00"));
    }

    @Test
    void amountsAreWrittenAsEachLanguageWritesThem() {
        Locale fr = Locale.FRENCH;
        Locale en = Locale.ENGLISH;
        assertThat(Currency.XOF.format(new BigDecimal("1250000"), fr)).isEqualTo("1\u202F250\u202F000\u00A0FCFA");
        assertThat(Currency.XOF.format(new BigDecimal("1250000"), en)).isEqualTo("1,250,000\u00A0FCFA");
        assertThat(Currency.EUR.format(new BigDecimal("12500"), en)).isEqualTo("€12,500.00");
        assertThat(Currency.EUR.format(new BigDecimal("12500"), fr)).isEqualTo("12\u202F500,00\u00A0€");
        assertThat(Currency.USD.format(new BigDecimal("0.5"), en)).isEqualTo("$0.50");
        assertThat(Currency.USD.format(new BigDecimal("99.995"), fr)).isEqualTo("100,00\u00A0$US");
    }
}
