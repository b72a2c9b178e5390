package io.harmattan.lead;

import io.harmattan.persistence.CodedEnum;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Optional;

/**
 * Why a lead was disqualified, from a short list that reports can count; the consultant's own words
 * go with it ({@link Lead#statusReason}), and are required for {@link #OTHER}.
 */
public enum DisqualifyReason {
    OUT_OF_REGION, NO_BUDGET, NOT_A_FIT, DUPLICATE, COMPETITOR, OTHER;

    public static final List<String> CODES = List.of(values()).stream().map(DisqualifyReason::code).toList();

    public String code() {
        return CodedEnum.code(this);
    }

    public static Optional<DisqualifyReason> of(String code) {
        return CodedEnum.of(DisqualifyReason.class, code);
    }

    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<DisqualifyReason> {
        public Column() {
            super(DisqualifyReason.class);
        }
    }
}
