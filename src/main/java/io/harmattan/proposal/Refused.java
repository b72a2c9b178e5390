package io.harmattan.proposal;

/** The workflow does not allow this step now; {@link #code} says why, for the page to explain in the reader's language. */
public final class Refused extends RuntimeException {

    public final String code;

    Refused(String code) {
        super(code, null, false, false);
        this.code = code;
    }
}
