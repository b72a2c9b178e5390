package io.harmattan.proposal;

import io.harmattan.persistence.CodedEnum;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one version of a proposal: draft -> in review -> approved -> sent -> viewed ->
 * accepted | declined | expired. A reviewer may send a draft back (changes requested), a lead
 * consultant may withdraw it at any open step, and sending a revision supersedes the version the
 * client had. From "sent" on, the version's content is frozen (the database refuses changes).
 */
public enum ProposalState {
    DRAFT, IN_REVIEW, APPROVED, SENT, VIEWED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, SUPERSEDED;

    public String code() {
        return CodedEnum.code(this);
    }

    public Set<ProposalState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW, WITHDRAWN);
            case IN_REVIEW -> EnumSet.of(APPROVED, DRAFT, WITHDRAWN);
            case APPROVED -> EnumSet.of(SENT, DRAFT, WITHDRAWN);
            case SENT -> EnumSet.of(VIEWED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, SUPERSEDED);
            case VIEWED -> EnumSet.of(ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, SUPERSEDED);
            case ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, SUPERSEDED -> EnumSet.noneOf(ProposalState.class);
        };
    }

    public boolean canMoveTo(ProposalState to) {
        return next().contains(to);
    }

    /** Sent to the client: its content can no longer change. */
    public boolean frozen() {
        return compareTo(SENT) >= 0;
    }

    /** The client may accept or decline it now (if it has not expired by date). */
    public boolean awaitingClient() {
        return this == SENT || this == VIEWED;
    }

    /** No further move: the proposal's story ends here. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The state stored as this code; an unknown code is an error. */
    public static ProposalState ofCode(String code) {
        return CodedEnum.of(ProposalState.class, code)
                .orElseThrow(() -> new IllegalStateException("unknown proposal state " + code));
    }

    @Converter(autoApply = true)
    public static class Column extends CodedEnum.Column<ProposalState> {
        public Column() {
            super(ProposalState.class);
        }
    }
}
