package io.harmattan.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables that wire the app to its database, Keycloak and mail server. The dev launcher
 * passes them to Quarkus dev mode as environment variables; the test harness hands the same
 * names to Quarkus as configuration. The secrets here are dev/test values, published on purpose.
 */
public final class StackEnv {

    public static final String DEV_OIDC_SECRET = "dev-only-harmattan-web-secret-not-for-production";
    public static final String DEV_PROVISIONER_SECRET = "dev-only-harmattan-provisioner-secret-not-for-production";
    public static final String DEV_SESSION_SECRET = "dev-only-session-cookie-encryption-secret-0123456789";

    private StackEnv() {
    }

    /** What Keycloak needs to resolve the placeholders of the realm file; its mail goes to the local SMTP server. */
    public static Map<String, String> realm(String publicUrl, int smtpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HARMATTAN_PUBLIC_URL", publicUrl);
        env.put("HARMATTAN_OIDC_SECRET", DEV_OIDC_SECRET);
        env.put("HARMATTAN_PROVISIONER_SECRET", DEV_PROVISIONER_SECRET);
        env.put("HARMATTAN_SMTP_HOST", "127.0.0.1");
        env.put("HARMATTAN_SMTP_PORT", Integer.toString(smtpPort));
        env.put("HARMATTAN_MAIL_FROM", "harmattan@localhost");
        env.put("HARMATTAN_FIRM_NAME", "African Security Analysis");
        env.put("HARMATTAN_SMTP_AUTH", "false");
        env.put("HARMATTAN_SMTP_USER", "");
        env.put("HARMATTAN_SMTP_PASSWORD", "");
        env.put("HARMATTAN_SMTP_STARTTLS", "false");
        return env;
    }

    public static Map<String, String> database(EmbeddedMariaDb db) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HARMATTAN_DB_URL", db.jdbcUrl());
        env.put("HARMATTAN_DB_USER", db.user());
        env.put("HARMATTAN_DB_PASSWORD", db.password());
        // MariaDB introduces itself to Connector/J as "5.5.5-...", which Hibernate would refuse.
        env.put("HARMATTAN_DB_VERSION_CHECK", "false");
        return env;
    }

    public static Map<String, String> keycloak(String keycloakUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HARMATTAN_KEYCLOAK_URL", keycloakUrl);
        env.put("HARMATTAN_OIDC_SECRET", DEV_OIDC_SECRET);
        env.put("HARMATTAN_PROVISIONER_SECRET", DEV_PROVISIONER_SECRET);
        env.put("HARMATTAN_SESSION_SECRET", DEV_SESSION_SECRET);
        return env;
    }

    public static Map<String, String> mail(int smtpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HARMATTAN_SMTP_HOST", "127.0.0.1");
        env.put("HARMATTAN_SMTP_PORT", Integer.toString(smtpPort));
        return env;
    }
}
