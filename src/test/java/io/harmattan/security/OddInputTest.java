package io.harmattan.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.security.AccessMatrixTest.Endpoint;
import io.harmattan.testing.DemoSessions;
import io.harmattan.testing.FormSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

/**
 * Odd input in every parameter of every page endpoint, as the person allowed to call it: no
 * answer may be a 500. The parameters come from the resource methods themselves (query and form
 * parameters, form records), so a new one is fuzzed without anyone listing it. Form posts carry a
 * valid CSRF pair, so the odd values reach the resource rather than stopping at the token check.
 * The JSON API's bodies are fuzzed in LeadApiTest and MatchApiTest.
 */
@QuarkusTest
class OddInputTest {

    /** One value of each kind (empty, markup, encodings, numbers out of range, paths, controls, sizes, dates, lists). */
    private static final List<String> ODD = List.of("", "'\"<>&;--", "%", "%00", "\u0000", "-1",
            "99999999999999999999999", "1e309", "null", "../../etc/passwd", "\u202Eevil",
            "\uD83D\uDE00", "a".repeat(5000), "2026-02-30", "ML,BF", "x\r\nSet-Cookie: a=b", "\uD800");

    @Test
    void noParameterOfAnyPageTurnsOddInputIntoAServerError() throws Exception {
        DemoSessions as = DemoSessions.signIn();
        Response form = given().get("/interest");
        Map<String, FormSession.Page> pages = Map.of("/portal", as.client().open("/portal"),
                "/console", as.lead().open("/console/leads"), "/admin", as.admin().open("/admin/staff"),
                "/", FormSession.of(form, "lang=en"));
        RestAssuredConfig utf8 = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint endpoint : AccessMatrixTest.all()) {
            if (endpoint.template().startsWith("/api/") || endpoint.template().equals("/logout")) {
                continue;
            }
            FormSession.Page page = pages.entrySet().stream().filter(e -> !e.getKey().equals("/"))
                    .filter(e -> endpoint.template().startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                    .orElse(pages.get("/"));
            String path = AccessMatrixTest.concrete(endpoint.template());
            for (String name : parameters(endpoint)) {
                for (String odd : ODD) {
                    RequestSpecification request = request(endpoint, page).config(utf8);
                    Response response = "GET".equals(endpoint.verb()) ? request.queryParam(name, odd).get(path)
                            : request.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                                    .formParam(name, odd).post(path);
                    requests++;
                    if (response.statusCode() >= 500) {
                        failures.add(endpoint + " " + name + "=" + printable(odd) + " -> " + response.statusCode());
                    }
                }
            }
            if (endpoint.template().contains("{")) {
                // Not the 5,000-character value: an address that long is refused by Vert.x before reading the body.
                for (String odd : ODD.stream().filter(odd -> odd.length() < 100).toList()) {
                    String oddPath = endpoint.template().replaceAll("\\{[^}]+}", URLEncoder.encode(odd, StandardCharsets.UTF_8)
                            .replace("+", "%20"));
                    RequestSpecification request = request(endpoint, page);
                    Response response = request.urlEncodingEnabled(false).request(endpoint.verb(), oddPath);
                    requests++;
                    if (response.statusCode() >= 500) {
                        failures.add(endpoint + " path=" + printable(odd) + " -> " + response.statusCode());
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    /** A GET with the person's cookies, or a form post with their page's CSRF pair. */
    private static RequestSpecification request(Endpoint endpoint, FormSession.Page page) {
        return "GET".equals(endpoint.verb()) ? given().redirects().follow(false).header("Cookie", page.cookies())
                : page.post(Map.of());
    }

    /** The query and form parameters an endpoint reads, by the names it reads them under. */
    static Set<String> parameters(Endpoint endpoint) {
        Set<String> names = new LinkedHashSet<>();
        for (Parameter parameter : endpoint.method().getParameters()) {
            if (parameter.isAnnotationPresent(PathParam.class)) {
                continue;
            }
            String name = name(parameter.getAnnotation(QueryParam.class), parameter.getAnnotation(RestQuery.class),
                    parameter.getAnnotation(FormParam.class), parameter.getAnnotation(RestForm.class), parameter.getName());
            if (name != null) {
                names.add(name);
            }
            if (parameter.isAnnotationPresent(BeanParam.class) && parameter.getType().isRecord()) {
                Class<?> record = parameter.getType();
                for (RecordComponent component : record.getRecordComponents()) {
                    RestForm form = restForm(record, component);
                    if (form != null) {
                        names.add(form.value().isEmpty() ? component.getName() : form.value());
                    }
                }
            }
        }
        return names;
    }

    /** A form record's @RestForm, wherever Java put it: the component, its field or its accessor. */
    private static RestForm restForm(Class<?> record, RecordComponent component) {
        if (component.getAnnotation(RestForm.class) != null) {
            return component.getAnnotation(RestForm.class);
        }
        try {
            RestForm onField = record.getDeclaredField(component.getName()).getAnnotation(RestForm.class);
            return onField != null ? onField : component.getAccessor().getAnnotation(RestForm.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static String name(QueryParam query, RestQuery restQuery, FormParam form, RestForm restForm, String javaName) {
        if (query != null) {
            return query.value();
        }
        if (form != null) {
            return form.value();
        }
        if (restQuery != null) {
            return restQuery.value().isEmpty() ? javaName : restQuery.value();
        }
        if (restForm != null) {
            return restForm.value().isEmpty() ? javaName : restForm.value();
        }
        return null;
    }

    private static String printable(String odd) {
        String shown = odd.length() > 20 ? odd.substring(0, 20) + "..." : odd;
        return shown.chars().mapToObj(c -> c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .reduce("", String::concat);
    }
}
