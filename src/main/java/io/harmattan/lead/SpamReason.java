package io.harmattan.lead;

import io.harmattan.persistence.CodedEnum;
import jakarta.persistence.Converter;

/**
 * Why a lead is held as spam, stored as a code; the number that goes with some (the fill time in
 * milliseconds, the count of links) is stored beside it, and pages say both in the reader's language.
 */
public enum SpamReason {
    HONEYPOT, FAST, MARKUP, LINKS, CONSULTANT, OTHER;

    public String code() {
        return CodedEnum.code(this);
    }

    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<SpamReason> {
        public Column() {
            super(SpamReason.class);
        }
    }

    /** A reason with its number, as the spam checks find it. */
    public record Signal(SpamReason reason, Integer value) {

        public static Signal of(SpamReason reason) {
            return new Signal(reason, null);
        }
    }
}
