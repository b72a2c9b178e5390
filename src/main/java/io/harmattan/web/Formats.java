package io.harmattan.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Formatting helpers for templates, so that templates only display. */
@TemplateExtension
public class Formats {

    private Formats() {
    }

    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
