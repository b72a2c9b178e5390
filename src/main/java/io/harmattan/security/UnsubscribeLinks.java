package io.harmattan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The token of a mail's unsubscribe link: what it stops (a prospect's address, or a client's person
 * id) and a signature, so that the link works without signing in, for that one recipient, and no
 * one can make one for another. Each kind of link has its own key, so a token of one kind is never
 * accepted as the other. It does not expire: a mail kept for a year must still let its reader stop
 * the mails.
 */
public final class UnsubscribeLinks {

    private final Keys.Hmac key;

    private UnsubscribeLinks(String secret, Keys.Purpose purpose) {
        this.key = Keys.hmac(secret, purpose);
    }

    /** Links in the mails to prospects who agreed to receive news, naming their address. */
    public static UnsubscribeLinks prospects(String secret) {
        return new UnsubscribeLinks(secret, Keys.Purpose.UNSUBSCRIBE);
    }

    /** Links in the digests and alerts to clients' people, naming the person. */
    public static UnsubscribeLinks clientPeople(String secret) {
        return new UnsubscribeLinks(secret, Keys.Purpose.CLIENT_MAILS);
    }

    /** The token for this address. */
    public String token(String email) {
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(address.getBytes(StandardCharsets.UTF_8)) + "."
                + signature(address);
    }

    /** The token for this person. */
    public String token(long personId) {
        return token(Long.toString(personId));
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

    /** The person a token was made for, if it is genuine. */
    public Optional<Long> person(String token) {
        return address(token).filter(value -> value.matches("[0-9]{1,18}")).map(Long::valueOf);
    }

    private String signature(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(address));
    }
}
