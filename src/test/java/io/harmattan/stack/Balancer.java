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
    public final int port;

    private Balancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Balancer start(int port, List<Backend> backends, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path config = folder.resolve("haproxy.cfg");
        for (int status : new int[] {502, 503, 504}) {
            Files.writeString(folder.resolve(status + ".http"), errorPage(status));
        }
        Files.writeString(config, config(port, backends, folder));
        Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited: " + Files.readString(folder.resolve("haproxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Balancer(process, port);
            } catch (IOException notYet) {
                sleep(50);
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

    /**
     * What HAProxy answers itself when no instance can (all down, one died mid-request): a page in
     * both languages with Retry-After, like the app's own 503, rather than HAProxy's bare default.
     */
    static String errorPage(int status) {
        String reason = switch (status) {
            case 502 -> "Bad Gateway";
            case 504 -> "Gateway Timeout";
            default -> "Service Unavailable";
        };
        String page = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Service temporarily unavailable</title></head>
                <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
                <h1>Service temporarily unavailable</h1>
                <p>We cannot handle requests for a moment. Please try again in a minute; sending the same form again
                will not create a second request.</p>
                <h1 lang="fr">Service momentanément indisponible</h1>
                <p lang="fr">Nous ne pouvons pas traiter les demandes pour un instant. Réessayez dans une minute ;
                renvoyer le même formulaire ne créera pas de seconde demande.</p>
                </body></html>
                """;
        return "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                + "Retry-After: 10\r\nConnection: close\r\nContent-Length: " + page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "\r\n\r\n" + page;
    }

    static String config(int port, List<Backend> backends, Path folder) {
        StringBuilder servers = new StringBuilder();
        for (Backend backend : backends) {
            servers.append("    server %s 127.0.0.1:%d check port %d%n".formatted(backend.name(), backend.port(),
                    backend.managementPort()));
        }
        return """
                global
                    maxconn 4096

                defaults
                    mode http
                    timeout connect 1s
                    timeout client 30s
                    timeout server 30s
                    timeout http-request 10s
                    timeout queue 10s
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
                %3$s""".formatted(port, folder.toAbsolutePath(), servers);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
