package io.harmattan.account;

import io.harmattan.persistence.CodedEnum;
import jakarta.persistence.Converter;
import java.util.Optional;

/** How often a client's person wants the mail of new and updated briefings: never, once a week, once a day. */
public enum DigestFrequency {
    OFF, WEEKLY, DAILY;

    public String code() {
        return CodedEnum.code(this);
    }

    public static Optional<DigestFrequency> ofCode(String code) {
        return CodedEnum.of(DigestFrequency.class, code);
    }

    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<DigestFrequency> {
        public Column() {
            super(DigestFrequency.class);
        }
    }
}
