package io.harmattan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak server, unpacked from Maven Central into {@code .local/} by the build, with the
 * dev realm imported. The server is "built" once (Keycloak's own augmentation step, about 20 s)
 * and then started with {@code --optimized} on later runs.
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    public static final String REALM = "harmattan";
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final Path log;

    private EmbeddedKeycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param h2Folder where Keycloak keeps its database; null keeps it inside the Keycloak home
     *                 (dev data survives restarts), a fresh folder gives a freshly imported realm.
     */
    public static EmbeddedKeycloak start(Path local, Path realmConfig, int port, Path h2Folder,
            Map<String, String> realmEnv) {
        Path home = local.resolve("keycloak-" + System.getProperty("keycloak.version", "26.7.3"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked in " + home
                    + "; run 'mvn generate-test-resources' (bin/run and the test command do it)");
        }
        try {
            Files.createDirectories(local.resolve("logs"));
            ensureBuilt(home, local);
            RealmFile.writeDevRealm(realmConfig, home.resolve("data/import/harmattan-realm.json"));
            copyThemes(realmConfig.resolve("themes"), home.resolve("themes"));

            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1", "--cache=local",
                    "--http-port=" + port, "--import-realm"));
            if (h2Folder != null) {
                command.add("--db-url=jdbc:h2:file:" + h2Folder.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
            }
            Path log = local.resolve("logs/keycloak-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(realmEnv);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            EmbeddedKeycloak keycloak = new EmbeddedKeycloak(builder.start(), port, log);
            keycloak.awaitRealm();
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    /** The login theme under realm-config/themes, into Keycloak's themes folder (as the compose file mounts it). */
    private static void copyThemes(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Runs Keycloak's one-time build unless this home already holds it. Keycloak records the
     * options it was built with inside its generated jar; a fresh unpack has no such record.
     */
    private static void ensureBuilt(Path home, Path local) throws IOException {
        if (isBuilt(home)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Path log = local.resolve("logs/keycloak-build.log");
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (build.waitFor() != 0 || !isBuilt(home)) {
                throw new IllegalStateException("'kc.sh build' failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            build.destroy();
            throw new IllegalStateException("Interrupted while building Keycloak", e);
        }
    }

    static boolean isBuilt(Path home) throws IOException {
        Path generated = home.resolve("lib/quarkus/generated-bytecode.jar");
        if (!Files.exists(generated)) {
            return false;
        }
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(generated.toFile())) {
            java.util.zip.ZipEntry entry = jar.getEntry("META-INF/keycloak-persisted.properties");
            if (entry == null) {
                return false;
            }
            java.util.Properties persisted = new java.util.Properties();
            try (var in = jar.getInputStream(entry)) {
                persisted.load(in);
            }
            return "dev-file".equals(persisted.getProperty("kc.db"));
        }
    }

    private void awaitRealm() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(300);
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + "; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    /** SIGSTOP: the server hangs, its connections stay open and nothing answers. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        // Keycloak's launcher script runs the JVM as a child: signal the whole tree.
        java.util.List<Long> pids = new java.util.ArrayList<>(java.util.List.of(process.pid()));
        process.descendants().forEach(child -> pids.add(child.pid()));
        for (long pid : pids) {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor();
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
