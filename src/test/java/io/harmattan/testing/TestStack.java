package io.harmattan.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.harmattan.stack.EmbeddedKeycloak;
import io.harmattan.stack.EmbeddedMariaDb;
import io.harmattan.stack.FreePort;
import io.harmattan.stack.StackEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The real servers the tests run against, started once per test JVM (not per class) on free
 * ports: MariaDB and Keycloak with throw-away data, and GreenMail as the SMTP server.
 */
public final class TestStack {

    private static TestStack instance;

    public final EmbeddedMariaDb database;
    public volatile EmbeddedKeycloak keycloak;
    public volatile GreenMail mail;
    public final int appPort;
    private final Path runFolder;
    private final Path local;
    private final int keycloakPort;
    private final int smtpPort;

    public static synchronized TestStack get() {
        if (instance == null) {
            instance = new TestStack();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-stack-stop"));
        }
        return instance;
    }

    private TestStack() {
        local = Path.of(System.getProperty("stack.local", ".local")).toAbsolutePath();
        try {
            runFolder = Files.createTempDirectory("harmattan-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        appPort = FreePort.find();
        keycloakPort = FreePort.find();
        smtpPort = FreePort.find();
        // Keycloak takes the longest; start it alongside the database.
        CompletableFuture<EmbeddedKeycloak> startingKeycloak = CompletableFuture.supplyAsync(this::startKeycloak);
        EmbeddedMariaDb startedDatabase = null;
        try {
            startedDatabase = EmbeddedMariaDb.start(runFolder.resolve("mariadb"), FreePort.find(), true);
            mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            keycloak = startingKeycloak.join();
        } catch (RuntimeException failed) {
            // Leave nothing running behind a failed start: the next run would find its ports and files taken.
            try {
                startingKeycloak.join().close();
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            if (mail != null) {
                mail.stop();
            }
            if (startedDatabase != null) {
                startedDatabase.close();
            }
            deleteRunFolder();
            throw failed;
        }
        database = startedDatabase;
    }

    private EmbeddedKeycloak startKeycloak() {
        return EmbeddedKeycloak.start(local, Path.of("realm-config").toAbsolutePath(), keycloakPort,
                runFolder.resolve("keycloak"), StackEnv.realm(appUrl(), smtpPort));
    }

    /** Runs the checks with the SMTP server down, then starts a fresh one on the same port. */
    public synchronized void withMailStopped(Runnable checks) {
        ServerSetup setup = mail.getSmtp().getServerSetup();
        mail.stop();
        try {
            checks.run();
        } finally {
            mail = new GreenMail(setup);
            mail.start();
        }
    }

    /** Runs the checks with Keycloak stopped, then brings it back on the same port with the same data. */
    public synchronized void withKeycloakStopped(Runnable checks) {
        keycloak.close();
        try {
            checks.run();
        } finally {
            keycloak = startKeycloak();
        }
    }

    public String appUrl() {
        return "http://localhost:" + appPort;
    }

    /** The app's configuration, under the same names the dev launcher passes as environment. */
    public Map<String, String> appConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.putAll(StackEnv.database(database));
        config.putAll(StackEnv.keycloak(keycloak.url()));
        config.putAll(StackEnv.mail(mail.getSmtp().getPort()));
        config.put("HARMATTAN_PUBLIC_URL", appUrl());
        config.put("quarkus.http.test-port", Integer.toString(appPort));
        return config;
    }

    private void stop() {
        mail.stop();
        keycloak.close();
        database.close();
        deleteRunFolder();
    }

    private void deleteRunFolder() {
        try (Stream<Path> files = Files.walk(runFolder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
