package io.harmattan;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "harmattan")
public interface HarmattanConfig {

    /** The consultancy's name as shown on every page. */
    String firmName();

    /** Where new requests for interest are announced to the consultants. */
    String triageAddress();

    /** Signs the one-time tokens of public forms. */
    String formSecret();
}
