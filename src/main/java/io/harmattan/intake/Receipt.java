package io.harmattan.intake;

import io.harmattan.security.Keys;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The key that lets the confirmation page show what was sent: only the browser that sent the form
 * (the redirect sets it as a cookie for the confirmation's path) and only for an hour. References
 * are sequential, so without the key the page shows the reference alone, never someone's request.
 */
final class Receipt {

    static final Duration VALID = Duration.ofHours(1);
    static final String COOKIE = "receipt";

    private final Keys.Hmac key;

    Receipt(String secret) {
        this.key = Keys.hmac(secret, Keys.Purpose.RECEIPT);
    }

    /** The key for this reference, issued now. */
    String issue(String reference, Instant now) {
        long issued = now.getEpochSecond();
        return issued + "." + signature(reference, issued);
    }

    /** Whether the key is this reference's and still fresh. */
    boolean opens(String reference, String receipt, Instant now) {
        if (reference == null || receipt == null || !receipt.matches("\\d{1,12}\\.[A-Za-z0-9_-]{20,64}")) {
            return false;
        }
        long issued = Long.parseLong(receipt.substring(0, receipt.indexOf('.')));
        Instant at = Instant.ofEpochSecond(issued);
        return !at.isAfter(now) && at.plus(VALID).isAfter(now) && MessageDigest.isEqual(
                signature(reference, issued).getBytes(StandardCharsets.US_ASCII),
                receipt.substring(receipt.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String reference, long issued) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(reference + "\n" + issued));
    }
}
