package io.harmattan.web;

/**
 * A signed-in client whose portal access is suspended or has ended (their person or their
 * organisation): answered with a 403 page that says so, rather than the generic one.
 */
public final class AccessEnded extends RuntimeException {

    public AccessEnded() {
        super("portal access ended", null, false, false);
    }
}
