package io.harmattan.web;

import io.harmattan.HarmattanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Site-wide facts for the layout, read as {inject:site}. */
@Named("site")
@ApplicationScoped
public class Site {

    @Inject
    HarmattanConfig config;

    public String getFirmName() {
        return config.firmName();
    }
}
