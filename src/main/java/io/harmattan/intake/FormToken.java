package io.harmattan.intake;

import io.harmattan.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The one-time token of an interest form: when it was issued and a random id, signed with the
 * server's secret. The id makes a double click, refresh or retry land on the same lead; the
 * issue time tells how long the person took to fill in the form.
 */
public final class FormToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** A form left open longer than this is answered "expired" and re-shown, answers kept, with a fresh token. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    public record Parsed(String id, Instant issuedAt) {

        public Duration age(Instant now) {
            return Duration.between(issuedAt, now);
        }

        public boolean isExpired(Instant now) {
            return age(now).compareTo(LIFETIME) > 0;
        }
    }

    private final Keys.Hmac hmac;

    public FormToken(String secret) {
        this.hmac = Keys.hmac(secret, Keys.Purpose.FORM_TOKEN);
    }

    public String issue(Instant now) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = now.toEpochMilli() + "." + ENCODER.encodeToString(id);
        return payload + "." + sign(payload);
    }

    /** The token's id and issue time if the signature holds, else empty (forged, truncated, or from another server). */
    public Optional<Parsed> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        int firstDot = token.indexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastDot);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            Instant issuedAt = Instant.ofEpochMilli(Long.parseLong(payload.substring(0, firstDot)));
            return Optional.of(new Parsed(payload.substring(firstDot + 1), issuedAt));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        return ENCODER.encodeToString(hmac.sign(payload));
    }
}
