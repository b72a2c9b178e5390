package io.harmattan.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * HAProxy (Debian's package) in front of the app instances on one machine, as bin/cluster and the
 * fault tests run it: plain HTTP on loopback (docker/haproxy.cfg is the production one, with TLS).
 * Health checks ask each instance's readiness on its management port every second; a request that
 * could not reach an instance is sent to the other, and a GET that got no answer is tried again.
 */
public final class Balancer implements AutoCloseable {

    /** An app instance: where it serves and where its readiness answers. */
    public record Backend(String name, int port, int managementPort) {
    }

    private final Process process;
    private final Path adminSocket;
    public final int port;

    private Balancer(Process process, int port, Path adminSocket) {
        this.process = process;
        this.port = port;
        this.adminSocket = adminSocket;
    }

    public static Balancer start(int port, List<Backend> backends, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path config = folder.resolve("haproxy.cfg");
        // HAProxy's own answers (no instance ready, one died mid-request): the production pages, in both languages.
        Path errors = Path.of(System.getProperty("stack.basedir", ".")).resolve("docker/haproxy-errors").toAbsolutePath();
        Path adminSocket = folder.resolve("admin.sock").toAbsolutePath();
        Files.deleteIfExists(adminSocket);
        Files.writeString(config, config(port, backends, errors, adminSocket));
        Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited: " + Files.readString(folder.resolve("haproxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Balancer(process, port, adminSocket);
            } catch (IOException notYet) {
                Processes.pause(50);
            }
        }
        Processes.stop(process);
        throw new IllegalStateException("HAProxy did not listen on " + port);
    }

    /** Whether HAProxy can run here (bin/cluster and the fault tests need it; .ci/run installs it). */
    public static boolean installed() {
        try {
            return new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** docker/haproxy.cfg's rules, on loopback and plain HTTP. */
    static String config(int port, List<Backend> backends, Path errors, Path adminSocket) {
        StringBuilder servers = new StringBuilder();
        for (Backend backend : backends) {
            servers.append("    server %s 127.0.0.1:%d check port %d%n".formatted(backend.name(), backend.port(),
                    backend.managementPort()));
        }
        return """
                global
                    maxconn 4096
                    # Asked by the tests whether a server is back in the rotation (show stat).
                    stats socket %4$s mode 600 level operator

                defaults
                    mode http
                    timeout connect 1s
                    timeout client 30s
                    timeout server 30s
                    timeout http-request 10s
                    timeout queue 10s
                    # A busy instance answers its readiness late but answers: 2 s before a check counts as failed.
                    timeout check 2s
                    # A request that could not reach an instance goes to the other one.
                    retries 2
                    option redispatch 1
                    retry-on conn-failure empty-response response-timeout
                    errorfile 502 %2$s/502.http
                    errorfile 503 %2$s/503.http
                    errorfile 504 %2$s/504.http

                frontend web
                    bind 127.0.0.1:%1$d
                    # Loopback only: the client's X-Forwarded-For is kept (the fault tests simulate many
                    # addresses with it); docker/haproxy.cfg replaces it, as production must.
                    option forwardfor
                    http-request deny deny_status 404 if { path_beg /q/ }
                    default_backend app

                backend app
                    balance roundrobin
                    # Only a GET or HEAD is sent again after it reached an instance that died before answering;
                    # a POST is retried only when it never reached one (the form token and Idempotency-Key make
                    # a person's own second send safe, not the balancer's).
                    http-request disable-l7-retry unless { method GET HEAD }
                    option httpchk GET /q/health/ready
                    http-check expect status 200
                    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
                %3$s""".formatted(port, errors, servers, adminSocket);
    }


    /** Whether HAProxy's checks have put the server fully back in the rotation ("UP", not "UP 1/2" nor "DOWN"). */
    public boolean inRotation(String server) {
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(adminSocket))) {
            channel.write(java.nio.ByteBuffer.wrap("show stat\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            String csv = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII);
            // # pxname,svname,...; the status is the 18th column.
            return csv.lines().map(line -> line.split(",", -1))
                    .anyMatch(columns -> columns.length > 17 && columns[0].equals("app") && columns[1].equals(server)
                            && columns[17].equals("UP"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
