package io.harmattan.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/cluster}: the production build run as a cluster on this machine. The embedded MariaDB
 * (data in .local/cluster), Keycloak on 8180, a local mail server whose mails are printed here, two
 * app instances (prod profile, -Xmx256m) and HAProxy on 8080 in front of them, with the demo data.
 * Ctrl-C stops all of it. Needs Debian's haproxy package.
 */
public final class ClusterStack {

    private static final int PUBLIC_PORT = 8080;
    private static final int KEYCLOAK_PORT = 8180;

    private final List<AutoCloseable> started = new ArrayList<>();

    public static void main(String[] args) {
        ClusterStack stack = new ClusterStack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "harmattan-cluster-stop"));
        int exit = 0;
        try {
            stack.run(Integer.getInteger("cluster.size", 2));
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("\nThe cluster could not start: " + e.getMessage());
            exit = 1;
        }
        stack.stop();
        System.exit(exit);
    }

    private void run(int size) throws Exception {
        if (!Balancer.installed()) {
            throw new IllegalStateException("HAProxy is not installed: sudo apt-get install haproxy");
        }
        Path basedir = Path.of(System.getProperty("stack.basedir", ".")).toAbsolutePath();
        Path local = Path.of(System.getProperty("stack.local", basedir.resolve(".local").toString()));
        Path folder = Files.createDirectories(local.resolve("cluster"));
        for (int port : new int[] {PUBLIC_PORT, KEYCLOAK_PORT}) {
            if (!FreePort.isFree(port)) {
                throw new IllegalStateException("Port " + port + " is taken. Is bin/run or another cluster still running?");
            }
        }
        String publicUrl = "http://localhost:" + PUBLIC_PORT;
        System.out.println("Starting the embedded MariaDB (data in " + folder.resolve("mariadb") + ") ...");
        EmbeddedMariaDb db = EmbeddedMariaDb.start(folder.resolve("mariadb"), FreePort.find(), false);
        started.add(db);
        DevMailbox mailbox = new DevMailbox(FreePort.find());
        started.add(mailbox);
        System.out.println("Starting Keycloak on port " + KEYCLOAK_PORT + " ...");
        EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(local, basedir.resolve("realm-config"), KEYCLOAK_PORT, null,
                StackEnv.realm(publicUrl, mailbox.port()));
        started.add(keycloak);

        String mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn").toString();
        System.out.println("Packaging the app (prod profile) ...");
        Process build = new ProcessBuilder(mvn, "-q", "-ntp", "package", "-DskipTests", "-Dquarkus.analytics.disabled=true")
                .directory(basedir.toFile()).inheritIO().start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("packaging the app failed (see the Maven output above)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.putAll(StackEnv.database(db));
        env.putAll(StackEnv.keycloak(keycloak.url()));
        env.putAll(StackEnv.mail(mailbox.port()));
        env.put("HARMATTAN_API_KEYS", "dev-only-api-key");
        System.out.println("Starting " + size + " app instances and HAProxy on port " + PUBLIC_PORT + " ...");
        Cluster cluster = Cluster.start(basedir.resolve("target/quarkus-app/quarkus-run.jar"), size, PUBLIC_PORT, env, folder);
        started.add(cluster);
        // The production build carries no demo data; the first instance has migrated the schema, the demo goes in now.
        db.source("db/demo/R__demo_data.sql");
        db.source("db/demo/R__demo_briefings.sql");
        StringBuilder instances = new StringBuilder();
        for (Cluster.Instance instance : cluster.instances()) {
            instances.append("   %-10s %s   health and metrics %s/q/health/ready  /q/metrics   log %s%n".formatted(
                    instance.name, instance.url(), instance.managementUrl(), folder.resolve(instance.name + ".log")));
        }
        System.out.println("""

                ==================================================================
                 Harmattan cluster (Ctrl-C stops everything)
                   Balancer   %s   (HAProxy; config and log in %s)
                %s   Keycloak   %s/admin (admin / admin)
                   Database   %s (user root, no password)
                 Demo logins (password 'demo'): demo-consultant, demo-lead, demo-admin, demo-client
                 Try: kill -9 one instance's java process; the balancer sends everyone to the other.
                ==================================================================
                """.formatted(cluster.url(), folder, instances, keycloak.url(), db.jdbcUrl()));
    }

    private synchronized void stop() {
        Processes.closeInReverse(started);
    }
}
