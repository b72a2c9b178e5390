package io.harmattan.proposal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * The currencies a proposal may be in, one per proposal. Amounts are rounded half-up to the
 * currency's minor unit: the CFA franc (XOF) has none, the euro and the dollar have cents.
 */
public enum Currency {
    XOF(0), EUR(2), USD(2);

    private final int scale;

    Currency(int scale) {
        this.scale = scale;
    }

    public int scale() {
        return scale;
    }

    public String code() {
        return name();
    }

    /** An amount rounded to this currency's minor unit. */
    public BigDecimal round(BigDecimal amount) {
        return amount.setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * The amount as a reader of that language writes it: {@code 1 250 000 FCFA} or
     * {@code 1,250,000 FCFA}, {@code 12 500,00 €} or {@code €12,500.00}, {@code 12 500,00 $US} or
     * {@code $12,500.00}. French groups digits with a narrow no-break space.
     */
    public String format(BigDecimal amount, Locale locale) {
        boolean french = locale != null && "fr".equals(locale.getLanguage());
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(french ? '\u202F' : ',');
        symbols.setDecimalSeparator(french ? ',' : '.');
        symbols.setMinusSign('-');
        DecimalFormat number = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0.00", symbols);
        number.setRoundingMode(RoundingMode.HALF_UP);
        String digits = number.format(round(amount));
        return switch (this) {
            case XOF -> digits + "\u00A0FCFA";
            case EUR -> french ? digits + "\u00A0€" : "€" + digits;
            case USD -> french ? digits + "\u00A0$US" : "$" + digits;
        };
    }

    public static Optional<Currency> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Currency currency : values()) {
            if (currency.name().equalsIgnoreCase(code.strip())) {
                return Optional.of(currency);
            }
        }
        return Optional.empty();
    }

    /** Stored as its ISO code, upper case as ISO 4217 writes it. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Currency, String> {
        @Override
        public String convertToDatabaseColumn(Currency value) {
            return value == null ? null : value.name();
        }

        @Override
        public Currency convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code).orElseThrow(() -> new IllegalStateException("unknown currency " + code));
        }
    }
}
