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

    public HarmattanConfig.Contact getContact() {
        return config.contact();
    }

    /** The postal address, line by line. */
    public java.util.List<String> getAddressLines() {
        return java.util.Arrays.stream(config.contact().address().split("/")).map(String::strip).filter(l -> !l.isEmpty())
                .toList();
    }
}
