package io.harmattan.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * A form post refused before any resource saw it, because its CSRF token could not be checked (a
 * form left open past the token cookie's day, cookies blocked or cleared, a sign-in changed): the
 * person gets a page in their language instead of a bare "400", what they typed, and a fresh
 * token cookie so that the next try goes through. A form that knows how to show itself again (the
 * public interest form) does so through {@link Resend}; any other shows what was typed as text to
 * copy and a way back. Only posts from this site's own pages get that: see {@link #explain}.
 */
public class RefusedForms {

    /** A form that shows itself again, filled with what was typed, after its post was refused. */
    public interface Resend {

        /** Whether this form posts to {@code path}. */
        boolean handles(String path);

        /** The form, filled with {@code typed} (field name to values) and saying why it came back. */
        TemplateInstance page(Map<String, List<String>> typed);
    }

    /** A field as it was typed. */
    public record Typed(String name, String value) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(List<Typed> typed, String back);
    }

    /** The form's own token fields: never shown back. */
    private static final Set<String> TOKENS = Set.of("csrf-token", "csrf-session");
    /**
     * Where quarkus-rest-csrf looks for a token to set as the cookie (the token, or its bytes when the
     * extension signs tokens), its flag asking for one, and its mark on a post it verified.
     */
    private static final String TOKEN_KEY = "csrf_token";
    private static final String TOKEN_BYTES_KEY = "csrf_token_bytes";
    private static final String NEW_COOKIE = "true";
    private static final String VERIFIED = "csrf_token_verified";
    private static final String REFUSED = "harmattan.csrf-refused";
    /** The extension's default token size (quarkus.rest-csrf.token-size). */
    private static final int TOKEN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Instance<Resend> forms;

    @Inject
    Locales locales;

    /**
     * Runs before quarkus-rest-csrf's response filter, which then sets the new token as its cookie.
     * Only a post from one of this site's own pages is shown again with what was typed and a new
     * token: a post forged by another site gets the explanation alone, keeps the visitor's cookie as
     * it was, and gives the forger nothing to have clicked.
     */
    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void explain(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response,
            RoutingContext routing) {
        if (!"POST".equals(request.getMethod()) || response.getStatus() != 400 || response.hasEntity()
                || request.getUriInfo().getPath().startsWith("/api/") || !isForm(request) || !refused(routing)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        TemplateInstance page;
        if (fromThisSite(routing)) {
            byte[] token = new byte[TOKEN_BYTES];
            RANDOM.nextBytes(token);
            routing.put(TOKEN_BYTES_KEY, token);
            routing.put(TOKEN_KEY, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
            routing.put(NEW_COOKIE, true);
            Map<String, List<String>> typed = typed((ResteasyReactiveRequestContext) request.getServerRequestContext());
            page = forms.stream().filter(form -> form.handles(path)).findFirst().map(form -> form.page(typed))
                    .orElseGet(() -> Templates.refused(shown(typed), back(routing)));
        } else {
            page = Templates.refused(List.of(), "/");
        }
        response.setEntity(page.setLocale(locales.current()).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** Marks a post refused by this app's own check (SessionBoundCsrf), as the extension's refusals are known by a missing mark. */
    public static void markRefused(RoutingContext routing) {
        routing.put(REFUSED, true);
    }

    /** Refused by quarkus-rest-csrf (which marks the posts it verified) or by SessionBoundCsrf. */
    private static boolean refused(RoutingContext routing) {
        return routing.get(VERIFIED) == null || routing.get(REFUSED) != null;
    }

    private static boolean isForm(ResteasyReactiveContainerRequestContext request) {
        try {
            MediaType type = request.getMediaType();
            return type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The browser says the post came from one of this site's pages (Fetch metadata, else Origin). */
    private static boolean fromThisSite(RoutingContext routing) {
        String site = routing.request().getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site);
        }
        String origin = routing.request().getHeader("Origin");
        if (origin == null || routing.request().authority() == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            return routing.request().authority().host().equals(from.getHost())
                    && routing.request().authority().port() == (from.getPort() == -1 ? routing.request().authority().port() : from.getPort());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static Map<String, List<String>> typed(ResteasyReactiveRequestContext form) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        if (form.getFormData() == null) {
            return typed;
        }
        for (String name : form.getFormData()) {
            if (TOKENS.contains(name)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            form.getFormData().get(name).forEach(value -> values.add(value.getValue()));
            typed.put(name, values);
        }
        return typed;
    }

    private static List<Typed> shown(Map<String, List<String>> typed) {
        List<Typed> shown = new ArrayList<>();
        typed.forEach((name, values) -> values.stream().filter(v -> v != null && !v.isBlank())
                .forEach(value -> shown.add(new Typed(name, value))));
        return shown;
    }

    /** The page the form was on, when the browser says and it is this site's; else the home page. */
    private static String back(RoutingContext routing) {
        String referer = routing.request().getHeader("Referer");
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                String host = routing.request().authority() == null ? null : routing.request().authority().host();
                if (from.getHost() != null && from.getHost().equals(host) && from.getRawPath() != null) {
                    return LanguageResource.safeLocalPath(from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
                }
            } catch (IllegalArgumentException unreadable) {
                // fall through to the form's own address
            }
        }
        return "/";
    }
}
