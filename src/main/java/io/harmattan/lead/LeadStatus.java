package io.harmattan.lead;

import io.harmattan.persistence.CodedEnum;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The triage life cycle: new -> qualified | disqualified (with a reason) | spam; qualified ->
 * converted | disqualified; spam -> new (released from quarantine); disqualified -> new (reopened);
 * a new lead may be merged into another. Converted and merged are final. Declared in the order the
 * inbox shows them; stored as the lower-case {@link #code()}.
 */
public enum LeadStatus {
    NEW, QUALIFIED, DISQUALIFIED, CONVERTED, MERGED, SPAM;

    public String code() {
        return CodedEnum.code(this);
    }

    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(QUALIFIED, DISQUALIFIED, SPAM, MERGED);
            case QUALIFIED -> EnumSet.of(CONVERTED, DISQUALIFIED);
            case DISQUALIFIED, SPAM -> EnumSet.of(NEW);
            case CONVERTED, MERGED -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    public boolean canMoveTo(LeadStatus to) {
        return next().contains(to);
    }

    /** Whether a consultant can still work on it: assign, annotate, correct. */
    public boolean isOpen() {
        return this == NEW || this == QUALIFIED;
    }

    public static Optional<LeadStatus> ofCode(String code) {
        return CodedEnum.of(LeadStatus.class, code);
    }

    /** Keeps the column's lower-case codes, so the enum changed no data. */
    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<LeadStatus> {
        public Column() {
            super(LeadStatus.class);
        }
    }
}
