package io.harmattan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The token of a mail's unsubscribe link: the address it was sent to and a signature, so that the
 * link works without signing in, for that address only, and no one can make one for another
 * address. It does not expire: a news mail kept for a year must still let its reader stop the news.
 */
public final class UnsubscribeLinks {

    private final Keys.Hmac key;

    public UnsubscribeLinks(String secret) {
        this.key = Keys.hmac(secret, Keys.Purpose.UNSUBSCRIBE);
    }

    /** The token for this address. */
    public String token(String email) {
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(address.getBytes(StandardCharsets.UTF_8)) + "."
                + signature(address);
    }

    /** The address a token was made for, if it is genuine. */
    public Optional<String> address(String token) {
        if (token == null || token.length() > 600 || !token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        String address;
        try {
            address = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean genuine = MessageDigest.isEqual(signature(address).getBytes(StandardCharsets.US_ASCII),
                token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(address) : Optional.empty();
    }

    private String signature(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(address));
    }
}
