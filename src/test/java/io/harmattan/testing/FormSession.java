package io.harmattan.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in user's pages and form posts, with the CSRF cookie and field each page hands out. */
public record FormSession(String cookies) {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_SESSION = Pattern.compile("name=\"csrf-session\" value=\"([^\"]+)\"");

    public static FormSession signIn(String path, String user) throws Exception {
        return new FormSession(CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), path, user, "demo"));
    }

    /** A page as served, with what is needed to post its forms. */
    public record Page(Response response, String csrfCookie, String csrfField, String cookies, String sessionField) {

        /** Another person's page posted with these cookies: its session field cannot be theirs, so it is left out. */
        public Page(Response response, String csrfCookie, String csrfField, String cookies) {
            this(response, csrfCookie, csrfField, cookies, null);
        }

        public String body() {
            return response.body().asString();
        }

        /** The first group of the pattern in the page, or null. */
        public String find(Pattern pattern) {
            Matcher matcher = pattern.matcher(body());
            return matcher.find() ? matcher.group(1) : null;
        }

        public RequestSpecification post(Map<String, ?> fields) {
            RequestSpecification request = given().redirects().follow(false)
                    .header("Cookie", cookies + "; csrf-token=" + csrfCookie)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrfField);
            if (sessionField != null) {
                request.formParam("csrf-session", sessionField);
            }
            fields.forEach((name, value) -> {
                if (value instanceof List<?> values) {
                    values.forEach(v -> request.formParam(name, v));
                } else {
                    request.formParam(name, value);
                }
            });
            return request;
        }
    }

    public Response get(String path) {
        return given().redirects().follow(false).header("Cookie", cookies).get(path);
    }

    /** A page that must answer 200 and carry a form. */
    public Page open(String path) {
        Response response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Matcher field = CSRF.matcher(response.body().asString());
        assertThat(field.find()).as("CSRF field on " + path).isTrue();
        return new Page(response, response.getCookie("csrf-token"), field.group(1), cookies, sessionField(response));
    }

    /** A page whose status is not 200 but which still carries forms (a 400 or 409 page). */
    public static Page of(Response response, String cookies) {
        Matcher field = CSRF.matcher(response.body().asString());
        return new Page(response, response.getCookie("csrf-token"), field.find() ? field.group(1) : null, cookies,
                sessionField(response));
    }

    private static String sessionField(Response response) {
        Matcher field = CSRF_SESSION.matcher(response.body().asString());
        return field.find() ? field.group(1) : null;
    }
}
