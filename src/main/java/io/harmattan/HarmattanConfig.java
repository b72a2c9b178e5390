package io.harmattan;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "harmattan")
public interface HarmattanConfig {

    /** The consultancy's name as shown on every page. */
    String firmName();

    /** How to reach the firm, shown on the landing, privacy and legal pages. */
    Contact contact();

    interface Contact {
        /** Postal address, lines separated by " / ". */
        String address();

        String email();

        String phone();

        /** Company registration (RCCM, VAT or the like). */
        String registration();

        /** Who answers for what the site publishes (the "directeur de la publication"). */
        String publisher();

        /** Who hosts the site and its data, and where. */
        String host();

        /** How long the details of a prospect who never became a client are kept. */
        @io.smallrye.config.WithDefault("24")
        int retentionMonths();
    }

    /** How often the retention job runs ("6h"), or "off"; the job reads it from its annotation. */
    @io.smallrye.config.WithDefault("6h")
    String retentionEvery();

    /** How often the digest job looks for digests due ("1h"), or "off" (tests run it themselves). */
    @io.smallrye.config.WithDefault("1h")
    String digestEvery();

    /** How often the new-version alerts job runs ("15m"), or "off" (tests run it themselves). */
    @io.smallrye.config.WithDefault("15m")
    String alertsEvery();

    /** The app's address as people reach it, for links in emails. */
    @io.smallrye.config.WithDefault("http://localhost:8080")
    String publicUrl();

    /** Where new requests for interest are announced to the consultants. */
    String triageAddress();

    /** Keys of the web-to-lead API, one per calling website; none set means the API accepts no call. */
    java.util.Optional<java.util.List<String>> apiKeys();

    /** Limits on new requests for interest, per hour, counted across all instances. */
    IntakeLimits intake();

    interface IntakeLimits {
        @io.smallrye.config.WithDefault("5")
        int maxPerEmailPerHour();

        /** Per client address, for the public form. */
        @io.smallrye.config.WithDefault("20")
        int maxPerClientPerHour();

        /**
         * Per API key, for the web-to-lead API: a partner website relays many prospects from one
         * address, so its key has a budget of its own (the per-email limit still holds).
         */
        @io.smallrye.config.WithDefault("500")
        int maxPerApiKeyPerHour();
    }

    /** The consultants' working hours and the first-response promise, in business time. */
    TriageHours triage();

    interface TriageHours {
        /** Bamako and Ouagadougou keep UTC all year, Niamey UTC+1. */
        @io.smallrye.config.WithDefault("Africa/Bamako")
        java.time.ZoneId zone();

        @io.smallrye.config.WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        java.util.Set<java.time.DayOfWeek> days();

        @io.smallrye.config.WithDefault("08:00")
        java.time.LocalTime opens();

        @io.smallrye.config.WithDefault("17:00")
        java.time.LocalTime closes();

        @io.smallrye.config.WithDefault("PT4H")
        java.time.Duration warning();

        @io.smallrye.config.WithDefault("PT8H")
        java.time.Duration breach();
    }

    /** The SMTP relay that acknowledgements and notices go through. */
    Mail mail();

    interface Mail {
        String from();

        @io.smallrye.config.WithDefault("localhost")
        String host();

        @io.smallrye.config.WithDefault("25")
        int port();

        /** Set for a relay that requires authentication (then STARTTLS is required too). */
        java.util.Optional<String> username();

        java.util.Optional<String> password();

        /** For connecting, and for each answer of the relay. */
        @io.smallrye.config.WithDefault("10s")
        java.time.Duration timeout();

        /** Dev mode: mail is written to the log instead of being sent. */
        @io.smallrye.config.WithDefault("false")
        boolean logOnly();
    }

    /** Client and staff accounts in Keycloak. */
    Accounts accounts();

    interface Accounts {
        /** The client whose sign-in Keycloak's set-password mail leads to. */
        @io.smallrye.config.WithDefault("harmattan-web")
        String loginClient();

        /** How long the link in Keycloak's set-password mail works. */
        @io.smallrye.config.WithDefault("72h")
        java.time.Duration invitationLifespan();

        /** The longest wait between two attempts at Keycloak work that failed. */
        @io.smallrye.config.WithDefault("30m")
        java.time.Duration maxRetryDelay();
    }

    /** The proposals' scheduled work. */
    Proposals proposals();

    interface Proposals {
        /** How many days before a sent proposal expires its client people get a reminder (none if answered). */
        @io.smallrye.config.WithDefault("7")
        int reminderDaysBeforeExpiry();
    }

    /** Signs the one-time tokens of public forms. */
    String formSecret();

    /**
     * Every cookie is Secure, whatever scheme the request seems to have come by: in production TLS
     * ends at the proxy, and a proxy that forgets X-Forwarded-Proto must not make cookies travel in clear.
     */
    @io.smallrye.config.WithDefault("false")
    boolean secureCookies();
}
