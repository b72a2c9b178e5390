package io.harmattan.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in once through the real authorization-code flow (app, Keycloak's login form, callback)
 * and hands back the app's session cookies, so that load runs reuse one session.
 */
public final class CodeFlowLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private CodeFlowLogin() {
    }

    /**
     * Browsers send Secure cookies to http://localhost; Java's CookieManager does not, and
     * Keycloak marks its login-session cookies Secure. On loopback only, drop that attribute.
     */
    private static final class LocalhostCookies extends CookieManager {
        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) throws IOException {
            java.util.Map<String, java.util.List<String>> relaxed = new java.util.HashMap<>();
            headers.forEach((name, values) -> relaxed.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            super.put(uri, relaxed);
        }
    }

    /** Returns a Cookie header value for the app, checked to open {@code protectedPath} with a 200. */
    public static String sessionCookies(String appUrl, String protectedPath, String username, String password)
            throws IOException, InterruptedException {
        CookieManager cookies = new LocalhostCookies();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.ALWAYS).build();
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(appUrl + protectedPath)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("No Keycloak login form at " + loginPage.uri());
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> landed = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(appUrl)) {
            throw new IllegalStateException("Sign-in did not come back to the app: " + landed.statusCode() + " " + landed.uri());
        }
        URI app = URI.create(appUrl);
        return cookies.getCookieStore().get(app).stream()
                .filter(cookie -> cookie.getName().startsWith("q_session"))
                .map(HttpCookie::toString).collect(Collectors.joining("; "));
    }
}
