package io.harmattan;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "harmattan")
public interface HarmattanConfig {

    /** The consultancy's name as shown on every page. */
    String firmName();

    /** The address users reach the app at (used in emails and for the Keycloak redirect). */
    String publicUrl();
}
