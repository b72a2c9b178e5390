package io.harmattan.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/run}: the embedded MariaDB (data kept in .local/mariadb), Keycloak on 8180 with the
 * dev realm (its mails, such as invitations, printed to this console), then the app with the dev
 * profile on 8080 with demo data. Ctrl-C stops all of it.
 * Quarkus 3.33's dev mode needs a dev-only artifact (io.quarkus.qute:qute-debug) that the package
 * mirror these machines use does not serve, so the app is packaged with the dev profile and run
 * as a jar: the same configuration and demo data, without live reload.
 * HARMATTAN_DB_URL or HARMATTAN_KEYCLOAK_URL in the environment replace the embedded servers.
 */
public final class DevStack {

    private static final int APP_PORT = 8080;
    private static final int KEYCLOAK_PORT = 8180;
    private static final int PREFERRED_DB_PORT = 3307;
    private static final int PREFERRED_SMTP_PORT = 3025;

    private final List<AutoCloseable> started = new ArrayList<>();
    private Process app;

    public static void main(String[] args) throws Exception {
        DevStack stack = new DevStack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "harmattan-stop"));
        int exit;
        try {
            exit = stack.run();
        } catch (Exception e) {
            // Say what failed and end: the embedded servers' watcher threads would otherwise keep Maven waiting.
            System.err.println("\nHarmattan could not start: " + e.getMessage());
            exit = 1;
        }
        stack.stop();
        System.exit(exit);
    }

    private int run() throws Exception {
        Path basedir = Path.of(System.getProperty("stack.basedir", ".")).toAbsolutePath();
        Path local = Path.of(System.getProperty("stack.local", basedir.resolve(".local").toString()));
        Files.createDirectories(local);
        requireFree(APP_PORT, "the app");
        Map<String, String> appEnv = new LinkedHashMap<>();
        String publicUrl = "http://localhost:" + APP_PORT;

        String externalDb = System.getenv("HARMATTAN_DB_URL");
        String dbNote;
        if (externalDb == null || externalDb.isBlank()) {
            int dbPort = FreePort.isFree(PREFERRED_DB_PORT) ? PREFERRED_DB_PORT : FreePort.find();
            System.out.println("Starting the embedded MariaDB on port " + dbPort + " (data in " + local.resolve("mariadb/data") + ") ...");
            EmbeddedMariaDb db = EmbeddedMariaDb.start(local.resolve("mariadb"), dbPort, false);
            started.add(db);
            appEnv.putAll(StackEnv.database(db));
            dbNote = db.jdbcUrl() + " (user root, no password)";
        } else {
            dbNote = externalDb + " (external, from HARMATTAN_DB_URL)";
        }

        String externalKeycloak = System.getenv("HARMATTAN_KEYCLOAK_URL");
        String keycloakNote;
        if (externalKeycloak == null || externalKeycloak.isBlank()) {
            requireFree(KEYCLOAK_PORT, "Keycloak");
            System.out.println("Starting Keycloak on port " + KEYCLOAK_PORT + " (the first start takes about a minute) ...");
            DevMailbox mailbox = new DevMailbox(FreePort.isFree(PREFERRED_SMTP_PORT) ? PREFERRED_SMTP_PORT : FreePort.find());
            started.add(mailbox);
            EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(local, basedir.resolve("realm-config"), KEYCLOAK_PORT, null,
                    StackEnv.realm(publicUrl, mailbox.port()));
            started.add(keycloak);
            appEnv.putAll(StackEnv.keycloak(keycloak.url()));
            keycloakNote = keycloak.url() + "/admin (admin / admin)";
        } else {
            keycloakNote = externalKeycloak + " (external, from HARMATTAN_KEYCLOAK_URL)";
        }

        String mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn").toString();
        System.out.println("Packaging the app with the dev profile ...");
        Process build = new ProcessBuilder(mvn, "-q", "-ntp", "package", "-DskipTests", "-Dquarkus.profile=dev",
                "-Dquarkus.analytics.disabled=true").directory(basedir.toFile()).inheritIO().start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("packaging the app failed (see the Maven output above)");
        }
        ProcessBuilder devProfile = new ProcessBuilder("java", "-Dquarkus.profile=dev", "-Dquarkus.http.port=" + APP_PORT,
                "-jar", "target/quarkus-app/quarkus-run.jar").directory(basedir.toFile()).inheritIO();
        Map<String, String> env = devProfile.environment();
        appEnv.forEach(env::putIfAbsent);
        printBanner(publicUrl, dbNote, keycloakNote);
        app = devProfile.start();
        return app.waitFor();
    }

    private static void requireFree(int port, String what) {
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("Port " + port + " is taken, so " + what
                    + " cannot start there. Is another Harmattan still running?");
        }
    }

    private static void printBanner(String appUrl, String db, String keycloak) {
        System.out.println("""

                ==================================================================
                 Harmattan is starting with demo data (Ctrl-C stops everything)
                   App        %s
                   Console    %s/console   Portal %s/portal   Admin %s/admin
                   Keycloak   %s
                   Database   %s
                 Demo logins (password 'demo'):
                   demo-consultant, demo-lead, demo-admin; clients demo-client, demo-client2
                ==================================================================
                """.formatted(appUrl, appUrl, appUrl, appUrl, keycloak, db));
    }

    private synchronized void stop() {
        if (app != null) {
            Processes.stop(app);
            app = null;
        }
        Processes.closeInReverse(started);
    }
}
