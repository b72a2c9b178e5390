package io.harmattan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.harmattan.stack.AppProcess;
import io.harmattan.stack.EmbeddedKeycloak;
import io.harmattan.stack.EmbeddedMariaDb;
import io.harmattan.stack.FreePort;
import io.harmattan.stack.StackEnv;
import io.harmattan.testing.CodeFlowLogin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bin/security-scan: the packaged app as production runs it (prod profile, java -jar) on the
 * embedded MariaDB, Keycloak and a local mail server, attacked with sqlmap and wapiti as each kind
 * of person; the intake limits are raised for the scan only, so that the tools are not throttled.
 * Each tool's findings per target go into the "scan" section of docs/security.md; any finding, or
 * a run that could not attack its target, makes the scan fail.
 */
public final class SecurityScan {

    private static final String API_KEY = "scan-only-api-key";
    private static final Pattern SQLMAP_INJECTABLE = Pattern.compile("(?m)^Parameter: .*\\(.*\\)$|is vulnerable|appears to be injectable");

    record Finding(String tool, String target, int findings, String detail) {
    }

    private SecurityScan() {
    }

    public static void main(String[] args) throws Exception {
        Path basedir = Path.of(System.getProperty("scan.basedir", ".")).toAbsolutePath();
        Path local = Path.of(System.getProperty("stack.local", ".local")).toAbsolutePath();
        Path jar = basedir.resolve("target/quarkus-app/quarkus-run.jar");
        Path out = Files.createDirectories(basedir.resolve("target/security-scan"));
        Path data = Files.createTempDirectory("harmattan-scan-");
        int appPort = FreePort.find();
        String app = "http://localhost:" + appPort;
        GreenMail mail = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        List<Finding> results = new ArrayList<>();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data.resolve("mariadb"), FreePort.find(), true);
                EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(local, basedir.resolve("realm-config"), FreePort.find(),
                        data.resolve("keycloak"), StackEnv.realm(app, mail.getSmtp().getPort()))) {
            Map<String, String> env = new LinkedHashMap<>();
            env.putAll(StackEnv.database(db));
            env.putAll(StackEnv.keycloak(keycloak.url()));
            env.putAll(StackEnv.mail(mail.getSmtp().getPort()));
            env.put("HARMATTAN_PUBLIC_URL", app);
            env.put("HARMATTAN_API_KEYS", API_KEY);
            env.put("HARMATTAN_MANAGEMENT_PORT", Integer.toString(FreePort.find()));
            // Plain http on localhost: Secure cookies would not come back (their flag is tested in TwoInstancesIT).
            env.put("HARMATTAN_SECURE_COOKIES", "false");
            env.put("HARMATTAN_INTAKE_MAX_PER_EMAIL_PER_HOUR", "1000000");
            env.put("HARMATTAN_INTAKE_MAX_PER_CLIENT_PER_HOUR", "1000000");
            try (AppProcess ignored = AppProcess.start(jar, appPort, env, "/", out.resolve("app.log"))) {
                // The demo organisation, its people and the seeded briefings, which the production build does not carry.
                db.source("db/demo/R__demo_data.sql");
                db.source("db/demo/R__demo_briefings.sql");
                System.out.println("App up at " + app + "; signing in each role ...");
                String consultant = withCsrfCookie(app + "/console/leads",
                        CodeFlowLogin.sessionCookies(app, "/console", "demo-consultant", "demo"));
                String client = withCsrfCookie(app + "/portal", CodeFlowLogin.sessionCookies(app, "/portal", "demo-client", "demo"));
                seedLeads(app);

                FormTokens form = formTokens(app);
                results.add(sqlmap("public form POST /interest", out, List.of("-u", app + "/interest", "--data",
                        "name=Awa+Traore&email=scan%40example.org&organisation=Sahel+Gold&jobTitle=Director&phone=%2B22370000000"
                                + "&sectors=mining&countries=ML&services=risk-assessment&timeframe=now"
                                + "&needs=Security+review+of+a+gold+mine&consent=true&csrf-token=" + form.csrf() + "&token="
                                + form.formToken(),
                        // One CSRF pair and one form token serve the whole run (a day each); the first request stores a
                        // lead and later ones replay it, while the API target below stores a new lead per request.
                        "--cookie=csrf-token=" + form.csrfCookie(), "--drop-set-cookie",
                        "-p", "name,email,organisation,jobTitle,phone,sectors,countries,services,timeframe,needs")));
                results.add(sqlmap("web-to-lead API POST /api/v1/leads", out, List.of("-u", app + "/api/v1/leads", "--threads=2",
                        "--headers=X-Api-Key: " + API_KEY, "--data",
                        "{\"name\":\"Awa Traore\",\"email\":\"scan@example.org\",\"organisation\":\"Sahel Gold\","
                                + "\"jobTitle\":\"Director\",\"sectors\":[\"mining\"],\"countries\":[\"ML\"],"
                                + "\"services\":[\"risk-assessment\"],\"needs\":\"Security review\",\"consent\":true,"
                                + "\"language\":\"en\"}")));
                results.add(sqlmap("inbox filters GET /console/leads", out, List.of("-u", app + "/console/leads?status=new"
                        + "&country=ML&sector=mining&service=risk-assessment&assignee=me&from=2026-01-01&to=2026-12-31"
                        + "&q=gold&sort=received", "--cookie=" + consultant, "--threads=2",
                        // The filters, not the session cookies: a tampered session only signs the tool out.
                        "-p", "status,country,sector,service,assignee,from,to,q,sort")));
                results.add(sqlmap("match API POST /api/v1/match", out, List.of("-u", app + "/api/v1/match", "--threads=2",
                        "--headers=Authorization: Bearer " + accessToken(keycloak.realmUrl(), "demo-consultant"), "--data",
                        "{\"text\":\"gold mine near Kayes\",\"sectors\":[\"mining\"],\"countries\":[\"ML\"]}")));

                results.add(wapiti("public pages (anonymous)", out, app + "/", null));
                results.add(wapiti("console (consultant)", out, app + "/console", consultant));
                results.add(wapiti("portal (client)", out, app + "/portal", client));
            }
        } finally {
            mail.stop();
        }
        String section = report(results);
        replaceSection(basedir.resolve("docs/security.md"), section);
        System.out.println(section);
        long findings = results.stream().mapToLong(Finding::findings).sum();
        if (findings != 0) {
            System.err.println(findings + " finding(s) or failed run(s): see target/security-scan and docs/security.md");
            System.exit(1);
        }
    }

    /** A few leads, so that the inbox filters have rows to compare. */
    private static void seedLeads(String app) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            String body = "{\"name\":\"Seed " + i + "\",\"email\":\"seed" + i + "@example.org\",\"organisation\":\"Seed Gold "
                    + i + "\",\"jobTitle\":\"Director\",\"sectors\":[\"mining\"],\"countries\":[\"ML\"],\"services\":"
                    + "[\"risk-assessment\"],\"needs\":\"Gold mine security near Kayes\",\"consent\":true,\"language\":\"en\"}";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(app + "/api/v1/leads"))
                    .header("Content-Type", "application/json").header("X-Api-Key", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Seeding a lead failed: " + created.statusCode() + " " + created.body());
            }
        }
    }

    /**
     * The session cookies plus the CSRF cookie a page hands out with them: wapiti sends the cookies
     * given on its command line in place of those it collects, and without the CSRF one every form
     * it posts would stop at the token check instead of reaching the application.
     */
    private static String withCsrfCookie(String page, String cookies) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
        String csrf = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("No CSRF cookie from " + page + ": " + answer.statusCode()));
        return cookies + "; " + csrf;
    }

    record FormTokens(String csrfCookie, String csrf, String formToken) {
    }

    /** The public form's CSRF cookie and field and its one-time token, as a browser gets them. */
    private static FormTokens formTokens(String app) throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app + "/interest")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .map(c -> c.substring("csrf-token=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        return new FormTokens(cookie, field(page.body(), "csrf-token"), field(page.body(), "token"));
    }

    private static String field(String page, String name) {
        Matcher field = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        if (!field.find()) {
            throw new IllegalStateException("No " + name + " field on the form");
        }
        return URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
    }

    private static String accessToken(String realmUrl, String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=harmattan-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(realmUrl + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(token.body()).get("access_token").asText();
    }

    private static Finding sqlmap(String target, Path out, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sqlmap", "--batch", "--flush-session", "--level=2", "--risk=1",
                "--timeout=10", "--output-dir=" + out.resolve("sqlmap")));
        command.addAll(options);
        String log = run(command, out.resolve("sqlmap-" + slug(target) + ".log"), Duration.ofMinutes(20));
        Matcher injectable = SQLMAP_INJECTABLE.matcher(log);
        int findings = 0;
        while (injectable.find()) {
            findings++;
        }
        boolean tested = log.contains("does not seem to be injectable") || log.contains("all tested parameters do not appear");
        boolean refused = Pattern.compile("HTTP error codes detected during run:\\s*\\n?\\s*(401|403)").matcher(log).find()
                || log.contains("openid-connect/auth");
        if (!tested || refused) {
            return new Finding("sqlmap", target, 1, "the run did not test the target (see the log): " + lastLines(log, 3));
        }
        return new Finding("sqlmap", target, findings, findings == 0 ? "no injectable parameter" : "injectable parameters");
    }

    private static Finding wapiti(String target, Path out, String url, String cookies) throws IOException, InterruptedException {
        Path report = out.resolve("wapiti-" + slug(target) + ".json");
        // "folder": this app's address and port only, so Keycloak on the same host is never attacked.
        List<String> command = new ArrayList<>(List.of("wapiti", "-u", url, "--scope", "folder", "--flush-session",
                "-m", "sql,blindsql,xss,permanentxss,exec,file,redirect,crlf,csp,csrf,methods,xxe",
                // The inbox alone links to thousands of filter combinations: two levels reach every kind of page and form.
                "--max-scan-time", "780", "--max-attack-time", "45", "--max-links-per-page", "25", "-d", "2",
                "-f", "json", "-o", report.toString()));
        if (cookies != null) {
            command.addAll(List.of("-H", "Cookie: " + cookies));
        }
        String log = run(command, out.resolve("wapiti-" + slug(target) + ".log"), Duration.ofMinutes(15));
        if (!Files.exists(report)) {
            return new Finding("wapiti", target, 1, "no report: " + lastLines(log, 3));
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        List<String> found = new ArrayList<>();
        for (String kind : List.of("vulnerabilities", "anomalies")) {
            Iterator<Map.Entry<String, JsonNode>> categories = json.path(kind).fields();
            while (categories.hasNext()) {
                Map.Entry<String, JsonNode> category = categories.next();
                category.getValue().forEach(item -> found.add(category.getKey() + ": " + item.path("path").asText() + " "
                        + item.path("info").asText()));
            }
        }
        Matcher crawled = Pattern.compile("found (\\d+) URLs and forms").matcher(log);
        if (!crawled.find() || Integer.parseInt(crawled.group(1)) < 2) {
            return new Finding("wapiti", target, 1, "crawled nothing: " + lastLines(log, 3));
        }
        return new Finding("wapiti", target, found.size(), found.isEmpty() ? crawled.group(1) + " URLs and forms attacked, nothing found"
                : String.join("; ", found));
    }

    private static String run(List<String> command, Path log, Duration limit) throws IOException, InterruptedException {
        System.out.println("Running " + command.get(0) + " -> " + log.getFileName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Files.writeString(log, "\n[scan] stopped after " + limit + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        return Files.readString(log);
    }

    private static String slug(String target) {
        return target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String lastLines(String text, int count) {
        String[] lines = text.strip().split("\n");
        return String.join(" / ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - count), lines.length));
    }

    static String report(List<Finding> results) {
        StringBuilder section = new StringBuilder();
        section.append("Run on ").append(LocalDate.now()).append(" by `bin/security-scan` against the packaged app (prod profile)")
                .append(" with sqlmap ").append(version("sqlmap", "--version")).append(" and wapiti ")
                .append(version("wapiti", "--version")).append(". Logs and raw reports: `target/security-scan/`.\n\n")
                .append("| tool | target | findings | detail |\n|---|---|---|---|\n");
        for (Finding result : results) {
            section.append("| ").append(result.tool()).append(" | ").append(result.target()).append(" | ")
                    .append(result.findings()).append(" | ").append(result.detail().replace("|", "\\|")).append(" |\n");
        }
        return section.toString();
    }

    private static String version(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Matcher version = Pattern.compile("\\d+\\.\\d+\\.\\d+\\S*").matcher(output);
            return version.find() ? version.group() : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** Replaces what lies between the scan markers of docs/security.md. */
    static void replaceSection(Path file, String section) throws IOException {
        String begin = "<!-- scan:begin -->";
        String end = "<!-- scan:end -->";
        String text = Files.readString(file);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " has no " + begin + " ... " + end + " markers");
        }
        Files.writeString(file, text.substring(0, from + begin.length()) + "\n" + section + text.substring(to));
        System.out.println("Wrote the scan results to " + file + " at " + Instant.now());
    }
}
