package io.harmattan.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;
import java.util.Set;

/**
 * The language of this request: an explicit choice kept in a cookie, else {@code ?lang=}, else
 * the browser's Accept-Language, else English. Templates read it as {inject:locales}.
 */
@Named("locales")
@RequestScoped
public class Locales {

    public static final String COOKIE = "lang";
    static final Set<String> SUPPORTED = Set.of("en", "fr");

    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Inject
    HttpServerRequest request;

    private Locale resolved;

    /** The cookie that keeps a person's choice of language (the switch, the client's settings) for a year. */
    public static NewCookie cookie(String language, boolean https) {
        return new NewCookie.Builder(COOKIE).value(language).path("/").maxAge(ONE_YEAR).httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    public Locale current() {
        if (resolved == null) {
            resolved = Locale.forLanguageTag(resolve());
        }
        return resolved;
    }

    /** "en" or "fr", for the html lang attribute and the language switch. */
    public String getLanguage() {
        return current().getLanguage();
    }

    /** The language the switch offers: the one not in use. */
    public String getOther() {
        return "fr".equals(getLanguage()) ? "en" : "fr";
    }

    /** This page's path and query (the inbox's filters, a search), for the language switch to come back to. */
    public String getReturnPath() {
        return request.uri();
    }

    private String resolve() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && SUPPORTED.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        String param = request.getParam("lang");
        if (param != null && SUPPORTED.contains(param)) {
            return param;
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** The first supported language in the header's order of preference (q-values honoured). */
    static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return "en";
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-")[0];
                if (SUPPORTED.contains(language)) {
                    return language;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
        return "en";
    }
}
