package io.harmattan.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The baseline that does the same essential work as Harmattan's intake, and nothing more: a
 * minimal Quarkus app of the same version with the same extensions (Hibernate ORM with Panache,
 * Flyway with one migration, the MySQL driver, OIDC against the same Keycloak, Qute, the CSRF
 * filter) that serves a Qute form with a CSRF token, stores each POST with one Panache insert and
 * redirects. Generated and packaged by the harness, like {@link MinimalApp}.
 */
final class SameWorkApp {

    private SameWorkApp() {
    }

    /** The database (on the same server as the app's) that the baseline migrates and writes. */
    static final String DATABASE = "baseline";

    static Path build(Path folder, String quarkusVersion, Path projectRepository) throws IOException, InterruptedException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", pom(quarkusVersion, projectRepository));
        files.put("src/main/resources/application.properties", PROPERTIES);
        files.put("src/main/resources/db/migration/V1__submission.sql", MIGRATION);
        files.put("src/main/resources/templates/FormResource/form.html", TEMPLATE);
        files.put("src/main/java/bench/Submission.java", ENTITY);
        files.put("src/main/java/bench/FormResource.java", RESOURCE);
        return GeneratedApp.packaged(folder, files);
    }

    /** Its configuration: the same environment variables as Harmattan's, pointed at its own database. */
    static Map<String, String> env(Map<String, String> harmattanEnv) {
        Map<String, String> env = new LinkedHashMap<>(harmattanEnv);
        env.put("HARMATTAN_DB_URL", harmattanEnv.get("HARMATTAN_DB_URL").replaceAll("/[^/?]+$", "/" + DATABASE)
                + "?createDatabaseIfNotExist=true");
        return env;
    }

    private static String pom(String quarkusVersion, Path projectRepository) {
        return GeneratedApp.pom("same-work", quarkusVersion, """
                <repositories><repository>
                  <id>harmattan-local-poms</id><url>%s</url>
                </repository></repositories>""".formatted(projectRepository.toUri()),
                "<dependency><groupId>com.mysql</groupId><artifactId>mysql-connector-j</artifactId><version>8.3.0</version></dependency>",
                """
                <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-qute</artifactId></dependency>
                <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-csrf</artifactId></dependency>
                <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-hibernate-orm-panache</artifactId></dependency>
                <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-jdbc-mysql</artifactId></dependency>
                <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-flyway</artifactId></dependency>
                <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-mysql</artifactId></dependency>
                <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-oidc</artifactId></dependency>""");
    }

    private static final String PROPERTIES = """
            quarkus.datasource.db-kind=mysql
            quarkus.datasource.jdbc.url=${HARMATTAN_DB_URL}
            quarkus.datasource.username=${HARMATTAN_DB_USER}
            quarkus.datasource.password=${HARMATTAN_DB_PASSWORD:}
            quarkus.hibernate-orm.database.version-check.enabled=${HARMATTAN_DB_VERSION_CHECK:true}
            quarkus.flyway.migrate-at-start=true
            quarkus.oidc.auth-server-url=${HARMATTAN_KEYCLOAK_URL}/realms/harmattan
            quarkus.oidc.client-id=harmattan-web
            quarkus.oidc.credentials.secret=${HARMATTAN_OIDC_SECRET}
            quarkus.oidc.application-type=web-app
            quarkus.oidc.token-state-manager.encryption-secret=${HARMATTAN_SESSION_SECRET}
            quarkus.rest-csrf.token-signature-key=${HARMATTAN_SESSION_SECRET}
            """;

    private static final String MIGRATION = """
            CREATE TABLE submission (
                id           BIGINT        NOT NULL AUTO_INCREMENT,
                name         VARCHAR(120)  NOT NULL,
                email        VARCHAR(254)  NOT NULL,
                organisation VARCHAR(200)  NOT NULL,
                needs        TEXT          NOT NULL,
                submitted_at DATETIME(6)   NOT NULL,
                PRIMARY KEY (id)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
            """;

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Request for interest</title></head>
            <body><form method="post" action="/form">
            <input type="hidden" name="{inject:csrf.parameterName}" value="{inject:csrf.token}">
            <label>Name <input name="name" required></label>
            <label>Email <input name="email" type="email" required></label>
            <label>Organisation <input name="organisation" required></label>
            <label>Needs <textarea name="needs" required></textarea></label>
            <button type="submit">Send</button>
            </form></body></html>
            """;

    private static final String ENTITY = """
            package bench;

            import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
            import jakarta.persistence.Column;
            import jakarta.persistence.Entity;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.GenerationType;
            import jakarta.persistence.Id;
            import jakarta.persistence.Table;
            import java.time.Instant;

            @Entity
            @Table(name = "submission")
            public class Submission extends PanacheEntityBase {
                @Id
                @GeneratedValue(strategy = GenerationType.IDENTITY)
                public Long id;
                public String name;
                public String email;
                public String organisation;
                @Column(columnDefinition = "TEXT")
                public String needs;
                @Column(name = "submitted_at")
                public Instant submittedAt;
            }
            """;

    private static final String RESOURCE = """
            package bench;

            import io.quarkus.qute.CheckedTemplate;
            import io.quarkus.qute.TemplateInstance;
            import jakarta.transaction.Transactional;
            import jakarta.ws.rs.Consumes;
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.POST;
            import jakarta.ws.rs.Path;
            import jakarta.ws.rs.Produces;
            import jakarta.ws.rs.core.MediaType;
            import jakarta.ws.rs.core.Response;
            import java.net.URI;
            import java.time.Instant;
            import org.jboss.resteasy.reactive.RestForm;

            @Path("/")
            public class FormResource {

                @CheckedTemplate
                static class Templates {
                    static native TemplateInstance form();
                }

                @GET
                @Produces(MediaType.TEXT_PLAIN)
                public String home() {
                    return "hello";
                }

                @GET
                @Path("form")
                @Produces(MediaType.TEXT_HTML)
                public TemplateInstance form() {
                    return Templates.form();
                }

                @POST
                @Path("form")
                @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
                @Transactional
                public Response submit(@RestForm String name, @RestForm String email, @RestForm String organisation,
                        @RestForm String needs) {
                    Submission submission = new Submission();
                    submission.name = name;
                    submission.email = email;
                    submission.organisation = organisation;
                    submission.needs = needs;
                    submission.submittedAt = Instant.now();
                    submission.persist();
                    return Response.seeOther(URI.create("/form?sent")).build();
                }
            }
            """;
}
