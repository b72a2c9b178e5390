package io.harmattan.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two packaged app instances (prod profile, -Xmx256m, each with its own port and management port)
 * on one database, Keycloak and mail relay, behind HAProxy: what bin/cluster starts and what the
 * fault tests kill and restart. The balancer's address is the public one (links in mails, Keycloak's
 * redirects), and a session lives in its encrypted cookie, so either instance serves it.
 */
public final class Cluster implements AutoCloseable {

    /** One instance: how it was started, so that it can be started again the same way. */
    public static final class Instance {
        public final String name;
        public final int port;
        public final int managementPort;
        private final Map<String, String> env;
        private final Path log;
        private AppProcess process;

        Instance(String name, int port, int managementPort, Map<String, String> env, Path log) {
            this.name = name;
            this.port = port;
            this.managementPort = managementPort;
            this.env = env;
            this.log = log;
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        public String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }

        public AppProcess process() {
            return process;
        }
    }

    private final Path jar;
    private final List<Instance> instances;
    private final Balancer balancer;

    private Cluster(Path jar, List<Instance> instances, Balancer balancer) {
        this.jar = jar;
        this.instances = instances;
        this.balancer = balancer;
    }

    /**
     * Starts {@code size} instances one after the other (the first applies the migrations), then the
     * balancer on {@code publicPort}. {@code env} is the app's configuration (database, Keycloak,
     * mail); each instance's log goes to {@code folder}.
     */
    public static Cluster start(Path jar, int size, int publicPort, Map<String, String> env, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Instance> instances = new ArrayList<>();
        List<Balancer.Backend> backends = new ArrayList<>();
        try {
            for (int i = 1; i <= size; i++) {
                Map<String, String> own = new LinkedHashMap<>(env);
                int managementPort = FreePort.find();
                own.put("HARMATTAN_MANAGEMENT_PORT", Integer.toString(managementPort));
                own.put("HARMATTAN_PUBLIC_URL", "http://localhost:" + publicPort);
                // Plain HTTP on loopback: the cookies cannot be Secure here (production's TLS balancer makes them so).
                own.putIfAbsent("HARMATTAN_SECURE_COOKIES", "false");
                Instance instance = new Instance("app" + i, FreePort.find(), managementPort, own, folder.resolve("app" + i + ".log"));
                instances.add(instance);
                start(jar, instance);
                backends.add(new Balancer.Backend(instance.name, instance.port, instance.managementPort));
            }
            return new Cluster(jar, instances, Balancer.start(publicPort, backends, folder));
        } catch (IOException | RuntimeException e) {
            instances.stream().filter(instance -> instance.process != null).forEach(instance -> instance.process.close());
            throw e;
        }
    }

    private static void start(Path jar, Instance instance) throws IOException {
        instance.process = AppProcess.start(jar.toAbsolutePath(), instance.port, instance.env, "/", instance.log);
    }

    public String url() {
        return "http://localhost:" + balancer.port;
    }

    public List<Instance> instances() {
        return instances;
    }

    public Instance instance(int index) {
        return instances.get(index);
    }

    /** Whether the balancer sends requests to this instance again (its checks passed). */
    public boolean inRotation(Instance instance) {
        return balancer.inRotation(instance.name);
    }

    /** kill -9 of one instance. */
    public void kill(int index) {
        instances.get(index).process.kill();
    }

    /** SIGTERM: Quarkus reports not ready, waits for the balancer to notice, drains, then stops. */
    public void stop(int index) {
        instances.get(index).process.close();
    }

    /** Starts an instance again as it was first started, and waits for its first answer. */
    public void restart(int index) throws IOException {
        start(jar, instances.get(index));
    }

    @Override
    public void close() {
        balancer.close();
        for (Instance instance : instances) {
            if (instance.process != null) {
                instance.process.close();
            }
        }
    }
}
