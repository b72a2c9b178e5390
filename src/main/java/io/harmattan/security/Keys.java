package io.harmattan.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place that derives keys from the session secret (HARMATTAN_SESSION_SECRET), one key per
 * purpose, so that what one use of a key reveals says nothing about another's: each key is
 * HMAC-SHA256(secret, "harmattan " + purpose + " v1").
 */
public final class Keys {

    public enum Purpose {
        /** Signs the public form's one-time token (its id and when it was issued). */
        FORM_TOKEN("form token"),
        /** Turns a client's address into a rate-limit key that cannot be turned back. */
        CLIENT_ADDRESS("client address"),
        /** Authenticates the identity cookie that stands in for OIDC between its checks. */
        IDENTITY_COOKIE("identity cookie"),
        /** Binds the CSRF tokens of a signed-in page to its session (SessionBoundCsrf). */
        CSRF_SESSION("csrf session"),
        /** Lets the confirmation page show what was sent, to the browser that sent it (intake's Receipt). */
        RECEIPT("receipt"),
        /** Signs the unsubscribe links of mails to prospects who agreed to receive news (UnsubscribeLinks). */
        UNSUBSCRIBE("unsubscribe"),
        /** Signs the unsubscribe links of the digests and alerts to clients' people (UnsubscribeLinks). */
        CLIENT_MAILS("client mails");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    private Keys() {
    }

    /** An HMAC-SHA256 with the key for {@code purpose}; one keyed Mac per thread, since creating one costs more than using it. */
    public static Hmac hmac(String secret, Purpose purpose) {
        byte[] derived = mac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .doFinal(("harmattan " + purpose.label + " v1").getBytes(StandardCharsets.UTF_8));
        return new Hmac(new SecretKeySpec(derived, "HmacSHA256"));
    }

    public static final class Hmac {

        private final ThreadLocal<Mac> macs;

        private Hmac(SecretKeySpec key) {
            this.macs = ThreadLocal.withInitial(() -> mac(key));
        }

        public byte[] sign(String data) {
            return macs.get().doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
