package io.harmattan.lead;

/** A life-cycle method of {@link Lead} was asked for a move that the lead, as it is now, does not allow. */
public final class IllegalMove extends RuntimeException {

    IllegalMove() {
        super("illegal lead move", null, false, false);
    }
}
