package io.harmattan;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "harmattan")
public interface HarmattanConfig {

    /** The consultancy's name as shown on every page. */
    String firmName();

    /** Where new requests for interest are announced to the consultants. */
    String triageAddress();

    /** Keys of the web-to-lead API, one per calling website; none set means the API accepts no call. */
    java.util.Optional<java.util.List<String>> apiKeys();

    /** Limits on new requests for interest, per hour, counted across all instances. */
    IntakeLimits intake();

    interface IntakeLimits {
        @io.smallrye.config.WithDefault("5")
        int maxPerEmailPerHour();

        @io.smallrye.config.WithDefault("20")
        int maxPerClientPerHour();
    }

    /** Signs the one-time tokens of public forms. */
    String formSecret();
}
