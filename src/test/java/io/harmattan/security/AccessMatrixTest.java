package io.harmattan.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the app, found in its classes as EndpointAnnotationsTest finds them, called as
 * each kind of person: anonymous, client, consultant, lead consultant and administrator. Pages get
 * the person's session cookie; /api/* gets their bearer token. The answers must be exactly the
 * table below, which states who may do what; an endpoint without a row fails the build, so a new
 * one cannot ship without someone deciding its access.
 *
 * <p>Ids in paths name nothing (999999999): an allowed call answers 404 for them, or 400 for a
 * form posted without its CSRF token, while a refused one answers 302 to the sign-in (anonymous
 * pages), 401 (the API) or 403, before any lookup. So the table tells access apart without
 * touching data.
 */
@QuarkusTest
class AccessMatrixTest {

    /** anonymous, client, consultant, lead consultant, admin. */
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            // Public pages.
            Map.entry("GET /", "200 200 200 200 200"),
            Map.entry("GET /interest", "200 200 200 200 200"),
            Map.entry("GET /privacy", "200 200 200 200 200"),
            Map.entry("GET /legal", "200 200 200 200 200"),
            Map.entry("POST /interest", "400 400 400 400 400"),
            Map.entry("GET /interest/received", "404 404 404 404 404"), // without a reference: nothing to show
            Map.entry("GET /language/{language}", "303 303 303 303 303"),
            Map.entry("GET /signed-out", "303 303 303 303 303"), // to the landing page, with its message
            // Sign-out is a form POST like any other: without its CSRF token, nobody is signed out.
            Map.entry("POST /logout", "400 400 400 400 400"),
            // Where a signed-in person starts.
            Map.entry("GET /home", "302 303 303 303 303"),
            // The client portal: clients only, and only their organisation's items (the ids here are nobody's).
            Map.entry("GET /portal", "302 200 403 403 403"),
            Map.entry("GET /portal/briefings", "302 200 403 403 403"),
            Map.entry("GET /portal/briefings/{id}", "302 404 403 403 403"),
            Map.entry("GET /portal/briefings/{id}/pdf", "302 404 403 403 403"),
            Map.entry("GET /portal/proposals", "302 200 403 403 403"),
            Map.entry("GET /portal/proposals/{id}", "302 404 403 403 403"),
            Map.entry("GET /portal/proposals/{id}/pdf", "302 404 403 403 403"),
            Map.entry("POST /portal/proposals/{id}/accept", "302 400 403 403 403"),
            Map.entry("POST /portal/proposals/{id}/decline", "302 400 403 403 403"),
            Map.entry("GET /portal/settings", "302 200 403 403 403"),
            Map.entry("POST /portal/settings", "302 400 403 403 403"),
            // The console and its leads: consultants and lead consultants; the administrator has /admin and sees no lead.
            Map.entry("GET /unsubscribe", "400 400 400 400 400"),
            Map.entry("POST /unsubscribe", "400 400 400 400 400"),
            Map.entry("GET /unsubscribe/done", "200 200 200 200 200"),
            // The same for a client's digests and alerts: the link names one person.
            Map.entry("GET /unsubscribe/briefings", "400 400 400 400 400"),
            Map.entry("POST /unsubscribe/briefings", "400 400 400 400 400"),
            Map.entry("GET /unsubscribe/briefings/done", "200 200 200 200 200"),
            Map.entry("GET /console", "302 403 200 200 403"),
            Map.entry("GET /console/leads", "302 403 200 200 403"),
            Map.entry("GET /console/leads/quarantine", "302 403 200 200 403"),
            Map.entry("GET /console/leads/export.csv", "302 403 200 200 403"),
            Map.entry("GET /console/leads/reasons", "302 403 200 200 403"),
            Map.entry("POST /console/leads/bulk", "302 403 400 400 403"),
            Map.entry("POST /console/leads/views", "302 403 400 400 403"),
            Map.entry("POST /console/leads/views/{view}/delete", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/reply", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/contacts", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/tasks", "302 403 400 400 403"),
            Map.entry("GET /console/tasks", "302 403 200 200 403"),
            Map.entry("POST /console/tasks/{id}/done", "302 403 400 400 403"),
            Map.entry("GET /console/leads/{id}", "302 403 404 404 403"),
            Map.entry("POST /console/leads/{id}/assign", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/status", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/tags", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/notes", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/merge", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/convert", "302 403 400 400 403"),
            Map.entry("POST /console/leads/{id}/delete", "302 403 400 400 403"),
            // Briefings: every consultant writes and publishes them.
            Map.entry("GET /console/briefings", "302 403 200 200 403"),
            Map.entry("GET /console/briefings/new", "302 403 200 200 403"),
            Map.entry("POST /console/briefings", "302 403 400 400 403"),
            Map.entry("GET /console/briefings/{id}", "302 403 404 404 403"),
            Map.entry("GET /console/briefings/{id}/edit", "302 403 404 404 403"),
            Map.entry("POST /console/briefings/{id}/edit", "302 403 400 400 403"),
            Map.entry("POST /console/briefings/{id}/approve", "302 403 403 400 403"),
            Map.entry("POST /console/briefings/{id}/recipients", "302 403 400 400 403"),
            Map.entry("POST /console/briefings/{id}/publish", "302 403 400 400 403"),
            Map.entry("POST /console/briefings/{id}/archive", "302 403 400 400 403"),
            Map.entry("GET /console/briefings/{id}/versions/{number}", "302 403 404 404 403"),
            Map.entry("GET /console/briefings/{id}/compare", "302 403 404 404 403"),
            Map.entry("GET /console/match", "302 403 200 200 403"),
            Map.entry("POST /console/match", "302 403 400 400 403"),
            // Proposals: consultants draft, lead consultants review and send.
            Map.entry("GET /console/proposals", "302 403 200 200 403"),
            Map.entry("POST /console/proposals/new", "302 403 400 400 403"),
            Map.entry("GET /console/proposals/{id}", "302 403 404 404 403"),
            Map.entry("GET /console/proposals/{id}/pdf", "302 403 404 404 403"),
            Map.entry("GET /console/proposals/{id}/edit", "302 403 404 404 403"),
            Map.entry("POST /console/proposals/{id}/edit", "302 403 400 400 403"),
            Map.entry("POST /console/proposals/{id}/{action:submit|revise}", "302 403 400 400 403"),
            Map.entry("POST /console/proposals/{id}/{action:approve|changes|send|withdraw}", "302 403 403 400 403"),
            // Client organisations: consultants read; lead consultants and the administrator change.
            Map.entry("GET /console/clients", "302 403 200 200 200"),
            Map.entry("GET /console/clients/{id}", "302 403 404 404 404"),
            Map.entry("POST /console/clients/{id}/follows", "302 403 403 400 400"),
            Map.entry("POST /console/clients/{id}/status", "302 403 403 400 400"),
            Map.entry("POST /console/clients/{id}/people", "302 403 403 400 400"),
            Map.entry("POST /console/clients/{id}/people/{person}/{action:suspend|reinstate|remove}",
                    "302 403 403 400 400"),
            // Reports: every consultant.
            Map.entry("GET /console/reports", "302 403 200 200 403"),
            Map.entry("GET /console/reports/{report:leads|response|funnel|proposals|readership}", "302 403 200 200 403"),
            Map.entry("GET /console/reports/{report:leads|response|funnel|proposals|readership}.csv", "302 403 200 200 403"),
            // Data-protection requests: lead consultants only; every call a POST (no address in a URL).
            Map.entry("GET /console/privacy", "302 403 403 200 403"),
            Map.entry("POST /console/privacy", "302 403 403 400 403"),
            Map.entry("POST /console/privacy/export", "302 403 403 400 403"),
            Map.entry("POST /console/privacy/erase", "302 403 403 400 403"),
            // Administration.
            Map.entry("GET /admin", "302 403 403 403 200"),
            Map.entry("GET /admin/audit", "302 403 403 403 200"),
            Map.entry("GET /admin/audit.csv", "302 403 403 403 200"),
            Map.entry("GET /admin/staff", "302 403 403 403 200"),
            Map.entry("POST /admin/staff", "302 403 403 403 400"),
            Map.entry("POST /admin/staff/{id}/{action:disable|enable}", "302 403 403 403 400"),
            // The API takes bearer tokens (and, for new leads, a website's key), never a session cookie.
            Map.entry("GET /api/v1/reference-data", "401 403 200 200 403"), // the consultants' tools
            Map.entry("POST /api/v1/match", "401 403 200 200 403"), // an empty request matches nothing
            Map.entry("POST /api/v1/leads", "401 401 401 401 401"),
            Map.entry("GET /api/v1/leads/{reference}", "401 403 404 404 403")));

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z]+)(?::([a-z]+)[^}]*)?}");
    private static final String NOBODY = "999999999";

    /** One endpoint: its HTTP method, its path template and the Java method serving it. */
    record Endpoint(String verb, String template, Method method) {

        @Override
        public String toString() {
            return verb + " " + template;
        }
    }

    /** Every endpoint the application serves, from its compiled resource classes. */
    static List<Endpoint> all() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/harmattan"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AccessMatrixTest.class.getClassLoader());
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = Stream.of(method.getAnnotations())
                            .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(java.util.Objects::nonNull)
                            .map(HttpMethod::value).findFirst().orElse(null);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        endpoints.add(new Endpoint(verb, join(root.value(), sub == null ? "" : sub.value()), method));
                    }
                }
            }
        }
        return endpoints;
    }

    /** Every "METHOD /path/template" the application serves. */
    static List<String> endpoints() throws IOException, ClassNotFoundException {
        return all().stream().map(Endpoint::toString).toList();
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A path that names nothing: ids that do not exist, the first choice of a fixed set, a language. */
    static String concrete(String template) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2)
                    : switch (matcher.group(1)) {
                        case "language" -> "fr";
                        case "number" -> "1";
                        case "reference" -> "RFI-2000-999999";
                        default -> NOBODY;
                    };
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }

    @Test
    void everyEndpointAnswersEachKindOfPersonAsTheTableSays() throws Exception {
        DemoSessions as = DemoSessions.signIn();
        List<FormSession> people = List.of(as.client(), as.consultant(), as.lead(), as.admin());
        List<String> bearers = Stream.of("demo-client", "demo-consultant", "demo-lead", "demo-admin")
                .map(Tokens::accessToken).toList();

        Map<String, String> actual = new TreeMap<>();
        for (String endpoint : endpoints()) {
            String verb = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            boolean api = path.startsWith("/api/");
            List<String> statuses = new ArrayList<>();
            statuses.add(status(verb, path, api, given()));
            for (int i = 0; i < people.size(); i++) {
                RequestSpecification request = api ? given().auth().oauth2(bearers.get(i))
                        : given().header("Cookie", people.get(i).cookies());
                statuses.add(status(verb, path, api, request));
            }
            actual.put(endpoint, String.join(" ", statuses));
        }
        String table = actual.entrySet().stream().map(e -> "Map.entry(\"" + e.getKey() + "\", \"" + e.getValue() + "\"),")
                .collect(Collectors.joining("\n"));
        assertThat(actual.keySet()).as("endpoints without a row (answers now:\n%s)", table).isEqualTo(EXPECTED.keySet());
        assertThat(actual).as("answers differ from the table (answers now:\n%s)", table).isEqualTo(EXPECTED);
    }

    @Test
    void pathsAreFilledWithValuesThatNameNothing() {
        assertThat(concrete("/admin/staff/{id}/{action:disable|enable}")).isEqualTo("/admin/staff/999999999/disable");
        assertThat(concrete("/console/briefings/{id}/versions/{number}")).isEqualTo("/console/briefings/999999999/versions/1");
        assertThat(concrete("/language/{language}")).isEqualTo("/language/fr");
    }

    /** The status, and for a redirect of an anonymous page call, that it goes to the sign-in. */
    private static String status(String verb, String path, boolean api, RequestSpecification request) {
        RequestSpecification call = request.redirects().follow(false);
        if ("POST".equals(verb)) {
            call = api ? call.contentType("application/json").body("{}") : call.contentType("application/x-www-form-urlencoded");
        }
        Response response = call.request(verb, path);
        int status = response.statusCode();
        if (status == 302) {
            assertThat(response.header("Location")).as(verb + " " + path).contains("/protocol/openid-connect/auth");
        }
        return Integer.toString(status);
    }
}
